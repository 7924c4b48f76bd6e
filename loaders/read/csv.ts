import {open} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {isUtf8, transcodeToUtf8, utf16Bom} from "./encoding.ts";
import {blankLines} from "./blank-lines.ts";
import {matchHeaders, requireColumns} from "./headers.ts";
import {ExtractError} from "../errors.ts";
import {quoteIdent, quoteLiteral} from "../sql/quote.ts";
import type {TableSpec} from "../tables/index.ts";
import type {LoadedTable} from "./index.ts";
import {createRawView, dropRelations} from "./views.ts";

/** The first record of a CSV, split on the delimiter that occurs most outside quotes. */
export function parseHeaderLine(text: string): {delimiter: string; fields: string[]} {
  const body = text.replace(/^\uFEFF/, "");
  const candidates = [";", ",", "\t", "|"];
  const counts = new Map(candidates.map((d) => [d, 0]));
  let inQuotes = false;
  let end = body.length;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      end = i;
      break;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const delimiter = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  return {delimiter, fields: splitRecord(body.slice(0, end), delimiter)};
}

function splitRecord(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) fields.push(field), (field = "");
    else field += ch;
  }
  fields.push(field);
  return fields;
}

async function readHead(path: string, bytes = 1 << 16): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const {bytesRead} = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

/** An Excel workbook saved under a .csv name is a ZIP archive ("PK"): say so instead of listing garbage headers. */
async function refuseWorkbook(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(4), 0, 4, 0);
    if (bytesRead === 4 && buffer.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      throw new ExtractError(file, "berkas ini adalah buku kerja Excel (XLSX), bukan teks CSV: ganti akhiran namanya menjadi .xlsx, atau simpan ulang sebagai CSV.", "an XLSX workbook named .csv");
    }
  } finally {
    await handle.close();
  }
}

/** A rejected record as DuckDB stored it: at most 10,000 bytes, possibly cut inside a character. */
interface RejectedRecord {
  line: number;
  errorType: string;
  text: string;
}

/**
 * The records DuckDB could not split into the header's columns, one per record (DuckDB may report
 * several errors for one record, and after a broken multi-line record two records under one number:
 * a record is told apart by where it starts). Read as bytes (`encode`) and decoded here: DuckDB's
 * 10,000-byte cut can leave invalid UTF-8, on which its string functions hang.
 */
async function rejectedRecords(conn: DuckDBConnection, name: string): Promise<RejectedRecord[]> {
  const rows = (
    await conn.runAndReadAll(`SELECT line::BIGINT AS line, line_byte_position AS start, min(error_type) AS error_type,
        arg_min(encode(csv_line), error_type) AS bytes
      FROM rej_${name} GROUP BY line, line_byte_position ORDER BY line, line_byte_position`)
  ).getRowObjectsJS();
  const decoder = new TextDecoder("utf-8");
  const records: RejectedRecord[] = [];
  for (const row of rows) {
    // Numbers stay increasing: a second record under a number already taken gets the next one.
    const line = Math.max(Number(row.line), (records.at(-1)?.line ?? 0) + 1);
    records.push({line, errorType: String(row.error_type), text: decoder.decode(row.bytes as Uint8Array)});
  }
  return records;
}

/**
 * A quote opened and never closed swallows every following line into one "cell": counting that as one
 * malformed row would silently lose the rest of the file, so the table cannot be read.
 */
function refuseRunawayQuote(records: RejectedRecord[], file: string): void {
  for (const record of records) {
    const body = record.text.replace(/[\r\n]+$/, "").replace(/\r\n/g, "\n");
    const breaks = (body.match(/[\r\n]/g) ?? []).length;
    const quotes = (body.match(/"/g) ?? []).length;
    const tooLong = record.errorType === "LINE SIZE OVER MAXIMUM";
    if (!tooLong && !(quotes % 2 === 1 && breaks > 0)) continue;
    const swallowed = tooLong ? "baris-baris sesudahnya" : `${breaks} baris sesudahnya`;
    throw new ExtractError(
      file,
      `tanda kutip (") pada baris ${record.line} tidak ditutup, sehingga ${swallowed} terbaca sebagai satu sel. ` +
        `Perbaiki atau hapus tanda kutip itu (di Excel: simpan ulang sebagai CSV).`,
      `an unclosed quote on row ${record.line} swallows the following lines into one cell`
    );
  }
}

/** Above this many rejected records the row numbers are stored rather than worked out in the view. */
const MAX_REJECTS_IN_VIEW = 1024;

/**
 * Where accepted records start to follow more skipped lines (rejected or empty): accepted record i
 * (rowid, in file order) follows skipped line j when i >= line_j - 2 - j. Adjacent ones share a start;
 * the larger count is kept.
 */
function segments(skipped: number[]): Map<number, number> {
  const starts = new Map<number, number>();
  skipped.forEach((line, j) => starts.set(line - 2 - j, j + 1));
  return starts;
}

/**
 * Row number of an accepted record, the header being row 1: `rowid + 2` plus the number of rejected
 * records and empty lines before it. Around a few rejects that count is a binary search over where they fall, written
 * as nested CASEs, so no join, sort or window numbers the rows and the scan stays parallel.
 */
function rowNumber(skipped: number[]): string {
  const starts = [...segments(skipped)];
  // The record's count lies among those of starts[lo - 1] … starts[hi - 1] (0 before the first).
  const search = (lo: number, hi: number): string => {
    if (lo === hi) return String(lo === 0 ? 0 : starts[lo - 1][1]);
    const mid = (lo + hi) >> 1;
    return `CASE WHEN rowid < ${starts[mid][0]} THEN ${search(lo, mid)} ELSE ${search(mid + 1, hi)} END`;
  };
  return `(rowid + 2 + ${search(0, starts.length)})::INTEGER`;
}

/**
 * Loads a CSV once, as DuckDB reads it, into `csv_<name>` (only the columns the table uses), and puts
 * two views over it: `isian_<name>` (`_row` = spreadsheet row number with the header as row 1, the
 * canonical column names, the cells as written) and `raw_<name>` (trimmed, empty = NULL; views.ts).
 * Lines DuckDB cannot parse are kept in `rusak_<name>`, never lost.
 */
export async function loadCsv(conn: DuckDBConnection, spec: TableSpec, file: string, tmpDir: string): Promise<LoadedTable> {
  await refuseWorkbook(file);
  let path = file;
  const utf16 = await utf16Bom(file);
  if (utf16 || !(await isUtf8(file))) {
    path = join(tmpDir, `${spec.name}.utf8.csv`);
    await transcodeToUtf8(file, path, utf16 ?? "win1252");
  }
  const head = await readHead(path);
  if (head.replace(/^\uFEFF/, "").trim() === "") {
    throw new ExtractError(file, "berkas kosong: tidak ada baris judul kolom.", "empty file: no header row");
  }
  const {delimiter, fields} = parseHeaderLine(head);
  const mapping = matchHeaders(spec, fields);
  requireColumns(spec, mapping, file, fields);

  const stored = `csv_${spec.name}`;
  const columns = fields.map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const used = [...new Set(Object.values(mapping))].sort((a, b) => a - b);
  // DuckDB appends to an existing rejects table: a connection reused for another run must start empty.
  await conn.run(`DROP TABLE IF EXISTS rej_${spec.name}; DROP TABLE IF EXISTS rejscan_${spec.name};`);
  await dropRelations(conn, [`raw_${spec.name}`, `isian_${spec.name}`, stored]);
  try {
    // Every column is split and counted (a record with too few or too many is rejected); only the used ones are kept.
    await conn.run(`CREATE TABLE ${stored} AS SELECT ${used.map((i) => `c${i}`).join(", ")} FROM read_csv(${quoteLiteral(path)},
      header = false, skip = 1, delim = ${quoteLiteral(delimiter)}, quote = '"', escape = '"',
      columns = {${columns}}, auto_detect = false, strict_mode = true, null_padding = false,
      store_rejects = true, rejects_table = 'rej_${spec.name}', rejects_scan = 'rejscan_${spec.name}')`);
  } catch (error) {
    const message = (error as Error).message;
    // DuckDB cuts a rejected line at 10,000 bytes for its rejects table, and fails when the cut splits
    // a character (duckdb/duckdb#18980): only a very long broken line gets there.
    if (/invalid unicode.*statistics/i.test(message)) {
      throw new ExtractError(
        file,
        "berkas memuat baris rusak yang sangat panjang (lebih dari 10.000 bita): biasanya tanda kutip yang tidak ditutup, atau berkas yang bukan teks CSV. Buka di Excel dan simpan ulang sebagai CSV.",
        "a very long malformed line (over 10,000 bytes): usually an unclosed quote, or not a CSV text file"
      );
    }
    throw new ExtractError(file, `berkas CSV tidak dapat dibaca: ${message}`, "unreadable CSV file");
  }
  const records = await rejectedRecords(conn, spec.name);
  refuseRunawayQuote(records, file);
  // The lines themselves, for the operator's reject list (penolakan.xlsx); one row per record.
  await conn.run(`CREATE OR REPLACE TABLE rusak_${spec.name} (_row INTEGER, baris_csv VARCHAR)`);
  const appender = await conn.createAppender(`rusak_${spec.name}`);
  for (const record of records) {
    appender.appendInteger(record.line);
    appender.appendVarchar(record.text);
    appender.endRow();
  }
  appender.closeSync();
  // Accepted records are numbered around the rejected ones (DuckDB reports their line) and the empty
  // lines DuckDB skips (a spreadsheet shows them as rows).
  const rejected = records.map((r) => r.line);
  const skipped = [...new Set([...rejected, ...(await blankLines(path))])].sort((a, b) => a - b);
  const row = skipped.length <= MAX_REJECTS_IN_VIEW ? rowNumber(skipped) : "_row";
  if (row === "_row") {
    // Very many broken lines (a damaged file): an as-of join numbers the records once, in a stored column.
    const values = [...segments(skipped)].map(([t, k]) => `(${t}, ${k})`).join(", ");
    await conn.run(`DROP TABLE IF EXISTS ${stored}_tanpa_nomor;
      CREATE OR REPLACE TEMP TABLE seg_${spec.name} (t BIGINT, k INTEGER); INSERT INTO seg_${spec.name} VALUES ${values};
      ALTER TABLE ${stored} RENAME TO ${stored}_tanpa_nomor;
      CREATE TABLE ${stored} AS SELECT (r.rowid + 2 + coalesce(s.k, 0))::INTEGER AS _row, r.* EXCLUDE (rowid)
        FROM (SELECT rowid, * FROM ${stored}_tanpa_nomor) r ASOF LEFT JOIN seg_${spec.name} s ON r.rowid >= s.t ORDER BY r.rowid;
      DROP TABLE ${stored}_tanpa_nomor; DROP TABLE seg_${spec.name};`);
  }
  const cells = spec.columns
    .map((c) => `${c.name in mapping ? `c${mapping[c.name]}` : "NULL::VARCHAR"} AS ${quoteIdent(c.name)}`)
    .join(", ");
  await conn.run(`CREATE VIEW isian_${spec.name} AS SELECT ${row} AS _row, ${cells} FROM ${stored}`);
  await createRawView(conn, spec);
  return {file, malformedRows: rejected};
}
