-- Claims by year of the event × kecamatan × type. Deaths per kecamatan per month are 0–2, so a public
-- build publishes klaim_bulanan region-wide only and the kecamatan split per year here: a year's
-- claims per kecamatan mostly reach the small-cell threshold, and the two tables share no cell below
-- the region (docs/ARCHITECTURE.md, "Small-cell suppression").
CREATE OR REPLACE TABLE out_klaim_tahunan AS
SELECT year(tanggal_kejadian)::INTEGER AS tahun, kode_kec, jenis,
  count(*)::INTEGER AS jumlah, sum(nominal)::DOUBLE AS nominal, sum(beasiswa)::DOUBLE AS beasiswa
FROM klaim_ok GROUP BY ALL ORDER BY ALL;
