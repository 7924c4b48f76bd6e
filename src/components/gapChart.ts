// Members invoiced minus members the enrolment extract has, by month and funding source: a steady gap
// is rows the pipeline rejected (real people whose rows are spoiled); a month that jumps is marked.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatMonth, idLocale} from "../lib/format.js";
import type {InvoiceCheck} from "../lib/anggaran.js";
import {COLORS, emptyState, figure, monthAxis, monthDate, nextMonth, swatches} from "./common.js";

export interface GapChartOptions {
  width: number;
  height?: number;
}

const PALETTE = [COLORS.accent, COLORS.orange, COLORS.accentLight, COLORS.grey, COLORS.green];

export function gapChart(rows: readonly InvoiceCheck[], options: GapChartOptions): HTMLElement {
  const {width, height = 280} = options;
  if (!rows.length) return emptyState("Belum ada tagihan untuk direkonsiliasi.");
  const data = rows.map((r) => ({...r, date: monthDate(r.bulan)}));
  const sources = [...new Set(data.map((d) => d.sumber_dana))];
  const months = [...new Set(data.map((d) => d.bulan))].sort();
  const spikes = data.filter((d) => d.lonjakan !== null);
  const start = monthDate(months[0]);
  const end = nextMonth(monthDate(months[months.length - 1]));
  const span = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  // Stack tops per month, to put the spike marks above the bars.
  const top = new Map<string, number>();
  for (const d of data) top.set(d.bulan, (top.get(d.bulan) ?? 0) + Math.max(0, d.selisih_peserta));

  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height,
      style: {fontSize: "12px"},
      marginLeft: 48,
      marginRight: 16,
      marginTop: 24,
      marginBottom: 40,
      x: {...monthAxis(span, width), domain: [start, end]},
      y: {grid: true, label: "Peserta", tickFormat: idLocale.format(",d"), nice: true},
      color: {domain: sources, range: PALETTE.slice(0, Math.max(1, sources.length))},
      ariaLabel: "Grafik selisih peserta ditagih dan peserta dalam data kepesertaan per bulan",
      marks: [
        Plot.rectY(data, {
          x: "date",
          interval: "month",
          y: "selisih_peserta",
          fill: "sumber_dana",
          order: sources,
          insetLeft: 1,
          insetRight: 1,
          title: (d: (typeof data)[number]) =>
            [
              `${formatMonth(d.bulan)} — ${d.sumber_dana}`,
              `Ditagih: ${formatInteger(d.peserta_ditagih)} peserta`,
              `Dalam data kepesertaan: ${formatInteger(d.aktif)}`,
              `Selisih: ${formatInteger(d.selisih_peserta)}`,
              d.lonjakan !== null ? `Lonjakan: sekitar ${formatInteger(d.lonjakan)} peserta` : null
            ]
              .filter(Boolean)
              .join("\n"),
          tip: true
        } as Plot.RectYOptions),
        Plot.ruleY([0]),
        Plot.dot(spikes, {
          x: (d: (typeof data)[number]) => new Date(d.date.getTime() + 15 * 86_400_000),
          y: (d: (typeof data)[number]) => top.get(d.bulan) ?? 0,
          dy: -8,
          r: 4,
          fill: COLORS.vermillion,
          stroke: "white"
        }),
        Plot.text(spikes, {
          x: (d: (typeof data)[number]) => new Date(d.date.getTime() + 15 * 86_400_000),
          y: (d: (typeof data)[number]) => top.get(d.bulan) ?? 0,
          dy: -20,
          text: (d: (typeof data)[number]) => `${d.lonjakan! > 0 ? "+" : ""}${formatInteger(d.lonjakan)}`,
          fill: COLORS.vermillion,
          fontWeight: 700,
          stroke: "white",
          strokeWidth: 3
        })
      ]
    });

    const legend = swatches([
      ...sources.map((s, i) => ({label: s, color: PALETTE[i % PALETTE.length]})),
      ...(spikes.length ? [{label: "Lonjakan (perkiraan kelebihan peserta)", color: COLORS.vermillion}] : [])
    ]);
    const total = data.reduce((s, d) => s + d.selisih_peserta, 0);
    const description =
      `Selisih peserta ditagih dan peserta dalam data kepesertaan, ${formatMonth(months[0])} – ${formatMonth(months[months.length - 1])}: ` +
      `${formatInteger(total)} bulan-peserta.` +
      (spikes.length ? ` Lonjakan: ${spikes.map((d) => `${formatMonth(d.bulan)} ${d.sumber_dana} (${formatInteger(d.lonjakan)})`).join(", ")}.` : "");
    return figure(plot, {legend, description});
  });
}
