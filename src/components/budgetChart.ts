// Budget absorption over the year: cumulative contributions invoiced against the allocation (pagu) and
// the cumulative cash plan (rencana kas); optionally the original pagu before a revision and the
// year-end projections (run-rate and plan) as dotted continuations.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatMoney, formatMonth, formatPercent} from "../lib/format.js";
import type {BudgetMonth, ProjectionPoint} from "../lib/anggaran.js";
import {COLORS, emptyState, figure, monthAxis, monthDate, moneyAxis, swatches} from "./common.js";

export interface BudgetChartOptions {
  width: number;
  height?: number;
  /** The allocation in force (pagu berlaku), rupiah; no line when null. */
  allocation?: number | null;
  /** The original pagu, drawn dashed when a revision changed it. */
  originalAllocation?: number | null;
  /** Year-end projections from the last realised month (anggaran.ts projectionPaths). */
  projections?: {runRate: readonly ProjectionPoint[]; rencana: readonly ProjectionPoint[]} | null;
}

export function budgetChart(months: readonly BudgetMonth[], options: BudgetChartOptions): HTMLElement {
  const {width, height = 320, allocation = null, originalAllocation = null, projections = null} = options;
  if (!months.length) return emptyState("Belum ada data anggaran untuk tahun ini.");
  const data = months.map((m) => ({...m, date: monthDate(m.bulan)}));
  const paid = data.filter((d) => d.realisasi_kumulatif !== null);
  const planned = data.filter((d) => d.rencana_kumulatif !== null);
  const last = paid[paid.length - 1];
  const byRate = (projections?.runRate ?? []).map((p) => ({...p, date: monthDate(p.bulan)}));
  const byPlan = (projections?.rencana ?? []).map((p) => ({...p, date: monthDate(p.bulan)}));
  const showOriginal = originalAllocation !== null && originalAllocation > 0 && originalAllocation !== allocation;
  const max = Math.max(
    allocation ?? 0,
    showOriginal ? originalAllocation! : 0,
    ...paid.map((d) => d.realisasi_kumulatif!),
    ...planned.map((d) => d.rencana_kumulatif!),
    ...byRate.map((p) => p.kumulatif),
    ...byPlan.map((p) => p.kumulatif),
    1
  );
  const y = moneyAxis(max);
  const x = monthAxis(12, width);
  const hasAllocation = allocation !== null && allocation > 0;

  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      style: {fontSize: "12px"},
      height,
      marginLeft: 52,
      marginRight: 16,
      marginBottom: 40,
      x: {...x, domain: [data[0].date, data[data.length - 1].date]},
      y: {grid: true, domain: [0, max * 1.12], tickFormat: y.tickFormat, label: y.label, nice: true},
      ariaLabel: "Grafik realisasi anggaran kumulatif",
      marks: [
        Plot.areaY(paid, {x: "date", y: "realisasi_kumulatif", fill: COLORS.green, fillOpacity: 0.15}),
        planned.length
          ? Plot.lineY(planned, {x: "date", y: "rencana_kumulatif", stroke: COLORS.grey, strokeWidth: 1.5, strokeDasharray: "4,3"})
          : null,
        byPlan.length ? Plot.lineY(byPlan, {x: "date", y: "kumulatif", stroke: COLORS.accent, strokeWidth: 2, strokeDasharray: "1,4", strokeLinecap: "round"}) : null,
        byRate.length ? Plot.lineY(byRate, {x: "date", y: "kumulatif", stroke: COLORS.green, strokeWidth: 2, strokeDasharray: "1,4", strokeLinecap: "round"}) : null,
        Plot.lineY(paid, {x: "date", y: "realisasi_kumulatif", stroke: COLORS.green, strokeWidth: 2.5}),
        Plot.dot(paid, {x: "date", y: "realisasi_kumulatif", fill: COLORS.green, r: 2.5}),
        last
          ? Plot.text([last], {
              x: "date",
              y: "realisasi_kumulatif",
              text: (d: typeof last) => formatMoney(d.realisasi_kumulatif) + (hasAllocation ? ` (${formatPercent(d.realisasi_kumulatif! / allocation!)})` : ""),
              dy: -12,
              textAnchor: last.date.getUTCMonth() > 6 ? "end" : "start",
              fontWeight: 700,
              fontSize: 12.5,
              fill: COLORS.green,
              stroke: "white",
              strokeWidth: 3
            })
          : null,
        showOriginal ? Plot.ruleY([originalAllocation], {stroke: COLORS.vermillion, strokeWidth: 1, strokeDasharray: "6,4", strokeOpacity: 0.7}) : null,
        hasAllocation ? Plot.ruleY([allocation], {stroke: COLORS.vermillion, strokeWidth: 1.5}) : null,
        hasAllocation
          ? Plot.text([allocation], {
              y: (d: number) => d,
              frameAnchor: "left",
              dx: 4,
              dy: -8,
              text: (d: number) => `Pagu: ${formatMoney(d)}`,
              fill: COLORS.vermillion,
              fontWeight: 600,
              stroke: "white",
              strokeWidth: 3
            })
          : null,
        Plot.ruleY([0]),
        Plot.tip(
          data,
          Plot.pointerX({
            x: "date",
            y: (d: (typeof data)[number]) => d.realisasi_kumulatif ?? d.rencana_kumulatif ?? 0,
            title: (d: (typeof data)[number]) =>
              [
                formatMonth(d.bulan),
                `Ditagihkan bulan ini: ${formatMoney(d.realisasi)}`,
                `Realisasi kumulatif: ${formatMoney(d.realisasi_kumulatif)}`,
                d.rencana_kumulatif !== null ? `Rencana kas kumulatif: ${formatMoney(d.rencana_kumulatif)}` : null
              ]
                .filter(Boolean)
                .join("\n")
          })
        )
      ]
    });

    const legend = swatches([
      {label: "Realisasi (iuran ditagihkan), kumulatif", color: COLORS.green, shape: "line"},
      ...(planned.length ? [{label: "Rencana kas, kumulatif", color: COLORS.grey, shape: "dash" as const}] : []),
      ...(hasAllocation ? [{label: "Pagu berlaku", color: COLORS.vermillion, shape: "line" as const}] : []),
      ...(showOriginal ? [{label: "Pagu awal (sebelum perubahan)", color: COLORS.vermillion, shape: "dash" as const}] : []),
      ...(byRate.length ? [{label: "Perkiraan menurut laju realisasi", color: COLORS.green, shape: "dot" as const}] : []),
      ...(byPlan.length ? [{label: "Perkiraan menurut rencana kas", color: COLORS.accent, shape: "dot" as const}] : [])
    ]);
    const description = last
      ? `Realisasi kumulatif ${formatMoney(last.realisasi_kumulatif)} sampai ${formatMonth(last.bulan)}` +
        (hasAllocation ? ` dari pagu ${formatMoney(allocation)}.` : ".")
      : "Belum ada realisasi pada tahun ini.";
    return figure(plot, {legend, description});
  });
}
