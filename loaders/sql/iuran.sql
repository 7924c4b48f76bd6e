-- iuran: one row per monthly contribution invoice/payment.
CREATE OR REPLACE TABLE iuran_checked AS
SELECT _row,
  j_month(periode) AS bulan,
  j_count(jumlah_peserta) AS peserta_ditagih,
  j_money(nominal) AS nominal,
  j_date(tanggal_bayar) AS tanggal_bayar,
  coalesce(j_fund(sumber_dana), getvariable('sumber_dana_bawaan')) AS sumber_dana,
  k.kode_kec,
  CASE
    WHEN j_month(periode) IS NULL THEN 'PERIODE_TIDAK_VALID'
    WHEN j_count(jumlah_peserta) IS NULL THEN 'JUMLAH_PESERTA_TIDAK_VALID'
    WHEN j_money(nominal) IS NULL THEN 'NOMINAL_TIDAK_VALID'
    WHEN tanggal_bayar IS NOT NULL AND j_date(tanggal_bayar) IS NULL THEN 'TANGGAL_BAYAR_TIDAK_VALID'
    WHEN j_text(sumber_dana) IS NOT NULL AND j_fund(sumber_dana) IS NULL THEN 'SUMBER_DANA_TIDAK_VALID'
  END AS alasan,
  CASE WHEN kecamatan IS NOT NULL AND k.kode_kec IS NULL THEN 'KECAMATAN_TIDAK_DIKENAL' END AS peringatan
FROM raw_iuran LEFT JOIN ref_kec_key k ON k.key = j_key(kecamatan);

CREATE OR REPLACE TABLE iuran_ok AS SELECT * EXCLUDE (alasan, peringatan) FROM iuran_checked WHERE alasan IS NULL;
