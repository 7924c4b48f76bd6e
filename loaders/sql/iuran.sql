-- iuran: one row per monthly contribution invoice/payment. An invoice is money the regency paid: a
-- row whose month and amount are readable always counts in the realisation. What is wrong with its
-- other cells is a warning (the first in the order below), and the cell is left neutral: member count
-- 0, payment date unknown (shown as not yet paid), funding source 'Tidak valid' (j_sumber_tidak_valid).
CREATE OR REPLACE TABLE iuran_checked AS
WITH parsed AS (
  SELECT _row,
    j_month(periode) AS bulan,
    j_count(jumlah_peserta) AS peserta_ditagih,
    j_money(nominal) AS nominal,
    j_date(tanggal_bayar) AS tanggal_bayar, tanggal_bayar AS tanggal_bayar_text,
    j_fund(sumber_dana) AS sumber_dana, j_text(sumber_dana) AS sumber_dana_text,
    k.kode_kec, kecamatan AS kecamatan_text
  FROM raw_iuran LEFT JOIN ref_kec_key k ON k.key = j_key(kecamatan)
)
SELECT _row, bulan,
  coalesce(peserta_ditagih, 0) AS peserta_ditagih,
  nominal,
  tanggal_bayar,
  CASE WHEN sumber_dana_text IS NULL THEN getvariable('sumber_dana_bawaan')
       ELSE coalesce(sumber_dana, j_sumber_tidak_valid()) END AS sumber_dana,
  kode_kec,
  CASE
    WHEN bulan IS NULL THEN 'PERIODE_TIDAK_VALID'
    WHEN nominal IS NULL THEN 'NOMINAL_TIDAK_VALID'
  END AS alasan,
  CASE
    WHEN peserta_ditagih IS NULL THEN 'JUMLAH_PESERTA_TIDAK_VALID'
    WHEN tanggal_bayar_text IS NOT NULL AND tanggal_bayar IS NULL THEN 'TANGGAL_BAYAR_TIDAK_VALID'
    WHEN sumber_dana_text IS NOT NULL AND sumber_dana IS NULL THEN 'SUMBER_DANA_TIDAK_VALID'
    WHEN kecamatan_text IS NOT NULL AND kode_kec IS NULL THEN 'KECAMATAN_TIDAK_DIKENAL'
  END AS peringatan
FROM parsed;

CREATE OR REPLACE TABLE iuran_ok AS SELECT * EXCLUDE (alasan, peringatan) FROM iuran_checked WHERE alasan IS NULL;
