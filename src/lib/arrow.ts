// Arrow tables → plain arrays of plain objects, the shape components take. Browser-safe. Iterates
// vectors (not `toArray()`, whose typed arrays turn nulls into 0) and turns Int64 bigints into numbers
// (exact below 2^53, as the contract says).
import {nextTask} from "./nextTask.js";

/** The little of apache-arrow's `Data` (one record batch of a column) this module reads. */
interface ArrowData {
  type: {typeId: number; bitWidth?: number; precision?: number};
  offset: number;
  length: number;
  nullCount: number;
  values: ArrayLike<number | bigint>;
  nullBitmap?: Uint8Array | null;
  dictionary?: Iterable<unknown>;
}

/** The little of an apache-arrow Table this module uses. */
export interface ArrowTableLike {
  numRows: number;
  schema: {fields: {name: string}[]};
  getChild(name: string): (Iterable<unknown> & {data?: readonly ArrowData[]}) | null;
}

export type Row = Record<string, string | number | boolean | null>;

function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

// apache-arrow's Type ids of the columns the pipeline writes (dictionary-coded text, integers, floats,
// booleans): these are read straight from their buffers.
const INT = 2;
const FLOAT = 3;
const BOOL = 6;
const DICTIONARY = -1;

const bit = (bytes: ArrayLike<number | bigint>, j: number) => ((Number(bytes[j >> 3]) >> (j & 7)) & 1) === 1;

/**
 * Writes one batch's values into `out` from `at`, read from its buffers; false (nothing written) when
 * its type is not one of those above, and the vector's own iterator is used instead. Why: apache-arrow's
 * per-value accessor goes through a visitor and a validity check per value and decodes a dictionary's
 * string again for every row; on a phone that was most of the time a page spent turning data into rows.
 */
function readBatch(data: ArrowData, out: unknown[], at: number): boolean {
  const {typeId, bitWidth, precision} = data.type;
  if (data.offset !== 0) return false;
  const {values, length} = data;
  const valid = data.nullCount > 0 && data.nullBitmap?.length ? data.nullBitmap : null;
  let read: (j: number) => unknown;
  if (typeId === DICTIONARY && data.dictionary) {
    const words = Array.from(data.dictionary, plain);
    read = (j) => words[Number(values[j])];
  } else if (typeId === INT) read = bitWidth === 64 ? (j) => Number(values[j]) : (j) => values[j];
  else if (typeId === FLOAT && precision !== 0) read = (j) => values[j];
  else if (typeId === BOOL) read = (j) => bit(values, j);
  else return false;
  for (let j = 0; j < length; j++) out[at + j] = valid && !bit(valid, j) ? null : read(j);
  return true;
}

/** One column's values in row order. */
function readColumn(vector: Iterable<unknown> & {data?: readonly ArrowData[]}, n: number): unknown[] {
  const out = new Array<unknown>(n);
  let at = 0;
  const batches = vector.data ?? [];
  if (batches.length && batches.every((data) => readBatch(data, out, (at += data.length) - data.length))) return out;
  let i = 0;
  for (const value of vector) {
    if (i >= n) break;
    out[i++] = plain(value);
  }
  return out;
}

/** Every row of `table` as a plain object keyed by column name. */
export function arrowRows<T extends object = Row>(table: ArrowTableLike): T[] {
  const n = table.numRows;
  const names: string[] = [];
  const columns: unknown[][] = [];
  for (const {name} of table.schema.fields) {
    const vector = table.getChild(name);
    if (!vector) continue;
    names.push(name);
    columns.push(readColumn(vector, n));
  }
  const rows = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][i];
    rows[i] = row as T;
  }
  return rows;
}

/**
 * A data file's rows: `const anggota = arrowFileRows(FileAttachment("…arrow").arrayBuffer())` in a
 * page. Not awaited there on purpose: Framework waits for the promise in the cells that use it, so a
 * page's files download side by side instead of one after another. (The `.arrayBuffer()` stays in the
 * page: an .arrow attachment with no method read off it makes Framework add apache-arrow from its CDN.)
 */
export async function arrowFileRows<T extends object = Row>(buffer: Promise<ArrayBuffer> | ArrayBuffer): Promise<T[]> {
  const [{tableFromIPC}, bytes] = await Promise.all([loadArrow(), buffer]);
  // Files that arrive together are read one task each, not all in one long task.
  await nextTask();
  return arrowRows<T>(tableFromIPC(bytes));
}

// apache-arrow (about 50 KB compressed) is imported when the first file is read, beside the data
// downloads, rather than before the page can paint.
let arrow: Promise<typeof import("apache-arrow")> | null = null;
const loadArrow = () => (arrow ??= import("apache-arrow"));
