// Benefits paid to members' families by month of the event, stacked by benefit type (JKM, JKK).
// Benefits are paid by BPJS Ketenagakerjaan, not from the regency budget: an impact figure.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatMoney, formatMonth} from "../lib/format.js";
import type {ClaimMonth} from "../lib/overview.js";
import {COLORS, emptyState, figure, monthAxis, monthDate, moneyAxis, nextMonth, swatches} from "./common.js";

export interface ClaimsChartOptions {
  width: number;
  height?: number;
  /** The months to span ("YYYY-MM", first and last), so months without claims show as gaps. */
  range?: readonly [string, string] | null;
}

export const CLAIM_TYPES = [
  {jenis: "JKM", label: "JKM — meninggal dunia (bukan kecelakaan kerja)", color: COLORS.accent},
  {jenis: "JKK", label: "JKK — meninggal karena kecelakaan kerja", color: COLORS.orange}
] as const;

export function claimsChart(claims: readonly ClaimMonth[], options: ClaimsChartOptions): HTMLElement {
  const {width, height = 300, range = null} = options;
  if (!claims.length) return emptyState("Belum ada klaim yang tercatat.");
  const data = claims.map((c) => ({...c, date: monthDate(c.bulan)}));
  const keys = data.map((d) => d.bulan).sort();
  const [from, to] = range ?? [keys[0], keys[keys.length - 1]];
  const start = monthDate(from < keys[0] ? from : keys[0]);
  const end = nextMonth(monthDate(to > keys[keys.length - 1] ? to : keys[keys.length - 1]));
  const spanMonths = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();

  const totals = new Map<string, number>();
  for (const d of data) totals.set(d.bulan, (totals.get(d.bulan) ?? 0) + d.total);
  const y = moneyAxis(Math.max(...totals.values(), 1));
  const x = monthAxis(spanMonths, width);
  const types = [...CLAIM_TYPES.map((t) => t.jenis as string)];
  for (const d of data) if (!types.includes(d.jenis)) types.push(d.jenis);
  const palette = [...CLAIM_TYPES.map((t) => t.color as string), COLORS.green, COLORS.grey];

  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      style: {fontSize: "12px"},
      height,
      marginLeft: 52,
      marginRight: 16,
      marginBottom: 40,
      x: {...x, domain: [start, end]},
      y: {grid: true, tickFormat: y.tickFormat, label: y.label, nice: true},
      color: {domain: types, range: palette.slice(0, types.length)},
      ariaLabel: "Grafik santunan yang diterima keluarga per bulan",
      marks: [
        Plot.rectY(data, {
          x: "date",
          interval: "month",
          y: "total",
          fill: "jenis",
          order: types,
          insetLeft: 1,
          insetRight: 1,
          title: (d: (typeof data)[number]) =>
            [
              `${formatMonth(d.bulan)} — ${d.jenis}`,
              `Klaim: ${formatInteger(d.jumlah)}`,
              `Santunan: ${formatMoney(d.nominal)}`,
              d.beasiswa ? `Beasiswa: ${formatMoney(d.beasiswa)}` : null
            ]
              .filter(Boolean)
              .join("\n"),
          tip: true
        } as Plot.RectYOptions),
        Plot.ruleY([0])
      ]
    });

    const legend = swatches(types.map((jenis, i) => ({label: CLAIM_TYPES.find((t) => t.jenis === jenis)?.label ?? jenis, color: palette[i] ?? COLORS.grey})));
    const count = data.reduce((s, d) => s + d.jumlah, 0);
    const amount = data.reduce((s, d) => s + d.total, 0);
    const description = `${formatInteger(count)} klaim, ${formatMoney(amount)} diterima keluarga peserta, ${formatMonth(keys[0])} – ${formatMonth(keys[keys.length - 1])}.`;
    return figure(plot, {legend, description});
  });
}
