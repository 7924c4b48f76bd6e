// Which place names a map can show without overlap or clipping: a regency has 14 kecamatan or 40+,
// and a phone is 390 px wide, so names are placed greedily, most important first, each kept only
// where it fits inside the frame and clear of the names already placed. Pure: sizes come in as numbers.

export interface LabelCandidate {
  /** The anchor (the label's centre), in pixels. */
  x: number;
  y: number;
  /** The label's box, in pixels (text plus its halo). */
  width: number;
  height: number;
  /** Higher first (e.g. the selected place, then larger places). */
  priority: number;
}

export interface LabelFrame {
  width: number;
  height: number;
  /** Space kept free along the frame's edges. */
  inset?: number;
  /** Space kept free between two labels. */
  gap?: number;
}

/** Where a kept label is drawn (its centre, moved inward when it would cross the frame's edge). */
export interface PlacedLabel {
  x: number;
  y: number;
}

/**
 * For each candidate (same order), its position, or null when it does not fit. A label that would
 * cross the frame's edge is moved inward (never by more than half its size, so it still overlaps its
 * anchor); one that still overlaps a label of higher priority is dropped.
 */
export function placeLabels(candidates: readonly LabelCandidate[], frame: LabelFrame): (PlacedLabel | null)[] {
  const {width, height, inset = 2, gap = 1} = frame;
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[b].priority - candidates[a].priority || a - b);
  const placed: {x0: number; y0: number; x1: number; y1: number}[] = [];
  const result: (PlacedLabel | null)[] = candidates.map(() => null);
  for (const i of order) {
    const c = candidates[i];
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    const x = shiftInside(c.x, c.width, inset, width - inset);
    const y = shiftInside(c.y, c.height, inset, height - inset);
    if (x === null || y === null) continue;
    const box = {x0: x - c.width / 2, y0: y - c.height / 2, x1: x + c.width / 2, y1: y + c.height / 2};
    if (placed.some((p) => box.x0 < p.x1 + gap && p.x0 < box.x1 + gap && box.y0 < p.y1 + gap && p.y0 < box.y1 + gap)) continue;
    placed.push(box);
    result[i] = {x, y};
  }
  return result;
}

// The centre moved so [centre − size/2, centre + size/2] lies in [lo, hi]; null when it cannot be
// without moving more than size/2 or when it is bigger than the room.
function shiftInside(centre: number, size: number, lo: number, hi: number): number | null {
  if (size > hi - lo) return null;
  const moved = Math.min(hi - size / 2, Math.max(lo + size / 2, centre));
  return Math.abs(moved - centre) <= size / 2 ? moved : null;
}
