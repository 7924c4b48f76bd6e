-- Member-months: each accepted coverage period exploded into the months it covers (docs/ARCHITECTURE.md).

-- Funded months are the months invoiced; the latest is the as-of month of every page.
CREATE OR REPLACE TABLE bulan_didanai AS SELECT DISTINCT bulan FROM iuran_ok;
SET VARIABLE as_of = coalesce((SELECT max(bulan) FROM bulan_didanai), (SELECT max(date_trunc('month', mulai))::DATE FROM peserta_ok));

-- NIKs with more than one accepted row: only their months need the one-row-a-month rule below.
CREATE OR REPLACE TABLE nik_ganda AS SELECT nik, count(*) AS jumlah_periode FROM peserta_ok GROUP BY nik HAVING count(*) > 1;

-- Age → band, an equality join for every member-month (ages outside every band find none: 'lainnya').
CREATE OR REPLACE TABLE umur_kelompok AS
SELECT a.usia::INTEGER AS usia, u.kode
FROM ref_kelompok_umur u,
  range((SELECT coalesce(min(dari), 0) FROM ref_kelompok_umur), (SELECT coalesce(max(sampai) + 1, 0) FROM ref_kelompok_umur)) a(usia)
WHERE a.usia BETWEEN u.dari AND u.sampai;

CREATE OR REPLACE TABLE periode_peserta AS
SELECT p._row, p.nik, p.mulai, p.kode_kec, p.kode_desa, p.sektor, p.jk, p.lahir, p.sumber_dana,
  date_trunc('month', p.mulai)::DATE AS bulan_awal,
  least(
    date_trunc('month', p.akhir),
    date_trunc('month', k.tanggal),
    -- the last month whose first day finds the member younger than usia_maks
    date_trunc('month', p.lahir + to_years(getvariable('usia_maks')) - INTERVAL 1 DAY),
    getvariable('as_of')
  )::DATE AS bulan_akhir,
  coalesce(g.jumlah_periode, 1) AS jumlah_periode
FROM peserta_ok p LEFT JOIN kematian k USING (nik) LEFT JOIN nik_ganda g ON g.nik = p.nik;

-- One row per member per month covered. A view: the aggregates below count member-months as they
-- are exploded and never store them (hundreds of millions of rows nationally); query it for detail.
CREATE OR REPLACE VIEW bulan_peserta AS
WITH exploded AS (
  SELECT _row, nik, mulai, kode_kec, kode_desa, sektor, jk, lahir, jumlah_periode,
    unnest(generate_series(bulan_awal, bulan_akhir, INTERVAL 1 MONTH))::DATE AS bulan
  FROM periode_peserta WHERE bulan_awal <= bulan_akhir
)
SELECT * FROM exploded WHERE jumlah_periode = 1
UNION ALL
-- A NIK with several periods counts once a month: the latest start, then the first row, decides its place.
SELECT * FROM exploded WHERE jumlah_periode > 1
QUALIFY row_number() OVER (PARTITION BY nik, bulan ORDER BY mulai DESC, _row) = 1;

-- Member-months counted by everything any output splits them by (rekonsiliasi.sql adds the fund).
-- The same rows as bulan_peserta, with each branch exploded on its own so nothing is materialised.
CREATE OR REPLACE TABLE bulan_peserta_hitung AS
WITH bulan_peserta AS (
  SELECT kode_kec, kode_desa, sektor, jk, lahir, sumber_dana,
    unnest(generate_series(bulan_awal, bulan_akhir, INTERVAL 1 MONTH))::DATE AS bulan
  FROM periode_peserta WHERE jumlah_periode = 1 AND bulan_awal <= bulan_akhir
  UNION ALL
  SELECT kode_kec, kode_desa, sektor, jk, lahir, sumber_dana, bulan FROM (
    SELECT _row, nik, mulai, kode_kec, kode_desa, sektor, jk, lahir, sumber_dana,
      unnest(generate_series(bulan_awal, bulan_akhir, INTERVAL 1 MONTH))::DATE AS bulan
    FROM periode_peserta WHERE jumlah_periode > 1 AND bulan_awal <= bulan_akhir)
  QUALIFY row_number() OVER (PARTITION BY nik, bulan ORDER BY mulai DESC, _row) = 1
), dihitung AS (
  SELECT m.bulan, m.kode_kec, m.kode_desa, m.sektor, m.jk, coalesce(u.kode, 'lainnya') AS kelompok_umur, m.sumber_dana,
    count(*) AS terdaftar
  FROM bulan_peserta m LEFT JOIN umur_kelompok u ON u.usia = j_age(m.lahir, m.bulan)
  GROUP BY ALL
)
-- A month is funded or not as a whole, so `aktif` is the month's count or nothing.
SELECT t.*, CASE WHEN f.bulan IS NOT NULL THEN t.terdaftar ELSE 0 END AS aktif
FROM dihitung t LEFT JOIN bulan_didanai f ON f.bulan = t.bulan;

CREATE OR REPLACE TABLE out_anggota_bulanan AS
SELECT strftime(bulan, '%Y-%m') AS bulan, kode_kec, kode_desa, sektor, jk AS jenis_kelamin, kelompok_umur,
  sum(terdaftar)::INTEGER AS terdaftar, sum(aktif)::INTEGER AS aktif
FROM bulan_peserta_hitung
GROUP BY ALL ORDER BY ALL;
