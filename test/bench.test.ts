import {copyFileSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {mergeBenchMarkdown, BLOCK_START, README_END, README_START} from "../bench/report.ts";
import {runBench, METHODS, parseSize, type BenchResults} from "../bench/run.ts";
import {csvBytes} from "../loaders/sample/csv.ts";
import {STYLES, buildSampleTables} from "../loaders/sample/generate.ts";
import {PESERTA_HEADER} from "../loaders/sample/extracts/peserta.ts";
import {IURAN_HEADER} from "../loaders/sample/extracts/iuran.ts";
import {loadReference} from "../loaders/sample/reference.ts";
import {openCsvStream} from "../loaders/sample/stream.ts";

// Benchmarks are not timed tests: this runs the benchmark code once at a tiny size and checks only
// that it works and that the three methods compute the same table — nothing about speed.
const dir = mkdtempSync(join(tmpdir(), "jaring-bench-test-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("benchmark (npm run bench) at 2,000 rows", () => {
  let results: BenchResults;

  it("runs all three methods and they agree exactly on the aggregated table", async () => {
    copyFileSync(join(import.meta.dirname, "../README.md"), join(dir, "README.md"));
    results = await runBench({
      sizes: [2000],
      seed: 7,
      repeat: 1,
      timeoutSeconds: 50,
      cacheDir: join(dir, "cache"),
      phasesMaxRows: 0,
      dist: null,
      resultsPath: join(dir, "results.json"),
      markdownPath: join(dir, "BENCHMARKS.md"),
      readmePath: join(dir, "README.md"),
    });
    const [size] = results.sizes;
    expect(size!.extracts.rows.peserta).toBeGreaterThan(1900);
    for (const m of METHODS) {
      const r = size!.methods[m];
      expect(r.error, m).toBeUndefined();
      expect(r.ok, m).toBe(true);
      expect(r.seconds!, m).toBeGreaterThan(0);
      expect(r.cpu_seconds!, m).toBeGreaterThan(0);
      expect(r.max_rss_mib!, m).toBeGreaterThan(0);
      expect(r.groups!, m).toBeGreaterThan(0);
      expect(r.digest, m).toMatch(/^[0-9a-f]{64}$/);
    }
    // The real check: the same groups, the same totals, the same digest of every row.
    expect(size!.methods.duckdb.digest).toBe(size!.methods.pipeline.digest);
    expect(size!.methods.arquero.digest).toBe(size!.methods.pipeline.digest);
    expect(size!.methods.arquero.aktif_total).toBe(size!.methods.pipeline.aktif_total);
    expect(size!.methods.duckdb.groups).toBe(size!.methods.pipeline.groups);
    expect(size!.agree).toBe(true);
    expect(Object.values(size!.aktif_by_month!).reduce((a, b) => a + b, 0)).toBe(size!.methods.pipeline.aktif_total);
    expect(size!.ratios.pipeline_vs_floor).toBeGreaterThan(0);
    expect(size!.ratios.arquero_vs_pipeline).toBeGreaterThan(0);
  }, 60_000);

  it("writes results.json with machine info and a Markdown report", () => {
    const json = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as BenchResults;
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.machine.memory_gib).toBeGreaterThan(0);
    expect(json.machine.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(json.machine.date))).toBe(false);
    expect(json.sizes.map((s) => s.rows_target)).toEqual([2000]);
    expect(json.scenario_planner_recompute).toMatch(/issue 5|Perencana skenario/);
    const md = readFileSync(join(dir, "BENCHMARKS.md"), "utf8");
    expect(md).toContain("| **2k**");
    expect(md).toContain("bare DuckDB SQL (floor)");
  });

  it("puts the latest figures and the machine in the README's summary, nowhere else in it", () => {
    const before = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
    const after = readFileSync(join(dir, "README.md"), "utf8");
    const block = after.slice(after.indexOf(README_START), after.indexOf(README_END));
    expect(block).toContain(`Node ${process.version}`);
    expect(block).toMatch(/\| 2\.0\d\d \| [\d,]+ s \(CPU [\d,]+ s\), [\d,]+ GiB \|/);
    expect(block).toContain("Sasaran isu 8");
    const outside = (text: string) => text.slice(0, text.indexOf(README_START)) + text.slice(text.indexOf(README_END));
    expect(outside(after)).toBe(outside(before));
  });
});

describe("bench helpers", () => {
  it("rewrites only its own block of docs/BENCHMARKS.md and keeps the other sections", () => {
    const results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as BenchResults;
    const handWritten = "# Benchmarks\n\n## Perencana skenario\n\nMeasured by hand.\n";
    const once = mergeBenchMarkdown(handWritten, results);
    expect(once.startsWith("# Benchmarks\n\n" + BLOCK_START)).toBe(true);
    expect(once).toContain("## Perencana skenario\n\nMeasured by hand.\n");
    const twice = mergeBenchMarkdown(once, results);
    expect(twice).toBe(once);
    expect(twice.split(BLOCK_START).length).toBe(2);
  });

  it("reads sizes as 10k, 1m, 10m", () => {
    expect([parseSize("10k"), parseSize("1m"), parseSize("10M"), parseSize("2000")]).toEqual([10_000, 1_000_000, 10_000_000, 2000]);
    expect(() => parseSize("lots")).toThrow();
  });

  it("streams CSV rows to disk with the same bytes as the in-memory writer (BOM, CRLF, Windows-1252)", () => {
    const tables = buildSampleTables({reference: loadReference(join(import.meta.dirname, "../data/regions/33.27")), seed: 3, scale: 0.05});
    for (const [name, header, rows, style] of [
      ["peserta", PESERTA_HEADER, tables.peserta.map((r) => r.cells), STYLES.peserta],
      ["iuran", IURAN_HEADER, tables.iuran.rows.map((r) => r.cells), STYLES.iuran],
    ] as const) {
      const path = join(dir, `${name}.csv`);
      const stream = openCsvStream(path, header, style);
      for (let i = 0; i < rows.length; i += 97) stream.write(rows.slice(i, i + 97));
      stream.close();
      expect(Buffer.from(csvBytes(header, rows, style)).equals(readFileSync(path)), name).toBe(true);
      expect(stream.rows).toBe(rows.length);
    }
  });
});
