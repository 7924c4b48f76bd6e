// Where one SQL step's time goes: runs the pipeline up to `file` (argument 2), then each statement of
// `file` on its own, printing wall and CPU seconds. Informational, for tuning (npx tsx bench/methods/statements.ts ARGS FILE).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../loaders/pipeline.ts";
import { loadTable } from "../../loaders/read/index.ts";
import { loadReference, readReference } from "../../loaders/reference.ts";
import { runSqlFile } from "../../loaders/sql/run.ts";
import { tables } from "../../loaders/tables/index.ts";
import { stepSql } from "../../loaders/outputs.ts";
import type { MethodArgs } from "../spec.ts";

const args = JSON.parse(process.argv[2] ?? "{}") as MethodArgs;
const target = process.argv[3] ?? "members.sql";
const tmp = mkdtempSync(join(tmpdir(), "jaring-statements-"));
try {
  const conn = await openDatabase();
  await conn.run(`SET temp_directory = '${tmp.replace(/'/g, "''")}'`);
  await loadReference(conn, await readReference(args.reference));
  for (const spec of tables) await loadTable(conn, spec, args.extracts, tmp);
  for (const file of stepSql) {
    if (file === target) break;
    await runSqlFile(conn, file);
  }
  const text = readFileSync(new URL(`../../loaders/sql/${target}`, import.meta.url), "utf8");
  // Statements end with ";" at the end of a line (the SQL files' layout).
  for (const statement of text.split(/;\s*\n/).filter((s) => s.replace(/--.*$/gm, "").trim())) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    if (process.env.JARING_EXPLAIN && statement.includes(process.env.JARING_EXPLAIN)) {
      const plan = (await conn.runAndReadAll(`EXPLAIN ANALYZE ${statement}`)).getRowsJS();
      process.stdout.write(`${plan.map((r) => r[1]).join("\n")}\n`);
    } else await conn.run(statement);
    const used = process.cpuUsage(cpu);
    const head = statement.replace(/--.*$/gm, "").trim().split("\n")[0]!.slice(0, 70);
    process.stdout.write(`${((performance.now() - wall) / 1000).toFixed(2).padStart(7)} s ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} CPU s  ${head}\n`);
  }
  conn.closeSync();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
