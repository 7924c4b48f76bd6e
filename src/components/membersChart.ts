// Active members by month against the target (the eligible population, or a program target).
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatMonth, formatMonthShort, idLocale} from "../lib/format.js";
import type {MemberMonth} from "../lib/overview.js";
import {COLORS, emptyState, figure, monthAxis, monthDate, nextMonth, swatches} from "./common.js";

export interface MembersChartOptions {
  width: number;
  height?: number;
  /** The horizontal target line; omitted when null. */
  target?: number | null;
  /** What the target is ("Sasaran", "Target RPJMD"…). */
  targetLabel?: string;
  /** Show registered members (incl. unfunded months) as a dashed line. */
  showRegistered?: boolean;
}

export function membersChart(months: readonly MemberMonth[], options: MembersChartOptions): HTMLElement {
  const {width, height = 320, target = null, targetLabel = "Sasaran", showRegistered = true} = options;
  if (!months.length) return emptyState("Belum ada data peserta per bulan.");
  const data = months.map((m) => ({...m, date: monthDate(m.bulan)}));
  const first = data[0];
  const last = data[data.length - 1];
  const peak = Math.max(...data.map((d) => Math.max(d.aktif, showRegistered ? d.terdaftar : 0)), target ?? 0);
  const x = monthAxis(data.length, width);

  return deferred(height + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      style: {fontSize: "12px"},
      height,
      marginLeft: 56,
      marginRight: 16,
      marginBottom: 40,
      // One month alone would make an empty domain: show it as the span of that month.
      x: {...x, domain: [first.date, data.length > 1 ? last.date : nextMonth(last.date)]},
      y: {grid: true, label: "Peserta", domain: [0, peak * 1.1], tickFormat: idLocale.format(",d"), nice: true},
      ariaLabel: "Grafik peserta aktif per bulan",
      marks: [
        Plot.areaY(data, {x: "date", y: "aktif", fill: COLORS.accent, fillOpacity: 0.12, curve: "monotone-x"}),
        showRegistered
          ? Plot.lineY(data, {x: "date", y: "terdaftar", stroke: COLORS.grey, strokeWidth: 1.5, strokeDasharray: "4,3", curve: "monotone-x"})
          : null,
        Plot.lineY(data, {x: "date", y: "aktif", stroke: COLORS.accent, strokeWidth: 2.5, curve: "monotone-x"}),
        Plot.dot([last], {x: "date", y: "aktif", fill: COLORS.accent, r: 4}),
        Plot.text([last], {
          x: "date",
          y: "aktif",
          text: (d: typeof last) => formatInteger(d.aktif),
          dy: -12,
          textAnchor: "end",
          fontWeight: 700,
          fontSize: 13,
          fill: COLORS.accent,
          stroke: "white",
          strokeWidth: 3
        }),
        target !== null && target > 0 ? Plot.ruleY([target], {stroke: COLORS.vermillion, strokeWidth: 1.5, strokeDasharray: "6,4"}) : null,
        target !== null && target > 0
          ? Plot.text([target], {
              y: (d: number) => d,
              frameAnchor: "left",
              dx: 4,
              dy: -8,
              text: (d: number) => `${targetLabel}: ${formatInteger(d)}`,
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
            y: "aktif",
            title: (d: (typeof data)[number]) =>
              [
                formatMonth(d.bulan),
                `Aktif (iuran didanai): ${formatInteger(d.aktif)}`,
                showRegistered ? `Terdaftar: ${formatInteger(d.terdaftar)}` : null
              ]
                .filter(Boolean)
                .join("\n")
          })
        )
      ]
    });

    const legend = swatches([
      {label: "Peserta aktif (iuran didanai)", color: COLORS.accent, shape: "line"},
      ...(showRegistered ? [{label: "Terdaftar (termasuk bulan belum didanai)", color: COLORS.grey, shape: "dash" as const}] : []),
      ...(target !== null && target > 0 ? [{label: targetLabel, color: COLORS.vermillion, shape: "dash" as const}] : [])
    ]);
    const description =
      `Peserta aktif dari ${formatMonthShort(first.bulan)} (${formatInteger(first.aktif)}) sampai ` +
      `${formatMonthShort(last.bulan)} (${formatInteger(last.aktif)})` +
      (target ? `; ${targetLabel.toLowerCase()} ${formatInteger(target)}.` : ".");
    return figure(plot, {legend, description});
  });
}
