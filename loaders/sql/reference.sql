-- Reference tables in the shapes the extract tables join on.
CREATE OR REPLACE TABLE ref_kecamatan AS
SELECT kode_kec, kode_kec_bps, kecamatan AS nama FROM ref_kecamatan_raw ORDER BY kode_kec;

CREATE OR REPLACE TABLE ref_desa AS
SELECT kode_desa, desa AS nama, kode_kec FROM ref_desa_raw ORDER BY kode_desa;

CREATE OR REPLACE TABLE ref_sektor AS
SELECT kode, nama, nama_en, CAST(urutan AS INTEGER) AS urutan FROM ref_sektor_raw ORDER BY urutan;

-- A kecamatan is found by its name, Kemendagri code (33.27.04 or 332704), BPS code or an alias;
-- a key claimed by two kecamatan is dropped, so an ambiguous name is reported rather than guessed.
CREATE OR REPLACE TABLE ref_kec_key AS
SELECT key, min(kode_kec) AS kode_kec FROM (
  SELECT j_key(nama) AS key, kode_kec FROM ref_kecamatan
  UNION ALL SELECT j_key(kode_kec), kode_kec FROM ref_kecamatan
  UNION ALL SELECT j_key(kode_kec_bps), kode_kec FROM ref_kecamatan WHERE kode_kec_bps IS NOT NULL
  UNION ALL SELECT j_key(alias), kode FROM ref_alias_wilayah WHERE tingkat = 'kecamatan'
) WHERE key IS NOT NULL GROUP BY key HAVING count(DISTINCT kode_kec) = 1;

-- Desa names repeat across kecamatan (Kuta, Sarwodadi), so a desa key is unique only within one.
CREATE OR REPLACE TABLE ref_desa_key AS
SELECT kode_kec, key, min(kode_desa) AS kode_desa FROM (
  SELECT kode_kec, j_key(nama) AS key, kode_desa FROM ref_desa
  UNION ALL SELECT kode_kec, j_key(kode_desa), kode_desa FROM ref_desa
  UNION ALL SELECT d.kode_kec, j_key(a.alias), a.kode FROM ref_alias_wilayah a JOIN ref_desa d ON d.kode_desa = a.kode
  WHERE a.tingkat = 'desa'
) WHERE key IS NOT NULL GROUP BY kode_kec, key HAVING count(DISTINCT kode_desa) = 1;

CREATE OR REPLACE TABLE ref_sektor_key AS
SELECT key, min(kode) AS kode FROM (
  SELECT j_sector_key(alias) AS key, kode FROM ref_alias_sektor
  UNION ALL SELECT j_sector_key(kode), kode FROM ref_sektor
  UNION ALL SELECT j_sector_key(replace(kode, '_', ' ')), kode FROM ref_sektor
  UNION ALL SELECT j_sector_key(nama), kode FROM ref_sektor
) WHERE key IS NOT NULL GROUP BY key HAVING count(DISTINCT kode) = 1;
