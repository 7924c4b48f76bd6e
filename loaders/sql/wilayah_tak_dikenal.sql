-- Kecamatan and desa texts that matched no official name or alias, with the closest official names,
-- so an operator can fix the source or add an alias (data/reference/alias_wilayah.csv). A place name
-- is not personal data, but a column that holds something else (names or NIKs after a column swap)
-- must not reach the site: such texts are counted, their text withheld.

CREATE OR REPLACE TEMP TABLE wilayah_teks AS
SELECT 'peserta' AS tabel, 'kecamatan' AS tingkat, j_text(kec_text) AS teks, NULL::VARCHAR AS kode_kec
FROM peserta_checked WHERE alasan = 'KECAMATAN_TIDAK_DIKENAL'
UNION ALL
SELECT 'peserta', 'desa', j_text(desa_text), kode_kec FROM peserta_checked WHERE alasan IS NULL AND peringatan = 'DESA_TIDAK_DIKENAL'
UNION ALL
SELECT 'iuran', 'kecamatan', j_text(r.kecamatan), NULL FROM iuran_checked c JOIN raw_iuran r USING (_row)
WHERE c.alasan IS NULL AND c.peringatan = 'KECAMATAN_TIDAK_DIKENAL'
UNION ALL
SELECT 'sasaran', 'kecamatan', j_text(r.kecamatan), NULL FROM sasaran_checked c JOIN raw_sasaran r USING (_row)
WHERE c.alasan = 'KECAMATAN_TIDAK_DIKENAL'
UNION ALL
SELECT 'sasaran', 'desa', j_text(r.desa), c.kode_kec FROM sasaran_checked c JOIN raw_sasaran r USING (_row)
WHERE c.alasan IS NULL AND c.peringatan = 'DESA_TIDAK_DIKENAL';

-- Every identifier and name in the extracts, as a key: a "place" equal to one of them is not shown.
CREATE OR REPLACE TEMP TABLE kunci_pribadi AS
SELECT DISTINCT k FROM (
  SELECT unnest([j_key(nik), j_key(kpj), j_key(nama)]) AS k FROM raw_peserta
  UNION ALL SELECT unnest([j_key(nik), j_key(kpj)]) FROM raw_klaim
) WHERE k IS NOT NULL;

CREATE OR REPLACE TEMP TABLE wilayah_teks_tampil AS
SELECT tabel, tingkat, kode_kec,
  CASE WHEN (
      -- a name: starts with a letter, no long run of digits (a NIK or KPJ pasted into the name)
      (regexp_full_match(teks, '[A-Za-z][A-Za-z0-9 .,''()/-]{0,59}') AND NOT regexp_matches(teks, '\d{5,}'))
      -- or a region code such as 33.27.99 or 3327990
      OR (regexp_full_match(teks, '[0-9][0-9.]{1,15}') AND length(regexp_replace(teks, '[^0-9]', '', 'g')) <= 10))
    AND j_key(teks) NOT IN (SELECT k FROM kunci_pribadi)
    THEN teks END AS nama
FROM wilayah_teks;

CREATE OR REPLACE TABLE out_wilayah_tak_dikenal AS
WITH kelompok AS (
  SELECT tabel, tingkat, nama, CASE WHEN nama IS NOT NULL THEN kode_kec END AS kode_kec, count(*)::INTEGER AS baris
  FROM wilayah_teks_tampil GROUP BY ALL
), calon AS (
  SELECT g.tabel, g.tingkat, g.nama, g.kode_kec, r.kode_kec AS kode, r.nama AS nama_resmi,
    jaro_winkler_similarity(j_key(g.nama), j_key(r.nama)) AS kemiripan
  FROM kelompok g JOIN ref_kecamatan r ON g.tingkat = 'kecamatan' AND g.nama IS NOT NULL
  UNION ALL
  SELECT g.tabel, g.tingkat, g.nama, g.kode_kec, r.kode_desa, r.nama, jaro_winkler_similarity(j_key(g.nama), j_key(r.nama))
  FROM kelompok g JOIN ref_desa r ON g.tingkat = 'desa' AND g.nama IS NOT NULL AND r.kode_kec = g.kode_kec
), dekat AS (
  -- close, and nearly as close as the closest one
  SELECT * FROM calon WHERE kemiripan >= 0.8
  QUALIFY kemiripan >= max(kemiripan) OVER (PARTITION BY tabel, tingkat, nama, kode_kec) - 0.1
), saran AS (
  SELECT tabel, tingkat, nama, kode_kec,
    list({'kode': kode, 'nama': nama_resmi, 'kemiripan': round(kemiripan, 2)} ORDER BY kemiripan DESC, kode)[1:3] AS saran
  FROM dekat GROUP BY ALL
)
SELECT g.tabel, g.tingkat, g.nama, g.kode_kec, k.nama AS nama_kec, g.baris, coalesce(s.saran, []) AS saran
FROM kelompok g
LEFT JOIN saran s ON s.tabel = g.tabel AND s.tingkat = g.tingkat AND s.nama = g.nama AND s.kode_kec IS NOT DISTINCT FROM g.kode_kec
LEFT JOIN ref_kecamatan k ON k.kode_kec = g.kode_kec
ORDER BY list_position(['peserta', 'iuran', 'sasaran'], g.tabel), g.tingkat = 'desa', g.nama IS NULL, g.baris DESC, g.nama, g.kode_kec;
