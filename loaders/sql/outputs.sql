-- The other aggregates the pages read; every one sorted so the same extracts give the same bytes.

CREATE OR REPLACE TABLE out_sasaran AS
SELECT kode_kec, kode_desa, sektor, sum(jumlah)::INTEGER AS jumlah
FROM sasaran_ok GROUP BY ALL ORDER BY ALL;

CREATE OR REPLACE TABLE out_iuran_bulanan AS
SELECT strftime(bulan, '%Y-%m') AS bulan, sumber_dana,
  sum(peserta_ditagih)::INTEGER AS peserta_ditagih,
  sum(nominal)::DOUBLE AS iuran_ditagih,
  coalesce(sum(nominal) FILTER (WHERE tanggal_bayar IS NOT NULL), 0)::DOUBLE AS iuran_dibayar,
  strftime(max(tanggal_bayar), '%Y-%m-%d') AS tanggal_bayar
FROM iuran_ok GROUP BY ALL ORDER BY ALL;

-- A year's pagu comes from its annual lines; a year that has only cash-plan rows sums them.
CREATE OR REPLACE TABLE out_anggaran_tahunan AS
WITH tahunan AS (
  SELECT tahun, sumber_dana, sum(pagu) AS pagu, sum(pagu_perubahan) AS pagu_perubahan,
    sum(coalesce(pagu_perubahan, pagu)) AS pagu_berlaku
  FROM anggaran_ok WHERE bulan IS NULL GROUP BY ALL
), dari_rencana AS (
  SELECT tahun, sumber_dana, sum(pagu) AS pagu, sum(pagu_perubahan) AS pagu_perubahan,
    sum(coalesce(pagu_perubahan, pagu)) AS pagu_berlaku
  FROM anggaran_ok a WHERE bulan IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM tahunan t WHERE t.tahun = a.tahun AND t.sumber_dana = a.sumber_dana)
  GROUP BY ALL
)
SELECT tahun::INTEGER AS tahun, sumber_dana, pagu::DOUBLE AS pagu, pagu_perubahan::DOUBLE AS pagu_perubahan,
  pagu_berlaku::DOUBLE AS pagu_berlaku
FROM (SELECT * FROM tahunan UNION ALL SELECT * FROM dari_rencana) ORDER BY ALL;

CREATE OR REPLACE TABLE out_rencana_kas AS
SELECT strftime(make_date(tahun::INTEGER, bulan, 1), '%Y-%m') AS bulan, sumber_dana,
  sum(coalesce(pagu_perubahan, pagu))::DOUBLE AS rencana
FROM anggaran_ok WHERE bulan IS NOT NULL GROUP BY ALL ORDER BY ALL;

CREATE OR REPLACE TABLE out_klaim_bulanan AS
SELECT strftime(tanggal_kejadian, '%Y-%m') AS bulan, kode_kec, jenis,
  count(*)::INTEGER AS jumlah, sum(nominal)::DOUBLE AS nominal, sum(beasiswa)::DOUBLE AS beasiswa
FROM klaim_ok GROUP BY ALL ORDER BY ALL;

-- Headline figures for the as-of month and its year (summary.json).
CREATE OR REPLACE TABLE out_summary AS
WITH tahun AS (SELECT year(getvariable('as_of')) AS tahun)
SELECT
  strftime(getvariable('as_of'), '%Y-%m') AS as_of,
  (SELECT tahun FROM tahun)::INTEGER AS tahun,
  (SELECT coalesce(sum(aktif), 0) FROM out_anggota_bulanan WHERE bulan = strftime(getvariable('as_of'), '%Y-%m'))::BIGINT AS members_active,
  (SELECT coalesce(sum(jumlah), 0) FROM out_sasaran)::BIGINT AS eligible,
  -- The source named on the pages: free text, so only the main ones (≥ 5% of the rows, at most three)
  -- that read like a source, never a stray cell (a NIK pasted into the column must not reach the site).
  (SELECT string_agg(sumber, '; ' ORDER BY sumber) FROM (
     SELECT sumber FROM sasaran_ok
     WHERE length(sumber) <= 80 AND NOT regexp_matches(sumber, '\d{5,}')
     GROUP BY sumber HAVING count(*) >= 0.05 * (SELECT count(*) FROM sasaran_ok)
     ORDER BY count(*) DESC, sumber LIMIT 3)) AS eligible_source,
  (SELECT sum(pagu_berlaku) FROM out_anggaran_tahunan WHERE tahun = (SELECT tahun FROM tahun))::BIGINT AS allocation,
  (SELECT coalesce(sum(iuran_ditagih), 0) FROM out_iuran_bulanan WHERE bulan LIKE (SELECT tahun FROM tahun) || '-%')::BIGINT AS realisation,
  (SELECT count(*) FROM klaim_ok WHERE year(tanggal_kejadian) = (SELECT tahun FROM tahun))::BIGINT AS claims_count,
  (SELECT coalesce(sum(nominal + beasiswa), 0) FROM klaim_ok WHERE year(tanggal_kejadian) = (SELECT tahun FROM tahun))::BIGINT AS claims_amount;
