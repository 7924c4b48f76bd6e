import {createWriteStream} from "node:fs";
import {finished} from "node:stream/promises";
import {
  Bool,
  Dictionary,
  Field,
  Float64,
  Int32,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type DataType,
  type Vector,
} from "apache-arrow";
import type {DuckDBConnection, DuckDBVector} from "@duckdb/node-api";
import {quoteLiteral} from "../sql/quote.ts";

/** Column types the pages read: categories dictionary-encoded (small files), counts Int32, rupiah Float64, flags Bool. */
export type ColumnType = "category" | "text" | "int32" | "float64" | "bool";
export type ArrowSchema = Record<string, ColumnType>;

/** Rows per record batch: bounds the memory a national-size table needs while it is written. */
export const BATCH_ROWS = 1 << 20;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `column` fixes the dictionary id, which apache-arrow otherwise draws from a process-wide counter. */
function arrowType(type: ColumnType, column: number): DataType {
  switch (type) {
    case "category":
      return new Dictionary(new Utf8(), new Int32(), column);
    case "text":
      return new Utf8();
    case "int32":
      return new Int32();
    case "float64":
      return new Float64();
    case "bool":
      return new Bool();
  }
}

/**
 * What DuckDB sends for each column. Categories arrive as their index in the column's dictionary
 * (an ENUM cast: a hash lookup in DuckDB, no string reaches JavaScript); counts are checked against
 * Int32 in SQL, so an overflow stops the run with the table and column named.
 */
function selectExpression(table: string, name: string, type: ColumnType, enumType: string): string {
  switch (type) {
    case "category":
      return `enum_code(${q(name)}::${enumType})::INTEGER`;
    case "int32":
      return `CASE WHEN abs(${q(name)}) > 2147483647 THEN error(${quoteLiteral(`${table}.${name}: nilai melebihi Int32 (batas j_count/j_money di macros.sql seharusnya mencegahnya)`)}) ELSE ${q(name)}::INTEGER END`;
    case "float64":
      return `${q(name)}::DOUBLE`;
    case "bool":
      return `${q(name)}::BOOLEAN`;
    case "text":
      return `${q(name)}::VARCHAR`;
  }
}

/** A column of one record batch as it is filled: numbers in a typed array, texts and flags as JS values. */
export interface ColumnBuffer {
  numbers: Int32Array | Float64Array | null;
  values: (string | boolean | null)[] | null;
  nulls: number[];
}

export function newBuffer(type: ColumnType, rows: number): ColumnBuffer {
  const numbers = type === "float64" ? new Float64Array(rows) : type === "text" || type === "bool" ? null : new Int32Array(rows);
  return {numbers, values: numbers ? null : [], nulls: []};
}

/** Sized as apache-arrow's builders size a validity bitmap (whole bytes, rounded up to 64): the writer writes it whole. */
function validityBitmap(length: number, nulls: number[]): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(Math.ceil(length / 8) / 64) * 64);
  for (let i = 0; i < length; i++) bitmap[i >> 3] |= 1 << (i & 7);
  for (const i of nulls) bitmap[i >> 3] &= ~(1 << (i & 7));
  return bitmap;
}

function columnData(type: ColumnType, column: number, buffer: ColumnBuffer, length: number, dictionary: Vector | undefined): Data {
  if (buffer.values) {
    const vector = vectorFromArray(buffer.values as never[], arrowType(type, column));
    if (vector.data.length !== 1) throw new Error(`apache-arrow split column ${column} into ${vector.data.length} chunks`);
    return vector.data[0];
  }
  const nullCount = buffer.nulls.length;
  const nullBitmap = nullCount > 0 ? validityBitmap(length, buffer.nulls) : undefined;
  const values = buffer.numbers!.subarray(0, length);
  if (type === "float64") return makeData({type: new Float64(), length, nullCount, nullBitmap, data: values as Float64Array});
  if (type === "int32") return makeData({type: new Int32(), length, nullCount, nullBitmap, data: values as Int32Array});
  return makeData({type: arrowType("category", column) as Dictionary<Utf8, Int32>, length, nullCount, nullBitmap, data: values as Int32Array, dictionary});
}

/**
 * Writes a DuckDB table (already in its published order) as an Arrow IPC file with explicit types, in
 * record batches of BATCH_ROWS streamed from DuckDB, so memory does not grow with the table.
 * Dictionaries hold each category's values in order of first appearance, written once for all batches.
 * Returns the number of rows written.
 */
export async function writeArrowFile(conn: DuckDBConnection, table: string, schema: ArrowSchema, path: string, batchRows = BATCH_ROWS): Promise<number> {
  const names = Object.keys(schema);
  const types = names.map((name) => schema[name]);
  const enumTypes = names.map((_, c) => `jaring_kamus_${c}`);

  // Every field nullable, as apache-arrow's builders declare them: the schema is the same in every batch.
  const fields = names.map((name, c) => new Field(name, arrowType(types[c], c), true));
  const arrowSchema = new Schema(fields);

  const dictionaries = new Map<number, Vector>();
  try {
    for (const [c, name] of names.entries()) {
      if (types[c] !== "category") continue;
      const firstSeen = `SELECT v FROM (SELECT ${q(name)}::VARCHAR AS v, min(rowid) AS first FROM ${table} WHERE ${q(name)} IS NOT NULL GROUP BY 1) ORDER BY first`;
      const values = (await conn.runAndReadAll(firstSeen)).getColumnsJS()[0] ?? [];
      const texts = values.map(String);
      dictionaries.set(c, vectorFromArray(texts, new Utf8()));
      // From the values already read (a second grouping of the table would cost as much again).
      await conn.run(`CREATE OR REPLACE TYPE ${enumTypes[c]} AS ENUM (${texts.map(quoteLiteral).join(", ")})`);
    }

    const file = createWriteStream(path);
    const writer = new RecordBatchFileWriter();
    writer.toNodeStream().pipe(file);
    const select = names.map((name, c) => selectExpression(table, name, types[c], enumTypes[c])).join(", ");
    const result = await conn.stream(`SELECT ${select} FROM ${table}`);

    let buffers = types.map((type) => newBuffer(type, batchRows));
    let length = 0;
    let total = 0;
    const flush = () => {
      const children = types.map((type, c) => columnData(type, c, buffers[c], length, dictionaries.get(c)));
      writer.write(new RecordBatch(arrowSchema, makeData({type: new Struct(fields), length, nullCount: 0, children})));
      total += length;
      buffers = types.map((type) => newBuffer(type, batchRows));
      length = 0;
    };
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      let offset = 0;
      while (offset < chunk.rowCount) {
        const take = Math.min(chunk.rowCount - offset, batchRows - length);
        for (let c = 0; c < names.length; c++) copyColumn(chunk.getColumnVector(c), offset, take, buffers[c], length, types[c]);
        length += take;
        offset += take;
        if (length === batchRows) flush();
      }
    }
    // An empty table is still one (empty) batch, so the file carries its schema and dictionaries.
    if (length > 0 || total === 0) flush();
    writer.finish();
    writer.close();
    await finished(file);
    return total;
  } finally {
    for (const [c] of dictionaries) await conn.run(`DROP TYPE IF EXISTS ${enumTypes[c]}`).catch(() => undefined);
  }
}

/**
 * The numbers and validity words of an INTEGER or DOUBLE vector as @duckdb/node-api holds them (views of
 * DuckDB's own memory), or null when this version of the API keeps them otherwise. Reading them whole
 * replaces a getItem call per value, whose validity test is BigInt arithmetic: most of the writer's time.
 */
function rawNumbers(vector: DuckDBVector): {items: Int32Array | Float64Array; validity: BigUint64Array | null} | null {
  const raw = vector as unknown as {items?: unknown; validity?: {data?: unknown; offset?: unknown}};
  const items = raw.items;
  const data = raw.validity?.data;
  if (!(items instanceof Int32Array || items instanceof Float64Array) || raw.validity?.offset !== 0) return null;
  if (data !== null && !(data instanceof BigUint64Array)) return null;
  return {items, validity: data};
}

export function copyColumn(vector: DuckDBVector, from: number, count: number, buffer: ColumnBuffer, at: number, type: ColumnType): void {
  const numbers = buffer.numbers;
  const raw = numbers ? rawNumbers(vector) : null;
  if (numbers && raw && (raw.items instanceof Int32Array) === (numbers instanceof Int32Array)) {
    numbers.set(raw.items.subarray(from, from + count) as never, at);
    if (raw.validity) {
      // 32-bit halves of DuckDB's 64-bit validity words (little-endian): a zero bit is a NULL.
      const words = new Uint32Array(raw.validity.buffer, raw.validity.byteOffset, raw.validity.length * 2);
      for (let i = from; i < from + count; i++) {
        if ((words[i >>> 5] & (1 << (i & 31))) === 0) {
          buffer.nulls.push(at + i - from);
          numbers[at + i - from] = 0;
        }
      }
    }
    return;
  }
  if (numbers) {
    for (let i = 0; i < count; i++) {
      const v = vector.getItem(from + i);
      if (v === null) {
        buffer.nulls.push(at + i);
        numbers[at + i] = 0;
      } else numbers[at + i] = v as number;
    }
    return;
  }
  const values = buffer.values!;
  for (let i = 0; i < count; i++) {
    const v = vector.getItem(from + i);
    values.push(v === null ? null : type === "bool" ? (v as boolean) : String(v));
  }
}
