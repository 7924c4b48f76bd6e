import type {DuckDBConnection} from "@duckdb/node-api";
import {quoteIdent} from "../sql/quote.ts";
import type {TableSpec} from "../tables/index.ts";

/**
 * Drops tables or views of these names left by an earlier run on the same connection: one run may
 * load a table from CSV (a view over the stored text) and the next from XLSX (a table), and DuckDB
 * will not replace a table with a view or the other way round.
 */
export async function dropRelations(conn: DuckDBConnection, names: string[]): Promise<void> {
  const list = names.map((n) => `'${n}'`).join(", ");
  const found = await conn.runAndReadAll(`SELECT view_name AS name, 'VIEW' AS kind FROM duckdb_views() WHERE NOT temporary AND view_name IN (${list})
    UNION ALL SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE NOT temporary AND table_name IN (${list})`);
  for (const [name, kind] of found.getRowsJS()) await conn.run(`DROP ${kind} ${quoteIdent(String(name))}`);
}

/**
 * `raw_<name>`: each cell trimmed, an empty one NULL — the table as every rule reads it. A view over
 * `isian_<name>` (the cells as written), so the text is stored once; per-row steps that trim a few
 * thousand distinct values rather than a million cells (peserta.sql) read `isian_<name>` instead.
 */
export async function createRawView(conn: DuckDBConnection, spec: TableSpec): Promise<void> {
  const cells = spec.columns.map((c) => `nullif(trim(${quoteIdent(c.name)}), '') AS ${quoteIdent(c.name)}`).join(", ");
  await conn.run(`CREATE VIEW raw_${spec.name} AS SELECT _row, ${cells} FROM isian_${spec.name}`);
}
