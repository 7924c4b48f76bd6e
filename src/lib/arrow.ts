// Arrow tables → plain arrays of plain objects, the shape components take. Browser-safe. Iterates
// vectors (not `toArray()`, whose typed arrays turn nulls into 0) and turns Int64 bigints into numbers
// (exact below 2^53, as the contract says).
import {tableFromIPC} from "apache-arrow";

/** The little of an apache-arrow Table this module uses. */
export interface ArrowTableLike {
  numRows: number;
  schema: {fields: {name: string}[]};
  getChild(name: string): Iterable<unknown> | null;
}

export type Row = Record<string, string | number | boolean | null>;

function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Every row of `table` as a plain object keyed by column name. */
export function arrowRows<T extends object = Row>(table: ArrowTableLike): T[] {
  const n = table.numRows;
  const rows: Record<string, unknown>[] = Array.from({length: n}, () => ({}));
  for (const {name} of table.schema.fields) {
    const vector = table.getChild(name);
    if (!vector) continue;
    let i = 0;
    for (const value of vector) {
      if (i >= n) break;
      rows[i++][name] = plain(value);
    }
  }
  return rows as T[];
}

/**
 * A data file's rows: `const anggota = arrowFileRows(FileAttachment("…arrow").arrayBuffer())` in a
 * page. Not awaited there on purpose: Framework waits for the promise in the cells that use it, so a
 * page's files download side by side instead of one after another. (The `.arrayBuffer()` stays in the
 * page: a bare `FileAttachment("….arrow")` makes Framework add apache-arrow from its CDN.)
 */
export async function arrowFileRows<T extends object = Row>(buffer: Promise<ArrayBuffer> | ArrayBuffer): Promise<T[]> {
  return arrowRows<T>(tableFromIPC(await buffer));
}
