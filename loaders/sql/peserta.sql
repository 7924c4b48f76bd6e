-- peserta: normalise every row, give each rejected row the first failing rule (docs/ARCHITECTURE.md).
-- Reads isian_peserta, the cells as written (loaders/read). Dates, sexes, places, jobs and funding
-- sources repeat across rows (a million rows hold a few thousand distinct texts): each distinct text is
-- trimmed and normalised once, in the small tables below, and rows find theirs by an equality join.
-- Only NIK, KPJ and name are looked at row by row.

CREATE OR REPLACE TEMP TABLE peserta_tanggal AS
SELECT teks, nullif(trim(teks), '') IS NOT NULL AS terisi, j_date(teks) AS tanggal
FROM (SELECT mulai AS teks FROM isian_peserta UNION SELECT akhir FROM isian_peserta UNION SELECT tanggal_lahir FROM isian_peserta)
WHERE teks IS NOT NULL;

CREATE OR REPLACE TEMP TABLE peserta_jenis_kelamin AS
SELECT teks, nullif(trim(teks), '') IS NOT NULL AS terisi, j_sex(teks) AS jk
FROM (SELECT DISTINCT jenis_kelamin AS teks FROM isian_peserta WHERE jenis_kelamin IS NOT NULL);

-- Desa are matched within the row's kecamatan (names repeat across kecamatan): one row per pair of texts.
CREATE OR REPLACE TEMP TABLE peserta_tempat AS
SELECT t.kecamatan, t.desa, nullif(trim(t.kecamatan), '') AS kec_text, nullif(trim(t.desa), '') AS desa_text, k.kode_kec, d.kode_desa
FROM (SELECT DISTINCT kecamatan, desa FROM isian_peserta) t
LEFT JOIN ref_kec_key k ON k.key = j_key(t.kecamatan)
LEFT JOIN ref_desa_key d ON d.kode_kec = k.kode_kec AND d.key = j_key(t.desa);

CREATE OR REPLACE TEMP TABLE peserta_sektor AS
SELECT t.teks, nullif(trim(t.teks), '') IS NOT NULL AS terisi, s.kode
FROM (SELECT DISTINCT sektor AS teks FROM isian_peserta WHERE sektor IS NOT NULL) t
LEFT JOIN ref_sektor_key s ON s.key = j_sector_key(t.teks);

CREATE OR REPLACE TEMP TABLE peserta_keterangan AS
-- The source is published as a category (peserta_sumber_dana): a text that is not a name (a NIK pasted
-- into the column) becomes 'Tidak valid' with a warning, as in iuran, and never reaches the site.
SELECT sumber_dana AS sumber_dana_teks, status AS status_teks,
  CASE WHEN j_text(sumber_dana) IS NULL THEN getvariable('sumber_dana_bawaan')
       ELSE coalesce(j_fund(sumber_dana), j_sumber_tidak_valid()) END AS sumber_dana,
  j_text(sumber_dana) IS NOT NULL AND j_fund(sumber_dana) IS NULL AS sumber_tidak_valid,
  upper(j_text(status)) AS status
FROM (SELECT DISTINCT sumber_dana, status FROM isian_peserta);

CREATE OR REPLACE TABLE peserta_checked AS
WITH baris AS (
  SELECT *,
    -- 16 digits as written (nearly every row) need no cleaning
    regexp_full_match(nik, '\d{16}') AS nik_16
  FROM isian_peserta
), parsed AS (
  SELECT _row,
    CASE WHEN nik_16 THEN nik ELSE j_nik_text(nik) END AS nik,
    CASE WHEN nik_16 THEN false ELSE j_nik_mangled(nik) END AS nik_mangled,
    CASE WHEN nik_16 THEN true ELSE j_nik_valid_format(nik) END AS nik_valid,
    -- the birth digits of a valid NIK, read once for its birth date and sex
    CASE WHEN nik_16 THEN j_nik_ddmmyy(nik) WHEN j_nik_valid_format(nik) THEN j_nik_ddmmyy(j_nik_text(nik)) END AS nik_ddmmyy,
    CASE WHEN regexp_full_match(kpj, '\d+') THEN kpj ELSE nullif(regexp_replace(trim(kpj), '\s', '', 'g'), '') END AS kpj,
    nullif(trim(nama), '') IS NULL AS nama_kosong,
    mulai, akhir, tanggal_lahir, jenis_kelamin, kecamatan, desa, sektor, sumber_dana, status
  FROM baris
), matched AS (
  SELECT p._row, p.nik, p.nik_mangled, p.nik_valid, p.kpj, p.nama_kosong,
    tm.tanggal AS mulai, ta.terisi AS akhir_terisi, ta.tanggal AS akhir, tl.terisi AS lahir_terisi, tl.tanggal AS lahir_isian,
    x.terisi AS jk_terisi, x.jk AS jk_isian, t.kec_text, t.desa_text, t.kode_kec, t.kode_desa,
    s.terisi AS sektor_terisi, coalesce(s.kode, 'lainnya') AS sektor, s.kode IS NULL AS sektor_unknown,
    k.sumber_dana, k.sumber_tidak_valid, k.status,
    j_birth_of_ddmmyy(p.nik_ddmmyy, coalesce(year(tm.tanggal), 1999)) AS lahir,
    CASE WHEN p.nik_valid THEN j_sex_of_ddmmyy(p.nik_ddmmyy) END AS jk
  FROM parsed p
  LEFT JOIN peserta_tanggal tm ON tm.teks = p.mulai
  LEFT JOIN peserta_tanggal ta ON ta.teks = p.akhir
  LEFT JOIN peserta_tanggal tl ON tl.teks = p.tanggal_lahir
  LEFT JOIN peserta_jenis_kelamin x ON x.teks = p.jenis_kelamin
  LEFT JOIN peserta_tempat t ON t.kecamatan IS NOT DISTINCT FROM p.kecamatan AND t.desa IS NOT DISTINCT FROM p.desa
  LEFT JOIN peserta_sektor s ON s.teks = p.sektor
  LEFT JOIN peserta_keterangan k ON k.sumber_dana_teks IS NOT DISTINCT FROM p.sumber_dana AND k.status_teks IS NOT DISTINCT FROM p.status
), ruled AS (
  SELECT *, CASE
    WHEN nik IS NULL THEN 'NIK_KOSONG'
    WHEN nik_mangled THEN 'NIK_RUSAK_EXCEL'
    WHEN NOT nik_valid THEN 'NIK_FORMAT'
    WHEN lahir IS NULL THEN 'NIK_TANGGAL_TIDAK_VALID'
    WHEN nama_kosong THEN 'NAMA_KOSONG'
    WHEN kec_text IS NULL THEN 'KECAMATAN_KOSONG'
    WHEN kode_kec IS NULL THEN 'KECAMATAN_TIDAK_DIKENAL'
    WHEN sektor_terisi IS NOT TRUE THEN 'SEKTOR_KOSONG'
    WHEN mulai IS NULL THEN 'MULAI_TIDAK_VALID'
    WHEN akhir_terisi AND akhir IS NULL THEN 'AKHIR_TIDAK_VALID'
    WHEN akhir < mulai THEN 'AKHIR_SEBELUM_MULAI'
    WHEN lahir_terisi AND lahir_isian IS NULL THEN 'TGL_LAHIR_TIDAK_VALID'
    WHEN lahir_isian IS NOT NULL AND lahir_isian <> lahir THEN 'NIK_TGL_LAHIR_BEDA'
    WHEN jk_terisi AND jk_isian IS NULL THEN 'JK_TIDAK_VALID'
    WHEN jk_isian IS NOT NULL AND jk_isian <> jk THEN 'NIK_JK_BEDA'
    WHEN usia < getvariable('usia_min') OR usia >= getvariable('usia_maks') THEN 'USIA_DI_LUAR_KETENTUAN'
  END AS alasan
  FROM (SELECT *, j_age(lahir, mulai) AS usia FROM matched)
)
SELECT _row, nik, kpj, kode_kec, kode_desa, sektor, jk, lahir, mulai, akhir, sumber_dana, status, kec_text, desa_text, alasan,
  CASE WHEN sektor_unknown THEN 'SEKTOR_TIDAK_DIKENAL'
       WHEN desa_text IS NOT NULL AND kode_desa IS NULL THEN 'DESA_TIDAK_DIKENAL'
       WHEN sumber_tidak_valid THEN 'SUMBER_DANA_TIDAK_VALID' END AS peringatan
FROM ruled;

-- Same person, same start date as an accepted row above: the copy is rejected, the original kept.
-- (An update of the few copies, rather than a window over every row.)
UPDATE peserta_checked SET alasan = 'DUPLIKAT'
FROM (SELECT nik, mulai, min(_row) AS pertama FROM peserta_checked WHERE alasan IS NULL GROUP BY nik, mulai HAVING count(*) > 1) d
WHERE peserta_checked.alasan IS NULL AND peserta_checked.nik = d.nik AND peserta_checked.mulai = d.mulai
  AND peserta_checked._row > d.pertama;

-- The accepted rows: a view, so they are not stored a second time.
CREATE OR REPLACE VIEW peserta_ok AS
SELECT _row, nik, kpj, kode_kec, kode_desa, sektor, jk, lahir, mulai, akhir, sumber_dana, status
FROM peserta_checked WHERE alasan IS NULL;
