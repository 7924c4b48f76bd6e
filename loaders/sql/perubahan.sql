-- What changed since the previous month (docs/ARCHITECTURE.md, "Change since the previous month").
-- A member-month is one cell (kecamatan, sector; sex comes from the NIK and never changes), the one
-- bulan_peserta gives it. Compared with the calendar month before, every active member-month is
-- either a stayer or `baru`, and every member-month of the month before is either a stayer or an exit,
-- so for every month and cell: aktif(m) − aktif(m−1) = baru − (keluar_meninggal + keluar_usia + keluar_lainnya).
--
-- Nearly every NIK has one period: one cell, months bulan_awal … bulan_akhir, active where funded. Its
-- active months are then runs — the period cut by the runs of consecutive funded months — and each run
-- is one `baru` (its first month) and one exit (the month after its last, up to the as-of month). So those
-- NIKs are counted from their periods, never month by month; the few NIKs with several periods (a move,
-- an overlap) are compared month by month as bulan_peserta gives them.

-- Runs of consecutive funded months (usually one: every month from the first invoice to the last).
CREATE OR REPLACE TABLE bulan_didanai_runtun AS
SELECT min(bulan) AS awal, max(bulan) AS akhir
FROM (SELECT bulan, date_diff('month', DATE '2000-01-01', bulan) - row_number() OVER (ORDER BY bulan) AS runtun FROM bulan_didanai)
GROUP BY runtun;

-- One-period NIKs: each run of active months, in its one cell.
CREATE OR REPLACE TABLE aktif_runtun AS
SELECT p.nik, p.kode_kec, p.sektor, p.jk, p.lahir,
  greatest(p.bulan_awal, r.awal) AS awal, least(p.bulan_akhir, r.akhir) AS akhir
FROM periode_peserta p JOIN bulan_didanai_runtun r ON r.awal <= p.bulan_akhir AND r.akhir >= p.bulan_awal
WHERE p.jumlah_periode = 1 AND p.bulan_awal <= p.bulan_akhir;

-- NIKs with several periods: their active member-months, one cell a month.
CREATE OR REPLACE TABLE aktif_peserta_ganda AS
SELECT m.nik, m.bulan, m.kode_kec, m.sektor, m.jk, m.lahir
FROM bulan_peserta m
WHERE m.jumlah_periode > 1 AND m.bulan IN (SELECT bulan FROM bulan_didanai);

-- Active in m, not active in the same cell the month before: a first month, a new tranche, a return
-- after an unfunded month, or a move from another kecamatan or sector.
CREATE OR REPLACE TABLE perubahan_masuk AS
SELECT awal AS bulan, kode_kec, sektor, jk, 'baru' AS jenis FROM aktif_runtun
UNION ALL
SELECT a.bulan, a.kode_kec, a.sektor, a.jk, 'baru' AS jenis
FROM aktif_peserta_ganda a
WHERE NOT EXISTS (
  SELECT 1 FROM aktif_peserta_ganda p
  WHERE p.nik = a.nik AND p.bulan = a.bulan - INTERVAL 1 MONTH AND p.kode_kec = a.kode_kec AND p.sektor = a.sektor
);

-- Active in m−1, not active in that cell in m (m up to the as-of month). The reason is the first that
-- holds: the death month (claims) was m−1; m−1 was the last month before usia_maks (the same rule
-- as periode_peserta); anything else — the period's end date, an unfunded month m, a move.
CREATE OR REPLACE TABLE perubahan_keluar AS
WITH terakhir AS (
  -- each NIK's last active month in a cell before a gap, with what it needs for the reason
  SELECT nik, akhir AS bulan, kode_kec, sektor, jk, lahir FROM aktif_runtun
  UNION ALL
  SELECT p.nik, p.bulan, p.kode_kec, p.sektor, p.jk, p.lahir
  FROM aktif_peserta_ganda p
  WHERE NOT EXISTS (
    SELECT 1 FROM aktif_peserta_ganda a
    WHERE a.nik = p.nik AND a.bulan = p.bulan + INTERVAL 1 MONTH AND a.kode_kec = p.kode_kec AND a.sektor = p.sektor
  )
)
SELECT (p.bulan + INTERVAL 1 MONTH)::DATE AS bulan, p.kode_kec, p.sektor, p.jk,
  CASE
    WHEN date_trunc('month', k.tanggal) = p.bulan THEN 'keluar_meninggal'
    WHEN date_trunc('month', p.lahir + to_years(getvariable('usia_maks')) - INTERVAL 1 DAY) = p.bulan THEN 'keluar_usia'
    ELSE 'keluar_lainnya'
  END AS jenis
FROM terakhir p LEFT JOIN kematian k USING (nik)
WHERE p.bulan < getvariable('as_of');

-- Only cells where something changed; a month × kecamatan missing here had no change.
CREATE OR REPLACE TABLE out_perubahan AS
SELECT strftime(bulan, '%Y-%m') AS bulan, kode_kec, sektor, jk AS jenis_kelamin,
  (count(*) FILTER (WHERE jenis = 'baru'))::INTEGER AS baru,
  (count(*) FILTER (WHERE jenis = 'keluar_meninggal'))::INTEGER AS keluar_meninggal,
  (count(*) FILTER (WHERE jenis = 'keluar_usia'))::INTEGER AS keluar_usia,
  (count(*) FILTER (WHERE jenis = 'keluar_lainnya'))::INTEGER AS keluar_lainnya
FROM (SELECT * FROM perubahan_masuk UNION ALL SELECT * FROM perubahan_keluar)
GROUP BY ALL ORDER BY ALL;
