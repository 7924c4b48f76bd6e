// What families received each month (benefits by type and scholarships, paid by BPJS Ketenagakerjaan)
// beside the contributions the regency paid for the month: an impact figure, not an APBD cost.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatMoney, formatMonth} from "../lib/format.js";
import type {BenefitMonth} from "../lib/anggaran.js";
import {COLORS, emptyState, figure, monthAxis, monthDate, moneyAxis, nextMonth, swatches} from "./common.js";

export interface BenefitsChartOptions {
  width: number;
  height?: number;
}

const PARTS = [
  {key: "jkm", label: "Santunan JKM (meninggal dunia)", color: COLORS.accent},
  {key: "jkk", label: "Santunan JKK (kecelakaan kerja)", color: COLORS.orange},
  {key: "beasiswa", label: "Beasiswa anak", color: COLORS.accentLight},
  {key: "lainnya", label: "Manfaat lain", color: COLORS.grey}
] as const;

export function benefitsChart(months: readonly BenefitMonth[], options: BenefitsChartOptions): HTMLElement {
  const {width, height = 300} = options;
  if (!months.length) return emptyState("Belum ada data manfaat.");
  const parts = PARTS.filter((p) => months.some((m) => m[p.key] > 0));
  const long = months.flatMap((m) => parts.map((p) => ({bulan: m.bulan, date: monthDate(m.bulan), part: p.label, value: m[p.key], klaim: m.klaim})));
  const paid = [...months];
  const max = Math.max(1, ...months.map((m) => Math.max(m.santunan, m.iuran_dibayar)));
  const y = moneyAxis(max);
  const start = monthDate(months[0].bulan);
  const end = nextMonth(monthDate(months[months.length - 1].bulan));

  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height,
      style: {fontSize: "12px"},
      marginLeft: 52,
      marginRight: 16,
      marginBottom: 40,
      x: {...monthAxis(months.length, width), domain: [start, end]},
      y: {grid: true, domain: [0, max * 1.08], tickFormat: y.tickFormat, label: y.label, nice: true},
      color: {domain: parts.map((p) => p.label), range: parts.map((p) => p.color)},
      ariaLabel: "Grafik santunan yang diterima keluarga dan iuran yang dibayar per bulan",
      marks: [
        Plot.rectY(long, {
          x: "date",
          interval: "month",
          y: "value",
          fill: "part",
          order: parts.map((p) => p.label),
          insetLeft: 1,
          insetRight: 1,
          title: (d: (typeof long)[number]) => `${formatMonth(d.bulan)}\n${d.part}: ${formatMoney(d.value)}\nKlaim bulan itu: ${formatInteger(d.klaim)}`,
          tip: true
        } as Plot.RectYOptions),
        Plot.ruleY(paid, {
          x1: (m: (typeof paid)[number]) => monthDate(m.bulan),
          x2: (m: (typeof paid)[number]) => nextMonth(monthDate(m.bulan)),
          y: "iuran_dibayar",
          stroke: COLORS.ink,
          strokeWidth: 2.5,
          insetLeft: 1,
          insetRight: 1,
          title: (m: (typeof paid)[number]) => `${formatMonth(m.bulan)}\nIuran dibayar: ${formatMoney(m.iuran_dibayar)}`,
          tip: true
        } as Plot.RuleYOptions),
        Plot.ruleY([0])
      ]
    });

    const legend = swatches([
      ...parts.map((p) => ({label: p.label, color: p.color})),
      {label: "Iuran yang dibayar daerah untuk bulan itu", color: COLORS.ink, shape: "line" as const}
    ]);
    const received = months.reduce((s, m) => s + m.santunan, 0);
    const paidTotal = months.reduce((s, m) => s + m.iuran_dibayar, 0);
    const description = `${formatMonth(months[0].bulan)} – ${formatMonth(months[months.length - 1].bulan)}: keluarga peserta menerima ${formatMoney(received)}; iuran yang dibayar ${formatMoney(paidTotal)}.`;
    return figure(plot, {legend, description});
  });
}
