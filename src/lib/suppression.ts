// Reading the public build's tables (docs/ARCHITECTURE.md, "Small-cell suppression"). A row with
// `ditekan` has its counts null: too few people to publish, or hidden so that such a row cannot be
// worked out. A row with `sisa` is the sum of the hidden rows of one group, with the finer dimensions
// null. Summing every row gives exact totals; a group whose only figures are hidden has no figure
// (null), which pages print as "ditekan" (format.ts, formatPeople). Internal builds have neither flag set.
// Pure and browser-safe.

export interface Flags {
  ditekan?: boolean | null;
  sisa?: boolean | null;
}

/** A remainder row: the sum of the hidden rows of the group its non-null dimensions name. */
export const isRemainder = (row: Flags): boolean => row.sisa === true;

/** The key and name of the line a view adds for remainder rows it cannot place (a desa, a sector, …). */
export const NOT_ITEMISED = "*";
export const NOT_ITEMISED_NAME = "Tidak dirinci";

/**
 * Sums per key that remember which keys saw only hidden figures: `get` gives the sum of the visible
 * figures, null when every figure added was hidden (the figure is suppressed), 0 when none was added.
 */
export class Totals<K = string> {
  private readonly sums = new Map<K, number>();
  private readonly shown = new Set<K>();

  /** Adds a figure; null or undefined is a hidden one. */
  add(key: K, value: number | bigint | null | undefined): void {
    if (!this.sums.has(key)) this.sums.set(key, 0);
    if (value === null || value === undefined) return;
    const n = Number(value);
    if (!Number.isFinite(n)) return;
    this.sums.set(key, this.sums.get(key)! + n);
    this.shown.add(key);
  }

  get(key: K): number | null {
    if (!this.sums.has(key)) return 0;
    return this.shown.has(key) ? this.sums.get(key)! : null;
  }

  has(key: K): boolean {
    return this.sums.has(key);
  }

  /** Keys in the order first added. */
  keys(): K[] {
    return [...this.sums.keys()];
  }
}

/** a + b where either may be suppressed (null): null only when both are. */
export function addMaybe(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

/**
 * The sentence every page's source note adds for a public build (summary.json's `audience` and
 * `suppression_threshold`); empty for an internal one.
 */
export function suppressionNote(summary: {audience?: string | null; suppression_threshold?: number | null} | null | undefined): string {
  if (!summary || summary.audience !== "public") return "";
  const t = summary.suppression_threshold ?? 5;
  return (
    `Untuk melindungi peserta, jumlah orang di bawah ${t} di tingkat kecamatan, desa, sektor, jenis kelamin atau umur tidak ditampilkan ` +
    `(tertulis "ditekan"), begitu pula angka pendampingnya bila tanpa itu angka kecil dapat dihitung dari jumlahnya; ` +
    `angka-angka itu tetap masuk dalam jumlah (baris "${NOT_ITEMISED_NAME}"), jadi total selalu tepat.`
  );
}
