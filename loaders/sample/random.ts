// Seeded randomness: the sample must regenerate byte-identically, so nothing here reads the clock
// or Math.random. Each concern draws from its own stream, so changing one table's recipe does not
// reshuffle every other table.

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for synthetic data; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash, to turn (seed, label) into an independent stream seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An independent stream for one concern ("members", "mortality", …) of one seed. */
export function stream(seed: number, label: string): Rng {
  return mulberry32(fnv1a(`${seed}:${label}`));
}

/** Integer in [lo, hi], both inclusive. */
export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick: empty list");
  return items[Math.floor(rng() * items.length)] as T;
}

/** Fisher–Yates, in place. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** Running sums of non-negative weights, for weightedIndex. */
export function cumulative(weights: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += Math.max(0, w);
    out.push(sum);
  }
  return out;
}

/** Index drawn with probability proportional to its weight (binary search on running sums). */
export function weightedIndex(rng: Rng, sums: readonly number[]): number {
  const total = sums[sums.length - 1] ?? 0;
  if (total <= 0) throw new Error("weightedIndex: all weights are zero");
  const x = rng() * total;
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sums[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function weightedPick<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  return items[weightedIndex(rng, cumulative(weights))] as T;
}

/**
 * Split an integer total over weights so the parts sum exactly to the total
 * (largest-remainder method; ties go to the earlier index, so the result is deterministic).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) * total) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = (order[k] as { i: number }).i;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}
