-- Members by desa (month × kecamatan × desa). The public build suppresses the member cube without its
-- desa dimension (a desa × sector × sex × age cell holds 1–4 people more often than not) and takes desa
-- figures from this table instead, so desa totals stay itemised (docs/ARCHITECTURE.md, "Small-cell suppression").
CREATE OR REPLACE TABLE out_anggota_desa AS
SELECT bulan, kode_kec, kode_desa, sum(terdaftar)::INTEGER AS terdaftar, sum(aktif)::INTEGER AS aktif
FROM out_anggota_bulanan GROUP BY ALL ORDER BY ALL;
