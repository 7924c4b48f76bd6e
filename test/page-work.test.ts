import {describe, expect, it} from "vitest";
import {medianRun, summariseTrace, type PageWork, type TraceEvent} from "../bench/page-work.ts";

// A made-up load on one renderer main thread (pid 1, tid 7), times in microseconds as Chromium writes them.
const x = (name: string, ts: number, dur: number, tid = 7): TraceEvent => ({name, ph: "X", ts, dur, pid: 1, tid});
const trace: TraceEvent[] = [
  x("RunTask", 1_000_000, 200_000, 9), // another thread: not the page's
  x("RunTask", 1_000_000, 80_000), // before first paint: long, but not blocking
  x("ParseHTML", 1_000_000, 60_000),
  {name: "firstContentfulPaint", ph: "R", ts: 1_100_000, pid: 1, tid: 7},
  x("RunTask", 1_200_000, 120_000), // 70 ms blocking: script 20 (+ a layout of 10 inside it), layout 70, the task itself 20
  x("FunctionCall", 1_200_000, 30_000),
  x("Layout", 1_210_000, 10_000), // forced by the script: layout, not script
  x("Layout", 1_240_000, 70_000),
  x("RunTask", 1_400_000, 40_000), // short: busy, not blocking
  x("UpdateLayoutTree", 1_400_000, 40_000),
  x("RunTask", 1_500_000, 60_000), // 10 ms blocking, all in an event with no kind of its own
  x("SomethingNew", 1_500_000, 60_000)
];

describe("summariseTrace (npm run bench -- --page-work)", () => {
  const work = summariseTrace(trace);
  it("counts the page's main thread only, and blocking time by Lighthouse's rule (tasks after first paint, beyond 50 ms)", () => {
    expect(work.busy_ms).toBe(80 + 120 + 40 + 60);
    expect(work.blocking_ms).toBe(70 + 10);
    expect(work.first_paint_ms).toBe(100);
  });
  it("gives each event's own time to its kind, nested work to its own kind, the rest to 'other'", () => {
    expect(work.by_kind).toEqual({script: 20, style: 40, layout: 80, paint: 0, parse: 60, other: 20 + 20 + 60}); // other: the first two tasks' own time (20 + 20) and SomethingNew (60)
  });
  it("lists the long tasks with what took most of each", () => {
    expect(work.long_tasks).toEqual([
      {start_ms: 0, duration_ms: 80, mostly: "parse"},
      {start_ms: 200, duration_ms: 120, mostly: "layout"},
      {start_ms: 500, duration_ms: 60, mostly: "other"}
    ]);
  });
  it("keeps the run with the median blocking time", () => {
    const run = (blocking_ms: number) => ({...work, blocking_ms}) as PageWork;
    expect(medianRun([run(500), run(100), run(300)]).blocking_ms).toBe(300);
    expect(medianRun([run(500), run(100)]).blocking_ms).toBe(100);
  });
});
