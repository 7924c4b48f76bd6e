// Charts comparing up to three expansion scenarios: the year's cost against the allocation, and the
// members covered month by month. Each takes the scenarios already computed (src/lib/skenario).
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatMoney, formatMonth, idLocale} from "../lib/format.js";
import type {ScenarioResult} from "../lib/skenario/model.js";
import {COLORS, emptyState, figure, monthAxis, monthDate, moneyAxis, swatches} from "./common.js";

/** One colour per scenario slot: A grey (often the status quo), B blue, C orange. */
export const SCENARIO_COLORS = [COLORS.grey, COLORS.accent, COLORS.orange] as const;

export interface ChartScenario {
  label: string;
  result: ScenarioResult;
}

export interface CostChartOptions {
  width: number;
  /** The allocation, rupiah: a rule across the bars. */
  pagu?: number | null;
}

/** Horizontal bars: each scenario's cost for the year, split into existing and new members, against the allocation. */
export function scenarioCostChart(scenarios: readonly ChartScenario[], options: CostChartOptions): HTMLElement {
  const {width, pagu = null} = options;
  if (!scenarios.length) return emptyState("Belum ada skenario.");
  const parts = scenarios.flatMap((s, i) => [
    {label: s.label, i, bagian: "Peserta yang ada", rupiah: s.result.biayaStatusQuo},
    {label: s.label, i, bagian: "Peserta baru", rupiah: s.result.biayaTahun - s.result.biayaStatusQuo}
  ]);
  const max = Math.max(pagu ?? 0, ...scenarios.map((s) => s.result.biayaTahun), 1);
  const x = moneyAxis(max);
  const small = width < 480;
  const plotHeight = 60 + scenarios.length * 56;
  return deferred(plotHeight + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height: plotHeight,
      marginLeft: small ? 80 : 96,
      marginRight: small ? 84 : 100,
      style: {fontSize: "12px"},
      x: {grid: true, domain: [0, max * 1.04], tickFormat: x.tickFormat, label: x.label, ticks: small ? 4 : 6},
      y: {domain: scenarios.map((s) => s.label), label: null},
      color: {domain: ["Peserta yang ada", "Peserta baru"], range: [COLORS.grey, COLORS.accent]},
      ariaLabel: "Grafik biaya iuran setahun per skenario dibandingkan pagu",
      marks: [
        Plot.barX(parts, Plot.stackX({x: "rupiah", y: "label", fill: "bagian", order: ["Peserta yang ada", "Peserta baru"], insetTop: 8, insetBottom: 8, tip: true, title: (d: (typeof parts)[number]) => `${d.label} — ${d.bagian}: ${formatMoney(d.rupiah)}`} as Plot.BarXOptions)),
        Plot.text(scenarios, {
          x: (s: ChartScenario) => s.result.biayaTahun,
          y: "label",
          text: (s: ChartScenario) => formatMoney(s.result.biayaTahun),
          dx: 6,
          textAnchor: "start",
          fontWeight: 700,
          fill: COLORS.ink,
          stroke: "white",
          strokeWidth: 3
        } as Plot.TextOptions),
        pagu !== null && pagu > 0 ? Plot.ruleX([pagu], {stroke: COLORS.vermillion, strokeWidth: 2}) : null,
        pagu !== null && pagu > 0
          ? Plot.text([pagu], {x: (d: number) => d, frameAnchor: "top", dy: -2, text: (d: number) => `Pagu ${formatMoney(d)}`, fill: COLORS.vermillion, fontWeight: 600, stroke: "white", strokeWidth: 3, lineAnchor: "bottom"} as Plot.TextOptions)
          : null,
        Plot.ruleX([0])
      ]
    });
    const legend = swatches([
      {label: "Iuran peserta yang sudah ada", color: COLORS.grey},
      {label: "Iuran peserta baru", color: COLORS.accent},
      ...(pagu ? [{label: "Pagu", color: COLORS.vermillion, shape: "line" as const}] : [])
    ]);
    const description = scenarios
      .map((s) => `${s.label}: ${formatMoney(s.result.biayaTahun)}${pagu ? (s.result.selisihPagu >= 0 ? `, sisa pagu ${formatMoney(s.result.selisihPagu)}` : `, kurang ${formatMoney(-s.result.selisihPagu)}`) : ""}`)
      .join("; ");
    return figure(plot, {legend, description: `Biaya iuran setahun. ${description}.`});
  });
}

export interface MembersChartOptions {
  width: number;
  height?: number;
  /** Eligible people (a dashed rule), or null. */
  sasaran?: number | null;
}

/** Lines: members covered each month of the planned year, one per scenario (0 in unfunded months). */
export function scenarioMembersChart(scenarios: readonly ChartScenario[], options: MembersChartOptions): HTMLElement {
  const {width, height = 300, sasaran = null} = options;
  if (!scenarios.length) return emptyState("Belum ada skenario.");
  const data = scenarios.flatMap((s, i) => s.result.bulan.map((m) => ({label: s.label, i, bulan: m.bulan, date: monthDate(m.bulan), aktif: m.aktif, didanai: m.didanai})));
  const peak = Math.max(sasaran ?? 0, ...data.map((d) => d.aktif), 1);
  const x = monthAxis(12, width);
  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height,
      marginLeft: 56,
      marginRight: 16,
      marginBottom: 40,
      style: {fontSize: "12px"},
      x: {...x, domain: [data[0].date, data[11].date]},
      y: {grid: true, label: "Peserta terlindungi", domain: [0, peak * 1.1], tickFormat: idLocale.format(",d"), nice: true},
      color: {domain: scenarios.map((s) => s.label), range: SCENARIO_COLORS.slice(0, scenarios.length)},
      ariaLabel: "Grafik peserta terlindungi per bulan per skenario",
      marks: [
        sasaran ? Plot.ruleY([sasaran], {stroke: COLORS.vermillion, strokeDasharray: "6,4"}) : null,
        sasaran
          ? Plot.text([sasaran], {y: (d: number) => d, frameAnchor: "left", dx: 4, dy: -8, text: (d: number) => `Sasaran: ${formatInteger(d)}`, fill: COLORS.vermillion, fontWeight: 600, stroke: "white", strokeWidth: 3})
          : null,
        Plot.lineY(data, {x: "date", y: "aktif", stroke: "label", z: "label", strokeWidth: 2.5, curve: "step-after"}),
        Plot.dot(data, {x: "date", y: "aktif", fill: "label", r: 2.5}),
        Plot.ruleY([0]),
        Plot.tip(
          data,
          Plot.pointer({
            x: "date",
            y: "aktif",
            title: (d: (typeof data)[number]) => `${d.label}, ${formatMonth(d.bulan)}\n${d.didanai ? `Terlindungi: ${formatInteger(d.aktif)}` : "Bulan tidak didanai: tidak ada yang terlindungi"}`
          })
        )
      ]
    });
    const legend = swatches(scenarios.map((s, i) => ({label: s.label, color: SCENARIO_COLORS[i], shape: "line" as const})));
    const description = scenarios
      .map((s) => {
        const funded = s.result.bulan.filter((m) => m.didanai);
        return `${s.label}: ${funded.length ? `${formatInteger(funded[0].aktif)} di ${formatMonth(funded[0].bulan)} sampai ${formatInteger(funded[funded.length - 1].aktif)} di ${formatMonth(funded[funded.length - 1].bulan)}` : "tidak ada bulan didanai"}`;
      })
      .join("; ");
    return figure(plot, {legend, description: `Peserta terlindungi per bulan. ${description}.`});
  });
}
