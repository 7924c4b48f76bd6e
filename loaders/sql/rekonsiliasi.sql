-- Reconciliation aggregates for the budget page (src/anggaran.md): what was invoiced, set against who
-- the enrolment extract says was covered, per funding source. Runs after members.sql.

-- Registered and active members by month × funding source × kecamatan, the source taken from the
-- member's own enrolment row. Summed over sources and kecamatan it is out_anggota_bulanan's count; set
-- against iuran's peserta_ditagih it shows people invoiced but not found (or rejected) in peserta, and
-- enrolled people nobody invoiced. Its kecamatan split apportions invoices that name no kecamatan.
-- (Summed from members.sql's member-month counts, which carry each month's enrolment row's source.)
CREATE OR REPLACE TABLE out_peserta_sumber_dana AS
SELECT strftime(h.bulan, '%Y-%m') AS bulan, d.sumber_dana, d.kode_kec,
  h.terdaftar::INTEGER AS terdaftar, h.aktif::INTEGER AS aktif
FROM bulan_peserta_hitung h JOIN sel_dana d ON d.dana = h.kunci
WHERE h.rincian = 'dana'
ORDER BY ALL;

-- Invoices by month × source × kecamatan (null: the row names none) × payment date (null: unpaid):
-- spending by kecamatan where iuran has the column, and the months paid after the due date.
CREATE OR REPLACE TABLE out_iuran_rinci AS
SELECT strftime(bulan, '%Y-%m') AS bulan, sumber_dana, kode_kec,
  strftime(tanggal_bayar, '%Y-%m-%d') AS tanggal_bayar,
  sum(peserta_ditagih)::INTEGER AS peserta_ditagih,
  sum(nominal)::DOUBLE AS iuran_ditagih
FROM iuran_ok GROUP BY ALL ORDER BY ALL;
