// Small pieces for the headline cards.
import {formatPercent} from "../lib/format.js";

/** A thin progress bar for a ratio (coverage, absorption), clamped to 0–100%, with a text label for screen readers. */
export function meter(fraction: number | null | undefined, label: string, color?: string): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "meter";
  bar.setAttribute("role", "img");
  const ok = typeof fraction === "number" && Number.isFinite(fraction);
  bar.setAttribute("aria-label", `${label}: ${ok ? formatPercent(fraction) : "tidak ada data"}`);
  const fill = document.createElement("span");
  fill.style.width = `${ok ? Math.max(0, Math.min(1, fraction)) * 100 : 0}%`;
  if (color) fill.style.background = color;
  bar.append(fill);
  return bar;
}

/** The "synthetic sample data" badge; an empty text node when the data are real. */
export function sampleBadge(isSample: boolean): Node {
  if (!isSample) return document.createTextNode("");
  const badge = document.createElement("span");
  badge.className = "badge-sample";
  badge.textContent = "Data sampel sintetis";
  badge.title = "Angka di halaman ini berasal dari data contoh buatan, bukan data peserta sebenarnya.";
  return badge;
}

/**
 * A formatted headline figure with its unit word set smaller ("Rp1,83 miliar" → "Rp1,83" + small
 * "miliar"), so big money fits a card; the text content stays exactly the formatted string.
 */
export function bigValue(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const match = /^(.*\d)( )(ribu|juta|miliar|triliun)$/.exec(text);
  if (!match) {
    fragment.append(text);
    return fragment;
  }
  const unit = document.createElement("span");
  unit.className = "unit";
  unit.textContent = match[3];
  fragment.append(match[1] + match[2], unit);
  return fragment;
}

/**
 * A headline figure (`span.big`); `summaryKey` marks it as summary.json's own figure
 * (`data-summary`), which the browser tests compare with the file.
 */
export function summaryFigure(content: Node | string, summaryKey?: string | null): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = "big";
  if (summaryKey) span.dataset.summary = summaryKey;
  span.append(content);
  return span;
}

/** A small status flag (`flag-ok`, `flag-warn`, `flag-bad`, `flag-none`) with its word. */
export function flag({tone, label}: {tone: string; label: string}): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = `flag ${tone}`;
  span.textContent = label;
  return span;
}
