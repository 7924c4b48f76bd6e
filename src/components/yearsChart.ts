// Year against year: realisation stacked by funding source, with each year's allocation in force as a
// mark, so absorption across years reads at a glance.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatMoney, formatPercent} from "../lib/format.js";
import {COLORS, emptyState, figure, moneyAxis, swatches} from "./common.js";

export interface YearSourceRow {
  tahun: number;
  sumber_dana: string;
  /** The source's allocation in force that year; null without a budget line. */
  alokasi: number | null;
  realisasi: number;
}

export interface YearsChartOptions {
  width: number;
}

const PALETTE = [COLORS.accent, COLORS.orange, COLORS.accentLight, COLORS.grey, COLORS.green];

export function yearsChart(rows: readonly YearSourceRow[], options: YearsChartOptions): HTMLElement {
  const {width} = options;
  if (!rows.length) return emptyState("Belum ada data anggaran.");
  const sources = [...new Set(rows.map((r) => r.sumber_dana))].sort();
  const years = [...new Set(rows.map((r) => r.tahun))].sort((a, b) => a - b);
  const totals = years.map((tahun) => {
    const of = rows.filter((r) => r.tahun === tahun);
    const alokasi = of.some((r) => r.alokasi !== null) ? of.reduce((s, r) => s + (r.alokasi ?? 0), 0) : null;
    const realisasi = of.reduce((s, r) => s + r.realisasi, 0);
    return {tahun: String(tahun), alokasi, realisasi, serapan: alokasi ? realisasi / alokasi : null};
  });
  const max = Math.max(1, ...totals.map((t) => Math.max(t.alokasi ?? 0, t.realisasi)));
  const x = moneyAxis(max);
  const data = rows.map((r) => ({...r, tahunLabel: String(r.tahun)}));

  const plotHeight = 70 * years.length + 60;
  return deferred(plotHeight + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height: plotHeight,
      style: {fontSize: "12px"},
      marginLeft: 48,
      marginRight: 20,
      x: {grid: true, domain: [0, max * 1.15], tickFormat: x.tickFormat, label: x.label, nice: true, ticks: width < 500 ? 4 : 8},
      y: {domain: totals.map((t) => t.tahun), label: null, padding: 0.35},
      color: {domain: sources, range: PALETTE.slice(0, sources.length)},
      ariaLabel: "Grafik realisasi per tahun dan sumber dana dibandingkan pagu",
      marks: [
        Plot.barX(data, {
          y: "tahunLabel",
          x: "realisasi",
          fill: "sumber_dana",
          order: sources,
          title: (r: (typeof data)[number]) => `${r.tahun} — ${r.sumber_dana}\nRealisasi: ${formatMoney(r.realisasi)}\nPagu berlaku: ${formatMoney(r.alokasi)}`,
          tip: true
        }),
        Plot.tickX(
          totals.filter((t) => t.alokasi !== null),
          {y: "tahun", x: "alokasi", stroke: COLORS.vermillion, strokeWidth: 3, insetTop: -4, insetBottom: -4}
        ),
        Plot.text(totals, {
          y: "tahun",
          x: (t: (typeof totals)[number]) => Math.max(t.alokasi ?? 0, t.realisasi),
          text: (t: (typeof totals)[number]) => (t.serapan === null ? "" : formatPercent(t.serapan)),
          textAnchor: "start",
          dx: 8,
          fontWeight: 700
        }),
        Plot.ruleX([0])
      ]
    });
    const legend = swatches([
      ...sources.map((s, i) => ({label: `Realisasi ${s}`, color: PALETTE[i % PALETTE.length]})),
      {label: "Pagu berlaku", color: COLORS.vermillion, shape: "line" as const}
    ]);
    const description = totals.map((t) => `${t.tahun}: realisasi ${formatMoney(t.realisasi)} dari pagu ${formatMoney(t.alokasi)}`).join("; ") + ".";
    return figure(plot, {legend, description});
  });
}
