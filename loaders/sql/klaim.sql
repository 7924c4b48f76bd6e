-- klaim: claims paid by BPJS Ketenagakerjaan, matched to a member row by NIK, else by KPJ. A claim is
-- a record of money paid to a family: one that matches a member row whose enrolment was rejected
-- (over age, unknown kecamatan, …) still counts in the claims figures, with a cross-check finding
-- (KLAIM_PESERTA_DITOLAK); only a claim matching no row of peserta at all is rejected.
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
), baris_peserta AS (
  -- Only the member rows some claim names (a few thousand of a million) are looked at, accepted or
  -- not. Each lookup keeps one row: an accepted one before a rejected one, then the latest mulai,
  -- then the lowest row number (the row that places an accepted member's month, members.sql).
  SELECT nik, kpj, {'nik': nik, 'kode_kec': kode_kec, 'alasan': alasan, 'baris': _row} AS baris,
    (alasan IS NULL, coalesce(mulai, DATE '0001-01-01'), -_row) AS urutan
  FROM peserta_checked
  WHERE nik IN (SELECT nik_text FROM parsed) OR kpj IN (SELECT kpj FROM parsed)
), member_by_nik AS (
  SELECT nik, arg_max(baris, urutan) AS baris FROM baris_peserta WHERE nik IS NOT NULL GROUP BY nik
), member_by_kpj AS (
  SELECT kpj, arg_max(baris, urutan) AS baris FROM baris_peserta WHERE kpj IS NOT NULL GROUP BY kpj
), matched AS (
  -- An accepted row found by NIK, else by KPJ (as before rejected rows were looked at), else a
  -- rejected row by NIK, else by KPJ.
  SELECT p.*, CASE WHEN n.baris.alasan IS NULL AND n.baris IS NOT NULL THEN n.baris
                   WHEN k.baris.alasan IS NULL AND k.baris IS NOT NULL THEN k.baris
                   ELSE coalesce(n.baris, k.baris) END AS peserta
  FROM parsed p
  -- An equality on one expression, so DuckDB hashes the join (with `NOT nik_mangled AND …` it compared
  -- every claim with every member). A mangled NIK is looked up as NULL: it matches no member.
  LEFT JOIN member_by_nik n ON n.nik = CASE WHEN p.nik_mangled THEN NULL ELSE p.nik_text END
  LEFT JOIN member_by_kpj k ON k.kpj = p.kpj
), ruled AS (
  SELECT * EXCLUDE (peserta),
    peserta.nik AS nik, peserta.kode_kec AS kode_kec, peserta.alasan AS alasan_peserta, peserta.baris AS baris_peserta,
    CASE
    WHEN nik_text IS NULL AND kpj IS NULL THEN 'IDENTITAS_KOSONG'
    WHEN nik_mangled AND kpj IS NULL THEN 'NIK_RUSAK_EXCEL'
    WHEN tanggal_kejadian IS NULL THEN 'TANGGAL_KEJADIAN_TIDAK_VALID'
    WHEN jenis IS NULL THEN 'JENIS_TIDAK_VALID'
    WHEN nominal IS NULL THEN 'NOMINAL_TIDAK_VALID'
    WHEN beasiswa_invalid THEN 'BEASISWA_TIDAK_VALID'
    WHEN peserta IS NULL THEN 'PESERTA_TIDAK_DITEMUKAN'
  END AS alasan,
  -- The payment date is in no figure: an unreadable one loses no money (the row stays, date unknown).
  CASE WHEN tanggal_bayar_text IS NOT NULL AND tanggal_bayar IS NULL THEN 'TANGGAL_BAYAR_TIDAK_VALID' END AS peringatan
  FROM matched
)
-- One claim per member, event date and type; a member row without a NIK is told apart by its number.
SELECT * REPLACE (
    CASE WHEN alasan IS NULL AND row_number() OVER (
        PARTITION BY alasan IS NULL, coalesce(nik, 'baris ' || baris_peserta), tanggal_kejadian, jenis ORDER BY _row) > 1
      THEN 'DUPLIKAT' ELSE alasan END AS alasan)
FROM ruled;

-- alasan_peserta: the member row's own rejection reason (NULL: an accepted member).
CREATE OR REPLACE TABLE klaim_ok AS
SELECT _row, nik, kode_kec, tanggal_kejadian, jenis, nominal, beasiswa, tanggal_bayar, alasan_peserta, baris_peserta
FROM klaim_checked WHERE alasan IS NULL;

-- A death ends coverage in the month it happened, whether or not peserta was updated. Only an accepted
-- member has a coverage period to end: a claim for a rejected row changes no member-month.
CREATE OR REPLACE TABLE kematian AS
SELECT nik, min(tanggal_kejadian) AS tanggal FROM klaim_ok WHERE alasan_peserta IS NULL GROUP BY nik;
