// `npm run bench [-- --sizes 10k,1m[,10m] --seed N --repeat K --timeout S --methods … --dist DIR | --no-site | --report-only]`
// `npm run bench -- --site [--dist DIR --label before|after --pages /,/cakupan --modes simulate,devtools --runs N --reports DIR]`:
// page speed on a phone instead (bench/lighthouse.ts).
// `npm run bench -- --page-work [--dist DIR --pages /,/cakupan --runs N --network]`: where a page's
// main-thread time goes as it loads at 4× CPU (bench/page-work.ts), by kind of work and by long task.
//
// For each size: synthetic extracts (bench/generate.ts, cached under bench/tmp/), then three ways of
// computing active members by month × kecamatan × desa × sector × sex × age band, each in its own
// child process with its wall time, CPU time and peak memory:
//   pipeline  the project's pipeline (loaders/pipeline.ts), everything `npm run pipeline` does;
//   duckdb    the floor: bare DuckDB SQL that only reads the same files and groups (methods/duckdb.ts);
//   arquero   the same aggregation in arquero alone, as a JS developer would write it (methods/arquero.ts).
// All three results are digested and must be identical. Writes bench/results.json and
// docs/BENCHMARKS.md; also weighs the built site (bench/site-weight.ts) when dist/ exists.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchExtracts, ROOT, type GeneratedExtracts } from "./generate.ts";
import { hasGnuTime, measure, type Measurement } from "./measure.ts";
import { mergeBenchMarkdown, mergeReadme } from "./report.ts";
import { siteWeight, type SiteWeight } from "./site-weight.ts";
import type { Phase } from "./methods/phases.ts";

export const METHODS = ["pipeline", "duckdb", "arquero"] as const;
export type Method = (typeof METHODS)[number];

export interface MethodResult {
  ok: boolean;
  /** Why not ok: the child's error, a time-out, a crash (exit code), or a skip. */
  error?: string;
  runs: number;
  /** Best run (least work time): wall-clock seconds of the work inside the child. */
  seconds: number | null;
  /** CPU seconds (user + system, all threads) of that work. */
  cpu_seconds: number | null;
  /** The whole child process of that run: start-up and the (untimed) result digest included. */
  process_seconds: number | null;
  /** Peak RSS of the child (the largest over its runs), MiB. */
  max_rss_mib: number | null;
  groups: number | null;
  aktif_total: number | null;
  digest: string | null;
}

export interface SizeResult {
  label: string;
  rows_target: number;
  measured_at: string;
  load_average_start: number[];
  extracts: GeneratedExtracts["meta"];
  methods: Record<Method, MethodResult>;
  /** All methods that finished produced the identical result (same digest, groups, totals). */
  agree: boolean | null;
  aktif_by_month: Record<string, number> | null;
  ratios: {
    pipeline_vs_floor: number | null;
    pipeline_vs_floor_cpu: number | null;
    arquero_vs_pipeline: number | null;
    arquero_vs_pipeline_cpu: number | null;
    arquero_vs_floor: number | null;
  };
  phases: Phase[] | null;
}

export interface Target {
  target: string;
  met: boolean | null;
  detail: string;
}

export interface BenchResults {
  machine: {
    cpu_model: string;
    cores: number;
    memory_gib: number;
    node: string;
    duckdb_node_api: string;
    os: string;
    gnu_time: boolean;
    date: string;
  };
  settings: { seed: number; repeat: string; timeout_seconds: number; node_heap_mib: number };
  sizes: SizeResult[];
  targets: Target[];
  site: SiteWeight | null;
  scenario_planner_recompute: string;
}

export interface BenchOptions {
  sizes: number[];
  seed: number;
  /** Runs per method and size (the best is kept); default 3 up to 100k rows, else 1. */
  repeat?: number;
  timeoutSeconds?: number;
  cacheDir?: string;
  methods?: readonly Method[];
  /** Sizes above this skip the phase breakdown. */
  phasesMaxRows?: number;
  /** Built site to weigh; null to skip. */
  dist?: string | null;
  /** Where to write results (and merge earlier sizes from); null to write nothing. */
  resultsPath?: string | null;
  markdownPath?: string | null;
  /** README.md, whose summary block is rewritten (null: leave it). */
  readmePath?: string | null;
  log?: (line: string) => void;
}

export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`size "${text}": expected a number, optionally with k or m (10k, 1m)`);
  const n = Number(m[1]) * (m[2]!.toLowerCase() === "k" ? 1e3 : m[2]!.toLowerCase() === "m" ? 1e6 : 1);
  if (!Number.isInteger(n) || n < 100) throw new Error(`size "${text}": at least 100 whole rows`);
  return n;
}

export function sizeLabel(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}

function machine(): BenchResults["machine"] {
  const api = JSON.parse(readFileSync(join(ROOT, "node_modules/@duckdb/node-api/package.json"), "utf8")) as { version: string };
  return {
    cpu_model: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    duckdb_node_api: api.version,
    os: `${process.platform} ${release()}`,
    gnu_time: hasGnuTime(),
    date: new Date().toISOString(),
  };
}

/** Node children may use most of the memory: the V8 default heap cap, not RSS, would otherwise decide. */
const nodeHeapMib = Math.floor((totalmem() / 2 ** 20) * 0.75);

function digestPipeline(out: string): { groups: number; aktif_total: number; aktif_by_month: Record<string, number>; digest: string } {
  const text = execFileSync(process.execPath, [`--max-old-space-size=${nodeHeapMib}`, "--import", "tsx", join(ROOT, "bench/methods/digest-arrow.ts"), out], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return JSON.parse(text.trim().split("\n").pop()!);
}

function emptyResult(error?: string): MethodResult {
  return { ok: false, error, runs: 0, seconds: null, cpu_seconds: null, process_seconds: null, max_rss_mib: null, groups: null, aktif_total: null, digest: null };
}

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? a / b : null);

async function benchSize(rows: number, options: Required<Omit<BenchOptions, "dist" | "resultsPath" | "markdownPath" | "readmePath">>): Promise<SizeResult> {
  const log = options.log;
  const label = sizeLabel(rows);
  const extracts = await benchExtracts({ rows, seed: options.seed, cacheDir: join(options.cacheDir, "extracts"), log });
  const args = (m: string) => ({ extracts: extracts.extracts, reference: extracts.reference, out: join(options.cacheDir, "runs", `${label}-${m}`) });
  const repeat = options.repeat || (rows <= 100_000 ? 3 : 1);
  const loadStart = loadavg().map((x) => Math.round(x * 100) / 100);
  const results = Object.fromEntries(METHODS.map((m) => [m, emptyResult(options.methods.includes(m) ? undefined : "not run (--methods)")])) as Record<Method, MethodResult>;
  const months = new Map<Method, Record<string, number>>();

  for (let r = 0; r < repeat; r++) {
    // Interleaved, so a slow patch of a shared machine does not land on one method only.
    for (const m of options.methods) {
      const res = results[m];
      if (r > 0 && !res.ok) continue; // a method that failed once is not retried
      const a = args(m);
      rmSync(a.out, { recursive: true, force: true });
      // The child's temporary files (DuckDB spills there) in a folder of its own: a killed run cannot clean up.
      const tmp = `${a.out}.tmp`;
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp, { recursive: true });
      log(`  ${label} ${m} run ${r + 1}/${repeat} …`);
      let run: Measurement;
      try {
        run = await measure(join(ROOT, `bench/methods/${m}.ts`), a, {
          cwd: ROOT,
          timeoutSeconds: options.timeoutSeconds,
          nodeArgs: [`--max-old-space-size=${nodeHeapMib}`],
          env: { ...process.env, TMPDIR: tmp },
        });
      } catch (error) {
        Object.assign(res, emptyResult(`could not start: ${(error as Error).message}`));
        continue;
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
      const report = run.report;
      let error: string | undefined;
      if (run.memory_guard) error = run.memory_guard;
      else if (run.timed_out) error = `timed out after ${options.timeoutSeconds} s (killed)`;
      else if (report?.error) error = report.error;
      else if (run.exit_code !== 0 || !report) {
        const lines = run.stderr_tail.split("\n").map((l) => l.trim()).filter(Boolean);
        // V8's fatal errors print "# Fatal error in …" and the reason on a following "#" line.
        const v8 = lines.findIndex((l) => /^# Fatal error/.test(l));
        const v8Reason = v8 >= 0 ? lines.slice(v8 + 1, v8 + 4).find((l) => /^#\s*\S/.test(l) && !/^#\s*$/.test(l)) : undefined;
        const cause = v8Reason?.replace(/^#\s*/, "V8: ") ?? lines.find((l) => /FATAL ERROR|RangeError|Error:|out of memory/i.test(l)) ?? lines.slice(-2).join(" / ");
        const signal = lines.find((l) => /terminated by signal/.test(l));
        error = `crashed (exit ${run.exit_code}${signal ? `, ${signal.toLowerCase()}` : ""}): ${cause}`;
      }
      let digest = report && !error ? { groups: report.groups, aktif_total: report.aktif_total, aktif_by_month: report.aktif_by_month, digest: report.digest } : null;
      if (m === "pipeline" && !error) digest = digestPipeline(a.out);
      rmSync(a.out, { recursive: true, force: true });

      res.max_rss_mib = Math.max(res.max_rss_mib ?? 0, run.max_rss_mib) || null;
      if (error) {
        Object.assign(res, { ok: false, error, runs: res.runs + 1, process_seconds: run.wall_seconds });
        log(`  ${label} ${m}: FAILED — ${error}`);
        continue;
      }
      res.runs++;
      res.ok = true;
      if (res.seconds === null || report!.work_seconds < res.seconds) {
        Object.assign(res, {
          seconds: report!.work_seconds,
          cpu_seconds: report!.work_cpu_seconds,
          process_seconds: run.wall_seconds,
          groups: digest!.groups,
          aktif_total: digest!.aktif_total,
          digest: digest!.digest,
        });
      }
      months.set(m, digest!.aktif_by_month);
      log(`  ${label} ${m}: ${report!.work_seconds.toFixed(2)} s (cpu ${report!.work_cpu_seconds.toFixed(1)} s), peak ${run.max_rss_mib.toFixed(0)} MiB, ${digest!.groups} groups`);
    }
  }

  let phases: Phase[] | null = null;
  if (rows <= options.phasesMaxRows && options.methods.includes("pipeline")) {
    log(`  ${label} phase breakdown …`);
    const tmp = `${args("phases").out}.tmp`;
    mkdirSync(tmp, { recursive: true });
    const run = await measure(join(ROOT, "bench/methods/phases.ts"), args("phases"), {
      cwd: ROOT,
      timeoutSeconds: options.timeoutSeconds,
      nodeArgs: [`--max-old-space-size=${nodeHeapMib}`],
      env: { ...process.env, TMPDIR: tmp },
    }).finally(() => rmSync(tmp, { recursive: true, force: true }));
    phases = (run.report as unknown as { phases?: Phase[] } | null)?.phases ?? null;
  }

  const finished = METHODS.filter((m) => results[m].ok);
  return refresh({
    label,
    rows_target: rows,
    measured_at: new Date().toISOString(),
    load_average_start: loadStart,
    extracts: extracts.meta,
    methods: results,
    agree: null,
    aktif_by_month: finished.length ? (months.get(finished[0]!) ?? null) : null,
    ratios: { pipeline_vs_floor: null, pipeline_vs_floor_cpu: null, arquero_vs_pipeline: null, arquero_vs_pipeline_cpu: null, arquero_vs_floor: null },
    phases,
  });
}

/** Agreement and ratios of a size's method results. */
function refresh(size: SizeResult): SizeResult {
  const finished = METHODS.filter((m) => size.methods[m].ok);
  size.agree = finished.length < 2 ? null : finished.every((m) => size.methods[m].digest === size.methods[finished[0]!].digest);
  const [p, f, q] = [size.methods.pipeline, size.methods.duckdb, size.methods.arquero];
  size.ratios = {
    pipeline_vs_floor: ratio(p.seconds, f.seconds),
    pipeline_vs_floor_cpu: ratio(p.cpu_seconds, f.cpu_seconds),
    arquero_vs_pipeline: ratio(q.seconds, p.seconds),
    arquero_vs_pipeline_cpu: ratio(q.cpu_seconds, p.cpu_seconds),
    arquero_vs_floor: ratio(q.seconds, f.seconds),
  };
  return size;
}

export function evaluateTargets(sizes: SizeResult[], site: SiteWeight | null): Target[] {
  const at = (n: number) => sizes.find((s) => s.rows_target === n);
  const m1 = at(1_000_000);
  const m10 = at(10_000_000);
  const x = (v: number | null) => (v === null ? "–" : `${v.toFixed(2)}×`);
  const targets: Target[] = [];
  targets.push(
    !m1 || m1.ratios.pipeline_vs_floor === null
      ? { target: "pipeline within 2× of the bare-DuckDB floor at 1M rows", met: null, detail: "not measured at 1M" }
      : {
          target: "pipeline within 2× of the bare-DuckDB floor at 1M rows",
          met: m1.ratios.pipeline_vs_floor <= 2,
          detail: `${x(m1.ratios.pipeline_vs_floor)} wall, ${x(m1.ratios.pipeline_vs_floor_cpu)} CPU`,
        },
  );
  targets.push(
    !m1 || !m1.methods.pipeline.ok
      ? { target: "pipeline ≥ 10× faster than arquero-only at 1M rows", met: null, detail: "not measured at 1M" }
      : !m1.methods.arquero.ok
        ? { target: "pipeline ≥ 10× faster than arquero-only at 1M rows", met: true, detail: `arquero did not finish (${m1.methods.arquero.error})` }
        : {
            target: "pipeline ≥ 10× faster than arquero-only at 1M rows",
            met: (m1.ratios.arquero_vs_pipeline ?? 0) >= 10,
            detail: `${x(m1.ratios.arquero_vs_pipeline)} wall, ${x(m1.ratios.arquero_vs_pipeline_cpu)} CPU`,
          },
  );
  const rss10 = m10?.methods.pipeline.max_rss_mib ?? null;
  targets.push(
    !m10 || rss10 === null
      ? { target: "pipeline peak memory < 2 GiB at 10M rows", met: null, detail: "not measured at 10M (npm run bench -- --sizes 10m)" }
      : {
          target: "pipeline peak memory < 2 GiB at 10M rows",
          met: m10.methods.pipeline.ok && rss10 < 2048,
          detail: `${(rss10 / 1024).toFixed(2)} GiB${m10.methods.pipeline.ok ? "" : ` (did not finish: ${m10.methods.pipeline.error})`}`,
        },
  );
  targets.push(
    !site
      ? { target: "site data files < 1 MB for Pemalang", met: null, detail: "no built site to weigh (npm run build)" }
      : {
          target: "site data files < 1 MB for Pemalang",
          met: site.data_max_page.bytes < 1_000_000,
          detail:
            `the most any page reads on opening: ${(site.data_max_page.bytes / 1e6).toFixed(2)} MB (\`${site.data_max_page.page}\`, ` +
            `${(site.data_max_page.gzip_bytes / 1e6).toFixed(2)} MB gzipped); all pages together ${(site.data_total.bytes / 1e6).toFixed(2)} MB ` +
            `in ${site.data_total.files} files, download links not counted`,
        },
  );
  return targets;
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? (() => {});
  const cacheDir = resolve(options.cacheDir ?? join(ROOT, "bench/tmp"));
  mkdirSync(cacheDir, { recursive: true });
  const sizes: SizeResult[] = [];
  for (const rows of options.sizes) {
    log(`size ${sizeLabel(rows)}`);
    sizes.push(
      await benchSize(rows, {
        sizes: options.sizes,
        seed: options.seed,
        repeat: options.repeat ?? 0,
        timeoutSeconds: options.timeoutSeconds ?? 900,
        cacheDir,
        methods: options.methods ?? METHODS,
        phasesMaxRows: options.phasesMaxRows ?? 1_000_000,
        log,
      }),
    );
  }

  // Sizes measured earlier (e.g. 10M, behind its flag) are kept unless measured again now; so is the
  // site weight when this run does not weigh the site (--no-site).
  const resultsPath = options.resultsPath === undefined ? join(ROOT, "bench/results.json") : options.resultsPath;
  let earlier: BenchResults | null = null;
  if (resultsPath && existsSync(resultsPath)) {
    try {
      earlier = JSON.parse(readFileSync(resultsPath, "utf8")) as BenchResults;
      for (const s of earlier.sizes ?? []) {
        const now = sizes.find((n) => n.rows_target === s.rows_target);
        if (!now) sizes.push(s);
        else {
          // A method left out with --methods keeps its earlier result for this size.
          for (const m of METHODS) if (now.methods[m].runs === 0 && !options.methods?.includes(m) && s.methods[m]?.runs) now.methods[m] = s.methods[m];
          refresh(now);
        }
      }
    } catch {
      earlier = null; // unreadable: replaced
    }
  }
  sizes.sort((a, b) => a.rows_target - b.rows_target);

  const distDir = options.dist === undefined ? [join(ROOT, "bench/tmp/dist"), join(ROOT, "dist")].find((d) => existsSync(join(d, "index.html"))) : options.dist;
  let site = distDir && existsSync(join(distDir, "index.html")) ? siteWeight(distDir) : null;
  if (site?.dist.startsWith(ROOT)) site.dist = site.dist.slice(ROOT.length + 1);
  if (!site && options.dist === null) site = earlier?.site ?? null;

  const markdownPath = options.markdownPath === undefined ? join(ROOT, "docs/BENCHMARKS.md") : options.markdownPath;
  const existingMarkdown = markdownPath && existsSync(markdownPath) ? readFileSync(markdownPath, "utf8") : null;
  // The scenario planner (issue 5) measures its own recompute time; this benchmark only points to it.
  const scenario = /^## Perencana skenario/m.test(existingMarkdown ?? "")
    ? "measured by the scenario planner's own benchmark — see \"Perencana skenario\" in docs/BENCHMARKS.md (test/lib/skenario-bench.test.ts, test/browser/skenario.test.ts)"
    : "not yet built (issue 5)";

  const results: BenchResults = {
    machine: machine(),
    settings: { seed: options.seed, repeat: options.repeat ? String(options.repeat) : "3 up to 100k rows, else 1", timeout_seconds: options.timeoutSeconds ?? 900, node_heap_mib: nodeHeapMib },
    sizes,
    targets: evaluateTargets(sizes, site),
    site,
    scenario_planner_recompute: scenario,
  };
  if (resultsPath) writeFileSync(resultsPath, JSON.stringify(results, null, 2) + "\n");
  if (markdownPath) writeFileSync(markdownPath, mergeBenchMarkdown(existingMarkdown, results));
  const readmePath = options.readmePath === undefined ? join(ROOT, "README.md") : options.readmePath;
  if (readmePath && existsSync(readmePath)) writeFileSync(readmePath, mergeReadme(readFileSync(readmePath, "utf8"), results));
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "10k,1m" },
      seed: { type: "string", default: "20250301" },
      repeat: { type: "string" },
      timeout: { type: "string", default: "900" },
      methods: { type: "string", default: METHODS.join(",") },
      dist: { type: "string" },
      "no-site": { type: "boolean", default: false },
      "report-only": { type: "boolean", default: false },
      // Page speed (bench/lighthouse.ts) instead of the pipeline.
      site: { type: "boolean", default: false },
      label: { type: "string" },
      pages: { type: "string" },
      modes: { type: "string" },
      runs: { type: "string" },
      reports: { type: "string" },
      // Main-thread work per page (bench/page-work.ts), with --dist, --pages, --runs.
      "page-work": { type: "boolean", default: false },
      network: { type: "boolean", default: false },
    },
  });
  if (values["page-work"]) {
    const { pageWorkCli } = await import("./page-work.ts");
    await pageWorkCli(values);
    process.exit(0);
  }
  if (values.site) {
    const { siteBenchCli } = await import("./lighthouse.ts");
    await siteBenchCli(values);
    process.exit(0);
  }
  if (values["report-only"]) {
    // Rewrite the benchmark's block of docs/BENCHMARKS.md from bench/results.json, measuring nothing.
    const path = join(ROOT, "docs/BENCHMARKS.md");
    const results = JSON.parse(readFileSync(join(ROOT, "bench/results.json"), "utf8")) as BenchResults;
    writeFileSync(path, mergeBenchMarkdown(existsSync(path) ? readFileSync(path, "utf8") : null, results));
    const readme = join(ROOT, "README.md");
    writeFileSync(readme, mergeReadme(readFileSync(readme, "utf8"), results));
    console.log("wrote docs/BENCHMARKS.md and README.md's summary from bench/results.json");
    process.exit(0);
  }
  const methods = values.methods!.split(",").map((m) => m.trim()) as Method[];
  for (const m of methods) if (!METHODS.includes(m)) throw new Error(`--methods: unknown method ${m} (${METHODS.join(", ")})`);
  const results = await runBench({
    sizes: values.sizes!.split(",").map(parseSize),
    seed: Number(values.seed),
    repeat: values.repeat ? Number(values.repeat) : undefined,
    timeoutSeconds: Number(values.timeout),
    methods,
    dist: values["no-site"] ? null : values.dist ? resolve(values.dist) : undefined,
    log: (line) => console.log(line),
  });
  console.log("");
  for (const s of results.sizes) {
    const r = s.ratios;
    const f = (v: number | null) => (v === null ? "–" : `${v.toFixed(2)}×`);
    console.log(`${s.label.padEnd(5)} pipeline/floor ${f(r.pipeline_vs_floor)} (cpu ${f(r.pipeline_vs_floor_cpu)})  arquero/pipeline ${f(r.arquero_vs_pipeline)}  arquero/floor ${f(r.arquero_vs_floor)}  agree: ${s.agree}`);
  }
  for (const t of results.targets) console.log(`${t.met === null ? "?" : t.met ? "✓" : "✗"} ${t.target}: ${t.detail}`);
  console.log("\nwrote bench/results.json, docs/BENCHMARKS.md (its benchmark block; other sections kept) and README.md's summary");
}
