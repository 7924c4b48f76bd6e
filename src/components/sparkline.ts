// A word-sized line of a monthly series for a table cell: plain SVG (dozens per table, no Plot needed),
// with the first and last values spoken to screen readers.
import {formatMonthShort, formatPeople} from "../lib/format.js";
import {COLORS} from "./common.js";

export interface SparklineOptions {
  width?: number;
  height?: number;
  /** What is counted ("peserta aktif"). */
  label?: string;
  color?: string;
}

/** A suppressed month (aktif null, public build) breaks the line rather than dropping to zero. */
export function sparkline(series: readonly {bulan: string; aktif: number | null}[], options: SparklineOptions = {}): SVGSVGElement {
  const {width = 84, height = 22, label = "peserta aktif", color = COLORS.accent} = options;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "jaring-sparkline");
  svg.setAttribute("role", "img");
  if (!series.length) {
    svg.setAttribute("aria-label", "tidak ada data");
    return svg;
  }
  const first = series[0];
  const last = series[series.length - 1];
  svg.setAttribute(
    "aria-label",
    `${label}: ${formatPeople(first.aktif)} pada ${formatMonthShort(first.bulan)}, ${formatPeople(last.aktif)} pada ${formatMonthShort(last.bulan)}`
  );
  const max = Math.max(1, ...series.map((d) => d.aktif ?? 0));
  const pad = 2.5;
  const x = (i: number) => pad + (series.length > 1 ? (i * (width - 2 * pad)) / (series.length - 1) : (width - 2 * pad) / 2);
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const base = document.createElementNS(ns, "line");
  base.setAttribute("x1", String(pad));
  base.setAttribute("x2", String(width - pad));
  base.setAttribute("y1", String(height - pad));
  base.setAttribute("y2", String(height - pad));
  base.setAttribute("stroke", "#d0d5da");
  // One path, with a move (M) after every suppressed month so the line has a gap there.
  let pen = "M";
  const d = series
    .map((p, i) => {
      if (p.aktif === null) return ((pen = "M"), "");
      const step = `${pen}${x(i).toFixed(1)},${y(p.aktif).toFixed(1)}`;
      pen = "L";
      return step;
    })
    .join("");
  const line = document.createElementNS(ns, "path");
  line.setAttribute("d", d);
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", color);
  line.setAttribute("stroke-width", "1.5");
  line.setAttribute("stroke-linejoin", "round");
  svg.append(base, line);
  if (last.aktif !== null) {
    const dot = document.createElementNS(ns, "circle");
    dot.setAttribute("cx", x(series.length - 1).toFixed(1));
    dot.setAttribute("cy", y(last.aktif).toFixed(1));
    dot.setAttribute("r", "2");
    dot.setAttribute("fill", color);
    svg.append(dot);
  }
  return svg;
}
