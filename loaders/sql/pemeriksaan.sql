-- Cross-table checks: what no single row's rules can see. One row per finding (a month, a member or a
-- claim) in pemeriksaan_temuan; quality.json publishes only the counts, the rows with NIK and KPJ go
-- to the operator's pemeriksaan.csv. Codes and messages: loaders/reasons.ts.

-- A member's KPJ and peserta row numbers, to find them in the source.
CREATE OR REPLACE TEMP TABLE pemeriksaan_orang AS
SELECT nik, arg_max(kpj, (mulai, -_row)) AS kpj, string_agg(_row::VARCHAR, ' ' ORDER BY _row) AS baris
FROM peserta_ok GROUP BY nik;

-- Registered in a month that has no invoice at all (rare): found from the periods and the few unfunded
-- months, not by exploding every member-month again. The same (NIK, month) pairs as bulan_peserta's.
CREATE OR REPLACE TEMP TABLE terdaftar_tanpa_tagihan AS
WITH bulan_tanpa_tagihan AS (
  SELECT bulan FROM (
    SELECT unnest(generate_series(min(bulan_awal), max(bulan_akhir), INTERVAL 1 MONTH))::DATE AS bulan
    FROM periode_peserta WHERE bulan_awal <= bulan_akhir)
  WHERE bulan NOT IN (SELECT bulan FROM bulan_didanai)
)
SELECT DISTINCT p.nik, b.bulan
FROM periode_peserta p JOIN bulan_tanpa_tagihan b ON b.bulan BETWEEN p.bulan_awal AND p.bulan_akhir;

CREATE OR REPLACE TABLE pemeriksaan_temuan AS
WITH aktif AS (
  SELECT bulan, sum(aktif) AS aktif FROM out_anggota_bulanan GROUP BY bulan
), ditagih AS (
  SELECT strftime(bulan, '%Y-%m') AS bulan, sum(peserta_ditagih) AS ditagih,
    string_agg(_row::VARCHAR, ' ' ORDER BY _row) AS baris
  FROM iuran_ok GROUP BY 1
), tanpa_tagihan AS (
  -- registered in a month that has no invoice at all: enrolled, but nobody paid for that month
  SELECT nik, string_agg(DISTINCT strftime(bulan, '%Y-%m'), ' ' ORDER BY strftime(bulan, '%Y-%m')) AS bulan
  FROM terdaftar_tanpa_tagihan GROUP BY nik
), batas_usia AS (
  -- the day a member reaches usia_maks; still on the rolls after it (as of the last month) is a finding
  SELECT p.nik, p._row, (p.lahir + to_years(getvariable('usia_maks')))::DATE AS tanggal
  FROM peserta_ok p LEFT JOIN kematian k USING (nik)
  WHERE (p.lahir + to_years(getvariable('usia_maks')))::DATE < getvariable('as_of') + INTERVAL 1 MONTH
    AND (p.akhir IS NULL OR p.akhir >= (p.lahir + to_years(getvariable('usia_maks')))::DATE)
    AND (k.tanggal IS NULL OR k.tanggal >= (p.lahir + to_years(getvariable('usia_maks')))::DATE)
), tumpang_tindih AS (
  SELECT DISTINCT a.nik FROM peserta_ok a JOIN peserta_ok b ON a.nik = b.nik AND a._row < b._row
  WHERE a.mulai <= coalesce(b.akhir, DATE '9999-12-31') AND b.mulai <= coalesce(a.akhir, DATE '9999-12-31')
)
SELECT 'DITAGIH_MELEBIHI_AKTIF' AS kode, d.bulan, NULL::VARCHAR AS nik, NULL::VARCHAR AS kpj, 'iuran' AS tabel, d.baris,
  'ditagih ' || d.ditagih || ' peserta, aktif ' || coalesce(a.aktif, 0) AS keterangan
FROM ditagih d LEFT JOIN aktif a USING (bulan) WHERE d.ditagih > coalesce(a.aktif, 0)
UNION ALL
SELECT 'TERDAFTAR_TANPA_TAGIHAN', split_part(t.bulan, ' ', 1), t.nik, o.kpj, 'peserta', o.baris, 'bulan tanpa tagihan: ' || t.bulan
FROM tanpa_tagihan t JOIN pemeriksaan_orang o USING (nik)
UNION ALL
SELECT 'KLAIM_DI_LUAR_KEPESERTAAN', strftime(c.tanggal_kejadian, '%Y-%m'), c.nik, o.kpj, 'klaim', c._row::VARCHAR,
  'tanggal kejadian ' || strftime(c.tanggal_kejadian, '%Y-%m-%d') || ' di luar periode kepesertaan'
FROM klaim_ok c JOIN pemeriksaan_orang o USING (nik)
WHERE NOT EXISTS (
  SELECT 1 FROM peserta_ok p WHERE p.nik = c.nik AND p.mulai <= c.tanggal_kejadian AND (p.akhir IS NULL OR c.tanggal_kejadian <= p.akhir))
UNION ALL
SELECT 'MELEWATI_BATAS_USIA', strftime(min(b.tanggal), '%Y-%m'), b.nik, o.kpj, 'peserta', o.baris,
  'mencapai usia ' || getvariable('usia_maks') || ' pada ' || strftime(min(b.tanggal), '%Y-%m-%d')
FROM batas_usia b JOIN pemeriksaan_orang o USING (nik) GROUP BY b.nik, o.kpj, o.baris
UNION ALL
SELECT 'NIK_DUA_KECAMATAN', NULL, p.nik, o.kpj, 'peserta', o.baris,
  'kecamatan: ' || string_agg(DISTINCT p.kode_kec, ' ' ORDER BY p.kode_kec)
FROM peserta_ok p JOIN pemeriksaan_orang o USING (nik) GROUP BY p.nik, o.kpj, o.baris HAVING count(DISTINCT p.kode_kec) > 1
UNION ALL
SELECT 'PERIODE_TUMPANG_TINDIH', NULL, t.nik, o.kpj, 'peserta', o.baris, 'periode kepesertaan tumpang tindih'
FROM tumpang_tindih t JOIN pemeriksaan_orang o USING (nik)
ORDER BY ALL;

-- The months behind the month-based findings (aggregates: safe to publish).
CREATE OR REPLACE TABLE pemeriksaan_bulan AS
SELECT DISTINCT kode, bulan FROM pemeriksaan_temuan WHERE kode = 'DITAGIH_MELEBIHI_AKTIF'
UNION
SELECT DISTINCT 'TERDAFTAR_TANPA_TAGIHAN', strftime(bulan, '%Y-%m') FROM terdaftar_tanpa_tagihan
ORDER BY ALL;
