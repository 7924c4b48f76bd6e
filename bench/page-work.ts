// `npm run bench -- --page-work [--dist DIR --pages /,/cakupan --runs N --network]`
//
// Where a page's main-thread time goes while it loads on a phone: the page opened at the phone width
// Lighthouse uses (412 × 823) with the CPU slowed 4×, as devtools throttling does, in Debian's Chromium
// launched as Lighthouse launches it (served gzip-compressed like `--site`), a trace taken,
// and its tasks summed by kind (script, style, layout, paint, HTML parsing, the rest). `--network` adds
// devtools' slow-4G network (562.5 ms round trip, 1.6 Mbps), so the data phase falls where it does in
// Lighthouse's devtools run. Prints, per page, the median of the runs and the long tasks of the median
// run. Lighthouse gives the score; this says which work makes the blocking time, so a change can be
// judged by the work it removes. A diagnostic, not a test: nothing is asserted, nothing is written.
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM, CHROMIUM_ARGS, findPages, serve } from "../scripts/lib/site.ts";

/** A Chromium trace event (the fields used here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

export const KINDS = ["script", "style", "layout", "paint", "parse", "other"] as const;
export type Kind = (typeof KINDS)[number];

// Event names by kind, after Lighthouse's main-thread-work-breakdown groups; anything else a task does
// counts to the nearest enclosing event that has a kind, or to "other".
const KIND_OF: Record<string, Kind> = {
  FunctionCall: "script",
  EvaluateScript: "script",
  "v8.evaluateModule": "script",
  "v8.compile": "script",
  "v8.compileModule": "script",
  RunMicrotasks: "script",
  TimerFire: "script",
  FireAnimationFrame: "script",
  FireIdleCallback: "script",
  EventDispatch: "script",
  "v8.run": "script",
  MinorGC: "script",
  MajorGC: "script",
  UpdateLayoutTree: "style",
  RecalculateStyles: "style",
  ParseAuthorStyleSheet: "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  Layerize: "paint",
  Commit: "paint",
  UpdateLayer: "paint",
  ParseHTML: "parse",
};

export interface LongTask {
  /** Milliseconds after the page's main thread began its first task. */
  start_ms: number;
  duration_ms: number;
  /** The kind that took most of it. */
  mostly: Kind;
}

export interface PageWork {
  /** All main-thread task time. */
  busy_ms: number;
  /** Σ (duration − 50 ms) of the tasks that start after first contentful paint: total blocking time's rule. */
  blocking_ms: number;
  first_paint_ms: number | null;
  by_kind: Record<Kind, number>;
  long_tasks: LongTask[];
}

const ms = (us: number) => Math.round(us / 1000);

/**
 * Sums one page load's trace: the renderer main thread that painted first (the page's), its tasks
 * (`RunTask`), each nested event's self time given to the kind of its nearest enclosing event with one.
 */
export function summariseTrace(events: readonly TraceEvent[]): PageWork {
  const fcp = events.find((e) => e.name === "firstContentfulPaint");
  const main = fcp ?? [...events].filter((e) => e.name === "RunTask").sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  const on = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  // Times count from the thread's first task: the renderer's own start-up is part of what a phone waits for.
  const t0 = Math.min(...on.filter((e) => e.name === "RunTask").map((e) => e.ts));
  const spans = on.filter((e) => e.ph === "X" && (e.dur ?? 0) > 0).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const longTasks: LongTask[] = [];
  let busy = 0;
  let blocking = 0;
  // Walk the spans as a stack: each span's self time (its duration less its children's) goes to a kind.
  const stack: { end: number; kind: Kind | null; self: number }[] = [];
  let task: { start: number; dur: number; kinds: Record<Kind, number> } | null = null;
  const close = () => {
    const top = stack.pop()!;
    const kind = top.kind ?? "other";
    byKind[kind] += top.self;
    if (task) task.kinds[kind] += top.self;
    if (!stack.length && task) {
      if (task.dur > 50_000) {
        const mostly = KINDS.reduce((a, b) => (task!.kinds[b] > task!.kinds[a] ? b : a));
        longTasks.push({ start_ms: ms(task.start - t0), duration_ms: ms(task.dur), mostly });
        if (fcp && task.start >= fcp.ts) blocking += task.dur - 50_000;
      }
      task = null;
    }
  };
  for (const e of spans) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) close();
    const dur = e.dur ?? 0;
    if (!stack.length) {
      if (e.name !== "RunTask") continue; // work outside a task (none is expected) is not a task's
      busy += dur;
      task = { start: e.ts, dur, kinds: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number> };
    } else stack[stack.length - 1].self -= dur;
    const parentKind = stack.length ? stack[stack.length - 1].kind : null;
    stack.push({ end: e.ts + dur, kind: KIND_OF[e.name] ?? parentKind, self: dur });
  }
  while (stack.length) close();
  for (const k of KINDS) byKind[k] = ms(byKind[k]);
  return { busy_ms: ms(busy), blocking_ms: ms(blocking), first_paint_ms: fcp ? ms(fcp.ts - t0) : null, by_kind: byKind, long_tasks: longTasks };
}

export interface PageWorkOptions {
  dist: string;
  pages?: string[];
  runs?: number;
  /** Devtools' slow-4G network as well as the 4× CPU. */
  network?: boolean;
}

/** Loads each page `runs` times (a fresh browser context each) and summarises each load's trace. */
export async function measurePageWork({ dist, pages, runs = 3, network = false }: PageWorkOptions): Promise<Map<string, PageWork[]>> {
  const server = await serve(dist, { gzip: true });
  // The browser as Lighthouse launches it (chrome-launcher, new headless, the same flags), driven here
  // through Playwright for its tracing and emulation.
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  const { chromium } = await import("playwright-core");
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const out = new Map<string, PageWork[]>();
  try {
    for (const path of pages ?? findPages(dist)) {
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        if (network) {
          await cdp.send("Network.enable");
          // Lighthouse's devtools throttling: slow 4G with its 3.75× round trip and 0.9× throughput.
          await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: (1638.4 * 1024 * 0.9) / 8, uploadThroughput: (675 * 1024 * 0.9) / 8 });
        }
        const events: TraceEvent[] = [];
        cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
        await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,loading,v8", transferMode: "ReportEvents" });
        await page.goto(server.url + path, { waitUntil: "load", timeout: 120_000 });
        // The data phase: until the page has been quiet for 3 s (Lighthouse waits for 5 s of quiet).
        await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, { timeout: 60_000 }).catch(() => {});
        await page.waitForTimeout(3000);
        const complete = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
        await cdp.send("Tracing.end");
        await complete;
        out.set(path, [...(out.get(path) ?? []), summariseTrace(events)]);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await chrome.kill();
    await server.close();
  }
  return out;
}

/** The run with the median blocking time. */
export function medianRun(runs: readonly PageWork[]): PageWork {
  return [...runs].sort((a, b) => a.blocking_ms - b.blocking_ms)[Math.floor((runs.length - 1) / 2)];
}

export async function pageWorkCli(values: { dist?: string; pages?: string; runs?: string; network?: boolean }): Promise<void> {
  const work = await measurePageWork({
    dist: values.dist ?? "dist",
    pages: values.pages?.split(",").map((p) => p.trim()),
    runs: values.runs ? Number(values.runs) : 3,
    network: values.network ?? false,
  });
  console.log(`main-thread work at 4× CPU${values.network ? " and slow 4G" : ""}, phone width; median of the runs by blocking time (ms)`);
  for (const [path, runs] of work) {
    const m = medianRun(runs);
    const kinds = KINDS.map((k) => `${k} ${m.by_kind[k]}`).join("  ");
    console.log(`${path.padEnd(20)} busy ${m.busy_ms}  blocking ${m.blocking_ms} (runs ${runs.map((r) => r.blocking_ms).join("/")})  first paint ${m.first_paint_ms}  ${kinds}`);
    console.log(`${"".padEnd(20)} long tasks: ${m.long_tasks.map((t) => `${t.start_ms}+${t.duration_ms} ${t.mostly}`).join(", ") || "none"}`);
  }
}
