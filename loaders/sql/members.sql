-- Member-months: each accepted coverage period exploded into the months it covers (docs/ARCHITECTURE.md).

-- Funded months are the months invoiced; the latest is the as-of month of every page.
CREATE OR REPLACE TABLE bulan_didanai AS SELECT DISTINCT bulan FROM iuran_ok;
SET VARIABLE as_of = coalesce((SELECT max(bulan) FROM bulan_didanai), (SELECT max(date_trunc('month', mulai))::DATE FROM peserta_ok));

CREATE OR REPLACE TABLE periode_peserta AS
SELECT p._row, p.nik, p.mulai, p.kode_kec, p.kode_desa, p.sektor, p.jk, p.lahir,
  date_trunc('month', p.mulai)::DATE AS bulan_awal,
  least(
    date_trunc('month', p.akhir),
    date_trunc('month', k.tanggal),
    -- the last month whose first day finds the member younger than usia_maks
    date_trunc('month', p.lahir + to_years(getvariable('usia_maks')) - INTERVAL 1 DAY),
    getvariable('as_of')
  )::DATE AS bulan_akhir,
  count(*) OVER (PARTITION BY p.nik) AS jumlah_periode
FROM peserta_ok p LEFT JOIN kematian k USING (nik);

CREATE OR REPLACE TABLE bulan_peserta AS
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

CREATE OR REPLACE TABLE out_anggota_bulanan AS
SELECT strftime(m.bulan, '%Y-%m') AS bulan, m.kode_kec, m.kode_desa, m.sektor, m.jk AS jenis_kelamin,
  coalesce(u.kode, 'lainnya') AS kelompok_umur,
  count(*)::INTEGER AS terdaftar,
  (count(*) FILTER (WHERE f.bulan IS NOT NULL))::INTEGER AS aktif
FROM bulan_peserta m
LEFT JOIN ref_kelompok_umur u ON j_age(m.lahir, m.bulan) BETWEEN u.dari AND u.sampai
LEFT JOIN bulan_didanai f ON f.bulan = m.bulan
GROUP BY ALL ORDER BY ALL;
