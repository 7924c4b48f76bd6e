import {readFileSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";

/** Runs one of the named SQL files beside this module (one transformation a file, readable on its own). */
export async function runSqlFile(conn: DuckDBConnection, name: string): Promise<void> {
  await conn.run(readFileSync(new URL(`./${name}`, import.meta.url), "utf8"));
}
