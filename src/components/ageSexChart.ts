// Active members by age band and sex: one pair of bars per band. The eligible population has no
// age or sex split, so there is nothing to compare against here.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatPeople, idLocale} from "../lib/format.js";
import {bandName, SEX_NAMES, sexName} from "../lib/kelompok.js";
import type {AgeSexRow} from "../lib/cakupan.js";
import {COLORS, emptyState, figure, swatches} from "./common.js";

export const SEXES = [
  {kode: "L", nama: SEX_NAMES.L, color: COLORS.accent},
  {kode: "P", nama: SEX_NAMES.P, color: COLORS.orange}
] as const;

// The names live in lib (tables and filter sentences use them too); re-exported for the pages that import them here.
export {bandName, sexName};

export function ageSexChart(rows: readonly AgeSexRow[], options: {width: number}): HTMLElement {
  const {width} = options;
  if (!rows.length) return emptyState("Tidak ada data peserta untuk pilihan ini.");
  const data = rows.map((r) => ({...r, band: bandName(r.kelompok_umur), sex: sexName(r.jenis_kelamin)}));
  const bands = [...new Set(data.map((d) => d.band))];
  const sexes = SEXES.filter((s) => data.some((d) => d.jenis_kelamin === s.kode));
  const plotHeight = bands.length * (sexes.length * 26 + 22) + 40;
  return deferred(plotHeight + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height: plotHeight,
      marginLeft: 86,
      marginRight: 56,
      style: {fontSize: "12px"},
      x: {grid: true, label: null, tickFormat: idLocale.format(",d"), ticks: width < 560 ? 3 : 6, nice: true},
      y: {label: null, domain: sexes.map((s) => s.nama), axis: null},
      fy: {label: null, domain: bands},
      color: {domain: sexes.map((s) => s.nama), range: sexes.map((s) => s.color)},
      ariaLabel: "Grafik peserta aktif per kelompok umur dan jenis kelamin",
      marks: [
        Plot.barX(data, {
          x: "aktif",
          y: "sex",
          fy: "band",
          fill: "sex",
          title: (d: (typeof data)[number]) => `${d.band}, ${d.sex.toLowerCase()}\nPeserta aktif: ${formatPeople(d.aktif)}`,
          tip: true
        }),
        Plot.text(data, {x: (d: (typeof data)[number]) => d.aktif ?? 0, y: "sex", fy: "band", text: (d: (typeof data)[number]) => formatPeople(d.aktif), dx: 4, textAnchor: "start", fontWeight: 600}),
        Plot.ruleX([0])
      ]
    });
    const legend = swatches(sexes.map((s) => ({label: s.nama, color: s.color})));
    const description = `Peserta aktif per kelompok umur dan jenis kelamin: ${data.map((d) => `${d.band} ${d.sex.toLowerCase()} ${formatPeople(d.aktif)}`).join("; ")}.`;
    return figure(plot, {legend, description});
  });
}
