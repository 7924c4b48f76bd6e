-- anggaran: budget lines; a row with `bulan` is one month of the cash plan, without it the year's pagu.
-- A line whose year and pagu are readable always counts in the allocation: an empty or unusable funding
-- source is a warning and the line is kept under the source 'Tidak valid' (as in iuran.sql).
CREATE OR REPLACE TABLE anggaran_checked AS
WITH parsed AS (
  SELECT _row,
    j_count(tahun) AS tahun, tahun AS tahun_text,
    j_fund(sumber_dana) AS sumber_dana, j_text(sumber_dana) AS sumber_dana_text,
    j_text(program) AS program,
    j_money(pagu) AS pagu,
    j_money(pagu_perubahan) AS pagu_perubahan, pagu_perubahan AS pagu_perubahan_text,
    bulan AS bulan_text,
    CASE WHEN regexp_full_match(trim(bulan), '\d{1,2}(\.0+)?') AND TRY_CAST(TRY_CAST(trim(bulan) AS DOUBLE) AS INTEGER) BETWEEN 1 AND 12
           THEN TRY_CAST(TRY_CAST(trim(bulan) AS DOUBLE) AS INTEGER)
         WHEN regexp_full_match(lower(trim(bulan)), '[a-z]+') AND j_month_number(trim(bulan)) > 0 THEN j_month_number(trim(bulan))
         ELSE month(j_month(bulan)) END AS bulan
  FROM raw_anggaran
)
SELECT * REPLACE (coalesce(sumber_dana, j_sumber_tidak_valid()) AS sumber_dana), CASE
    WHEN tahun IS NULL OR tahun NOT BETWEEN 2000 AND 2100 THEN 'TAHUN_TIDAK_VALID'
    WHEN pagu IS NULL THEN 'PAGU_TIDAK_VALID'
    WHEN pagu_perubahan_text IS NOT NULL AND pagu_perubahan IS NULL THEN 'PAGU_PERUBAHAN_TIDAK_VALID'
    WHEN bulan_text IS NOT NULL AND bulan IS NULL THEN 'BULAN_TIDAK_VALID'
  END AS alasan,
  CASE
    WHEN sumber_dana_text IS NULL THEN 'SUMBER_DANA_KOSONG'
    WHEN sumber_dana IS NULL THEN 'SUMBER_DANA_TIDAK_VALID'
  END AS peringatan
FROM parsed;

CREATE OR REPLACE TABLE anggaran_ok AS
SELECT _row, tahun, sumber_dana, program, pagu, pagu_perubahan, bulan FROM anggaran_checked WHERE alasan IS NULL;
