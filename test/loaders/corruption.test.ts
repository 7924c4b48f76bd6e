// Property test: damage slices of the sample extracts at random (test/loaders/corrupt.ts) and run the
// whole pipeline on each. Whatever the damage, the pipeline either succeeds with every row accounted
// for, or stops with an ExtractError that names the file — never a stack trace, never a lost row,
// never personal data in the published outputs. JARING_CORRUPTIONS=N runs more (or fewer) cases;
// JARING_CORRUPTION_SEED=S runs the one case that failed.
import {readFileSync} from "node:fs";
import {mkdir, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import ExcelJS from "exceljs";
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ExtractError} from "../../loaders/errors.ts";
import {openDatabase, runPipeline} from "../../loaders/pipeline.ts";
import {cellText} from "../../loaders/read/xlsx.ts";
import {mulberry32} from "../../loaders/sample/random.ts";
import {decodeText, parseCsv} from "../support/csv.ts";
import {corrupt, type Sheet} from "./corrupt.ts";
import {referenceDir, root, tempDir} from "./helpers.ts";

const CASES = Number(process.env.JARING_CORRUPTIONS ?? 200);
/** Every tenth case builds for the public (small-cell suppression on damaged data, ~2× slower); the rest internal. */
const audienceOf = (seed: number) => (seed % 10 === 0 ? "public" : "internal") as "public" | "internal";
const ONLY = process.env.JARING_CORRUPTION_SEED ? Number(process.env.JARING_CORRUPTION_SEED) : null;
const SAMPLE = join(root, "data/extracts");

function csvSheet(name: string): Sheet {
  const [header, ...rows] = parseCsv(decodeText(readFileSync(join(SAMPLE, `${name}.csv`))));
  return {name, header, rows};
}

async function xlsxSheet(name: string): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(SAMPLE, `${name}.xlsx`));
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v) ?? "")));
  const at = rows.findIndex((r) => r.some((c) => /tahun/i.test(c)));
  return {name, header: rows[at], rows: rows.slice(at + 1)};
}

/** Small slices (≈200 rows a table) keep a run near 50 ms; the claims' members are kept so claims match. */
async function sampleSlices(): Promise<Sheet[]> {
  const peserta = csvSheet("peserta");
  const klaim = csvSheet("klaim");
  klaim.rows = klaim.rows.slice(0, 30);
  const claimed = new Set(klaim.rows.flatMap((r) => [r[0], r[1]]).filter(Boolean));
  peserta.rows = [...peserta.rows.slice(0, 170), ...peserta.rows.slice(170).filter((r) => claimed.has(r[0]) || claimed.has(r[1]))];
  const sasaran = csvSheet("sasaran");
  sasaran.rows = sasaran.rows.slice(0, 200);
  const all = [peserta, csvSheet("iuran"), await xlsxSheet("anggaran"), klaim, sasaran];
  for (const sheet of all) sheet.rows = sheet.rows.map((r) => sheet.header.map((_, i) => r[i] ?? ""));
  return all;
}

let sheets: Sheet[];
let names: string[];
let work: string;
/** Two connections run cases side by side: the runs are small, DuckDB's per-statement overhead dominates. */
const LANES = 2;
const CASE_LIMIT_MS = 30_000;
const conns: DuckDBConnection[] = [];

beforeAll(async () => {
  sheets = await sampleSlices();
  names = sheets.find((s) => s.name === "peserta")!.rows.map((r) => r[2]).filter((n) => n.length >= 6);
  for (let i = 0; i < LANES; i++) {
    const conn = await openDatabase();
    await conn.run("SET threads = 1"); // a few hundred rows: threads only add scheduling
    conns.push(conn);
  }
  work = await tempDir("jaring-corrupt-");
});

afterAll(async () => {
  for (const conn of conns) conn.closeSync();
  await rm(work, {recursive: true, force: true});
});

interface Outcome {
  ok: boolean;
  problems: string[];
  message?: string;
  ms: number;
}

/** One damaged set of extracts through the whole pipeline, and every check of the property. */
async function runCase(seed: number, conn: DuckDBConnection, out: string): Promise<Outcome> {
  const {steps, files} = await corrupt(mulberry32(seed), sheets);
  const dir = join(work, `kasus-${seed}`);
  await mkdir(dir);
  for (const f of files) await writeFile(join(dir, f.file), f.bytes);
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`seed ${seed} [${steps.join("; ")}]: ${what}`);
  const started = performance.now();
  let ok = false;
  let message: string | undefined;
  try {
    const {quality} = await runPipeline({extracts: dir, reference: referenceDir, out, conn, audience: audienceOf(seed)});
    ok = true;
    for (const f of files) {
      const name = f.file.replace(/\.(csv|xlsx)$/, "");
      const q = quality.tables[name];
      if (q.file !== f.file) fail(`${name}: quality.json names ${q.file}, not ${f.file}`);
      if (q.rows_accepted + q.rows_rejected !== q.rows_read) fail(`${name}: diterima ${q.rows_accepted} + ditolak ${q.rows_rejected} ≠ dibaca ${q.rows_read}`);
      const byReason = Object.values(q.rejects_by_reason).reduce((sum, r) => sum + r.count, 0);
      if (byReason !== q.rows_rejected) fail(`${name}: rejects by reason ${byReason} ≠ ditolak ${q.rows_rejected}`);
      // Never fewer rows than records (none lost); more only when DuckDB split a broken record, and then
      // every extra one is reported as a malformed line, never accepted.
      const malformed = q.rejects_by_reason.BARIS_CSV_RUSAK?.count ?? 0;
      if (f.structureDamaged ? q.rows_read < f.records || q.rows_read - f.records > malformed : q.rows_read !== f.records) {
        fail(`${name}: dibaca ${q.rows_read} (${malformed} baris CSV rusak), but the file holds ${f.records} records`);
      }
    }
    // Every file a build would publish (the reference copies aside): no NIK-shaped number, no member's name.
    for (const file of (await readdir(out)).filter((f) => !["batas.topo.json", "referensi.json"].includes(f))) {
      const published = (await readFile(join(out, file))).toString("latin1");
      if (/(?<![\d.])\d{16}(?!\d)/.test(published)) fail(`a 16-digit number (NIK-shaped) in ${file}`);
      const leaked = names.find((n) => published.includes(n));
      if (leaked) fail(`a member's name in ${file}: ${leaked.slice(0, 3)}…`);
    }
  } catch (error) {
    if (!(error instanceof ExtractError)) {
      fail(`crashed: ${(error as Error).stack?.split("\n").slice(0, 4).join(" | ")}`);
    } else {
      message = error.message;
      if (!/\b(peserta|iuran|anggaran|klaim|sasaran)\.(csv|xlsx)\b/i.test(error.message)) fail(`the message names no extract file: ${error.message}`);
      if (/\n\s+at /.test(error.message)) fail(`the message holds a stack trace: ${error.message}`);
    }
  }
  if ((await readdir(out).catch(() => [])).some((f) => f.startsWith(".tmp-"))) fail("a staging folder was left in the output folder");
  await rm(dir, {recursive: true, force: true});
  return {ok, problems, message, ms: performance.now() - started};
}

describe("the pipeline on randomly damaged extracts", () => {
  it("starts from slices that run cleanly", async () => {
    const dir = join(work, "clean");
    await mkdir(dir);
    for (const sheet of sheets) {
      if (sheet.name === "anggaran") continue;
      await writeFile(join(dir, `${sheet.name}.csv`), [sheet.header, ...sheet.rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(";")).join("\n"));
    }
    await writeFile(join(dir, "anggaran.xlsx"), readFileSync(join(SAMPLE, "anggaran.xlsx")));
    const {quality} = await runPipeline({extracts: dir, reference: referenceDir, out: join(work, "clean-out"), conn: conns[0]});
    expect(quality.tables.peserta.rows_read).toBeGreaterThanOrEqual(170);
    expect(quality.tables.peserta.rows_accepted).toBeGreaterThan(150);
    expect(quality.tables.klaim.rows_accepted).toBeGreaterThan(20);
  });

  const seeds = ONLY !== null ? [ONLY] : Array.from({length: CASES}, (_, i) => i + 1);
  it(`never crashes, never loses a row, always names the file (${seeds.length} seeded corruptions)`, async () => {
    const started = Date.now();
    const outcomes: Outcome[] = [];
    await Promise.all(
      conns.map(async (conn, lane) => {
        for (let i = lane; i < seeds.length; i += LANES) {
          // A hung query (DuckDB once looped on a string it had cut mid-character) must fail with its seed,
          // not time the whole test out; the lane's connection is then busy for good, so the lane stops.
          let timer: NodeJS.Timeout | undefined;
          const hung = new Promise<Outcome>((done) => {
            timer = setTimeout(() => done({ok: false, problems: [`seed ${seeds[i]}: no answer after ${CASE_LIMIT_MS / 1000} s (hang)`], ms: CASE_LIMIT_MS}), CASE_LIMIT_MS);
          });
          const outcome = await Promise.race([runCase(seeds[i], conn, join(work, `out-${lane}`)), hung]);
          clearTimeout(timer);
          outcomes.push(outcome);
          if (outcome.ms >= CASE_LIMIT_MS) break;
        }
      })
    );
    const ok = outcomes.filter((o) => o.ok).length;
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    console.log(`${seeds.length} kasus: ${ok} berhasil, ${seeds.length - ok} berhenti dengan pesan; ${Math.round((Date.now() - started) / seeds.length)} ms per kasus (${LANES} jalur), paling lama ${Math.round(slowest)} ms`);
    if (process.env.JARING_CORRUPTION_VERBOSE) {
      console.log([...new Set(outcomes.flatMap((o) => (o.message ? [o.message.replace(/\/\S+\//g, "").replace(/\d+/g, "N").slice(0, 110)] : [])))].sort().join("\n"));
    }
    expect(outcomes.flatMap((o) => o.problems)).toEqual([]);
    if (ONLY === null) {
      // Both paths must be exercised, or the damage is too mild (or too harsh) to test anything.
      expect(ok).toBeGreaterThan(CASES / 5);
      expect(seeds.length - ok).toBeGreaterThan(CASES / 10);
    }
  }, Math.max(120_000, seeds.length * 3_000));
});
