import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {tableFromIPC} from "apache-arrow";
import {readFileSync} from "node:fs";
import {openDatabase} from "../../loaders/pipeline.ts";
import type {DuckDBConnection} from "@duckdb/node-api";

export const root = fileURLToPath(new URL("../..", import.meta.url));
/** The default region's pack, which the fixtures (their kecamatan and desa names) are written for. */
export const referenceDir = join(root, "data/regions/33.27");
/** The second real region, Jember's (31 kecamatan). */
export const secondRegionDir = join(root, "data/regions/35.09");
export const fixture = (name: string) => join(root, "test/fixtures", name);

export async function tempDir(prefix = "jaring-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Rows of an Arrow file as plain objects. */
export function readArrow(path: string): Record<string, unknown>[] {
  return tableFromIPC(readFileSync(path))
    .toArray()
    .map((row) => row.toJSON());
}

let shared: Promise<DuckDBConnection> | undefined;
/** One DuckDB with the pipeline's macros, for testing a rule on its own. */
export async function evaluate(expression: string): Promise<unknown> {
  shared ??= openDatabase();
  const conn = await shared;
  const value = (await conn.runAndReadAll(`SELECT ${expression} AS v`)).getRowsJS()[0][0];
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}
