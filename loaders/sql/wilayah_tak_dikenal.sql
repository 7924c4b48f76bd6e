-- Kecamatan and desa texts that matched no official name or alias, with the closest official names,
-- so an operator can fix the source or add an alias (data/reference/alias_wilayah.csv). A place name
-- is not personal data, but a column may hold something else (names or NIKs after a column swap):
-- a text is shown only when it can only be a place name; the others are counted, their text withheld.
-- Only the rows counted under the reason are read text by text; the rest only counted.

-- Per column, how many rows wrote a place and how many of those matched nothing.
CREATE OR REPLACE TEMP TABLE wilayah_kolom AS
SELECT 'peserta' AS tabel, 'kecamatan' AS tingkat, count(*) AS isi, count(*) FILTER (WHERE kode_kec IS NULL) AS tak_cocok
FROM peserta_checked WHERE kec_text IS NOT NULL
UNION ALL
SELECT 'peserta', 'desa', count(*), count(*) FILTER (WHERE kode_desa IS NULL)
FROM peserta_checked WHERE desa_text IS NOT NULL AND kode_kec IS NOT NULL
UNION ALL
SELECT 'iuran', 'kecamatan', count(*), count(*) FILTER (WHERE c.kode_kec IS NULL)
FROM iuran_checked c JOIN raw_iuran r USING (_row) WHERE r.kecamatan IS NOT NULL
UNION ALL
SELECT 'sasaran', 'kecamatan', count(*), count(*) FILTER (WHERE c.kode_kec IS NULL)
FROM sasaran_checked c JOIN raw_sasaran r USING (_row) WHERE r.kecamatan IS NOT NULL
UNION ALL
SELECT 'sasaran', 'desa', count(*), count(*) FILTER (WHERE c.kode_desa IS NULL)
FROM sasaran_checked c JOIN raw_sasaran r USING (_row) WHERE r.desa IS NOT NULL AND c.kode_kec IS NOT NULL;

-- A column that mostly matches nothing (of 20 values or more) holds something other than place names:
-- a swapped column. None of its texts is shown.
CREATE OR REPLACE TEMP TABLE kolom_asing AS
SELECT tabel, tingkat FROM wilayah_kolom WHERE isi >= 20 AND 2 * tak_cocok > isi;

-- Per text of the rows counted under KECAMATAN_TIDAK_DIKENAL / DESA_TIDAK_DIKENAL: how many rows wrote
-- it and how many people. A swapped column's texts are counted together, not one by one.
CREATE OR REPLACE TEMP TABLE wilayah_teks AS
WITH dilaporkan AS (
  SELECT 'peserta' AS tabel, 'kecamatan' AS tingkat, kec_text AS isian, NULL::VARCHAR AS kode_kec, nik
  FROM peserta_checked WHERE kec_text IS NOT NULL AND alasan = 'KECAMATAN_TIDAK_DIKENAL'
  UNION ALL
  SELECT 'peserta', 'desa', desa_text, kode_kec, nik
  FROM peserta_checked WHERE desa_text IS NOT NULL AND kode_kec IS NOT NULL AND alasan IS NULL AND peringatan = 'DESA_TIDAK_DIKENAL'
  UNION ALL
  SELECT 'iuran', 'kecamatan', r.kecamatan, NULL, NULL
  FROM iuran_checked c JOIN raw_iuran r USING (_row)
  WHERE r.kecamatan IS NOT NULL AND c.alasan IS NULL AND c.peringatan = 'KECAMATAN_TIDAK_DIKENAL'
  UNION ALL
  SELECT 'sasaran', 'kecamatan', r.kecamatan, NULL, NULL
  FROM sasaran_checked c JOIN raw_sasaran r USING (_row) WHERE r.kecamatan IS NOT NULL AND c.alasan = 'KECAMATAN_TIDAK_DIKENAL'
  UNION ALL
  SELECT 'sasaran', 'desa', r.desa, c.kode_kec, NULL
  FROM sasaran_checked c JOIN raw_sasaran r USING (_row)
  WHERE r.desa IS NOT NULL AND c.kode_kec IS NOT NULL AND c.alasan IS NULL AND c.peringatan = 'DESA_TIDAK_DIKENAL'
), teks AS (
  SELECT d.tabel, d.tingkat, CASE WHEN a.tabel IS NULL THEN j_text(d.isian) END AS teks,
    CASE WHEN a.tabel IS NULL THEN d.kode_kec END AS kode_kec, d.nik
  FROM dilaporkan d LEFT JOIN kolom_asing a USING (tabel, tingkat)
)
SELECT row_number() OVER () AS id, tabel, tingkat, teks, kode_kec, count(*) AS baris, count(DISTINCT nik) AS orang
FROM teks GROUP BY tabel, tingkat, teks, kode_kec;

-- The texts that may be shown, with their keys.
CREATE OR REPLACE TEMP TABLE wilayah_teks_layak AS
WITH bentuk AS (
  SELECT id, tabel, tingkat, kode_kec, orang, j_key(teks) AS kunci FROM wilayah_teks
  -- a name: starts with a letter, no long run of digits (a NIK or KPJ pasted into the name)
  WHERE (regexp_full_match(teks, '[A-Za-z][A-Za-z0-9 .,''()/-]{0,59}') AND NOT regexp_matches(teks, '\d{5,}'))
    -- or a region code such as 33.27.99 or 3327990
    OR (regexp_full_match(teks, '[0-9][0-9.]{1,15}') AND length(regexp_replace(teks, '[^0-9]', '', 'g')) <= 10)
), resmi AS (
  SELECT 'kecamatan' AS tingkat, NULL::VARCHAR AS kode_kec, nama FROM ref_kecamatan
  UNION ALL SELECT 'desa', kode_kec, nama FROM ref_desa
), terbaik AS (
  -- a kecamatan text against every kecamatan, a desa text against the desa of its kecamatan
  SELECT b.id, max(jaro_winkler_similarity(b.kunci, j_key(r.nama))) AS terbaik
  FROM bentuk b JOIN resmi r ON r.tingkat = b.tingkat AND r.kode_kec IS NOT DISTINCT FROM b.kode_kec
  WHERE b.tabel = 'peserta' AND b.orang < 2
  GROUP BY b.id
)
SELECT b.id, b.kunci FROM bentuk b LEFT JOIN terbaik t USING (id)
WHERE b.kunci IS NOT NULL  -- a bare prefix ("Kec.") has no key to check
  -- in the member table, a text one person wrote could be their own name in the wrong column:
  -- shown only when it is close to an official name, or written for two people or more
  AND (b.tabel <> 'peserta' OR b.orang >= 2 OR t.terbaik >= 0.8);

-- j_key without its two regular-expression replacements (half the cost over millions of values), for
-- words of letters and digits (NIKs, KPJs, most names): lower case without the spaces is the same key,
-- unless the first word is a prefix j_key drops ("Desa Putri"). Those, and anything with punctuation,
-- take j_key itself. test/loaders/checks.test.ts holds the two to the same keys.
CREATE OR REPLACE TEMP MACRO j_key_polos(s) AS CASE
  WHEN regexp_full_match(s, '[A-Za-z0-9]+') THEN lower(s)
  WHEN regexp_full_match(s, '[A-Za-z0-9]+( [A-Za-z0-9]+)*')
    AND NOT regexp_matches(lower(s), '^(kecamatan|kelurahan|desa|kec|kel|ds) ') THEN replace(lower(s), ' ', '')
  ELSE j_key(s)
END;

-- A "place" that is an identifier or a name in the extracts is not shown. Every NIK, KPJ and name is
-- looked up among the few keys above (when there are none, DuckDB does not read them at all); the cells
-- as written (isian_*), since the trimming views would trim every row first and j_key trims anyway.
CREATE OR REPLACE TEMP TABLE kunci_pribadi AS
SELECT DISTINCT kunci FROM (
  SELECT j_key_polos(isian) AS kunci FROM (
    SELECT nik AS isian FROM isian_peserta UNION ALL SELECT kpj FROM isian_peserta UNION ALL SELECT nama FROM isian_peserta
    UNION ALL SELECT nik FROM isian_klaim UNION ALL SELECT kpj FROM isian_klaim))
WHERE kunci IN (SELECT kunci FROM wilayah_teks_layak);

CREATE OR REPLACE TABLE out_wilayah_tak_dikenal AS
WITH tampil AS (
  SELECT id FROM wilayah_teks_layak WHERE kunci NOT IN (SELECT kunci FROM kunci_pribadi)
), kelompok AS (
  SELECT w.tabel, w.tingkat, CASE WHEN t.id IS NOT NULL THEN w.teks END AS nama,
    CASE WHEN t.id IS NOT NULL THEN w.kode_kec END AS kode_kec, sum(w.baris)::INTEGER AS baris
  FROM wilayah_teks w LEFT JOIN tampil t USING (id) GROUP BY ALL
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
