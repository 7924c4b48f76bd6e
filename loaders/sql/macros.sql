-- Normalisation rules shared by every table (docs/ARCHITECTURE.md, "Normalisation").
-- Each is a scalar macro so DuckDB applies it inside the scan, and a unit test can call it alone.

-- Text: trimmed, runs of white space collapsed; empty is missing.
CREATE OR REPLACE MACRO j_text(s) AS nullif(regexp_replace(trim(s), '\s+', ' ', 'g'), '');

-- Dates: YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, or an Excel serial day number (1927–2173). A year
-- outside 1900–2099 is a typo ("0025", "20255"), not a date this program can have.
CREATE OR REPLACE MACRO j_date(s) AS CASE
  WHEN regexp_full_match(trim(s), '(19|20)\d{2}-\d{1,2}-\d{1,2}([ T][0-9:.]*)?')
    THEN try_strptime(split_part(split_part(trim(s), ' ', 1), 'T', 1), '%Y-%m-%d')::DATE
  WHEN regexp_full_match(trim(s), '\d{1,2}/\d{1,2}/(19|20)\d{2}') THEN try_strptime(trim(s), '%d/%m/%Y')::DATE
  WHEN regexp_full_match(trim(s), '\d{1,2}-\d{1,2}-(19|20)\d{2}') THEN try_strptime(trim(s), '%d-%m-%Y')::DATE
  WHEN regexp_full_match(trim(s), '\d{5}(\.\d+)?') THEN DATE '1899-12-30' + CAST(floor(CAST(trim(s) AS DOUBLE)) AS INTEGER)
END;

-- Indonesian month names and abbreviations, for "Maret 2025".
CREATE OR REPLACE MACRO j_month_number(name) AS
  list_position(['jan', 'feb', 'mar', 'apr', 'mei', 'jun', 'jul', 'agu', 'sep', 'okt', 'nov', 'des'],
    CASE WHEN substr(lower(name), 1, 3) IN ('agt', 'ags', 'aug') THEN 'agu'
         WHEN substr(lower(name), 1, 3) = 'may' THEN 'mei'
         WHEN substr(lower(name), 1, 3) = 'oct' THEN 'okt'
         WHEN substr(lower(name), 1, 3) = 'dec' THEN 'des'
         ELSE substr(lower(name), 1, 3) END);

-- A month: YYYY-MM, YYYYMM, "Maret 2025", or any date in the month → the month's first day (years 1900–2099).
CREATE OR REPLACE MACRO j_month(s) AS CASE
  WHEN regexp_full_match(trim(s), '(19|20)\d{2}-\d{1,2}') THEN try_strptime(trim(s) || '-01', '%Y-%m-%d')::DATE
  WHEN regexp_full_match(trim(s), '(19|20)\d{2}(0[1-9]|1[0-2])') THEN try_strptime(trim(s) || '01', '%Y%m%d')::DATE
  WHEN regexp_full_match(lower(trim(s)), '[a-z]+\.?\s+(19|20)\d{2}') AND j_month_number(trim(s)) > 0
    THEN make_date(CAST(regexp_extract(trim(s), '\d{4}') AS INTEGER), j_month_number(trim(s)), 1)
  ELSE date_trunc('month', j_date(s))::DATE
END;

-- Money: "16800", "16.800", "Rp 16.800", "Rp16.800,00", "Rp16.800,-" → integer rupiah (half-up).
CREATE OR REPLACE MACRO j_money_text(s) AS
  regexp_replace(regexp_replace(regexp_replace(lower(trim(s)), '^rp\.?', ''), '\s', '', 'g'), '[,.]-$', '');
-- The parse of one money text t (already through j_money_text).
CREATE OR REPLACE MACRO j_money_of(t) AS CASE
  WHEN regexp_full_match(t, '\d+') THEN TRY_CAST(t AS BIGINT)
  WHEN regexp_full_match(t, '\d{1,3}(\.\d{3})+(,\d+)?')
    THEN TRY_CAST(round(TRY_CAST(replace(replace(t, '.', ''), ',', '.') AS DECIMAL(38, 4))) AS BIGINT)
  -- groups of three after a comma are English thousands (no rupiah amount has 3 decimals)
  WHEN regexp_full_match(t, '\d{1,3}(,\d{3})+(\.\d+)?') THEN TRY_CAST(round(TRY_CAST(replace(t, ',', '') AS DECIMAL(38, 4))) AS BIGINT)
  WHEN regexp_full_match(t, '\d+,\d+') THEN TRY_CAST(round(TRY_CAST(replace(t, ',', '.') AS DECIMAL(38, 4))) AS BIGINT)
  WHEN regexp_full_match(t, '\d+\.\d{1,2}') THEN TRY_CAST(round(TRY_CAST(t AS DECIMAL(38, 4))) AS BIGINT)
END;
-- Above Rp1.000 triliun is no amount of this program (a pasted NIK), and sums of it would overflow.
-- The lambdas evaluate the text and the parse once; a macro argument used twice is expanded twice.
CREATE OR REPLACE MACRO j_money(s) AS
  list_filter(list_transform([j_money_text(s)], t -> j_money_of(t)), v -> v <= 1000000000000000)[1];

-- A whole count: "1234", "1.234", "1234,0" (XLSX numbers arrive as "1234"). Above 100 million is
-- no count of people this program can have (a pasted NIK or amount), and would overflow the outputs.
CREATE OR REPLACE MACRO j_count(s) AS list_filter(list_transform([j_money_text(s)], t -> CASE
    WHEN regexp_full_match(t, '\d{1,3}(\.\d{3})+') THEN TRY_CAST(replace(t, '.', '') AS BIGINT)
    WHEN regexp_full_match(t, '\d+([.,]0+)?') THEN TRY_CAST(regexp_replace(t, '[.,]0+$', '') AS BIGINT)
  END), v -> v <= 100000000)[1];

-- Place names and codes compare on a key: lower case, no "Kec."/"Desa" prefix, letters and digits only.
CREATE OR REPLACE MACRO j_key(s) AS
  nullif(regexp_replace(regexp_replace(lower(trim(s)), '^(kecamatan|kelurahan|desa|kec|kel|ds)(\.|\s)+', ''), '[^a-z0-9]', '', 'g'), '');

-- Job text compares on lower case with single spaces and no spaces around "/".
CREATE OR REPLACE MACRO j_sector_key(s) AS
  nullif(regexp_replace(regexp_replace(lower(trim(s)), '\s+', ' ', 'g'), '\s*/\s*', '/', 'g'), '');

-- A funding source is a name ("DBHCHT", "APBD Perubahan"): a long run of digits or junk is not, and
-- would be published as a category (a NIK pasted into the column must never reach the site).
CREATE OR REPLACE MACRO j_fund(s) AS CASE
  WHEN regexp_full_match(j_text(s), '[A-Za-z][A-Za-z0-9 .,/()&''-]{0,39}') AND NOT regexp_matches(s, '\d{5,}') THEN upper(j_text(s))
END;

-- The source label of money whose source text is unusable (iuran, anggaran): the amount still counts.
-- Not upper case, so no source j_fund reads can take the same label.
CREATE OR REPLACE MACRO j_sumber_tidak_valid() AS 'Tidak valid';

CREATE OR REPLACE MACRO j_sex(s) AS CASE regexp_replace(lower(trim(s)), '[^a-z]', '', 'g')
  WHEN 'l' THEN 'L' WHEN 'lk' THEN 'L' WHEN 'lakilaki' THEN 'L' WHEN 'laki' THEN 'L' WHEN 'pria' THEN 'L'
  WHEN 'p' THEN 'P' WHEN 'pr' THEN 'P' WHEN 'perempuan' THEN 'P' WHEN 'wanita' THEN 'P'
END;

-- NIK: 16 digits; a leading apostrophe (Excel's text marker) and spaces are not part of it.
CREATE OR REPLACE MACRO j_nik_text(s) AS nullif(regexp_replace(trim(s), '^''|\s', '', 'g'), '');
CREATE OR REPLACE MACRO j_nik_mangled(s) AS
  regexp_full_match(upper(j_nik_text(s)), '\d+([.,]\d+)?E\+?\d+|\d+[.,]\d+');
CREATE OR REPLACE MACRO j_nik_valid_format(s) AS regexp_full_match(j_nik_text(s), '\d{16}');
-- Birth date digits DDMMYY (day + 40 for women) of a NIK of 16 digits (j_nik_valid_format), as one
-- number: read once, it gives both the birth date and the sex.
CREATE OR REPLACE MACRO j_nik_ddmmyy(nik) AS TRY_CAST(substr(nik, 7, 6) AS INTEGER);
-- The century is the latest not after ref_year; digits that are no date (day 32, month 13) give NULL.
CREATE OR REPLACE MACRO j_birth_of_ddmmyy(d, ref_year) AS try(make_date(
  CASE WHEN 2000 + d % 100 <= ref_year THEN 2000 ELSE 1900 END + d % 100, d // 100 % 100, d // 10000 % 40));
CREATE OR REPLACE MACRO j_sex_of_ddmmyy(d) AS CASE WHEN d // 10000 > 40 THEN 'P' ELSE 'L' END;
CREATE OR REPLACE MACRO j_nik_birth(nik, ref_year) AS j_birth_of_ddmmyy(j_nik_ddmmyy(nik), ref_year);
CREATE OR REPLACE MACRO j_nik_sex(nik) AS j_sex_of_ddmmyy(j_nik_ddmmyy(nik));

-- Age in whole years on date d.
CREATE OR REPLACE MACRO j_age(birth, d) AS
  year(d) - year(birth) - CASE WHEN month(d) < month(birth) OR (month(d) = month(birth) AND day(d) < day(birth)) THEN 1 ELSE 0 END;
