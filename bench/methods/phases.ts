// Where the pipeline's time goes: the steps of runPipeline (loaders/pipeline.ts), called one by one
// with the same exported functions and lists (loaders/outputs.ts) and timed. Informational —
// runPipeline itself is what method 1 measures; writing the JSON files and the data dictionary is left out.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../loaders/pipeline.ts";
import { tableQuality } from "../../loaders/quality.ts";
import { loadTable } from "../../loaders/read/index.ts";
import { loadReference, readReference } from "../../loaders/reference.ts";
import { runSqlFile } from "../../loaders/sql/run.ts";
import { tables } from "../../loaders/tables/index.ts";
import { writeArrowFile } from "../../loaders/write/arrow.ts";
import { arrowOutputs, linkedOutputs, stepSql, suppressedOutputs } from "../../loaders/outputs.ts";
import { suppressLinked, suppressTable, type Audience } from "../../loaders/suppression.ts";
import type { MethodArgs } from "../spec.ts";

export interface Phase {
  phase: string;
  seconds: number;
  cpu_seconds: number;
  /** Peak RSS of the process so far, MiB. */
  peak_rss_mib: number;
}

const args = JSON.parse(process.argv[2] ?? "{}") as MethodArgs;
const phases: Phase[] = [];
let wall = performance.now();
let cpu = process.cpuUsage();
const lap = (phase: string) => {
  const used = process.cpuUsage(cpu);
  const p = { phase, seconds: (performance.now() - wall) / 1000, cpu_seconds: (used.user + used.system) / 1e6, peak_rss_mib: process.resourceUsage().maxRSS / 1024 };
  phases.push(p);
  // As it goes, so a run that is ended part-way still shows how far it got.
  process.stderr.write(`phase ${JSON.stringify(p)}\n`);
  wall = performance.now();
  cpu = process.cpuUsage();
};

const tmp = mkdtempSync(join(tmpdir(), "jaring-phases-"));
try {
  const reference = await readReference(args.reference);
  const conn = await openDatabase();
  await conn.run(`SET temp_directory = '${tmp.replace(/'/g, "''")}'`);
  await loadReference(conn, reference);
  lap("open DuckDB, load reference");
  for (const spec of tables) await loadTable(conn, spec, args.extracts, tmp);
  lap("read extracts (loaders/read)");
  for (const file of stepSql) {
    await runSqlFile(conn, file);
    lap(file);
  }
  for (const spec of tables) await tableQuality(conn, spec.name, spec.name, []);
  lap("quality counts");
  // As the measured run: the internal build (every cell itemised). The public build, the default,
  // suppresses small cells here instead.
  const audience = (process.env.JARING_AUDIENCE === "public" ? "public" : "internal") as Audience;
  const suppressOptions = { audience, threshold: Number(reference.parameters.ambang_sel_kecil) };
  const linked = linkedOutputs.files.map((name) => ({ name, table: arrowOutputs[name]!.table, spec: suppressedOutputs[name]! }));
  const linkedStats = await suppressLinked(conn, linked, linkedOutputs.dims, suppressOptions);
  for (const [name, spec] of Object.entries(suppressedOutputs)) if (!linkedStats[arrowOutputs[name]!.table]) await suppressTable(conn, arrowOutputs[name]!.table, spec, suppressOptions);
  lap(`small-cell flags (${audience} build, loaders/suppression.ts)`);
  for (const [name, { table, schema }] of Object.entries(arrowOutputs)) {
    const rows = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`)).getRowObjectsJS()[0]!.n as number;
    await writeArrowFile(conn, table, schema, join(tmp, name));
    if (rows > 10_000) lap(`Arrow encoding of ${name} (${rows.toLocaleString("en-US")} rows, loaders/write)`);
  }
  lap("Arrow encoding of the other outputs");
  for (const [name, { table, schema }] of Object.entries(arrowOutputs)) {
    const columns = Object.entries(schema).map(([c, type]) => (type === "float64" ? `round("${c}")::BIGINT AS "${c}"` : `"${c}"`));
    await conn.run(`COPY (SELECT ${columns.join(", ")} FROM ${table}) TO '${join(tmp, name.replace(/\.arrow$/, ".csv")).replace(/'/g, "''")}' (FORMAT csv, HEADER true)`);
  }
  lap("CSV copies of every output (open data)");
  conn.closeSync();
  process.stdout.write(`\n${JSON.stringify({ phases, max_rss_kib: process.resourceUsage().maxRSS })}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
