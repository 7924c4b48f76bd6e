-- sasaran: the target population (denominators) by kecamatan, desa and sector.
CREATE OR REPLACE TABLE sasaran_checked AS
SELECT _row, k.kode_kec, d.kode_desa, coalesce(s.kode, 'lainnya') AS sektor, j_count(jumlah) AS jumlah, j_text(sumber) AS sumber,
  CASE
    WHEN kecamatan IS NULL THEN 'KECAMATAN_KOSONG'
    WHEN k.kode_kec IS NULL THEN 'KECAMATAN_TIDAK_DIKENAL'
    WHEN r.sektor IS NULL THEN 'SEKTOR_KOSONG'
    WHEN j_count(jumlah) IS NULL THEN 'JUMLAH_TIDAK_VALID'
  END AS alasan,
  CASE WHEN s.kode IS NULL THEN 'SEKTOR_TIDAK_DIKENAL'
       WHEN desa IS NOT NULL AND d.kode_desa IS NULL THEN 'DESA_TIDAK_DIKENAL' END AS peringatan
FROM raw_sasaran r
LEFT JOIN ref_kec_key k ON k.key = j_key(r.kecamatan)
LEFT JOIN ref_desa_key d ON d.kode_kec = k.kode_kec AND d.key = j_key(r.desa)
LEFT JOIN ref_sektor_key s ON s.key = j_sector_key(r.sektor);

CREATE OR REPLACE TABLE sasaran_ok AS
SELECT _row, kode_kec, kode_desa, sektor, jumlah, sumber FROM sasaran_checked WHERE alasan IS NULL;
