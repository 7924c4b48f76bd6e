// Checks bench/proposals/arrow.ts against loaders/write/arrow.ts: same bytes for every Arrow output
// of the pipeline on an extract folder, and the time each takes.
//   npx tsx bench/proposals/check-arrow.ts [EXTRACTS] [REFERENCE]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openDatabase } from "../../loaders/pipeline.ts";
import { loadTable } from "../../loaders/read/index.ts";
import { loadReference, readReference } from "../../loaders/reference.ts";
import { runSqlFile } from "../../loaders/sql/run.ts";
import { tables } from "../../loaders/tables/index.ts";
import { arrowOutputs, linkedOutputs, stepSql, suppressedOutputs } from "../../loaders/outputs.ts";
import { suppressLinked, suppressTable, type Audience } from "../../loaders/suppression.ts";
import { tableToArrow } from "../../loaders/write/arrow.ts";
import { tableToArrowFast } from "./arrow.ts";

const extracts = resolve(process.argv[2] ?? "data/extracts");
const reference = resolve(process.argv[3] ?? "data/reference");
const tmp = mkdtempSync(join(tmpdir(), "jaring-arrow-"));
const conn = await openDatabase();
const ref = await readReference(reference);
await loadReference(conn, ref);
for (const spec of tables) await loadTable(conn, spec, extracts, tmp);
for (const f of stepSql) await runSqlFile(conn, f);
// As runPipeline does before writing: small-cell suppression adds the flag columns (public build, the default).
const suppressOptions = { audience: (process.env.JARING_AUDIENCE === "internal" ? "internal" : "public") as Audience, threshold: Number(ref.parameters.ambang_sel_kecil) };
const linked = linkedOutputs.files.map((name) => ({ name, table: arrowOutputs[name]!.table, spec: suppressedOutputs[name]! }));
const linkedStats = await suppressLinked(conn, linked, linkedOutputs.dims, suppressOptions);
for (const [name, spec] of Object.entries(suppressedOutputs)) if (!linkedStats[arrowOutputs[name]!.table]) await suppressTable(conn, arrowOutputs[name]!.table, spec, suppressOptions);
let same = true;
for (const { table, schema } of Object.values(arrowOutputs)) {
  let t = performance.now();
  const a = await tableToArrow(conn, table, schema);
  const slow = performance.now() - t;
  t = performance.now();
  const b = await tableToArrowFast(conn, table, schema);
  const fast = performance.now() - t;
  const equal = Buffer.from(a).equals(Buffer.from(b));
  same &&= equal;
  console.log(`${table.padEnd(22)} ${equal ? "identical" : "DIFFERENT"}  ${a.length} bytes  current ${(slow / 1000).toFixed(2)} s  proposal ${(fast / 1000).toFixed(2)} s`);
}
// Empty tables (an extract without cash-plan rows, say) must give the same empty files too.
for (const { table, schema } of Object.values(arrowOutputs)) {
  await conn.run(`CREATE OR REPLACE TABLE empty_${table} AS SELECT * FROM ${table} LIMIT 0`);
  const a = await tableToArrow(conn, `empty_${table}`, schema);
  const b = await tableToArrowFast(conn, `empty_${table}`, schema);
  const equal = Buffer.from(a).equals(Buffer.from(b));
  same &&= equal;
  if (!equal) console.log(`${table.padEnd(22)} empty: DIFFERENT`);
}
console.log(same ? "all identical (empty tables too)" : "DIFFERENCES");
conn.closeSync();
rmSync(tmp, { recursive: true, force: true });
process.exit(same ? 0 : 1);
