/**
 * The operator's files: every rejected or flagged row (penolakan.csv) and every cross-check finding
 * (pemeriksaan.csv) with the identifiers needed to find and fix it in the source — row number, NIK,
 * KPJ, the offending value. Personal data: written only by `npm run pipeline`, never into the site.
 */
import {createReadStream, createWriteStream} from "node:fs";
import {rm} from "node:fs/promises";
import {basename, join} from "node:path";
import {pipeline} from "node:stream/promises";
import type {DuckDBConnection} from "@duckdb/node-api";
import {reasonColumn, reasons} from "./reasons.ts";
import {quoteIdent, quoteLiteral} from "./sql/quote.ts";
import type {TableSpec} from "./tables/index.ts";

// Excel on an Indonesian PC opens a ;-separated UTF-8 file with a BOM directly, accents intact.
const BOM = "\uFEFF";

/** DuckDB writes the file; it is streamed to `path` behind the BOM, never held whole in JavaScript (a list can have a row per extract row). */
async function copyToCsv(conn: DuckDBConnection, select: string, tmpDir: string, path: string): Promise<void> {
  const written = join(tmpDir, basename(path));
  await conn.run(`COPY (${select}) TO ${quoteLiteral(written)} (FORMAT csv, HEADER true, DELIMITER ';')`);
  const out = createWriteStream(path);
  out.write(BOM);
  await pipeline(createReadStream(written), out);
  await rm(written, {force: true});
}

/** `reasons` as a VALUES list, so the messages join in SQL. */
function reasonValues(): string {
  return Object.entries(reasons)
    .map(([code, r]) => `(${quoteLiteral(code)}, ${quoteLiteral(r.id)}, ${reasonColumn[code] ? quoteLiteral(reasonColumn[code]) : "NULL"})`)
    .join(", ");
}

/** Writes penolakan.csv to `path`: tabel;baris;jenis;kode;pesan;kolom;nilai;nik;kpj — sorted by table then row. */
export async function rejectListCsv(conn: DuckDBConnection, specs: TableSpec[], tmpDir: string, path: string): Promise<void> {
  const parts = specs.map((spec, order) => {
    const names = spec.columns.map((c) => c.name);
    const has = (c: string) => names.includes(c);
    // The cells as written (isian_<name>), trimmed only for the rows listed: raw_<name> trims every row.
    const cell = (c: string) => `nullif(trim(r.${quoteIdent(c)}), '')`;
    const value = `CASE a.kolom ${names.map((n) => `WHEN ${quoteLiteral(n)} THEN ${cell(n)}`).join(" ")} END`;
    const id = (c: string) => (has(c) ? cell(c) : "NULL::VARCHAR");
    return `SELECT ${order} AS urutan, ${quoteLiteral(spec.name)} AS tabel, c._row AS baris,
        CASE WHEN c.alasan IS NOT NULL THEN 'ditolak' ELSE 'peringatan' END AS jenis,
        coalesce(c.alasan, c.peringatan) AS kode, a.pesan, a.kolom, ${value} AS nilai, ${id("nik")} AS nik, ${id("kpj")} AS kpj
      FROM ${spec.name}_checked c JOIN isian_${spec.name} r USING (_row)
      LEFT JOIN alasan a ON a.kode = coalesce(c.alasan, c.peringatan)
      WHERE c.alasan IS NOT NULL OR c.peringatan IS NOT NULL
      UNION ALL
      SELECT ${order}, ${quoteLiteral(spec.name)}, _row, 'ditolak', 'BARIS_CSV_RUSAK', ${quoteLiteral(reasons.BARIS_CSV_RUSAK.id)},
        NULL, baris_csv, NULL, NULL
      FROM rusak_${spec.name}`;
  });
  const select = `WITH alasan(kode, pesan, kolom) AS (VALUES ${reasonValues()})
    SELECT tabel, baris, jenis, kode, pesan, kolom, nilai, nik, kpj FROM (${parts.join("\nUNION ALL\n")})
    ORDER BY urutan, baris, jenis, kode`;
  await copyToCsv(conn, select, tmpDir, path);
}

/** Writes pemeriksaan.csv to `path`: kode;pesan;bulan;nik;kpj;tabel;baris;keterangan — one row per finding. */
export async function crossCheckCsv(conn: DuckDBConnection, tmpDir: string, path: string): Promise<void> {
  const select = `WITH alasan(kode, pesan, kolom) AS (VALUES ${reasonValues()})
    SELECT t.kode, a.pesan, t.bulan, t.nik, t.kpj, t.tabel, t.baris, t.keterangan
    FROM pemeriksaan_temuan t LEFT JOIN alasan a USING (kode) ORDER BY ALL`;
  await copyToCsv(conn, select, tmpDir, path);
}
