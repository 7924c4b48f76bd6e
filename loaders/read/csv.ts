import {open} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {isUtf8, transcodeToUtf8, utf16Bom} from "./encoding.ts";
import {matchHeaders, requireColumns} from "./headers.ts";
import {ExtractError} from "../errors.ts";
import {quoteIdent, quoteLiteral} from "../sql/quote.ts";
import type {TableSpec} from "../tables/index.ts";
import type {LoadedTable} from "./index.ts";

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

/**
 * Loads a CSV into table `raw_<name>` (all VARCHAR, canonical column names, `_row` = spreadsheet row
 * number with the header as row 1). Lines DuckDB cannot parse are kept in `rej_<name>`, never lost.
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

  const raw = `csv_${spec.name}`;
  const columns = fields.map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  // DuckDB appends to an existing rejects table: a connection reused for another run must start empty.
  await conn.run(`DROP TABLE IF EXISTS rej_${spec.name}; DROP TABLE IF EXISTS rejscan_${spec.name};`);
  try {
    await conn.run(`CREATE OR REPLACE TABLE ${raw} AS SELECT * FROM read_csv(${quoteLiteral(path)},
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
  // The lines themselves, for the operator's reject list (penolakan.csv); one row per record.
  await conn.run(`CREATE OR REPLACE TABLE rusak_${spec.name} (_row INTEGER, baris_csv VARCHAR)`);
  const appender = await conn.createAppender(`rusak_${spec.name}`);
  for (const record of records) {
    appender.appendInteger(record.line);
    appender.appendVarchar(record.text);
    appender.endRow();
  }
  appender.closeSync();
  // Row numbers: accepted records are numbered around the rejected ones (DuckDB reports their record number).
  const rejected = records.map((r) => r.line);
  await conn.run(`CREATE OR REPLACE TEMP TABLE seg_${spec.name} (t BIGINT, k INTEGER)`);
  if (rejected.length) {
    // Accepted record i follows reject j when i >= line_j - 2 - j; adjacent rejects share a t, keep the larger k.
    const segments = new Map<number, number>();
    rejected.forEach((line, j) => segments.set(line - 2 - j, j + 1));
    const values = [...segments].map(([t, k]) => `(${t}, ${k})`).join(", ");
    await conn.run(`INSERT INTO seg_${spec.name} VALUES ${values}`);
  }
  const select = spec.columns
    .map((c) => (c.name in mapping ? `nullif(trim(c${mapping[c.name]}), '') AS ${quoteIdent(c.name)}` : `NULL::VARCHAR AS ${quoteIdent(c.name)}`))
    .join(", ");
  // Without rejected lines (the usual case) record i is row i + 2, and no join is needed to say so.
  await conn.run(
    rejected.length
      ? `CREATE OR REPLACE TABLE raw_${spec.name} AS
    SELECT (r.rowid + 2 + coalesce(s.k, 0))::INTEGER AS _row, ${select}
    FROM (SELECT rowid, * FROM ${raw}) r ASOF LEFT JOIN seg_${spec.name} s ON r.rowid >= s.t
    ORDER BY r.rowid`
      : `CREATE OR REPLACE TABLE raw_${spec.name} AS SELECT (rowid + 2)::INTEGER AS _row, ${select} FROM ${raw}`
  );
  await conn.run(`DROP TABLE ${raw}`);
  return {file, malformedRows: rejected};
}
