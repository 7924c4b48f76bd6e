// The disclosure audit of a public build (docs/AUDIT.md): the relations an attacker can write from the
// published files (relations.ts), the tightest interval of every hidden count (bounds.ts), and what
// they give away. With an internal build of the same extracts beside it, every relation is first
// checked against the true values (an audit that a true value breaks is wrong, not strict), and every
// pinned value is compared with the truth.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {buildSystem, trueValues, type System} from "./relations.ts";
import {auditBounds, components, verdict, type Interval, type Verdict} from "./bounds.ts";

export interface Finding {
  label: string;
  lower: number;
  upper: number;
  verdict: Exclude<Verdict, "safe">;
  /** The internal build's value, when one was given. */
  actual: number | null;
}

export interface AuditReport {
  threshold: number;
  unknowns: number;
  audited: number;
  relations: number;
  components: number;
  largestComponent: number;
  integerChecked: number;
  byFile: Record<string, {audited: number; pinned: number; small: number}>;
  findings: Finding[];
  seconds: number;
}

/** Relations a true value breaks (empty when the audit's model of the release is right). */
export function brokenRelations(system: System, actual: (number | null)[]): string[] {
  const broken: string[] = [];
  for (const r of system.relations) {
    let v = 0;
    for (const [x, c] of r.terms) {
      if (actual[x] === null) return [];
      v += c * actual[x]!;
    }
    if (v < r.lower - 1e-6 || v > r.upper + 1e-6) broken.push(`${r.why}: ${[...r.terms.keys()].slice(0, 6).map((x) => `${system.unknowns[x].label}=${actual[x]}`).join(", ")} → ${v} ∉ [${r.lower}, ${r.upper}]`);
  }
  return broken;
}

export async function audit(publicDir: string, options: {internalDir?: string; threshold?: number} = {}): Promise<AuditReport> {
  const started = performance.now();
  const summary = JSON.parse(readFileSync(join(publicDir, "summary.json"), "utf8"));
  const threshold = options.threshold ?? Number(summary.suppression_threshold ?? 5);
  const system = buildSystem(publicDir);
  const actual = options.internalDir ? trueValues(system, options.internalDir) : null;
  if (actual) {
    const broken = brokenRelations(system, actual);
    if (broken.length) throw new Error(`audit: ${broken.length} relations do not hold on the internal build, e.g.\n${broken.slice(0, 5).join("\n")}`);
  }
  const bounds: Interval[] = await auditBounds(system, {threshold});
  const comps = components(system);
  const byFile: AuditReport["byFile"] = {};
  const findings: Finding[] = [];
  system.unknowns.forEach((u, i) => {
    if (!u.audited) return;
    const file = (byFile[u.file] ??= {audited: 0, pinned: 0, small: 0});
    file.audited++;
    // Two solutions already showed a value the count can leave: it is not given away.
    const v = bounds[i].seen ? "safe" : verdict(bounds[i], threshold);
    if (v === "safe") return;
    file[v]++;
    findings.push({label: u.label, lower: bounds[i].lower, upper: bounds[i].upper, verdict: v, actual: actual?.[i] ?? null});
  });
  return {
    threshold,
    unknowns: system.unknowns.length,
    audited: system.unknowns.filter((u) => u.audited).length,
    relations: system.relations.length,
    components: comps.length,
    largestComponent: Math.max(0, ...comps.map((c) => c.unknowns.length)),
    integerChecked: bounds.filter((b) => b.integer).length,
    byFile,
    findings,
    seconds: (performance.now() - started) / 1000,
  };
}
