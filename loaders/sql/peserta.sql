-- peserta: normalise every row, give each rejected row the first failing rule (docs/ARCHITECTURE.md).
CREATE OR REPLACE TABLE peserta_checked AS
WITH parsed AS (
  SELECT _row,
    j_nik_text(nik) AS nik, j_nik_mangled(nik) AS nik_mangled, j_nik_valid_format(nik) AS nik_valid,
    nullif(regexp_replace(trim(kpj), '\s', '', 'g'), '') AS kpj,
    j_text(nama) AS nama,
    mulai AS mulai_text, akhir AS akhir_text, tanggal_lahir AS lahir_text, jenis_kelamin AS jk_text,
    kecamatan AS kec_text, desa AS desa_text, sektor AS sektor_text,
    coalesce(upper(j_text(sumber_dana)), getvariable('sumber_dana_bawaan')) AS sumber_dana,
    upper(j_text(status)) AS status
  FROM raw_peserta
),
-- Dates, sexes, places and jobs repeat across rows: each distinct text is normalised once, and rows
-- find theirs by an equality join (a million rows hold a few thousand distinct dates and names).
tanggal AS (
  SELECT teks, j_date(teks) AS tanggal
  FROM (SELECT mulai AS teks FROM raw_peserta UNION SELECT akhir FROM raw_peserta UNION SELECT tanggal_lahir FROM raw_peserta)
  WHERE teks IS NOT NULL
), jenis_kelamin AS (
  SELECT teks, j_sex(teks) AS jk FROM (SELECT DISTINCT jenis_kelamin AS teks FROM raw_peserta WHERE jenis_kelamin IS NOT NULL)
), kecamatan AS (
  SELECT t.teks, k.kode_kec
  FROM (SELECT DISTINCT kecamatan AS teks FROM raw_peserta WHERE kecamatan IS NOT NULL) t JOIN ref_kec_key k ON k.key = j_key(t.teks)
), desa AS (
  -- Desa are matched within the row's kecamatan (names repeat across kecamatan).
  SELECT t.kode_kec, t.teks, d.kode_desa
  FROM (SELECT DISTINCT k.kode_kec, r.desa AS teks FROM raw_peserta r JOIN kecamatan k ON k.teks = r.kecamatan WHERE r.desa IS NOT NULL) t
  JOIN ref_desa_key d ON d.kode_kec = t.kode_kec AND d.key = j_key(t.teks)
), sektor AS (
  SELECT t.teks, s.kode
  FROM (SELECT DISTINCT sektor AS teks FROM raw_peserta WHERE sektor IS NOT NULL) t JOIN ref_sektor_key s ON s.key = j_sector_key(t.teks)
), matched AS (
  SELECT p._row, p.nik, p.nik_mangled, p.nik_valid, p.kpj, p.nama,
    tm.tanggal AS mulai, p.mulai_text, ta.tanggal AS akhir, p.akhir_text, tl.tanggal AS lahir_isian, p.lahir_text,
    x.jk AS jk_isian, p.jk_text, p.kec_text, p.desa_text, p.sektor_text, p.sumber_dana, p.status,
    k.kode_kec, d.kode_desa, coalesce(s.kode, 'lainnya') AS sektor,
    CASE WHEN p.nik_valid THEN j_nik_birth(p.nik, coalesce(year(tm.tanggal), 1999)) END AS lahir,
    CASE WHEN p.nik_valid THEN j_nik_sex(p.nik) END AS jk,
    s.kode IS NULL AS sektor_unknown
  FROM parsed p
  LEFT JOIN tanggal tm ON tm.teks = p.mulai_text
  LEFT JOIN tanggal ta ON ta.teks = p.akhir_text
  LEFT JOIN tanggal tl ON tl.teks = p.lahir_text
  LEFT JOIN jenis_kelamin x ON x.teks = p.jk_text
  LEFT JOIN kecamatan k ON k.teks = p.kec_text
  LEFT JOIN desa d ON d.kode_kec = k.kode_kec AND d.teks = p.desa_text
  LEFT JOIN sektor s ON s.teks = p.sektor_text
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
SELECT *,
  CASE WHEN sektor_unknown THEN 'SEKTOR_TIDAK_DIKENAL'
       WHEN desa_text IS NOT NULL AND kode_desa IS NULL THEN 'DESA_TIDAK_DIKENAL' END AS peringatan
FROM ruled;

-- Same person, same start date as an accepted row above: the copy is rejected, the original kept.
-- (An update of the few copies, rather than a window over every row.)
UPDATE peserta_checked SET alasan = 'DUPLIKAT'
FROM (SELECT nik, mulai, min(_row) AS pertama FROM peserta_checked WHERE alasan IS NULL GROUP BY nik, mulai HAVING count(*) > 1) d
WHERE peserta_checked.alasan IS NULL AND peserta_checked.nik = d.nik AND peserta_checked.mulai = d.mulai
  AND peserta_checked._row > d.pertama;

CREATE OR REPLACE TABLE peserta_ok AS
SELECT _row, nik, kpj, kode_kec, kode_desa, sektor, jk, lahir, mulai, akhir, sumber_dana, status
FROM peserta_checked WHERE alasan IS NULL;
