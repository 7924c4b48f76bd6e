import {Bool, Dictionary, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector} from "apache-arrow";
import type {DuckDBConnection} from "@duckdb/node-api";

/** Column types the pages read: categories dictionary-encoded (small files), counts Int32, rupiah Float64, flags Bool. */
export type ColumnType = "category" | "text" | "int32" | "float64" | "bool";
export type ArrowSchema = Record<string, ColumnType>;

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

function toNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Reads a DuckDB table (already sorted) and encodes it as an Arrow IPC file with explicit types. */
export async function tableToArrow(conn: DuckDBConnection, table: string, schema: ArrowSchema): Promise<Uint8Array> {
  const names = Object.keys(schema);
  const reader = await conn.runAndReadAll(`SELECT ${names.map((n) => `"${n}"`).join(", ")} FROM ${table}`);
  // An empty result has no columns at all (e.g. no cash-plan rows): write an empty table of the right types.
  const read = reader.getColumnsJS();
  const columns = names.map((_, i) => read[i] ?? []);
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const type = schema[name];
    const values =
      type === "int32" || type === "float64"
        ? columns[i].map(toNumber)
        : type === "bool"
          ? columns[i].map((v) => (v === null || v === undefined ? null : Boolean(v)))
          : columns[i].map((v) => (v === null ? null : String(v)));
    if (type === "int32" && values.some((v) => v !== null && (v as number) > 2147483647)) {
      throw new Error(`${table}.${name}: nilai melebihi Int32 (batas j_count/j_money di macros.sql seharusnya mencegahnya)`);
    }
    vectors[name] = vectorFromArray(values, arrowType(type, i));
  });
  return tableToIPC(new Table(vectors), "file");
}
