// What the three benchmarked methods compute and how they hand it back, so their answers can be
// compared exactly: active members (`aktif`) by month × kecamatan × desa × sector × sex × age band.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packParameters } from "../loaders/pack.ts";

/** A method's child process prints this as JSON on its last stdout line. */
export interface MethodReport {
  /** Seconds spent on the work itself (read, compute, write), without process start-up. */
  work_seconds: number;
  /** CPU seconds (user + system, all threads) spent on the same work. */
  work_cpu_seconds: number;
  /** process.resourceUsage().maxRSS, in KiB (includes DuckDB's native memory). */
  max_rss_kib: number;
  groups: number;
  aktif_total: number;
  aktif_by_month: Record<string, number>;
  /** sha256 of the canonical result (see canonicalLine), rows sorted by the six keys. */
  digest: string;
  /** Set when the method could not finish (e.g. out of memory); the numbers are then meaningless. */
  error?: string;
}

export interface MethodArgs {
  extracts: string;
  reference: string;
  /** Scratch folder for the method's own output. */
  out: string;
}

export const KEYS = ["bulan", "kode_kec", "kode_desa", "sektor", "jenis_kelamin", "kelompok_umur"] as const;
export type ResultRow = { bulan: string; kode_kec: string; kode_desa: string | null; sektor: string; jenis_kelamin: string; kelompok_umur: string; aktif: number };

/** One result row as text: the six keys (null desa as empty) and the count. */
export function canonicalLine(r: ResultRow): string {
  return `${r.bulan},${r.kode_kec},${r.kode_desa ?? ""},${r.sektor},${r.jenis_kelamin},${r.kelompok_umur},${r.aktif}\n`;
}

/** Sort order of the digest: the six keys ascending, byte order, null desa last (DuckDB's ORDER BY). */
export function compareRows(a: ResultRow, b: ResultRow): number {
  for (const k of KEYS) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Digest and totals of rows already in compareRows order (rows with aktif 0 are skipped). */
export class ResultSummary {
  private hash = createHash("sha256");
  groups = 0;
  aktif_total = 0;
  aktif_by_month: Record<string, number> = {};
  add(r: ResultRow): void {
    if (!(r.aktif > 0)) return;
    this.hash.update(canonicalLine(r));
    this.groups++;
    this.aktif_total += r.aktif;
    this.aktif_by_month[r.bulan] = (this.aktif_by_month[r.bulan] ?? 0) + r.aktif;
  }
  done(): Pick<MethodReport, "groups" | "aktif_total" | "aktif_by_month" | "digest"> {
    return { groups: this.groups, aktif_total: this.aktif_total, aktif_by_month: this.aktif_by_month, digest: this.hash.digest("hex") };
  }
}

export interface BenchParameters {
  usia_maks: number;
  kelompok_umur: { kode: string; dari: number; sampai: number }[];
}

export function readParameters(reference: string): BenchParameters {
  return packParameters(reference) as unknown as BenchParameters;
}

/** Wall-clock and CPU time of the measured part of a method (start() … stop()). */
export class WorkTimer {
  private wall = 0;
  private cpu = process.cpuUsage();
  private seconds: number | null = null;
  private cpuSeconds = 0;
  start(): void {
    this.wall = performance.now();
    this.cpu = process.cpuUsage();
  }
  stop(): void {
    const cpu = process.cpuUsage(this.cpu);
    this.seconds = (performance.now() - this.wall) / 1000;
    this.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  }
  result(): { work_seconds: number; work_cpu_seconds: number } {
    if (this.seconds === null) throw new Error("WorkTimer: stop() was never called");
    return { work_seconds: this.seconds, work_cpu_seconds: this.cpuSeconds };
  }
}

/** Runs a method's main and prints its report; a failure is reported, not thrown. */
export async function runMethod(main: (args: MethodArgs, timer: WorkTimer) => Promise<Omit<MethodReport, "max_rss_kib" | "work_seconds" | "work_cpu_seconds">>): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as MethodArgs;
  const timer = new WorkTimer();
  let report: MethodReport;
  try {
    const result = await main(args, timer);
    report = { ...timer.result(), ...result, max_rss_kib: process.resourceUsage().maxRSS };
  } catch (error) {
    report = {
      work_seconds: 0, work_cpu_seconds: 0, max_rss_kib: process.resourceUsage().maxRSS,
      groups: 0, aktif_total: 0, aktif_by_month: {}, digest: "", error: String((error as Error).message ?? error).slice(0, 500),
    };
  }
  process.stdout.write(`\n${JSON.stringify(report)}\n`);
}
