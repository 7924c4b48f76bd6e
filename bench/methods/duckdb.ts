// Method 2, the floor: bare DuckDB SQL that only reads the same files and groups. It trusts every row
// (the benchmark extracts have no planted defects), so there is no validation, no reason codes, no
// quality report, no Arrow output — what is left is reading, the lookups the grouping needs (kecamatan
// and desa names → codes, job text → sector), dates, the period rule, the month explosion and the
// GROUP BY. Its answer must equal the pipeline's, row for row.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { transcodeWindows1252 } from "../../loaders/read/encoding.ts";
import { REFERENCE_FILES } from "../reference.ts";
import { readParameters, ResultSummary, runMethod, type ResultRow } from "../spec.ts";

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function floorSql(extracts: string, reference: string, iuranUtf8: string): string {
  const p = readParameters(reference);
  const band = `CASE ${p.kelompok_umur.map((b) => `WHEN usia BETWEEN ${b.dari} AND ${b.sampai} THEN ${lit(b.kode)}`).join(" ")} ELSE 'lainnya' END`;
  const csv = (file: string, opts = "") => `read_csv(${lit(file)}, header = true, all_varchar = true${opts})`;
  const date = (col: string) =>
    `coalesce(try_strptime(${col}, '%d/%m/%Y'), try_strptime(${col}, '%Y-%m-%d'), try_strptime(${col}, '%d-%m-%Y'))::DATE`;
  return `
CREATE TABLE hasil AS
WITH kecamatan AS (SELECT kode_kec, kecamatan FROM ${csv(join(reference, REFERENCE_FILES.kecamatan))}),
desa AS (SELECT kode_desa, desa, kode_kec FROM ${csv(join(reference, REFERENCE_FILES.desa))}),
sektor AS (
  SELECT DISTINCT regexp_replace(lower(trim(teks)), '\\s+', ' ', 'g') AS kunci, kode FROM (
    SELECT alias AS teks, kode FROM ${csv(join(reference, "alias_sektor.csv"))}
    UNION ALL SELECT kode, kode FROM ${csv(join(reference, "sektor.csv"))}
    UNION ALL SELECT nama, kode FROM ${csv(join(reference, "sektor.csv"))})
),
didanai AS (
  SELECT DISTINCT CASE WHEN Periode LIKE '%/%' THEN strptime(Periode, '%d/%m/%Y') ELSE strptime(Periode || '-01', '%Y-%m-%d') END::DATE AS bulan
  FROM ${csv(iuranUtf8, ", delim = ';'")}
),
meninggal AS (
  SELECT nik, min(tanggal_kejadian::DATE) AS tanggal FROM ${csv(join(extracts, "klaim.csv"))} GROUP BY nik
),
peserta AS (
  SELECT NIK AS nik, k.kode_kec, d.kode_desa, s.kode AS sektor,
    CASE WHEN substr(NIK, 7, 2)::INTEGER > 40 THEN 'P' ELSE 'L' END AS jk,
    ${date("TMT")} AS mulai, ${date('"Tanggal Akhir"')} AS akhir,
    substr(NIK, 11, 2)::INTEGER AS yy, substr(NIK, 9, 2)::INTEGER AS mm, substr(NIK, 7, 2)::INTEGER % 40 AS dd
  FROM ${csv(join(extracts, "peserta.csv"), ", delim = ';'")} r
  JOIN kecamatan k ON k.kecamatan = r.Kecamatan
  LEFT JOIN desa d ON d.kode_kec = k.kode_kec AND d.desa = r."Desa Kelurahan"
  JOIN sektor s ON s.kunci = regexp_replace(lower(trim(r.Pekerjaan)), '\\s+', ' ', 'g')
),
periode AS (
  SELECT *, date_trunc('month', mulai)::DATE AS awal,
    least(date_trunc('month', akhir), date_trunc('month', m.tanggal),
      date_trunc('month', lahir + INTERVAL ${Number(p.usia_maks)} YEAR - INTERVAL 1 DAY),
      (SELECT max(bulan) FROM didanai))::DATE AS akhir_bulan
  FROM (SELECT *, make_date(CASE WHEN 2000 + yy <= year(mulai) THEN 2000 ELSE 1900 END + yy, mm, dd) AS lahir FROM peserta) p
  LEFT JOIN meninggal m USING (nik)
),
bulan_peserta AS (
  SELECT kode_kec, kode_desa, sektor, jk, lahir, unnest(generate_series(awal, akhir_bulan, INTERVAL 1 MONTH))::DATE AS bulan
  FROM periode WHERE awal <= akhir_bulan
)
SELECT strftime(bulan, '%Y-%m') AS bulan, kode_kec, kode_desa, sektor, jk AS jenis_kelamin, ${band} AS kelompok_umur, count(*)::INTEGER AS aktif
FROM (SELECT *, year(bulan) - year(lahir) - CASE WHEN month(bulan) < month(lahir) OR (month(bulan) = month(lahir) AND day(lahir) > 1) THEN 1 ELSE 0 END AS usia
      FROM bulan_peserta SEMI JOIN didanai USING (bulan))
GROUP BY ALL`;
}

await runMethod(async ({ extracts, reference, out }, timer) => {
  const instance = await DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false", autoload_known_extensions: "false" });
  const conn = await instance.connect();
  timer.start();
  // iuran.csv is Windows-1252 (Excel), which DuckDB does not read (its latin-1 refuses 0x80–0x9F).
  mkdirSync(out, { recursive: true });
  const iuranUtf8 = join(out, "iuran.utf8.csv");
  await transcodeWindows1252(join(extracts, "iuran.csv"), iuranUtf8);
  await conn.run(floorSql(extracts, reference, iuranUtf8));
  timer.stop();

  // Not timed: the canonical digest, streamed in order.
  const summary = new ResultSummary();
  const result = await conn.stream(`SELECT * FROM hasil ORDER BY bulan, kode_kec, kode_desa NULLS LAST, sektor, jenis_kelamin, kelompok_umur`);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const r of chunk.getRowObjects(result.deduplicatedColumnNames())) summary.add({ ...(r as unknown as ResultRow), aktif: Number(r.aktif) });
  }
  conn.closeSync();
  return summary.done();
});
