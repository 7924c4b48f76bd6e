-- Cross-table checks: what no single row's rules can see (codes and messages: loaders/reasons.ts).
-- quality.json publishes the counts (pemeriksaan_jumlah) and the months of the month-based checks
-- (pemeriksaan_bulan), both small tables. The findings about members, with NIK and KPJ, are views
-- that only the operator's pemeriksaan.xlsx reads (pemeriksaan_temuan): a build that needs the counts
-- never lists them. Each check reads the accepted rows once, or only the rows of the few NIKs with
-- several rows (nik_ganda, members.sql): no join of everyone with everyone.

-- Months invoiced for more members than the enrolment data has active. A table (a row a month at most):
-- the public build suppresses small cells in out_anggota_bulanan before pemeriksaan.xlsx is written.
CREATE OR REPLACE TABLE ditagih_melebihi_aktif AS
WITH aktif AS (
  SELECT bulan, sum(aktif) AS aktif FROM out_anggota_bulanan GROUP BY bulan
), ditagih AS (
  SELECT strftime(bulan, '%Y-%m') AS bulan, sum(peserta_ditagih) AS ditagih,
    string_agg(_row::VARCHAR, ' ' ORDER BY _row) AS baris
  FROM iuran_ok GROUP BY 1
)
SELECT d.bulan, d.ditagih, coalesce(a.aktif, 0) AS aktif, d.baris
FROM ditagih d LEFT JOIN aktif a USING (bulan) WHERE d.ditagih > coalesce(a.aktif, 0);

-- Registered in a month that has no invoice at all (enrolled, but nobody paid for that month): each
-- period keeps the unfunded months it covers — a few months in a list, not a join or the member-months
-- exploded again. The same (NIK, month) pairs as bulan_peserta's; one row per period that has any.
CREATE OR REPLACE VIEW terdaftar_tanpa_tagihan AS
WITH bulan_tanpa_tagihan AS (
  SELECT list(bulan ORDER BY bulan) AS bulan FROM (
    SELECT unnest(generate_series(min(bulan_awal), max(bulan_akhir), INTERVAL 1 MONTH))::DATE AS bulan
    FROM periode_peserta WHERE bulan_awal <= bulan_akhir)
  WHERE bulan NOT IN (SELECT bulan FROM bulan_didanai)
), per_periode AS (
  SELECT p.nik, p.jumlah_periode, list_filter(b.bulan, m -> m BETWEEN p.bulan_awal AND p.bulan_akhir) AS bulan
  FROM periode_peserta p, bulan_tanpa_tagihan b
  WHERE p.bulan_awal <= b.bulan[-1] AND p.bulan_akhir >= b.bulan[1]
)
SELECT * FROM per_periode WHERE len(bulan) > 0;

-- Claims whose tanggal_kejadian falls in none of the member's periods (mulai … akhir). A claim for
-- a rejected member row has no period to fall in: the next check names it instead.
CREATE OR REPLACE VIEW klaim_di_luar_kepesertaan AS
SELECT c._row, c.nik, c.tanggal_kejadian
FROM klaim_ok c JOIN peserta_ok p USING (nik)
WHERE c.alasan_peserta IS NULL
GROUP BY c._row, c.nik, c.tanggal_kejadian
HAVING NOT bool_or(p.mulai <= c.tanggal_kejadian AND (p.akhir IS NULL OR c.tanggal_kejadian <= p.akhir));

-- Claims counted in the claims figures although the member row they match was rejected (the family
-- was paid; the enrolment row is what needs fixing): klaim.sql keeps that row's reason and number.
CREATE OR REPLACE VIEW klaim_peserta_ditolak AS
SELECT _row, nik, tanggal_kejadian, alasan_peserta, baris_peserta FROM klaim_ok WHERE alasan_peserta IS NOT NULL;

-- The day a member reaches usia_maks; still on the rolls after it (as of the last month) is a finding.
CREATE OR REPLACE VIEW melewati_batas_usia AS
WITH batas_usia AS (
  SELECT p.nik, (p.lahir + to_years(getvariable('usia_maks')))::DATE AS tanggal, p.akhir, k.tanggal AS meninggal
  FROM peserta_ok p LEFT JOIN kematian k USING (nik)
)
SELECT nik, min(tanggal) AS tanggal FROM batas_usia
WHERE tanggal < getvariable('as_of') + INTERVAL 1 MONTH
  AND (akhir IS NULL OR akhir >= tanggal) AND (meninggal IS NULL OR meninggal >= tanggal)
GROUP BY nik;

-- The rows of NIKs with several accepted rows: the only ones that can be in two places or overlap.
CREATE OR REPLACE VIEW periode_ganda AS
SELECT _row, nik, kpj, kode_kec, mulai, akhir FROM peserta_ok WHERE nik IN (SELECT nik FROM nik_ganda);

CREATE OR REPLACE VIEW nik_dua_kecamatan AS
SELECT nik, string_agg(DISTINCT kode_kec, ' ' ORDER BY kode_kec) AS kecamatan
FROM periode_ganda GROUP BY nik HAVING count(DISTINCT kode_kec) > 1;

-- Two periods overlap when, in order of mulai, one starts before an earlier one has ended (akhir is
-- never before mulai in an accepted row, so an earlier period always started no later).
CREATE OR REPLACE VIEW periode_tumpang_tindih AS
SELECT DISTINCT nik FROM (
  SELECT nik, mulai,
    max(coalesce(akhir, DATE '9999-12-31')) OVER (PARTITION BY nik ORDER BY mulai, _row ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS akhir_sebelumnya
  FROM periode_ganda)
WHERE mulai <= akhir_sebelumnya;

-- What quality.json counts: months, members or claims (loaders/reasons.ts crossCheckUnits).
CREATE OR REPLACE TABLE pemeriksaan_jumlah AS
SELECT 'DITAGIH_MELEBIHI_AKTIF' AS kode, count(*) AS jumlah FROM ditagih_melebihi_aktif
UNION ALL
-- a NIK with one period is one member; only NIKs with several need telling apart
SELECT 'TERDAFTAR_TANPA_TAGIHAN', count(*) FILTER (WHERE jumlah_periode = 1) + count(DISTINCT nik) FILTER (WHERE jumlah_periode > 1)
FROM terdaftar_tanpa_tagihan
UNION ALL SELECT 'KLAIM_DI_LUAR_KEPESERTAAN', count(*) FROM klaim_di_luar_kepesertaan
UNION ALL SELECT 'KLAIM_PESERTA_DITOLAK', count(*) FROM klaim_peserta_ditolak
UNION ALL SELECT 'MELEWATI_BATAS_USIA', count(*) FROM melewati_batas_usia
UNION ALL SELECT 'NIK_DUA_KECAMATAN', count(*) FROM nik_dua_kecamatan
UNION ALL SELECT 'PERIODE_TUMPANG_TINDIH', count(*) FROM periode_tumpang_tindih;

-- The months behind the month-based findings (aggregates: safe to publish).
CREATE OR REPLACE TABLE pemeriksaan_bulan AS
SELECT 'DITAGIH_MELEBIHI_AKTIF' AS kode, bulan FROM ditagih_melebihi_aktif
UNION
SELECT 'TERDAFTAR_TANPA_TAGIHAN', strftime(unnest(bulan), '%Y-%m') FROM terdaftar_tanpa_tagihan
ORDER BY ALL;

-- One row per finding (a month, a member or a claim), with the member's KPJ and peserta row numbers
-- to find them in the source: the operator's pemeriksaan.xlsx (loaders/rejects.ts).
CREATE OR REPLACE VIEW pemeriksaan_temuan AS
WITH tanpa_tagihan AS (
  SELECT nik, list_sort(list_distinct(flatten(list(bulan)))) AS bulan FROM terdaftar_tanpa_tagihan GROUP BY nik
), temuan AS (
  SELECT 'DITAGIH_MELEBIHI_AKTIF' AS kode, bulan, NULL::VARCHAR AS nik, NULL::VARCHAR AS kpj, 'iuran' AS tabel, baris,
    'ditagih ' || ditagih || ' peserta, aktif ' || aktif AS keterangan
  FROM ditagih_melebihi_aktif
  UNION ALL
  SELECT 'TERDAFTAR_TANPA_TAGIHAN', strftime(bulan[1], '%Y-%m'), nik, NULL, 'peserta', NULL,
    'bulan tanpa tagihan: ' || array_to_string(list_transform(bulan, m -> strftime(m, '%Y-%m')), ' ')
  FROM tanpa_tagihan
  UNION ALL
  SELECT 'KLAIM_DI_LUAR_KEPESERTAAN', strftime(tanggal_kejadian, '%Y-%m'), nik, NULL, 'klaim', _row::VARCHAR,
    'tanggal kejadian ' || strftime(tanggal_kejadian, '%Y-%m-%d') || ' di luar periode kepesertaan'
  FROM klaim_di_luar_kepesertaan
  UNION ALL
  -- the member row is not in peserta_ok, so its KPJ comes from here
  SELECT 'KLAIM_PESERTA_DITOLAK', strftime(c.tanggal_kejadian, '%Y-%m'), c.nik, p.kpj, 'klaim', c._row::VARCHAR,
    'baris peserta ' || c.baris_peserta || ' ditolak (' || c.alasan_peserta || '); klaim tetap dihitung'
  FROM klaim_peserta_ditolak c LEFT JOIN peserta_checked p ON p._row = c.baris_peserta
  UNION ALL
  SELECT 'MELEWATI_BATAS_USIA', strftime(tanggal, '%Y-%m'), nik, NULL, 'peserta', NULL,
    'mencapai usia ' || getvariable('usia_maks') || ' pada ' || strftime(tanggal, '%Y-%m-%d')
  FROM melewati_batas_usia
  UNION ALL
  SELECT 'NIK_DUA_KECAMATAN', NULL, nik, NULL, 'peserta', NULL, 'kecamatan: ' || kecamatan FROM nik_dua_kecamatan
  UNION ALL
  SELECT 'PERIODE_TUMPANG_TINDIH', NULL, nik, NULL, 'peserta', NULL, 'periode kepesertaan tumpang tindih' FROM periode_tumpang_tindih
), orang AS (
  -- most members have one row: its KPJ and number; a NIK with several gives the latest row's KPJ
  SELECT nik, kpj, _row::VARCHAR AS baris FROM peserta_ok
  WHERE nik IN (SELECT nik FROM temuan) AND nik NOT IN (SELECT nik FROM nik_ganda)
  UNION ALL
  SELECT nik, arg_max(kpj, (mulai, -_row)), string_agg(_row::VARCHAR, ' ' ORDER BY _row)
  FROM periode_ganda WHERE nik IN (SELECT nik FROM temuan) GROUP BY nik
)
-- a claim or an invoice names its own row; a member finding lists the member's peserta rows
SELECT t.kode, t.bulan, t.nik, coalesce(t.kpj, o.kpj) AS kpj, t.tabel, coalesce(t.baris, o.baris) AS baris, t.keterangan
FROM temuan t LEFT JOIN orang o USING (nik);
