// Per kecamatan: contributions invoiced (the regency's spending) and what families received from
// BPJS Ketenagakerjaan, as a dot pair joined by a line, largest spending first.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatMoney} from "../lib/format.js";
import {COLORS, emptyState, figure, moneyAxis, swatches} from "./common.js";

export interface KecamatanSpendingRow {
  nama: string;
  iuran_ditagih: number;
  /** null: suppressed (public build): no dot drawn. */
  santunan: number | null;
}

export interface KecamatanSpendingChartOptions {
  width: number;
  /** Legend text for the spending dots (says whether the amounts are apportioned). */
  spendingLabel?: string;
}

export function kecamatanSpendingChart(rows: readonly KecamatanSpendingRow[], options: KecamatanSpendingChartOptions): HTMLElement {
  const {width, spendingLabel = "Iuran ditagihkan"} = options;
  if (!rows.length) return emptyState("Belum ada data per kecamatan.");
  const sorted = [...rows].sort((a, b) => b.iuran_ditagih - a.iuran_ditagih);
  const max = Math.max(1, ...sorted.map((r) => Math.max(r.iuran_ditagih, r.santunan ?? 0)));
  const x = moneyAxis(max);
  const small = width < 560;

  const plotHeight = 28 * sorted.length + 48;
  return deferred(plotHeight + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height: plotHeight,
      style: {fontSize: "12px"},
      marginLeft: small ? 100 : 130,
      marginRight: 20,
      x: {grid: true, domain: [0, max * 1.05], tickFormat: x.tickFormat, label: x.label, nice: true, axis: "top", ticks: small ? 4 : 8},
      y: {domain: sorted.map((r) => r.nama), label: null},
      ariaLabel: "Grafik iuran dan santunan per kecamatan",
      marks: [
        Plot.ruleY(sorted.filter((r) => r.santunan !== null), {y: "nama", x1: "iuran_ditagih", x2: "santunan", stroke: COLORS.grey, strokeWidth: 1.5}),
        Plot.dot(sorted.filter((r) => r.santunan !== null), {y: "nama", x: "santunan", r: 5, fill: COLORS.accent, title: (r: KecamatanSpendingRow) => `${r.nama}\nSantunan diterima keluarga: ${formatMoney(r.santunan)}`, tip: true}),
        Plot.dot(sorted, {y: "nama", x: "iuran_ditagih", r: 5, fill: COLORS.green, title: (r: KecamatanSpendingRow) => `${r.nama}\n${spendingLabel}: ${formatMoney(r.iuran_ditagih)}`, tip: true})
      ]
    });
    // The public build publishes no benefits per kecamatan: then neither dots nor their swatch.
    const withBenefits = sorted.some((r) => r.santunan !== null);
    const legend = swatches([
      {label: spendingLabel, color: COLORS.green},
      ...(withBenefits ? [{label: "Santunan diterima keluarga", color: COLORS.accent}] : [])
    ]);
    return figure(plot, {legend, description: `${withBenefits ? "Iuran dan santunan" : "Iuran"} per kecamatan, ${sorted.length} kecamatan, diurutkan dari iuran terbesar.`});
  });
}
