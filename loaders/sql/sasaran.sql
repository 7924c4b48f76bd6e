-- sasaran: the target population (denominators) by kecamatan, desa and sector. Places, jobs and sources
-- repeat across rows: each distinct text is matched once, and rows find theirs by an equality join.
CREATE OR REPLACE TEMP TABLE sasaran_tempat AS
SELECT t.kecamatan, t.desa, k.kode_kec, d.kode_desa
FROM (SELECT DISTINCT kecamatan, desa FROM raw_sasaran) t
LEFT JOIN ref_kec_key k ON k.key = j_key(t.kecamatan)
LEFT JOIN ref_desa_key d ON d.kode_kec = k.kode_kec AND d.key = j_key(t.desa);

CREATE OR REPLACE TEMP TABLE sasaran_sektor AS
SELECT t.sektor, s.kode
FROM (SELECT DISTINCT sektor FROM raw_sasaran WHERE sektor IS NOT NULL) t
LEFT JOIN ref_sektor_key s ON s.key = j_sector_key(t.sektor);

CREATE OR REPLACE TEMP TABLE sasaran_sumber AS
SELECT sumber AS teks, j_text(sumber) AS sumber FROM (SELECT DISTINCT sumber FROM raw_sasaran WHERE sumber IS NOT NULL);

CREATE OR REPLACE TABLE sasaran_checked AS
SELECT _row, t.kode_kec, t.kode_desa, coalesce(s.kode, 'lainnya') AS sektor, j_count(jumlah) AS jumlah, u.sumber,
  CASE
    WHEN r.kecamatan IS NULL THEN 'KECAMATAN_KOSONG'
    WHEN t.kode_kec IS NULL THEN 'KECAMATAN_TIDAK_DIKENAL'
    WHEN r.sektor IS NULL THEN 'SEKTOR_KOSONG'
    WHEN j_count(jumlah) IS NULL THEN 'JUMLAH_TIDAK_VALID'
  END AS alasan,
  CASE WHEN s.kode IS NULL THEN 'SEKTOR_TIDAK_DIKENAL'
       WHEN r.desa IS NOT NULL AND t.kode_desa IS NULL THEN 'DESA_TIDAK_DIKENAL' END AS peringatan
FROM raw_sasaran r
LEFT JOIN sasaran_tempat t ON t.kecamatan IS NOT DISTINCT FROM r.kecamatan AND t.desa IS NOT DISTINCT FROM r.desa
LEFT JOIN sasaran_sektor s ON s.sektor = r.sektor
LEFT JOIN sasaran_sumber u ON u.teks = r.sumber;

CREATE OR REPLACE TABLE sasaran_ok AS
SELECT _row, kode_kec, kode_desa, sektor, jumlah, sumber FROM sasaran_checked WHERE alasan IS NULL;
