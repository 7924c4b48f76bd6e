-- peserta: normalise every row, give each rejected row the first failing rule (docs/ARCHITECTURE.md).
CREATE OR REPLACE TABLE peserta_checked AS
WITH parsed AS (
  SELECT _row,
    j_nik_text(nik) AS nik, j_nik_mangled(nik) AS nik_mangled, j_nik_valid_format(nik) AS nik_valid,
    nullif(regexp_replace(trim(kpj), '\s', '', 'g'), '') AS kpj,
    j_text(nama) AS nama,
    j_date(mulai) AS mulai, mulai AS mulai_text,
    j_date(akhir) AS akhir, akhir AS akhir_text,
    j_date(tanggal_lahir) AS lahir_isian, tanggal_lahir AS lahir_text,
    j_sex(jenis_kelamin) AS jk_isian, jenis_kelamin AS jk_text,
    kecamatan AS kec_text, desa AS desa_text, sektor AS sektor_text,
    coalesce(upper(j_text(sumber_dana)), getvariable('sumber_dana_bawaan')) AS sumber_dana,
    upper(j_text(status)) AS status
  FROM raw_peserta
), matched AS (
  SELECT p.*, k.kode_kec, d.kode_desa, coalesce(s.kode, 'lainnya') AS sektor,
    CASE WHEN p.nik_valid THEN j_nik_birth(p.nik, coalesce(year(p.mulai), 1999)) END AS lahir,
    CASE WHEN p.nik_valid THEN j_nik_sex(p.nik) END AS jk,
    s.kode IS NULL AS sektor_unknown
  FROM parsed p
  LEFT JOIN ref_kec_key k ON k.key = j_key(p.kec_text)
  LEFT JOIN ref_desa_key d ON d.kode_kec = k.kode_kec AND d.key = j_key(p.desa_text)
  LEFT JOIN ref_sektor_key s ON s.key = j_sector_key(p.sektor_text)
), ruled AS (
  SELECT *, CASE
    WHEN nik IS NULL THEN 'NIK_KOSONG'
    WHEN nik_mangled THEN 'NIK_RUSAK_EXCEL'
    WHEN NOT nik_valid THEN 'NIK_FORMAT'
    WHEN lahir IS NULL THEN 'NIK_TANGGAL_TIDAK_VALID'
    WHEN nama IS NULL THEN 'NAMA_KOSONG'
    WHEN kec_text IS NULL THEN 'KECAMATAN_KOSONG'
    WHEN kode_kec IS NULL THEN 'KECAMATAN_TIDAK_DIKENAL'
    WHEN sektor_text IS NULL THEN 'SEKTOR_KOSONG'
    WHEN mulai IS NULL THEN 'MULAI_TIDAK_VALID'
    WHEN akhir_text IS NOT NULL AND akhir IS NULL THEN 'AKHIR_TIDAK_VALID'
    WHEN akhir < mulai THEN 'AKHIR_SEBELUM_MULAI'
    WHEN lahir_text IS NOT NULL AND lahir_isian IS NULL THEN 'TGL_LAHIR_TIDAK_VALID'
    WHEN lahir_isian IS NOT NULL AND lahir_isian <> lahir THEN 'NIK_TGL_LAHIR_BEDA'
    WHEN jk_text IS NOT NULL AND jk_isian IS NULL THEN 'JK_TIDAK_VALID'
    WHEN jk_isian IS NOT NULL AND jk_isian <> jk THEN 'NIK_JK_BEDA'
    WHEN j_age(lahir, mulai) < getvariable('usia_min') OR j_age(lahir, mulai) >= getvariable('usia_maks')
      THEN 'USIA_DI_LUAR_KETENTUAN'
  END AS alasan
  FROM matched
)
SELECT * REPLACE (
    -- Same person, same start date as an accepted row above: the copy is rejected, the original kept.
    CASE WHEN alasan IS NULL AND row_number() OVER (PARTITION BY alasan IS NULL, nik, mulai ORDER BY _row) > 1
      THEN 'DUPLIKAT' ELSE alasan END AS alasan),
  CASE WHEN sektor_unknown THEN 'SEKTOR_TIDAK_DIKENAL'
       WHEN desa_text IS NOT NULL AND kode_desa IS NULL THEN 'DESA_TIDAK_DIKENAL' END AS peringatan
FROM ruled;

CREATE OR REPLACE TABLE peserta_ok AS
SELECT _row, nik, kpj, kode_kec, kode_desa, sektor, jk, lahir, mulai, akhir, sumber_dana, status
FROM peserta_checked WHERE alasan IS NULL;
