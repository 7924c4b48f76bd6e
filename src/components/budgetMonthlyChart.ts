// Month by month: contributions invoiced (realisation) with the part already paid, against the
// month's cash plan (rencana kas) as a reference mark.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatMoney, formatMonth} from "../lib/format.js";
import type {BudgetMonth} from "../lib/anggaran.js";
import {COLORS, emptyState, figure, monthAxis, monthDate, moneyAxis, nextMonth, swatches} from "./common.js";

export interface BudgetMonthlyChartOptions {
  width: number;
  height?: number;
}

export function budgetMonthlyChart(months: readonly BudgetMonth[], options: BudgetMonthlyChartOptions): HTMLElement {
  const {width, height = 300} = options;
  if (!months.length) return emptyState("Belum ada data anggaran untuk tahun ini.");
  const data = months.map((m) => ({...m, date: monthDate(m.bulan)}));
  const realised = data.filter((d) => d.realisasi !== null);
  const planned = data.filter((d) => d.rencana !== null);
  const max = Math.max(1, ...realised.map((d) => d.realisasi!), ...planned.map((d) => d.rencana!));
  const y = moneyAxis(max);
  const x = monthAxis(12, width);

  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height,
      style: {fontSize: "12px"},
      marginLeft: 52,
      marginRight: 16,
      marginBottom: 40,
      x: {...x, domain: [data[0].date, nextMonth(data[data.length - 1].date)]},
      y: {grid: true, domain: [0, max * 1.1], tickFormat: y.tickFormat, label: y.label, nice: true},
      ariaLabel: "Grafik realisasi iuran per bulan dibandingkan rencana kas",
      marks: [
        Plot.rectY(realised, {x: "date", interval: "month", y: "realisasi", fill: COLORS.green, fillOpacity: 0.35, insetLeft: 2, insetRight: 2}),
        Plot.rectY(realised, {x: "date", interval: "month", y: (d: (typeof data)[number]) => d.dibayar ?? 0, fill: COLORS.green, insetLeft: 2, insetRight: 2}),
        planned.length
          ? Plot.ruleY(planned, {
              x1: "date",
              x2: (d: (typeof data)[number]) => nextMonth(d.date),
              y: "rencana",
              stroke: COLORS.ink,
              strokeWidth: 2,
              insetLeft: 1,
              insetRight: 1
            } as Plot.RuleYOptions)
          : null,
        Plot.ruleY([0]),
        Plot.tip(
          data,
          Plot.pointerX({
            x: (d: (typeof data)[number]) => new Date(d.date.getTime() + 15 * 86_400_000),
            y: (d: (typeof data)[number]) => Math.max(d.realisasi ?? 0, d.rencana ?? 0),
            title: (d: (typeof data)[number]) =>
              [
                formatMonth(d.bulan),
                d.realisasi !== null ? `Ditagihkan: ${formatMoney(d.realisasi)}` : "Belum ada tagihan",
                d.dibayar !== null ? `Sudah dibayar: ${formatMoney(d.dibayar)}` : null,
                d.rencana !== null ? `Rencana kas: ${formatMoney(d.rencana)}` : null
              ]
                .filter(Boolean)
                .join("\n")
          })
        )
      ]
    });

    const legend = swatches([
      {label: "Ditagihkan (realisasi)", color: "#99d8c7"},
      {label: "Sudah dibayar", color: COLORS.green},
      ...(planned.length ? [{label: "Rencana kas bulan itu", color: COLORS.ink, shape: "line" as const}] : [])
    ]);
    const total = realised.reduce((s, d) => s + (d.realisasi ?? 0), 0);
    const description = realised.length
      ? `Realisasi ${formatMoney(total)} dalam ${realised.length} bulan, ${formatMonth(realised[0].bulan)} – ${formatMonth(realised[realised.length - 1].bulan)}.`
      : "Belum ada realisasi pada tahun ini.";
    return figure(plot, {legend, description});
  });
}
