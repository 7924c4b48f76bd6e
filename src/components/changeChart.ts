// What changed since the previous month, per place: new members to the right, exits to the left
// stacked by reason (death, age 65, other), and the net change as a black tick.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatPeople, idLocale} from "../lib/format.js";
import type {ChangeRow} from "../lib/cakupan.js";
import {COLORS, emptyState, figure, swatches} from "./common.js";

export const CHANGE_KINDS = [
  {key: "baru", label: "Peserta baru", color: COLORS.accent, sign: 1},
  {key: "keluar_meninggal", label: "Keluar: meninggal", color: COLORS.vermillion, sign: -1},
  {key: "keluar_usia", label: "Keluar: mencapai batas usia", color: COLORS.orange, sign: -1},
  {key: "keluar_lainnya", label: "Keluar: lainnya (masa berakhir, tidak didanai, pindah)", color: COLORS.grey, sign: -1}
] as const;

export function changeChart(rows: readonly ChangeRow[], options: {width: number; placeLabel?: string}): HTMLElement {
  const {width, placeLabel = "kecamatan"} = options;
  if (!rows.length) return emptyState("Tidak ada perubahan untuk ditampilkan.");
  // Suppressed flows (null, public build) draw no bar; the table beside says "ditekan".
  const long = rows.flatMap((r) =>
    CHANGE_KINDS.map((k) => ({nama: r.nama, kind: k.label, value: k.sign * (r[k.key] ?? 0), count: r[k.key] ?? 0})).filter((d) => d.count > 0)
  );
  const extent = Math.max(1, ...rows.map((r) => Math.max(r.baru ?? 0, r.keluar ?? 0, Math.abs(r.neto ?? 0))));
  const small = width < 560;
  const plotHeight = rows.length * (small ? 34 : 24) + 50;
  return deferred(plotHeight + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      // Long sector names wrap to three lines on a phone: taller rows keep them apart.
      height: plotHeight,
      marginLeft: small ? 100 : 150,
      marginRight: 16,
      style: {fontSize: "12px"},
      x: {grid: true, label: "← keluar · masuk →", labelAnchor: "center", domain: [-extent, extent], nice: true, ticks: small ? 4 : 8, tickFormat: (d: number) => (Number.isInteger(d) ? idLocale.format(",d")(Math.abs(d)) : "")},
      y: {label: null, domain: rows.map((r) => r.nama), tickSize: 0},
      color: {domain: CHANGE_KINDS.map((k) => k.label), range: CHANGE_KINDS.map((k) => k.color)},
      ariaLabel: `Grafik peserta baru dan keluar per ${placeLabel}`,
      marks: [
        Plot.axisY({lineWidth: small ? 8 : 12, tickSize: 0, label: null}),
        Plot.barX(long, {
          x: "value",
          y: "nama",
          fill: "kind",
          insetTop: 3,
          insetBottom: 3,
          title: (d: (typeof long)[number]) => `${d.nama}\n${d.kind}: ${formatInteger(d.count)}`,
          tip: true
        }),
        Plot.tickX(rows.filter((r) => r.neto !== null), {x: "neto", y: "nama", stroke: COLORS.ink, strokeWidth: 2.5, title: (r: ChangeRow) => `${r.nama}\nPerubahan bersih: ${formatInteger(r.neto)}`}),
        Plot.ruleX([0], {stroke: COLORS.ink})
      ]
    });
    const legend = swatches([
      ...CHANGE_KINDS.map((k) => ({label: k.label, color: k.color})),
      {label: "Perubahan bersih", color: COLORS.ink, shape: "line" as const}
    ]);
    const baru = rows.reduce((s, r) => s + (r.baru ?? 0), 0);
    const keluar = rows.reduce((s, r) => s + (r.keluar_meninggal ?? 0) + (r.keluar_usia ?? 0) + (r.keluar_lainnya ?? 0), 0);
    const hidden = rows.filter((r) => r.baru === null || r.keluar === null).length;
    const description =
      `${formatInteger(baru)} peserta baru dan ${formatInteger(keluar)} keluar dibanding bulan sebelumnya, per ${placeLabel}.` +
      (hidden ? ` Angka ${formatInteger(hidden)} ${placeLabel} ${formatPeople(null)} (angka kecil).` : "");
    return figure(plot, {legend, description});
  });
}
