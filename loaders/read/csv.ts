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

/**
 * A quote opened and never closed swallows every following line into one "cell": counting that as one
 * malformed row would silently lose the rest of the file, so the table cannot be read.
 */
async function refuseRunawayQuote(conn: DuckDBConnection, name: string, file: string): Promise<void> {
  const runaway = (
    await conn.runAndReadAll(`WITH r AS (
        SELECT line::INTEGER AS line, error_type, csv_line,
          regexp_replace(regexp_replace(rtrim(csv_line, chr(13) || chr(10)), '\r\n', chr(10), 'g'), '[^\r\n]', '', 'g') AS breaks
        FROM rej_${name})
      SELECT line, error_type, length(breaks) AS breaks FROM r
      WHERE error_type = 'LINE SIZE OVER MAXIMUM' OR (length(regexp_replace(csv_line, '[^"]', '', 'g')) % 2 = 1 AND length(breaks) > 0)
      ORDER BY line LIMIT 1`)
  ).getRowObjectsJS()[0];
  if (!runaway) return;
  const line = Number(runaway.line);
  const swallowed = runaway.error_type === "LINE SIZE OVER MAXIMUM" ? "baris-baris sesudahnya" : `${Number(runaway.breaks)} baris sesudahnya`;
  throw new ExtractError(
    file,
    `tanda kutip (") pada baris ${line} tidak ditutup, sehingga ${swallowed} terbaca sebagai satu sel. ` +
      `Perbaiki atau hapus tanda kutip itu (di Excel: simpan ulang sebagai CSV).`,
    `an unclosed quote on row ${line} swallows the following lines into one cell`
  );
}

/**
 * Loads a CSV into table `raw_<name>` (all VARCHAR, canonical column names, `_row` = spreadsheet row
 * number with the header as row 1). Lines DuckDB cannot parse are kept in `rej_<name>`, never lost.
 */
export async function loadCsv(conn: DuckDBConnection, spec: TableSpec, file: string, tmpDir: string): Promise<LoadedTable> {
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
    throw new ExtractError(file, `berkas CSV tidak dapat dibaca: ${(error as Error).message}`, "unreadable CSV file");
  }
  await refuseRunawayQuote(conn, spec.name, file);
  // The lines themselves, for the operator's reject list (penolakan.csv); one row per record.
  await conn.run(`CREATE OR REPLACE TABLE rusak_${spec.name} AS
    SELECT line::INTEGER AS _row, arg_min(csv_line, error_type) AS baris_csv FROM rej_${spec.name} GROUP BY line`);
  // Row numbers: accepted records are numbered around the rejected ones (DuckDB reports their record number).
  const rejected = (await conn.runAndReadAll(`SELECT _row AS line FROM rusak_${spec.name} ORDER BY _row`))
    .getRowObjectsJS()
    .map((r) => Number(r.line));
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
  await conn.run(`CREATE OR REPLACE TABLE raw_${spec.name} AS
    SELECT (r.rowid + 2 + coalesce(s.k, 0))::INTEGER AS _row, ${select}
    FROM (SELECT rowid, * FROM ${raw}) r ASOF LEFT JOIN seg_${spec.name} s ON r.rowid >= s.t
    ORDER BY r.rowid`);
  await conn.run(`DROP TABLE ${raw}`);
  return {file, malformedRows: rejected};
}
