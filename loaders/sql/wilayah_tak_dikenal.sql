-- Kecamatan and desa texts that matched no official name or alias, with the closest official names,
-- so an operator can fix the source or add an alias (data/reference/alias_wilayah.csv). A place name
-- is not personal data, but a column may hold something else (names or NIKs after a column swap):
-- a text is shown only when it can only be a place name; the others are counted, their text withheld.

-- Every kecamatan/desa text, whether it matched, and whether its row is counted under the reason.
CREATE OR REPLACE TEMP TABLE wilayah_kolom AS
SELECT 'peserta' AS tabel, 'kecamatan' AS tingkat, j_text(kec_text) AS teks, NULL::VARCHAR AS kode_kec, nik,
  kode_kec IS NOT NULL AS cocok, coalesce(alasan = 'KECAMATAN_TIDAK_DIKENAL', false) AS dilaporkan
FROM peserta_checked WHERE kec_text IS NOT NULL
UNION ALL
SELECT 'peserta', 'desa', j_text(desa_text), kode_kec, nik, kode_desa IS NOT NULL,
  alasan IS NULL AND coalesce(peringatan = 'DESA_TIDAK_DIKENAL', false)
FROM peserta_checked WHERE desa_text IS NOT NULL AND kode_kec IS NOT NULL
UNION ALL
SELECT 'iuran', 'kecamatan', j_text(r.kecamatan), NULL, NULL, c.kode_kec IS NOT NULL,
  c.alasan IS NULL AND coalesce(c.peringatan = 'KECAMATAN_TIDAK_DIKENAL', false)
FROM iuran_checked c JOIN raw_iuran r USING (_row) WHERE r.kecamatan IS NOT NULL
UNION ALL
SELECT 'sasaran', 'kecamatan', j_text(r.kecamatan), NULL, NULL, c.kode_kec IS NOT NULL, coalesce(c.alasan = 'KECAMATAN_TIDAK_DIKENAL', false)
FROM sasaran_checked c JOIN raw_sasaran r USING (_row) WHERE r.kecamatan IS NOT NULL
UNION ALL
SELECT 'sasaran', 'desa', j_text(r.desa), c.kode_kec, NULL, c.kode_desa IS NOT NULL,
  c.alasan IS NULL AND coalesce(c.peringatan = 'DESA_TIDAK_DIKENAL', false)
FROM sasaran_checked c JOIN raw_sasaran r USING (_row) WHERE r.desa IS NOT NULL AND c.kode_kec IS NOT NULL;

CREATE OR REPLACE TEMP TABLE wilayah_teks AS SELECT tabel, tingkat, teks, kode_kec, nik FROM wilayah_kolom WHERE dilaporkan;

-- A column that mostly matches nothing (of 20 values or more) holds something other than place names:
-- a swapped column. None of its texts is shown.
CREATE OR REPLACE TEMP TABLE kolom_asing AS
SELECT tabel, tingkat FROM wilayah_kolom GROUP BY ALL HAVING count(*) >= 20 AND avg(CASE WHEN cocok THEN 0 ELSE 1 END) > 0.5;

-- Every identifier and name in the extracts, as a key: a "place" equal to one of them is not shown.
CREATE OR REPLACE TEMP TABLE kunci_pribadi AS
SELECT DISTINCT k FROM (
  SELECT unnest([j_key(nik), j_key(kpj), j_key(nama)]) AS k FROM isian_peserta -- the cells as written: j_key trims
  UNION ALL SELECT unnest([j_key(nik), j_key(kpj)]) FROM isian_klaim
) WHERE k IS NOT NULL;

-- Per distinct text: how many people wrote it, and how close it comes to an official name.
CREATE OR REPLACE TEMP TABLE wilayah_teks_ciri AS
WITH teks AS (
  SELECT tabel, tingkat, teks, kode_kec, count(DISTINCT nik) AS orang FROM wilayah_teks GROUP BY ALL
), resmi AS (
  SELECT 'kecamatan' AS tingkat, NULL::VARCHAR AS kode_kec, nama FROM ref_kecamatan
  UNION ALL SELECT 'desa', kode_kec, nama FROM ref_desa
)
SELECT t.tabel, t.tingkat, t.teks, t.kode_kec, any_value(t.orang) AS orang,
  coalesce(max(jaro_winkler_similarity(j_key(t.teks), j_key(r.nama))), 0) AS terbaik
FROM teks t LEFT JOIN resmi r ON r.tingkat = t.tingkat AND (t.tingkat = 'kecamatan' OR r.kode_kec = t.kode_kec)
GROUP BY t.tabel, t.tingkat, t.teks, t.kode_kec;

CREATE OR REPLACE TEMP TABLE wilayah_teks_tampil AS
SELECT w.tabel, w.tingkat, w.kode_kec,
  CASE WHEN (
      -- a name: starts with a letter, no long run of digits (a NIK or KPJ pasted into the name)
      (regexp_full_match(w.teks, '[A-Za-z][A-Za-z0-9 .,''()/-]{0,59}') AND NOT regexp_matches(w.teks, '\d{5,}'))
      -- or a region code such as 33.27.99 or 3327990
      OR (regexp_full_match(w.teks, '[0-9][0-9.]{1,15}') AND length(regexp_replace(w.teks, '[^0-9]', '', 'g')) <= 10))
    AND j_key(w.teks) NOT IN (SELECT k FROM kunci_pribadi)
    AND (w.tabel, w.tingkat) NOT IN (SELECT (tabel, tingkat) FROM kolom_asing)
    -- in the member table, a text one person wrote could be their own name in the wrong column:
    -- shown only when it is close to an official name, or written for two people or more
    AND (w.tabel <> 'peserta' OR c.terbaik >= 0.8 OR c.orang >= 2)
    THEN w.teks END AS nama
FROM wilayah_teks w
JOIN wilayah_teks_ciri c ON c.tabel = w.tabel AND c.tingkat = w.tingkat AND c.teks IS NOT DISTINCT FROM w.teks
  AND c.kode_kec IS NOT DISTINCT FROM w.kode_kec;

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
