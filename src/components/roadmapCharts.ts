// Charts comparing up to three roadmap paths year by year: members protected against the eligible,
// contributions against the envelope, and new enrolments split into replacement and growth. Each takes
// the roadmaps already computed (src/lib/skenario/roadmap.ts).
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatMoney, formatMonth, idLocale} from "../lib/format.js";
import type {Roadmap} from "../lib/skenario/roadmap.js";
import {COLORS, emptyState, figure, monthDate, moneyAxis, swatches} from "./common.js";
import {SCENARIO_COLORS} from "./scenarioCharts.js";

export interface ChartPath {
  label: string;
  roadmap: Roadmap;
}

const yearTick = (d: number) => String(d);

/**
 * Lines month by month over the horizon: members per path (a sawtooth: each year's enrolment lifts it,
 * ageing out and deaths drain it until the next), from today's; the eligible population (dashed, by year).
 */
export function roadmapMembersChart(paths: readonly ChartPath[], options: {width: number; height?: number}): HTMLElement {
  const {width, height = 300} = options;
  if (!paths.length || !paths[0].roadmap.years.length) return emptyState("Belum ada jalur.");
  const first = paths[0].roadmap;
  const data = paths.flatMap((p) => [
    {label: p.label, date: monthDate(p.roadmap.kini.bulan), bulan: p.roadmap.kini.bulan, peserta: p.roadmap.kini.aktif},
    ...p.roadmap.years.flatMap((y) => y.result.bulan.map((m) => ({label: p.label, date: monthDate(m.bulan), bulan: m.bulan, peserta: m.terdaftar}))),
    ...(() => {
      const last = p.roadmap.years[p.roadmap.years.length - 1];
      return [{label: p.label, date: monthDate(`${last.tahun + 1}-01`), bulan: `${last.tahun + 1}-01`, peserta: last.akhir}];
    })()
  ]);
  const end = monthDate(`${first.years[first.years.length - 1].tahun + 1}-01`);
  const eligible = [
    {date: monthDate(first.kini.bulan), sasaran: first.kini.sasaran},
    ...first.years.map((y) => ({date: monthDate(`${y.tahun}-01`), sasaran: y.sasaran})),
    {date: end, sasaran: first.years[first.years.length - 1].sasaran}
  ];
  const peak = Math.max(...eligible.map((d) => d.sasaran), ...data.map((d) => d.peserta), 1);
  const years = first.years.length + 1;
  const every = Math.max(1, Math.ceil((years * 44) / Math.max(1, width - 80)));
  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height,
      marginLeft: 56,
      marginRight: 16,
      marginBottom: 36,
      style: {fontSize: "12px"},
      x: {type: "utc", domain: [monthDate(first.kini.bulan), end], ticks: `${every} years`, tickFormat: (d: Date) => String(d.getUTCFullYear()), label: null},
      y: {grid: true, label: "Peserta", domain: [0, peak * 1.1], tickFormat: idLocale.format(",d"), nice: true},
      color: {domain: paths.map((p) => p.label), range: SCENARIO_COLORS.slice(0, paths.length)},
      ariaLabel: "Grafik peserta per bulan per jalur dan sasaran per tahun",
      marks: [
        Plot.line(eligible, {x: "date", y: "sasaran", stroke: COLORS.vermillion, strokeDasharray: "6,4", curve: "step-after"}),
        Plot.line(data, {x: "date", y: "peserta", stroke: "label", z: "label", strokeWidth: 2, curve: "step-after"}),
        Plot.ruleY([0]),
        Plot.tip(data, Plot.pointer({x: "date", y: "peserta", title: (d: (typeof data)[number]) => `${d.label}, ${formatMonth(d.bulan)}\nPeserta: ${formatInteger(d.peserta)}`}))
      ]
    });
    const legend = swatches([...paths.map((p, i) => ({label: p.label, color: SCENARIO_COLORS[i], shape: "line" as const})), {label: "Sasaran", color: COLORS.vermillion, shape: "dash" as const}]);
    const last = (p: ChartPath) => p.roadmap.years[p.roadmap.years.length - 1];
    const description = paths
      .map((p) => `${p.label}: ${formatInteger(p.roadmap.kini.aktif)} kini, ${formatInteger(last(p).sesudahDaftar)} sesudah pendaftaran ${last(p).tahun}, ${formatInteger(last(p).akhir)} di akhir ${last(p).tahun}`)
      .join("; ");
    return figure(plot, {legend, description: `Peserta per bulan. ${description}. Sasaran ${formatInteger(last(paths[0]).sasaran)}.`});
  });
}

/** Bars per year and path: the year's contributions; a red tick for the year's envelope. */
export function roadmapCostChart(paths: readonly ChartPath[], options: {width: number; height?: number}): HTMLElement {
  const {width, height = 300} = options;
  if (!paths.length || !paths[0].roadmap.years.length) return emptyState("Belum ada jalur.");
  const data = paths.flatMap((p, i) => p.roadmap.years.map((y) => ({label: p.label, i, tahun: y.tahun, iuran: y.iuran, lebih: y.selisih < 0})));
  const envelope = paths[0].roadmap.years.map((y) => ({tahun: y.tahun, pagu: y.pagu}));
  const max = Math.max(...data.map((d) => d.iuran), ...envelope.map((d) => d.pagu), 1);
  const y = moneyAxis(max);
  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height,
      marginLeft: 56,
      marginRight: 16,
      marginBottom: 36,
      style: {fontSize: "12px"},
      fx: {label: null, tickFormat: yearTick, padding: 0.15},
      x: {domain: paths.map((p) => p.label), axis: null, padding: 0.1},
      y: {grid: true, domain: [0, max * 1.1], tickFormat: y.tickFormat, label: y.label},
      color: {domain: paths.map((p) => p.label), range: SCENARIO_COLORS.slice(0, paths.length)},
      ariaLabel: "Grafik biaya iuran per tahun per jalur dibandingkan pagu",
      marks: [
        Plot.barY(data, {fx: "tahun", x: "label", y: "iuran", fill: "label", tip: true, title: (d: (typeof data)[number]) => `${d.label}, ${d.tahun}: ${formatMoney(d.iuran)}${d.lebih ? " (melebihi pagu)" : ""}`}),
        Plot.ruleY(envelope, {fx: "tahun", y: "pagu", stroke: COLORS.vermillion, strokeWidth: 2.5}),
        Plot.ruleY([0])
      ]
    });
    const legend = swatches([...paths.map((p, i) => ({label: p.label, color: SCENARIO_COLORS[i], shape: "rect" as const})), {label: "Pagu", color: COLORS.vermillion, shape: "line" as const}]);
    const description = paths
      .map((p) => `${p.label}: ${p.roadmap.years.map((y) => `${y.tahun} ${formatMoney(y.iuran)}${y.selisih < 0 ? " (melebihi pagu)" : ""}`).join(", ")}`)
      .join("; ");
    return figure(plot, {legend, description: `Biaya iuran per tahun. ${description}.`});
  });
}

const PARTS = ["Pengganti peserta keluar", "Pertumbuhan"] as const;

/** Stacked bars per year and path: new members replacing the year's leavers, and growth. */
export function roadmapNewChart(paths: readonly ChartPath[], options: {width: number; height?: number}): HTMLElement {
  const {width, height = 300} = options;
  if (!paths.length || !paths[0].roadmap.years.length) return emptyState("Belum ada jalur.");
  const short = paths.map((p) => p.label.replace(/^Jalur /, ""));
  const data = paths.flatMap((p, i) =>
    p.roadmap.years.flatMap((y) => [
      {label: p.label, kode: short[i], tahun: y.tahun, bagian: PARTS[0], orang: y.pengganti},
      {label: p.label, kode: short[i], tahun: y.tahun, bagian: PARTS[1], orang: y.pertumbuhan}
    ])
  );
  const max = Math.max(...paths.flatMap((p) => p.roadmap.years.map((y) => y.baru)), 1);
  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height,
      marginLeft: 56,
      marginRight: 16,
      marginBottom: 36,
      style: {fontSize: "12px"},
      fx: {label: null, tickFormat: yearTick, padding: 0.15},
      x: {domain: short, label: null, tickSize: 0, padding: 0.1, axis: paths.length > 1 ? "top" : null},
      y: {grid: true, domain: [0, max * 1.1], label: "Peserta baru", tickFormat: idLocale.format(",d")},
      color: {domain: PARTS as unknown as string[], range: [COLORS.accentLight, COLORS.green]},
      ariaLabel: "Grafik peserta baru per tahun: pengganti dan pertumbuhan",
      marks: [
        Plot.barY(data, Plot.stackY({fx: "tahun", x: "kode", y: "orang", fill: "bagian", order: PARTS as unknown as string[], tip: true, title: (d: (typeof data)[number]) => `${d.label}, ${d.tahun} — ${d.bagian}: ${formatInteger(d.orang)}`} as Plot.BarYOptions)),
        Plot.ruleY([0])
      ]
    });
    const legend = swatches([
      {label: "Pengganti peserta yang keluar (usia 65, meninggal)", color: COLORS.accentLight, shape: "rect"},
      {label: "Pertumbuhan (melebihi yang keluar)", color: COLORS.green, shape: "rect"}
    ]);
    const description = paths.map((p) => `${p.label}: ${p.roadmap.years.map((y) => `${y.tahun} ${formatInteger(y.baru)}`).join(", ")}`).join("; ");
    return figure(plot, {legend, description: `Peserta baru per tahun. ${description}.`});
  });
}
