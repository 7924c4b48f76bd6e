// Runs one measurement in a child process and reports its wall time and peak memory: under
// `/usr/bin/time -v` when present (the kernel's max RSS of the process), else timed here with the
// child's own process.resourceUsage().maxRSS. A run that exceeds its time limit is killed.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { MethodReport } from "./spec.ts";

export interface Measurement {
  /** Wall time of the whole child process (start-up included), seconds. */
  wall_seconds: number;
  /** Peak resident memory of the child, MiB. */
  max_rss_mib: number;
  /** CPU time of the whole child (user + system), seconds; null without /usr/bin/time. */
  cpu_seconds: number | null;
  /** What the child reported (work time, result digest), when it got that far. */
  report: MethodReport | null;
  timed_out: boolean;
  /** Set when the memory guard ended the run (the machine was running out of memory). */
  memory_guard: string | null;
  exit_code: number | null;
  stderr_tail: string;
}

const GNU_TIME = "/usr/bin/time";

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

function parseElapsed(text: string): number | null {
  const m = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(text);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

function parseCpu(text: string): number | null {
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const system = /System time \(seconds\): ([\d.]+)/.exec(text);
  return user && system ? Number(user[1]) + Number(system[1]) : null;
}

function parseMaxRss(text: string): number | null {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** MemAvailable from /proc/meminfo, MiB (null where there is no /proc). */
function memAvailableMiB(): number | null {
  try {
    const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync("/proc/meminfo", "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process and all its descendants, MiB (0 where there is no /proc). */
function treeRssMiB(pid: number): number {
  let kib = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kib += Number(m[1]);
      for (const t of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/)) if (t) stack.push(Number(t));
    } catch {
      /* gone */
    }
  }
  return kib / 1024;
}

/**
 * `node [nodeArgs] --import tsx SCRIPT JSON(args)`, measured. The machine is shared: when the memory
 * the system has available falls below `minAvailableMiB` (default 3 GiB), the run is ended before
 * the kernel's out-of-memory killer picks a process of someone else's.
 */
export function measure(
  script: string,
  args: unknown,
  options: { cwd: string; timeoutSeconds: number; nodeArgs?: string[]; minAvailableMiB?: number; env?: NodeJS.ProcessEnv },
): Promise<Measurement> {
  const nodeArgv = [...(options.nodeArgs ?? []), "--import", "tsx", script, JSON.stringify(args)];
  const gnu = hasGnuTime();
  const [command, argv] = gnu ? [GNU_TIME, ["-v", process.execPath, ...nodeArgv]] : [process.execPath, nodeArgv];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so a timeout ends the child and everything it started, nothing else.
    const child = spawn(command, argv, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], detached: true, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 19));
    });
    let timedOut = false;
    let guard: string | null = null;
    let sampledPeak = 0;
    const kill = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutSeconds * 1000);
    const minAvailable = options.minAvailableMiB ?? 3072;
    const poll = setInterval(() => {
      sampledPeak = Math.max(sampledPeak, treeRssMiB(child.pid!));
      const available = memAvailableMiB();
      if (guard === null && available !== null && available < minAvailable) {
        guard = `ended by the benchmark's memory guard at ${Math.round(sampledPeak)} MiB RSS (the machine had ${Math.round(available)} MiB left)`;
        kill();
      }
    }, 250);
    child.on("error", (error) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      const wall = (performance.now() - started) / 1000;
      const last = stdout.trim().split("\n").pop() ?? "";
      let report: MethodReport | null = null;
      try {
        report = last.startsWith("{") ? (JSON.parse(last) as MethodReport) : null;
      } catch {
        report = null;
      }
      // A killed run has no report from /usr/bin/time or the child: the sampled peak stands in.
      const rssKib = (gnu ? parseMaxRss(stderr) : null) ?? report?.max_rss_kib ?? sampledPeak * 1024;
      resolve({
        wall_seconds: (gnu ? parseElapsed(stderr) : null) ?? wall,
        max_rss_mib: rssKib / 1024,
        cpu_seconds: gnu ? parseCpu(stderr) : null,
        report,
        timed_out: timedOut,
        memory_guard: guard,
        exit_code: code,
        stderr_tail: stderr.split("\n").filter((l) => !/^\s+\S.*: /.test(l) && !l.startsWith("\tCommand being timed")).join("\n").slice(-20000),
      });
    });
  });
}
