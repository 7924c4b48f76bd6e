import {readdir} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {loadCsv} from "./csv.ts";
import {loadXlsx} from "./xlsx.ts";
import {ExtractError} from "../errors.ts";
import type {TableSpec} from "../tables/index.ts";

export interface LoadedTable {
  file: string;
  /** Record numbers of CSV lines the parser could not split into the header's columns. */
  malformedRows: number[];
}

/** Finds NAME.csv or NAME.xlsx (any case) in the extract directory and loads it (`isian_<name>` as written, `raw_<name>` trimmed). */
export async function loadTable(conn: DuckDBConnection, spec: TableSpec, extractsDir: string, tmpDir: string): Promise<LoadedTable> {
  let entries: string[];
  try {
    entries = await readdir(extractsDir);
  } catch {
    throw new ExtractError(extractsDir, "folder ekstrak tidak ditemukan atau tidak dapat dibaca.", "extract directory not found");
  }
  const matches = entries.filter((e) => [`${spec.name}.csv`, `${spec.name}.xlsx`].includes(e.toLowerCase())).sort();
  if (matches.length === 0) {
    throw new ExtractError(
      join(extractsDir, `${spec.name}.csv`),
      `tabel "${spec.name}" tidak ada: diharapkan ${spec.name}.csv atau ${spec.name}.xlsx di ${extractsDir}.`,
      `table "${spec.name}" missing: expected ${spec.name}.csv or ${spec.name}.xlsx`
    );
  }
  if (matches.length > 1) {
    throw new ExtractError(
      join(extractsDir, matches[0]),
      `tabel "${spec.name}" ada dalam dua berkas (${matches.join(", ")}); simpan satu saja.`,
      `table "${spec.name}" is in two files; keep one`
    );
  }
  const file = join(extractsDir, matches[0]);
  return matches[0].toLowerCase().endsWith(".xlsx") ? loadXlsx(conn, spec, file) : loadCsv(conn, spec, file, tmpDir);
}
