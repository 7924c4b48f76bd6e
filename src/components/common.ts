// Shared bits of the chart components: colours, month axes, money axes, legends, chart frames.
// Everything returns DOM elements; nothing loads data.
import {MONTHS_SHORT, formatNumber, monthToDate} from "../lib/format.js";

/** Okabe–Ito colours (safe for the common colour-vision deficiencies). */
export const COLORS = {
  accent: "#0072b2",
  accentLight: "#56b4e9",
  orange: "#e69f00",
  vermillion: "#d55e00",
  green: "#009e73",
  grey: "#7a8591",
  ink: "#1b1e23"
} as const;

/** A month key "YYYY-MM" as a UTC Date (the first of the month); throws on a bad key. */
export function monthDate(bulan: string): Date {
  const d = monthToDate(bulan);
  if (!d) throw new Error(`bulan tidak valid: ${bulan}`);
  return d;
}

/** The first day of the month after `date` (UTC). */
export function nextMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
}

/**
 * x-axis options for a monthly UTC scale spanning `months` months at `width` pixels: a tick interval
 * of 1, 2, 3, 6 or 12 months so labels never collide, Indonesian month names, the year on the first
 * tick and on every January.
 */
export function monthAxis(months: number, width: number) {
  const room = Math.max(1, width - 80) / Math.max(1, months);
  const step = [1, 2, 3, 6, 12].find((k) => room * k >= 58) ?? 12;
  return {
    type: "utc" as const,
    ticks: step === 1 ? "month" : `${step} months`,
    tickFormat: (d: Date, i: number) => {
      const month = MONTHS_SHORT[d.getUTCMonth()];
      return i === 0 || d.getUTCMonth() === 0 ? `${month}\n${d.getUTCFullYear()}` : month;
    },
    label: null
  };
}

/** y-axis for rupiah: ticks in miliar or juta with the unit in the label, so ticks stay short. */
export function moneyAxis(max: number) {
  const [size, unit] = max >= 1e9 ? [1e9, "miliar"] : max >= 1e6 ? [1e6, "juta"] : [1, ""];
  const tickFormat = (d: number) => formatNumber(d / size, 2);
  return {tickFormat, label: unit ? `Rp ${unit}` : "Rp"};
}

export interface Swatch {
  label: string;
  color: string;
  /** "line", "dash" (dashed line), "dot" (dotted line), "rect" or "hatch". */
  shape?: "line" | "dash" | "dot" | "rect" | "hatch";
}

/** A small HTML legend: coloured marks with labels, readable by screen readers as a list. */
export function swatches(items: readonly Swatch[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "jaring-swatches";
  list.setAttribute("aria-label", "Keterangan");
  Object.assign(list.style, {
    display: "flex",
    flexWrap: "wrap",
    gap: "0.35rem 1.1rem",
    listStyle: "none",
    padding: "0",
    margin: "0 0 0.5rem",
    fontSize: "0.85rem"
  });
  for (const item of items) {
    const li = document.createElement("li");
    Object.assign(li.style, {display: "flex", alignItems: "center", gap: "0.4rem", margin: "0"});
    li.append(swatchIcon(item), item.label);
    list.append(li);
  }
  return list;
}

function swatchIcon({color, shape = "rect"}: Swatch): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", "22");
  svg.setAttribute("height", "12");
  svg.setAttribute("aria-hidden", "true");
  if (shape === "line" || shape === "dash" || shape === "dot") {
    const line = document.createElementNS(ns, "line");
    line.setAttribute("x1", "1");
    line.setAttribute("x2", "21");
    line.setAttribute("y1", "6");
    line.setAttribute("y2", "6");
    line.setAttribute("stroke", color);
    line.setAttribute("stroke-width", "3");
    if (shape === "dash") line.setAttribute("stroke-dasharray", "5,3");
    if (shape === "dot") line.setAttribute("stroke-dasharray", "1,4"), line.setAttribute("stroke-linecap", "round");
    svg.append(line);
  } else {
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", "1");
    rect.setAttribute("y", "1");
    rect.setAttribute("width", "20");
    rect.setAttribute("height", "10");
    rect.setAttribute("rx", "2");
    if (shape === "hatch") {
      const id = uniqueId("swatch-hatch");
      svg.append(hatchPattern(id, color));
      rect.setAttribute("fill", `url(#${id})`);
      rect.setAttribute("stroke", color);
    } else {
      rect.setAttribute("fill", color);
    }
    svg.append(rect);
  }
  return svg;
}

let idCounter = 0;
/** An id unique in the document (charts are re-rendered on resize, so ids must not repeat). */
export function uniqueId(prefix: string): string {
  return `jaring-${prefix}-${++idCounter}`;
}

/** <defs> with a diagonal hatch pattern: the fill for "no data", distinct from any value colour. */
export function hatchPattern(id: string, color = "#8a939c", background = "#f1f3f5"): SVGDefsElement {
  const ns = "http://www.w3.org/2000/svg";
  const defs = document.createElementNS(ns, "defs");
  const pattern = document.createElementNS(ns, "pattern");
  pattern.setAttribute("id", id);
  pattern.setAttribute("patternUnits", "userSpaceOnUse");
  pattern.setAttribute("width", "6");
  pattern.setAttribute("height", "6");
  pattern.setAttribute("patternTransform", "rotate(45)");
  const bg = document.createElementNS(ns, "rect");
  bg.setAttribute("width", "6");
  bg.setAttribute("height", "6");
  bg.setAttribute("fill", background);
  const line = document.createElementNS(ns, "line");
  line.setAttribute("x1", "0");
  line.setAttribute("y1", "0");
  line.setAttribute("x2", "0");
  line.setAttribute("y2", "6");
  line.setAttribute("stroke", color);
  line.setAttribute("stroke-width", "2");
  pattern.append(bg, line);
  defs.append(pattern);
  return defs;
}

/**
 * Wraps a chart in a <figure> with an optional legend above and a visually hidden description for
 * screen readers (the visible table or text alternative sits beside it on the page).
 */
export function figure(chart: Element, {legend, description}: {legend?: Element | null; description?: string} = {}): HTMLElement {
  if (chart instanceof SVGSVGElement) accessibleSvg(chart);
  const fig = document.createElement("figure");
  fig.className = "jaring-figure";
  fig.style.margin = "0";
  fig.style.maxWidth = "none";
  if (legend) fig.append(legend);
  fig.append(chart);
  if (description) {
    const caption = document.createElement("figcaption");
    caption.className = "sr-only";
    caption.textContent = description;
    fig.append(caption);
  }
  return fig;
}

/**
 * Makes a Plot chart read as one named image to a screen reader (its name is Plot's `ariaLabel`; the
 * figure's caption and the table beside it carry the figures). Plot names each mark's <g> by its type
 * ("line", "dot", "tip"): noise to a listener, and aria-label is not allowed on a <g> without a role
 * (WCAG 4.1.2, axe "aria-prohibited-attr"). Plot re-renders the tip on hover, so new groups are
 * cleaned as they arrive. A chart with focusable parts (a map whose places are buttons) stays a group
 * so its buttons remain reachable.
 */
export function accessibleSvg(svg: SVGSVGElement): SVGSVGElement {
  const interactive = svg.querySelector("[tabindex], a, [role='button']") !== null;
  svg.setAttribute("role", interactive ? "group" : "img");
  const clean = (node: Element) => {
    for (const g of [node, ...node.querySelectorAll("g")]) {
      if (g.localName !== "g" || g.hasAttribute("role")) continue;
      g.removeAttribute("aria-label");
      g.removeAttribute("aria-description");
    }
  };
  clean(svg);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) clean(node);
  }).observe(svg, {childList: true, subtree: true});
  return svg;
}

/** A paragraph saying there is nothing to draw (instead of an empty or broken chart). */
export function emptyState(message: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "jaring-note jaring-empty";
  p.textContent = message;
  return p;
}
