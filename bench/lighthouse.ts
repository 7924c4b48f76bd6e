// `npm run bench -- --site [--dist DIR] [--label before|after|internal-before|internal-after] [--pages /,/cakupan]
//   [--modes simulate,devtools] [--runs N] [--reports DIR]`
//
// Page speed on a phone, as Lighthouse's default mobile run measures it: every page of a built site
// (dist/, the public build phones open) served gzip-compressed on 127.0.0.1 (scripts/lib/site.ts), in
// Debian's Chromium, under both throttling methods: `simulate` (Lighthouse's default: the load is
// observed unthrottled, then replayed on a model of slow 4G and a 4× slower CPU) and `devtools` (the
// page really is loaded over a throttled connection with the CPU slowed 4×). Per page: the scores,
// the metrics the targets name, and the bytes transferred (compressed) by kind, from Lighthouse's own
// network records. Writes bench/site-results.json (the `before` run kept beside the latest) and the
// section of docs/BENCHMARKS.md between its markers. A benchmark, not a test: nothing here is asserted.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join, resolve } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM, CHROMIUM_ARGS, ROOT, findPages, serve } from "../scripts/lib/site.ts";

export const MODES = ["simulate", "devtools"] as const;
export type Mode = (typeof MODES)[number];

/** Bytes on the wire (compressed, headers included), as Lighthouse's network records count them. */
export interface Transfer {
  html: number;
  js: number;
  css: number;
  data: number;
  other: number;
  total: number;
  requests: number;
}

export interface PageRun {
  page: string;
  mode: Mode;
  performance: number | null;
  accessibility: number | null;
  best_practices: number | null;
  fcp_ms: number | null;
  lcp_ms: number | null;
  tbt_ms: number | null;
  cls: number | null;
  speed_index_ms: number | null;
  /** What the largest contentful paint was (Lighthouse's description of the element). */
  lcp_element: string | null;
  /** The elements that moved most (Lighthouse's layout-shifts audit), largest first. */
  shifted: string[];
  transfer: Transfer;
  /** Runs taken; the one kept is the median by performance score. */
  runs: number;
}

export interface SiteBench {
  label: string;
  measured_at: string;
  commit: string | null;
  machine: { cpu_model: string; cores: number; memory_gib: number; node: string; os: string; chromium: string; lighthouse: string };
  pages: PageRun[];
}

/** The public build before and after; the internal build (an office's, not for phones) the same way. */
export interface SiteResults {
  before: SiteBench | null;
  after: SiteBench | null;
  internal_before?: SiteBench | null;
  internal_after?: SiteBench | null;
}

export const LABELS = ["before", "after", "internal-before", "internal-after"] as const;
const slotOf = (label: string) => label.replace("-", "_") as keyof SiteResults;

/** The targets of issue 17, for one page in one mode. */
export function pageMeets(r: PageRun): { met: boolean; misses: string[] } {
  const misses: string[] = [];
  if ((r.performance ?? 0) < 0.9) misses.push(`performance ${fmtScore(r.performance)}`);
  if ((r.tbt_ms ?? Infinity) >= 200) misses.push(`TBT ${fmtMs(r.tbt_ms)}`);
  if ((r.lcp_ms ?? Infinity) >= 2500) misses.push(`LCP ${fmtMs(r.lcp_ms)}`);
  if ((r.cls ?? Infinity) >= 0.1) misses.push(`CLS ${r.cls?.toFixed(3)}`);
  if ((r.accessibility ?? 0) < 0.95) misses.push(`accessibility ${fmtScore(r.accessibility)}`);
  if ((r.best_practices ?? 0) < 1) misses.push(`best practices ${fmtScore(r.best_practices)}`);
  return { met: misses.length === 0, misses };
}

const fmtScore = (v: number | null) => (v === null ? "–" : Math.round(v * 100).toString());
const fmtMs = (v: number | null) => (v === null ? "–" : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const kib = (bytes: number) => (bytes / 1024).toFixed(0);

interface NetworkItem {
  url: string;
  resourceType?: string;
  mimeType?: string;
  transferSize?: number;
}

/** The page's transferred bytes by kind. Data = what its cells fetch (Arrow, JSON, CSV, TopoJSON). */
export function transferOf(items: NetworkItem[]): Transfer {
  const t: Transfer = { html: 0, js: 0, css: 0, data: 0, other: 0, total: 0, requests: 0 };
  for (const item of items) {
    if (item.url.startsWith("data:")) continue;
    const size = item.transferSize ?? 0;
    const type = item.resourceType ?? "";
    const kind: keyof Transfer =
      type === "Document" ? "html" : type === "Script" ? "js" : type === "Stylesheet" ? "css" : type === "Fetch" || type === "XHR" ? "data" : "other";
    t[kind] += size;
    t.total += size;
    t.requests += 1;
  }
  return t;
}

function summarise(page: string, mode: Mode, lhr: any, runs: number): PageRun {
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const lcpItems = lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items ?? [];
  const lcpNode = lcpItems.find((i: any) => i?.node)?.node ?? lcpItems[0]?.node ?? null;
  return {
    page,
    mode,
    performance: lhr.categories.performance?.score ?? null,
    accessibility: lhr.categories.accessibility?.score ?? null,
    best_practices: lhr.categories["best-practices"]?.score ?? null,
    fcp_ms: audit("first-contentful-paint"),
    lcp_ms: audit("largest-contentful-paint"),
    tbt_ms: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    speed_index_ms: audit("speed-index"),
    lcp_element: lcpNode ? String(lcpNode.selector ?? lcpNode.nodeLabel ?? "").slice(0, 80) : null,
    shifted: (lhr.audits["layout-shifts"]?.details?.items ?? [])
      .slice(0, 3)
      .map((i: any) => `${String(i.node?.selector ?? i.node?.nodeLabel ?? "?").slice(0, 60)} (${Number(i.score ?? 0).toFixed(3)})`),
    transfer: transferOf(lhr.audits["network-requests"]?.details?.items ?? []),
    runs,
  };
}

export interface SiteBenchOptions {
  dist: string;
  label: string;
  pages?: string[];
  modes?: Mode[];
  runs?: number;
  /** A folder to keep each run's full Lighthouse report (JSON) in, for looking into a page. */
  reports?: string;
  log?: (line: string) => void;
}

export async function runSiteBench({ dist, label, pages, modes = [...MODES], runs = 1, reports, log = () => {} }: SiteBenchOptions): Promise<SiteBench> {
  if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist} has no built site (npm run build)`);
  const server = await serve(dist, { gzip: true });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    // A fresh profile; headless; the machine's closed network needs the background-networking flags.
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  const out: PageRun[] = [];
  let chromiumVersion = "";
  try {
    for (const page of pages ?? findPages(dist)) {
      for (const mode of modes) {
        const taken: any[] = [];
        for (let i = 0; i < runs; i++) {
          const result = await lighthouse(server.url + page, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility", "best-practices"],
            throttlingMethod: mode,
          });
          if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
          if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${page}: ${result.lhr.runtimeError.message}`);
          chromiumVersion = result.lhr.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? chromiumVersion;
          taken.push(result.lhr);
          if (reports) {
            mkdirSync(reports, { recursive: true });
            writeFileSync(join(reports, `${page.replace(/\//g, "_") || "_"}-${mode}-${i + 1}.json`), JSON.stringify(result.lhr));
          }
        }
        taken.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
        const run = summarise(page, mode, taken[Math.floor(taken.length / 2)], runs);
        out.push(run);
        const check = pageMeets(run);
        log(
          `${page.padEnd(20)} ${mode.padEnd(8)} perf ${fmtScore(run.performance)}  FCP ${fmtMs(run.fcp_ms)}  LCP ${fmtMs(run.lcp_ms)}  TBT ${fmtMs(run.tbt_ms)}  CLS ${run.cls?.toFixed(3)}  a11y ${fmtScore(run.accessibility)}  bp ${fmtScore(run.best_practices)}  ${kib(run.transfer.total)} KiB/${run.transfer.requests}  ${check.met ? "ok" : "MISS " + check.misses.join(", ")}`,
        );
        log(`${"".padEnd(29)} LCP: ${run.lcp_element ?? "–"}${run.shifted.length ? `; shifted: ${run.shifted.join(", ")}` : ""}`);
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  let commit: string | null = null;
  try {
    commit = readFileSync(join(ROOT, ".git/HEAD"), "utf8").trim();
    if (commit.startsWith("ref: ")) commit = readFileSync(join(ROOT, ".git", commit.slice(5)), "utf8").trim();
  } catch {
    commit = null;
  }
  const lighthouseVersion = JSON.parse(readFileSync(join(ROOT, "node_modules/lighthouse/package.json"), "utf8")).version;
  return {
    label,
    measured_at: new Date().toISOString(),
    commit: commit?.slice(0, 12) ?? null,
    machine: {
      cpu_model: cpus()[0]?.model ?? "?",
      cores: cpus().length,
      memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      os: `Linux ${release()}`,
      chromium: chromiumVersion,
      lighthouse: lighthouseVersion,
    },
    pages: out,
  };
}

export const SITE_START = "<!-- npm run bench -- --site: generated from bench/site-results.json, do not edit by hand -->";
export const SITE_END = "<!-- end of npm run bench -- --site -->";

function machineLine(b: SiteBench): string {
  const m = b.machine;
  return `${b.measured_at.slice(0, 10)}, commit ${b.commit ?? "?"}: ${m.cpu_model}, ${m.cores} cores, ${m.memory_gib} GiB, ${m.os}; Node ${m.node}; ${m.chromium} (Debian); Lighthouse ${m.lighthouse}`;
}

/** One build's table: a row per page, before → after in each mode. */
function comparisonTable(before: SiteBench | null, after: SiteBench): string[] {
  const find = (b: SiteBench | null, page: string, mode: Mode) => b?.pages.find((p) => p.page === page && p.mode === mode) ?? null;
  const arrow = (a: string, b: string) => (before ? `${a} → **${b}**` : `**${b}**`);
  const lines: string[] = [];
  lines.push("| page | perf sim | perf dev | LCP sim | LCP dev | TBT sim | TBT dev | CLS | a11y | best pr. | HTML / JS / CSS / data KiB | all targets |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  const pages = [...new Set(after.pages.map((p) => p.page))];
  let met = 0;
  for (const page of pages) {
    const [as, ad] = [find(after, page, "simulate"), find(after, page, "devtools")];
    const [bs, bd] = [find(before, page, "simulate"), find(before, page, "devtools")];
    const score = (b: PageRun | null, a: PageRun | null) => arrow(fmtScore(b?.performance ?? null), fmtScore(a?.performance ?? null));
    const ms = (b: PageRun | null, a: PageRun | null, key: "lcp_ms" | "tbt_ms") => arrow(fmtMs(b?.[key] ?? null), fmtMs(a?.[key] ?? null));
    const t = (r: PageRun | null) => (r ? `${kib(r.transfer.html)} / ${kib(r.transfer.js)} / ${kib(r.transfer.css)} / ${kib(r.transfer.data)}` : "–");
    const cls = (r: PageRun | null, q: PageRun | null) => Math.max(r?.cls ?? 0, q?.cls ?? 0).toFixed(3);
    const misses = [as, ad].filter((r): r is PageRun => r !== null).flatMap((r) => pageMeets(r).misses.map((m) => `${r.mode === "simulate" ? "sim" : "dev"} ${m}`));
    if (!misses.length) met++;
    lines.push(
      `| \`${page}\` | ${score(bs, as)} | ${score(bd, ad)} | ${ms(bs, as, "lcp_ms")} | ${ms(bd, ad, "lcp_ms")} | ${ms(bs, as, "tbt_ms")} | ${ms(bd, ad, "tbt_ms")} | ${before ? `${cls(bs, bd)} → ` : ""}**${cls(as, ad)}** | ${fmtScore(as?.accessibility ?? null)} | ${fmtScore(as?.best_practices ?? null)} | ${before ? `${t(bs)} → ` : ""}**${t(as)}** | ${misses.length ? misses.join("; ") : "met"} |`,
    );
  }
  lines.push("");
  lines.push(`Pages meeting every target in both modes: **${met} of ${pages.length}**${before ? ` (before: ${pages.filter((page) => MODES.every((m) => { const r = find(before, page, m); return r !== null && pageMeets(r).met; })).length})` : ""}.`);
  return lines;
}

/** The section of docs/BENCHMARKS.md: the public build's table, then the internal build's if measured. */
export function siteMarkdown(results: SiteResults): string {
  const after = results.after ?? results.before;
  if (!after) return "";
  const before = results.after ? results.before : null;
  const lines: string[] = [];
  lines.push(`Public build, latest run (${after.label}): ${machineLine(after)}.`);
  if (before) lines.push(`Before: ${machineLine(before)}.`);
  lines.push("");
  lines.push(
    "Scores are Lighthouse's 0–100. `sim` = default simulated throttling, `dev` = `--throttling-method=devtools`. " +
      "CLS is the larger of the two runs. KiB = bytes transferred gzipped on opening (HTML / JS / CSS / data), from " +
      "Lighthouse's network records of the simulated run.",
  );
  lines.push("");
  lines.push(...comparisonTable(before, after));
  const internal = results.internal_after ?? null;
  if (internal) {
    lines.push("");
    lines.push(`Internal build (\`JARING_AUDIENCE=internal\`), latest run: ${machineLine(internal)}.` + (results.internal_before ? ` Before: ${machineLine(results.internal_before)}.` : ""));
    lines.push("");
    lines.push(...comparisonTable(results.internal_before ?? null, internal));
  }
  return lines.join("\n") + "\n";
}

export function mergeSiteMarkdown(existing: string, results: SiteResults): string {
  const block = `${SITE_START}\n${siteMarkdown(results)}${SITE_END}`;
  const start = existing.indexOf(SITE_START);
  const end = existing.indexOf(SITE_END);
  if (start >= 0 && end > start) return existing.slice(0, start) + block + existing.slice(end + SITE_END.length);
  return `${existing.trimEnd()}\n\n## Halaman di ponsel (Lighthouse, mobile)\n\n${block}\n`;
}

export const SITE_RESULTS = join(ROOT, "bench/site-results.json");

/** Runs the page-speed benchmark and writes its results; `label` "before" replaces the baseline. */
export async function siteBenchCli(values: { dist?: string; label?: string; pages?: string; modes?: string; runs?: string; reports?: string }): Promise<void> {
  const dist = resolve(values.dist ?? join(ROOT, "dist"));
  const modes = (values.modes ?? MODES.join(",")).split(",").map((m) => m.trim()) as Mode[];
  for (const m of modes) if (!MODES.includes(m)) throw new Error(`--modes: unknown throttling method ${m} (${MODES.join(", ")})`);
  const label = values.label ?? "after";
  if (!(LABELS as readonly string[]).includes(label)) throw new Error(`--label: ${label} is not one of ${LABELS.join(", ")}`);
  const bench = await runSiteBench({
    dist,
    label,
    pages: values.pages?.split(",").map((p) => p.trim()),
    modes,
    runs: values.runs ? Number(values.runs) : 1,
    reports: values.reports ? resolve(values.reports) : undefined,
    log: (line) => console.log(line),
  });
  const results: SiteResults = existsSync(SITE_RESULTS) ? JSON.parse(readFileSync(SITE_RESULTS, "utf8")) : { before: null, after: null };
  const slot = slotOf(label);
  const earlier = results[slot];
  if (values.pages && earlier) {
    // A partial run replaces only the pages it measured.
    const measured = new Set(bench.pages.map((p) => `${p.page} ${p.mode}`));
    const order = findPages(dist);
    const pages = [...earlier.pages.filter((p) => !measured.has(`${p.page} ${p.mode}`)), ...bench.pages];
    pages.sort((a, b) => order.indexOf(a.page) - order.indexOf(b.page) || MODES.indexOf(a.mode) - MODES.indexOf(b.mode));
    results[slot] = { ...bench, pages };
  } else results[slot] = bench;
  writeFileSync(SITE_RESULTS, JSON.stringify(results, null, 2) + "\n");
  const md = join(ROOT, "docs/BENCHMARKS.md");
  writeFileSync(md, mergeSiteMarkdown(readFileSync(md, "utf8"), results));
  console.log(`\nwrote bench/site-results.json and docs/BENCHMARKS.md (its page-speed section)`);
}
