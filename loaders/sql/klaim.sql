-- klaim: claims paid by BPJS Ketenagakerjaan, matched to an accepted member by NIK, else by KPJ.
CREATE OR REPLACE TABLE klaim_checked AS
WITH parsed AS (
  SELECT _row,
    j_nik_text(nik) AS nik_text, j_nik_mangled(nik) AS nik_mangled,
    nullif(regexp_replace(trim(kpj), '\s', '', 'g'), '') AS kpj,
    j_date(tanggal_kejadian) AS tanggal_kejadian,
    CASE WHEN regexp_matches(upper(jenis), 'JKM|KEMATIAN') THEN 'JKM'
         WHEN regexp_matches(upper(jenis), 'JKK|KECELAKAAN') THEN 'JKK' END AS jenis,
    j_money(nominal) AS nominal, nominal AS nominal_text,
    coalesce(j_money(beasiswa), 0) AS beasiswa, j_money(beasiswa) IS NULL AND beasiswa IS NOT NULL AS beasiswa_invalid,
    j_date(tanggal_bayar) AS tanggal_bayar, tanggal_bayar AS tanggal_bayar_text
  FROM raw_klaim
), member_by_nik AS (
  -- Only the members some claim names (a few thousand of a million) are summed up.
  SELECT nik, arg_max(kode_kec, (mulai, -_row)) AS kode_kec
  FROM peserta_ok WHERE nik IN (SELECT nik_text FROM parsed) GROUP BY nik
), member_by_kpj AS (
  SELECT kpj, arg_max(nik, (mulai, -_row)) AS nik, arg_max(kode_kec, (mulai, -_row)) AS kode_kec
  FROM peserta_ok WHERE kpj IN (SELECT kpj FROM parsed) GROUP BY kpj
), matched AS (
  SELECT p.*, coalesce(n.nik, k.nik) AS nik, coalesce(n.kode_kec, k.kode_kec) AS kode_kec
  FROM parsed p
  -- An equality on one expression, so DuckDB hashes the join (with `NOT nik_mangled AND …` it compared
  -- every claim with every member). A mangled NIK is looked up as NULL: it matches no member.
  LEFT JOIN member_by_nik n ON n.nik = CASE WHEN p.nik_mangled THEN NULL ELSE p.nik_text END
  LEFT JOIN member_by_kpj k ON k.kpj = p.kpj
), ruled AS (
  SELECT *, CASE
    WHEN nik_text IS NULL AND kpj IS NULL THEN 'IDENTITAS_KOSONG'
    WHEN nik_mangled AND kpj IS NULL THEN 'NIK_RUSAK_EXCEL'
    WHEN tanggal_kejadian IS NULL THEN 'TANGGAL_KEJADIAN_TIDAK_VALID'
    WHEN jenis IS NULL THEN 'JENIS_TIDAK_VALID'
    WHEN nominal IS NULL THEN 'NOMINAL_TIDAK_VALID'
    WHEN beasiswa_invalid THEN 'BEASISWA_TIDAK_VALID'
    WHEN tanggal_bayar_text IS NOT NULL AND tanggal_bayar IS NULL THEN 'TANGGAL_BAYAR_TIDAK_VALID'
    WHEN nik IS NULL THEN 'PESERTA_TIDAK_DITEMUKAN'
  END AS alasan
  FROM matched
)
SELECT * REPLACE (
    CASE WHEN alasan IS NULL AND row_number() OVER (PARTITION BY alasan IS NULL, nik, tanggal_kejadian, jenis ORDER BY _row) > 1
      THEN 'DUPLIKAT' ELSE alasan END AS alasan),
  NULL::VARCHAR AS peringatan
FROM ruled;

CREATE OR REPLACE TABLE klaim_ok AS
SELECT _row, nik, kode_kec, tanggal_kejadian, jenis, nominal, beasiswa, tanggal_bayar
FROM klaim_checked WHERE alasan IS NULL;

-- A death ends coverage in the month it happened, whether or not peserta was updated.
CREATE OR REPLACE TABLE kematian AS
SELECT nik, min(tanggal_kejadian) AS tanggal FROM klaim_ok GROUP BY nik;
