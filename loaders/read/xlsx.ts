import ExcelJS from "exceljs";
import type {DuckDBConnection} from "@duckdb/node-api";
import {headerKey, headerScore, matchHeaders, requireColumns} from "./headers.ts";
import {ExtractError} from "../errors.ts";
import {quoteIdent} from "../sql/quote.ts";
import type {TableSpec} from "../tables/index.ts";
import type {LoadedTable} from "./index.ts";
import {createRawView, dropRelations} from "./views.ts";

/** How far down a sheet the header row may sit below title and blank rows. */
const HEADER_SEARCH_ROWS = 30;

/** A cell as the text a clerk sees in Excel; dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  // A date cell holding no real date (a corrupt or hand-edited workbook) stays visibly invalid.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "#TANGGAL_TIDAK_VALID" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return null;
}

/**
 * Excel keeps 15 significant digits and shows wide numbers as 3.32704E+15: a NIK stored as a number
 * has already lost its last digit, so it is passed on in that form for the NIK check to reject.
 */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 1e15) {
    const [mantissa, exponent] = n.toExponential(5).split("e");
    return `${mantissa.replace(/\.?0+$/, "")}E${exponent.startsWith("-") ? exponent : `+${exponent.replace("+", "")}`}`;
  }
  return String(n);
}

/**
 * Loads the table's sheet (named like the table, else the first) into `isian_<name>`, finding the header
 * row; `raw_<name>` is the view every rule reads (views.ts). Cells arrive trimmed, empty ones NULL.
 */
export async function loadXlsx(conn: DuckDBConnection, spec: TableSpec, file: string): Promise<LoadedTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    const hint = /zip|central directory|signature/i.test((error as Error).message)
      ? " Berkas .xlsx adalah arsip ZIP; bila ini sebenarnya teks CSV, ganti akhiran namanya menjadi .csv, atau simpan ulang dari Excel."
      : "";
    throw new ExtractError(file, `berkas XLSX tidak dapat dibuka: ${(error as Error).message}.${hint}`, "unreadable XLSX file");
  }
  const sheet = workbook.worksheets.find((w) => headerKey(w.name) === spec.name) ?? workbook.worksheets[0];
  if (!sheet) throw new ExtractError(file, "berkas XLSX tidak berisi lembar kerja.", "workbook has no sheet");

  const rows: {number: number; cells: (string | null)[]}[] = [];
  sheet.eachRow({includeEmpty: false}, (row, number) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    const cells = values.slice(1).map((v) => {
      const text = cellText(v);
      return text === null || text.trim() === "" ? null : text.trim();
    });
    if (cells.some((c) => c !== null)) rows.push({number, cells});
  });

  // The header is the first row within reach that has every required column, else the best-scoring one.
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const texts = (r: {cells: (string | null)[]}) => r.cells.map((c) => c ?? "");
  const required = spec.columns.filter((c) => c.required).map((c) => c.name);
  let header = candidates.find((r) => required.every((name) => name in matchHeaders(spec, texts(r))));
  header ??= [...candidates].sort((a, b) => headerScore(spec, texts(b)) - headerScore(spec, texts(a)))[0];
  const headers = header ? texts(header) : [];
  const mapping = matchHeaders(spec, headers);
  requireColumns(spec, mapping, `${file} (lembar "${sheet.name}")`, headers);

  const names = spec.columns.map((c) => c.name);
  await dropRelations(conn, [`raw_${spec.name}`, `isian_${spec.name}`, `csv_${spec.name}`]);
  await conn.run(`CREATE TABLE isian_${spec.name} (_row INTEGER, ${names.map((n) => `${quoteIdent(n)} VARCHAR`).join(", ")})`);
  const appender = await conn.createAppender(`isian_${spec.name}`);
  for (const row of rows) {
    if (row.number <= header!.number) continue;
    appender.appendInteger(row.number);
    for (const name of names) {
      const value = name in mapping ? row.cells[mapping[name]] ?? null : null;
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
  await createRawView(conn, spec);
  // A sheet has no malformed lines; the empty table keeps the reject list's SQL the same for both formats.
  await conn.run(`CREATE OR REPLACE TABLE rusak_${spec.name} (_row INTEGER, baris_csv VARCHAR)`);
  return {file, malformedRows: []};
}
