// The audit's solver step: for every hidden count, the tightest interval the relations allow, by linear
// programming (HiGHS, WebAssembly build from npm: no native add-on, runs wherever Node does), and by
// integer programming where the LP interval is narrow enough for integrality to matter. Relations that
// share no unknown are solved apart (components), which keeps each model small.
import loadHighs from "highs";
import type {Relation, System} from "./relations.ts";

export interface Interval {
  lower: number;
  upper: number;
  /** Bounds proved with integer unknowns (MILP), not only the LP relaxation. */
  integer: boolean;
  /** Not the tightest bounds: two whole-number solutions that already show the count is not given away. */
  seen?: boolean;
}

export type Verdict = "pinned" | "small" | "safe";

/** Pinned: one value ≥ 1 is possible. Small: every possible value is 1..threshold−1. A known zero names no one. */
export function verdict(b: Interval, threshold: number): Verdict {
  if (b.upper >= 1 && b.lower === b.upper) return "pinned";
  if (b.lower >= 1 && b.upper <= threshold - 1) return "small";
  return "safe";
}

/** Groups of relations linked by a shared unknown (union-find). */
export function components(system: System): {unknowns: number[]; relations: Relation[]}[] {
  const parent = system.unknowns.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const r of system.relations) {
    const [first, ...rest] = [...r.terms.keys()];
    for (const x of rest) parent[find(x)] = find(first);
  }
  const byRoot = new Map<number, {unknowns: number[]; relations: Relation[]}>();
  system.unknowns.forEach((_, i) => {
    const root = find(i);
    if (!byRoot.has(root)) byRoot.set(root, {unknowns: [], relations: []});
    byRoot.get(root)!.unknowns.push(i);
  });
  for (const r of system.relations) byRoot.get(find(r.terms.keys().next().value!))!.relations.push(r);
  return [...byRoot.values()];
}

const EPS = 1e-6;
/** Components above this many unknowns are audited at the LP relaxation's strength (see observe). */
const LARGE = 500;

/**
 * Bounds of every audited unknown. LP first; then, where the rounded LP interval is at most `narrow`
 * wide or reaches below `threshold + narrow`, the same two problems with integer unknowns.
 */
export async function auditBounds(system: System, options: {threshold: number; narrow?: number}): Promise<Interval[]> {
  const highs = await loadHighs();
  const narrow = options.narrow ?? 4;
  const bounds: Interval[] = system.unknowns.map(() => ({lower: 0, upper: Infinity, integer: false}));
  const {minimize, maximize} = highs.constants.objectiveSense;
  for (const comp of components(system)) {
    if (comp.unknowns.length > LARGE) process.stderr.write(`audit: a component of ${comp.unknowns.length} unknowns, ${comp.relations.length} relations\n`);
    const local = new Map(comp.unknowns.map((x, i) => [x, i]));
    const model = highs.createModel();
    try {
      model.options.set({output_flag: false});
      model.addVars(comp.unknowns.map(() => 0), comp.unknowns.map(() => highs.infinity));
      for (const r of comp.relations) {
        const entries = [...r.terms].map(([x, c]) => [local.get(x)!, c] as const);
        model.addRow(Number.isFinite(r.lower) ? r.lower : -highs.infinity, Number.isFinite(r.upper) ? r.upper : highs.infinity, {
          indices: entries.map(([i]) => i),
          values: entries.map(([, c]) => c),
        });
      }
      // Every optimum is a feasible point; one with whole numbers shows values that an attacker cannot
      // exclude. An unknown seen both at 0 and above, or at two values one of them ≥ threshold, is safe
      // without solving for its own bounds (most unknowns, after a few solves).
      const n = comp.unknowns.length;
      const seenLow = new Float64Array(n).fill(Infinity);
      const seenHigh = new Float64Array(n).fill(-Infinity);
      // In a large component (many months chained) fractional optima count too: the bounds are then
      // those of the LP relaxation, which is what the audit promises there (docs/AUDIT.md).
      const large = n > LARGE;
      const observe = () => {
        const x = model.getSolution().colValue;
        if (!large) for (let j = 0; j < n; j++) if (Math.abs(x[j] - Math.round(x[j])) > EPS) return;
        for (let j = 0; j < n; j++) {
          const v = large ? x[j] : Math.round(x[j]);
          if (v < seenLow[j]) seenLow[j] = v;
          if (v > seenHigh[j]) seenHigh[j] = v;
        }
      };
      const seenSafe = (j: number) => (seenLow[j] <= EPS && seenHigh[j] >= 1) || (seenHigh[j] >= options.threshold && seenHigh[j] - seenLow[j] >= 1);
      const solve = (costs: Map<number, number>, sense: typeof minimize): number => {
        for (const [j, c] of costs) model.changeColCost(j, c);
        model.changeObjectiveSense(sense);
        model.run();
        const status = model.getModelStatus();
        const optimal = status === highs.constants.modelStatus.optimal;
        const value = optimal ? model.getObjectiveValue() : NaN;
        if (optimal) observe();
        for (const j of costs.keys()) model.changeColCost(j, 0);
        if (optimal) return value;
        if (status === highs.constants.modelStatus.unbounded || status === highs.constants.modelStatus.unboundedOrInfeasible) return sense === maximize ? Infinity : -Infinity;
        throw new Error(`audit: HiGHS status ${status} in a component of ${n} unknowns`);
      };
      const interval = (i: number): Interval => {
        const lower = Math.max(0, Math.ceil(solve(new Map([[i, 1]]), minimize) - EPS));
        const upper = solve(new Map([[i, 1]]), maximize);
        return {lower, upper: Number.isFinite(upper) ? Math.floor(upper + EPS) : Infinity, integer: false};
      };
      const audited = comp.unknowns.map((x) => system.unknowns[x].audited);
      // A few spread-out points first: all unknowns pushed up, then down, then mixed.
      if (n > 2) {
        const all = new Map(comp.unknowns.map((_, j) => [j, 1] as [number, number]));
        solve(all, maximize);
        solve(all, minimize);
        for (let round = 0; round < 4; round++) solve(new Map(comp.unknowns.map((_, j) => [j, ((j * 7919 + round * 104729) % 13) - 6] as [number, number])), maximize);
      }
      const started = performance.now();
      let solved = 0;
      const lp: Interval[] = comp.unknowns.map((x, i) => {
        if (large && i % 500 === 0) process.stderr.write(`audit: ${i}/${n} unknowns, ${solved} solved by themselves, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
        if (!audited[i]) return bounds[x];
        if (seenSafe(i)) return {lower: Math.ceil(seenLow[i] - EPS), upper: Math.floor(seenHigh[i] + EPS), integer: !large, seen: true};
        solved++;
        return interval(i);
      });
      const refine = lp.map((b, i) => !large && audited[i] && !b.seen && (b.upper - b.lower <= narrow || b.upper < options.threshold + narrow));
      if (refine.some(Boolean)) {
        comp.unknowns.forEach((_, i) => model.changeColIntegrality(i, highs.constants.variableType.integer));
        refine.forEach((yes, i) => {
          if (yes) lp[i] = {...interval(i), integer: true};
        });
      }
      comp.unknowns.forEach((x, i) => (bounds[x] = lp[i]));
    } finally {
      model.dispose();
    }
  }
  return bounds;
}
