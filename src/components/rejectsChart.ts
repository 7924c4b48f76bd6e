// Rejected rows by reason, one bar per table and reason: where the extracts lose rows, at a glance.
// The table beside it on the page carries the messages and row numbers.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger} from "../lib/format.js";
import type {ReasonRow} from "../lib/quality.js";
import {COLORS, emptyState, figure, swatches} from "./common.js";

export interface RejectsChartOptions {
  width: number;
}

const PALETTE = [COLORS.accent, COLORS.orange, COLORS.green, COLORS.vermillion, COLORS.accentLight, COLORS.grey];

export function rejectsChart(rows: readonly ReasonRow[], {width}: RejectsChartOptions): HTMLElement {
  if (!rows.length) return emptyState("Tidak ada baris yang ditolak.");
  const tables = [...new Set(rows.map((r) => r.label))];
  const data = rows.map((r) => ({...r, baris_label: `${r.label}: ${r.kode}`}));
  const narrow = width < 560;
  const plotHeight = 40 + data.length * (narrow ? 44 : 26);
  return deferred(plotHeight + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height: plotHeight,
      marginLeft: narrow ? 8 : 290,
      marginRight: 56,
      style: {fontSize: "12px"},
      x: {grid: true, label: "Baris ditolak", tickFormat: (d: number) => formatInteger(d), nice: true},
      // On a phone each bar gets a line of its own above it for the reason code.
      y: {domain: data.map((d) => d.baris_label), label: null, axis: narrow ? null : "left", padding: narrow ? 0.55 : 0.2},
      color: {domain: tables, range: PALETTE.slice(0, tables.length)},
      ariaLabel: "Grafik jumlah baris ditolak per alasan",
      marks: [
        Plot.barX(data, {x: "jumlah", y: "baris_label", fill: "label", title: (d: (typeof data)[number]) => `${d.label} — ${d.pesan}\n${formatInteger(d.jumlah)} baris`, tip: true}),
        Plot.text(data, {x: "jumlah", y: "baris_label", text: (d: (typeof data)[number]) => formatInteger(d.jumlah), textAnchor: "start", dx: 4}),
        // On a phone the reason codes sit above their bars instead of in a margin.
        ...(narrow ? [Plot.text(data, {x: 0, y: "baris_label", text: "baris_label", textAnchor: "start", dy: -17, fill: COLORS.ink})] : []),
        Plot.ruleX([0]),
      ],
    });
    const total = rows.reduce((s, r) => s + r.jumlah, 0);
    const description = `${formatInteger(total)} baris ditolak: ${rows.map((r) => `${r.label} ${r.kode} ${formatInteger(r.jumlah)}`).join(", ")}.`;
    return figure(plot, {legend: swatches(tables.map((label, i) => ({label, color: PALETTE[i] ?? COLORS.grey}))), description});
  });
}
