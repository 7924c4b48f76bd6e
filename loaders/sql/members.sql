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

-- Cells, numbered in the order the outputs are sorted, so member-months are counted and sorted as
-- integers and the names are put back once per output row: `sel` is a place × sector × sex (anggota_bulanan),
-- `dana` a fund × kecamatan (peserta_sumber_dana).
CREATE OR REPLACE TABLE sel_peserta AS
SELECT row_number() OVER (ORDER BY kode_kec, kode_desa, sektor, jk)::INTEGER AS sel, kode_kec, kode_desa, sektor, jk
FROM (SELECT DISTINCT kode_kec, kode_desa, sektor, jk FROM peserta_ok);
CREATE OR REPLACE TABLE sel_dana AS
SELECT row_number() OVER (ORDER BY sumber_dana, kode_kec)::INTEGER AS dana, sumber_dana, kode_kec
FROM (SELECT DISTINCT sumber_dana, kode_kec FROM peserta_ok);

CREATE OR REPLACE TABLE periode_peserta AS
SELECT p._row, p.nik, p.mulai, p.kode_kec, p.kode_desa, p.sektor, p.jk, p.lahir, p.sumber_dana, s.sel, d.dana,
  date_trunc('month', p.mulai)::DATE AS bulan_awal,
  least(
    date_trunc('month', p.akhir),
    date_trunc('month', k.tanggal),
    -- the last month whose first day finds the member younger than usia_maks
    date_trunc('month', p.lahir + to_years(getvariable('usia_maks')) - INTERVAL 1 DAY),
    getvariable('as_of')
  )::DATE AS bulan_akhir,
  coalesce(g.jumlah_periode, 1) AS jumlah_periode
FROM peserta_ok p LEFT JOIN kematian k USING (nik) LEFT JOIN nik_ganda g ON g.nik = p.nik
  JOIN sel_peserta s ON s.kode_kec IS NOT DISTINCT FROM p.kode_kec AND s.kode_desa IS NOT DISTINCT FROM p.kode_desa
    AND s.sektor IS NOT DISTINCT FROM p.sektor AND s.jk IS NOT DISTINCT FROM p.jk
  JOIN sel_dana d ON d.sumber_dana IS NOT DISTINCT FROM p.sumber_dana AND d.kode_kec IS NOT DISTINCT FROM p.kode_kec;

-- One row per member per month covered. A view: the aggregates below count member-months as they
-- are exploded and never store them (hundreds of millions of rows nationally); query it for detail.
CREATE OR REPLACE VIEW bulan_peserta AS
WITH exploded AS (
  SELECT _row, nik, mulai, kode_kec, kode_desa, sektor, jk, lahir, sumber_dana, jumlah_periode,
    unnest(generate_series(bulan_awal, bulan_akhir, INTERVAL 1 MONTH))::DATE AS bulan
  FROM periode_peserta WHERE bulan_awal <= bulan_akhir
)
SELECT * FROM exploded WHERE jumlah_periode = 1
UNION ALL
-- A NIK with several periods counts once a month: the latest start, then the first row, decides its place.
SELECT * FROM exploded WHERE jumlah_periode > 1
QUALIFY row_number() OVER (PARTITION BY nik, bulan ORDER BY mulai DESC, _row) = 1;

-- Age intervals that cover every age: each band's own ages, every other age 'lainnya' (as the join
-- above); `urutan` numbers the codes in sorted order.
CREATE OR REPLACE TABLE umur_rentang AS
WITH batas AS (
  SELECT coalesce(min(dari), 0) - 1 AS bawah, coalesce(max(sampai), 0) + 1 AS atas FROM ref_kelompok_umur
), usia AS (
  SELECT a.usia, coalesce(u.kode, 'lainnya') AS kode
  FROM range((SELECT bawah FROM batas), (SELECT atas + 1 FROM batas)) a(usia) LEFT JOIN umur_kelompok u ON u.usia = a.usia
), runtun AS (
  SELECT min(usia) AS dari, max(usia) AS sampai, kode
  FROM (SELECT usia, kode, usia - row_number() OVER (PARTITION BY kode ORDER BY usia) AS runtun FROM usia)
  GROUP BY kode, runtun
)
-- the ages below and above every band reach as far as any age can
SELECT CASE WHEN dari = (SELECT bawah FROM batas) THEN -100000 ELSE dari END AS dari,
  CASE WHEN sampai = (SELECT atas FROM batas) THEN 100000 ELSE sampai END AS sampai,
  kode, dense_rank() OVER (ORDER BY kode)::INTEGER AS urutan
FROM runtun;

-- Member-months counted by month × age band (umur_rentang.urutan) × cell, for each split an output needs
-- (`rincian`: 'sel' a place × sector × sex, 'dana' a fund × kecamatan; `kunci` the cell's number).
-- Months are numbered (year × 12 + month − 1) so a member's age in month m is ⌊(m − b) / 12⌋, with b the
-- birth month, or the month after it when the birthday is after the 1st (j_age on the 1st of the month).
-- One-period NIKs — nearly all — are never exploded into months: each period is cut where the age band
-- changes, each piece adds one at its first month and takes one away after its last, and a running sum of
-- those steps per cell gives the cell's count for every month in one row per change (16M member-months
-- at 1M members become a few million steps). The few NIKs with several periods are exploded month by
-- month, each month a step of its own. Counts equal counting bulan_peserta's rows (test/loaders/member-months.test.ts).
CREATE OR REPLACE TABLE bulan_peserta_hitung AS
WITH tunggal AS (
  SELECT sel, dana,
    year(bulan_awal) * 12 + month(bulan_awal) - 1 AS awal,
    year(bulan_akhir) * 12 + month(bulan_akhir) - 1 AS akhir,
    year(lahir) * 12 + month(lahir) - 1 + CASE WHEN day(lahir) > 1 THEN 1 ELSE 0 END AS lahir_bulan
  FROM periode_peserta WHERE jumlah_periode = 1 AND bulan_awal <= bulan_akhir
), ganda AS (
  -- A NIK with several periods counts once a month: the latest start, then the first row, decides its place.
  SELECT sel, dana, lahir, bulan, year(bulan) * 12 + month(bulan) - 1 AS nomor FROM (
    SELECT _row, nik, mulai, sel, dana, lahir, unnest(generate_series(bulan_awal, bulan_akhir, INTERVAL 1 MONTH))::DATE AS bulan
    FROM periode_peserta WHERE jumlah_periode > 1 AND bulan_awal <= bulan_akhir)
  QUALIFY row_number() OVER (PARTITION BY nik, bulan ORDER BY mulai DESC, _row) = 1
), potongan AS (
  -- the part of the period in one age interval: months lahir_bulan + 12·dari … lahir_bulan + 12·sampai + 11
  SELECT 'sel' AS rincian, t.sel AS kunci, r.urutan AS umur,
    greatest(t.awal, t.lahir_bulan + 12 * r.dari) AS awal, least(t.akhir, t.lahir_bulan + 12 * r.sampai + 11) AS akhir
  FROM tunggal t, umur_rentang r
  WHERE t.lahir_bulan + 12 * r.dari <= t.akhir AND t.lahir_bulan + 12 * r.sampai + 11 >= t.awal
  UNION ALL
  -- funds are not split by age: the whole period
  SELECT 'dana', dana, 0, awal, akhir FROM tunggal
  UNION ALL
  -- each month of a NIK with several periods is a piece of one month
  SELECT 'sel', g.sel, r.urutan, g.nomor, g.nomor
  FROM ganda g JOIN umur_rentang r ON j_age(g.lahir, g.bulan) BETWEEN r.dari AND r.sampai
  UNION ALL
  SELECT 'dana', dana, 0, nomor, nomor FROM ganda
), langkah AS (
  SELECT rincian, kunci, umur, bulan, sum(beda) AS beda
  FROM (SELECT rincian, kunci, umur, awal AS bulan, 1 AS beda FROM potongan UNION ALL SELECT rincian, kunci, umur, akhir + 1, -1 FROM potongan)
  GROUP BY ALL
), berjalan AS (
  -- the count from this step's month up to the month before the cell's next step
  SELECT *, sum(beda) OVER (sel_umur ROWS UNBOUNDED PRECEDING) AS jumlah, lead(bulan) OVER sel_umur - 1 AS sampai
  FROM langkah
  WINDOW sel_umur AS (PARTITION BY rincian, kunci, umur ORDER BY bulan)
), dihitung AS (
  -- one row per cell, band and month: the steps are already summed per month
  SELECT rincian, kunci, umur, make_date((bulan // 12)::INTEGER, (bulan % 12 + 1)::INTEGER, 1) AS bulan, jumlah AS terdaftar
  FROM (SELECT rincian, kunci, umur, jumlah, unnest(range(bulan, sampai + 1)) AS bulan FROM berjalan WHERE jumlah > 0)
)
-- A month is funded or not as a whole, so `aktif` is the month's count or nothing.
SELECT t.*, CASE WHEN f.bulan IS NOT NULL THEN t.terdaftar ELSE 0 END AS aktif
FROM dihitung t LEFT JOIN bulan_didanai f ON f.bulan = t.bulan;

-- Sorted by the cells' and bands' numbers, whose order is their names' order.
CREATE OR REPLACE TABLE out_anggota_bulanan AS
SELECT strftime(h.bulan, '%Y-%m') AS bulan, s.kode_kec, s.kode_desa, s.sektor, s.jk AS jenis_kelamin, u.kode AS kelompok_umur,
  h.terdaftar::INTEGER AS terdaftar, h.aktif::INTEGER AS aktif
FROM bulan_peserta_hitung h
  JOIN sel_peserta s ON s.sel = h.kunci
  JOIN (SELECT DISTINCT urutan, kode FROM umur_rentang) u ON u.urutan = h.umur
WHERE h.rincian = 'sel'
ORDER BY h.bulan, h.kunci, h.umur;
