// Active members by month, one small chart per kecamatan on a shared scale, with the enrolment
// tranches (months whose intake jumps) marked in every panel.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {dateToMonth, formatInteger, formatMonth, formatMonthShort, formatPeople, idLocale} from "../lib/format.js";
import type {PlaceMonth} from "../lib/cakupan.js";
import {COLORS, emptyState, figure, monthDate, swatches} from "./common.js";

export interface KecamatanMultiplesOptions {
  width: number;
  /** Tranche months ("YYYY-MM"). */
  tranches?: readonly string[];
  /** The drilled-in kecamatan, drawn in a stronger colour. */
  selected?: string | null;
}

export function kecamatanMultiples(rows: readonly PlaceMonth[], options: KecamatanMultiplesOptions): HTMLElement {
  const {width, tranches = [], selected = null} = options;
  if (!rows.length) return emptyState("Belum ada data peserta per bulan.");
  const codes = [...new Set(rows.map((r) => r.kode))];
  // More panels per row when there are many (a regency may have 40+ kecamatan), as long as each stays ≥ 170 px.
  const columns = width < 520 ? 2 : width < 900 ? (codes.length > 15 && width >= 700 ? 4 : 3) : codes.length > 15 && width >= 1200 ? 6 : 5;
  const cell = new Map(codes.map((kode, i) => [kode, {col: i % columns, row: Math.floor(i / columns)}]));
  const data = rows.map((r) => ({...r, date: monthDate(r.bulan), col: cell.get(r.kode)!.col, row: cell.get(r.kode)!.row}));
  const names = codes.map((kode) => {
    const first = data.find((d) => d.kode === kode)!;
    return {kode, nama: first.nama, col: first.col, row: first.row};
  });
  const dates = data.map((d) => d.date.getTime());
  const [start, end] = [new Date(Math.min(...dates)), new Date(Math.max(...dates))];
  const rowsCount = Math.ceil(codes.length / columns);
  const colorOf = (kode: string) => (selected && kode !== selected ? COLORS.grey : COLORS.accent);

  const plotHeight = rowsCount * 96 + 40;
  return deferred(plotHeight + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height: plotHeight,
      marginLeft: 44,
      marginRight: 8,
      marginTop: 8,
      marginBottom: 30,
      style: {fontSize: "11px"},
      x: {type: "utc", domain: [start, end], ticks: yearTicks(start, end), tickFormat: (d: Date) => formatMonthShort(dateToMonth(d)), label: null},
      y: {grid: true, label: null, tickFormat: idLocale.format(",d"), ticks: 3, nice: true},
      fx: {axis: null, padding: 0.12},
      fy: {axis: null, padding: 0.28},
      ariaLabel: "Grafik kecil peserta aktif per bulan untuk setiap kecamatan",
      marks: [
        Plot.ruleX(tranches.map(monthDate), {stroke: COLORS.vermillion, strokeDasharray: "3,3", strokeOpacity: 0.8}),
        Plot.areaY(data, {x: "date", y: "aktif", fx: "col", fy: "row", z: "kode", fill: (d: (typeof data)[number]) => colorOf(d.kode), fillOpacity: 0.15}),
        Plot.lineY(data, {x: "date", y: "aktif", fx: "col", fy: "row", z: "kode", stroke: (d: (typeof data)[number]) => colorOf(d.kode), strokeWidth: 1.6}),
        Plot.text(names, {
          fx: "col",
          fy: "row",
          frameAnchor: "top-left",
          dy: -2,
          dx: 2,
          text: "nama",
          // A long name ends in "…" rather than running into the next panel (in ems of the 11 px text).
          lineWidth: Math.max(4, (width - 52) / columns / 11 - 0.5),
          textOverflow: "ellipsis",
          fontWeight: 600,
          fill: COLORS.ink,
          stroke: "white",
          strokeWidth: 3
        } as Plot.TextOptions),
        Plot.tip(
          data,
          Plot.pointerX({
            x: "date",
            y: "aktif",
            fx: "col",
            fy: "row",
            title: (d: (typeof data)[number]) => `${d.nama}, ${formatMonth(d.bulan)}\nPeserta aktif: ${formatPeople(d.aktif)}`
          })
        ),
        Plot.ruleY([0])
      ]
    });
    const legend = swatches([
      {label: "Peserta aktif", color: COLORS.accent, shape: "line"},
      ...(tranches.length ? [{label: "Tahap pendaftaran (lonjakan peserta baru)", color: COLORS.vermillion, shape: "dash" as const}] : [])
    ]);
    const description =
      `Peserta aktif per bulan di ${formatInteger(codes.length)} kecamatan, ${formatMonth(rows[0].bulan)} – ${formatMonth(rows[rows.length - 1].bulan)}` +
      (tranches.length ? `; tahap pendaftaran: ${tranches.map(formatMonth).join(", ")}.` : ".");
    return figure(plot, {legend, description});
  });
}

// Panels are narrow: one tick per January (labels at the panel edges would run into the next panel);
// a span within one year gets one tick at its start.
function yearTicks(start: Date, end: Date): Date[] {
  const ticks: Date[] = [];
  for (let year = start.getUTCFullYear() + (start.getUTCMonth() > 0 ? 1 : 0); year <= end.getUTCFullYear(); year++) ticks.push(new Date(Date.UTC(year, 0, 1)));
  return ticks.length ? ticks : [start];
}
