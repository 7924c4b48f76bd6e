import type {DuckDBConnection} from "@duckdb/node-api";
import {reasons} from "./reasons.ts";

/** How many row numbers quality.json lists per reason; the count is always complete. */
const ROWS_LISTED = 50;

export interface ReasonCount {
  count: number;
  message: string;
  message_en: string;
  rows: number[];
}
export interface TableQuality {
  file: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rejects_by_reason: Record<string, ReasonCount>;
  warnings_by_reason: Record<string, ReasonCount>;
}

function describe(code: string, count: number, rows: number[]): ReasonCount {
  const reason = reasons[code] ?? {id: code, en: code};
  return {count, message: reason.id, message_en: reason.en, rows};
}

/** Counts and the first row numbers per reason, both worked out in DuckDB (`min(_row, n)`: the n smallest, kept as it goes). */
async function countByReason(conn: DuckDBConnection, sql: string): Promise<Record<string, ReasonCount>> {
  const result = await conn.runAndReadAll(sql);
  const out: Record<string, ReasonCount> = {};
  for (const row of result.getRowObjectsJS()) {
    out[String(row.code)] = describe(String(row.code), Number(row.count), (row.rows as number[]).map(Number));
  }
  return out;
}

/**
 * Accounts for every row of a table: read = accepted + rejected, rejects and warnings by reason with
 * row numbers (never the row's values: quality.json may be published).
 */
export async function tableQuality(conn: DuckDBConnection, name: string, file: string, malformedRows: number[]): Promise<TableQuality> {
  const rejects = await countByReason(
    conn,
    `SELECT alasan AS code, count(*) AS count, min(_row, ${ROWS_LISTED}) AS rows
     FROM ${name}_checked WHERE alasan IS NOT NULL GROUP BY alasan ORDER BY alasan`
  );
  if (malformedRows.length) rejects.BARIS_CSV_RUSAK = describe("BARIS_CSV_RUSAK", malformedRows.length, malformedRows.slice(0, ROWS_LISTED));
  const warnings = await countByReason(
    conn,
    `SELECT peringatan AS code, count(*) AS count, min(_row, ${ROWS_LISTED}) AS rows
     FROM ${name}_checked WHERE alasan IS NULL AND peringatan IS NOT NULL GROUP BY peringatan ORDER BY peringatan`
  );
  const counts = (await conn.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (WHERE alasan IS NULL) AS ok FROM ${name}_checked`)).getRowObjectsJS()[0];
  const parsed = Number(counts.n);
  const accepted = Number(counts.ok);
  const sorted = Object.fromEntries(Object.entries(rejects).sort(([a], [b]) => a.localeCompare(b)));
  return {
    file,
    rows_read: parsed + malformedRows.length,
    rows_accepted: accepted,
    rows_rejected: parsed - accepted + malformedRows.length,
    rejects_by_reason: sorted,
    warnings_by_reason: warnings,
  };
}
