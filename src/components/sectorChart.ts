// Eligible people against active members by sector: a light bar for the eligible, a dark bar for the
// active inside it, the coverage rate at the end. Under a sex or age filter there is no eligible figure
// to compare with (sasaran is not split so): active members only.
import type * as Plot from "@observablehq/plot";
import {LEGEND_ROOM, deferred, loadPlot} from "./deferred.js";
import {formatInteger, formatPeople, formatPercent, idLocale} from "../lib/format.js";
import type {SectorCoverage} from "../lib/cakupan.js";
import {COLORS, emptyState, figure, swatches} from "./common.js";

export interface SectorChartOptions {
  width: number;
  /** Draw the eligible bars (false under a sex or age filter). */
  showEligible?: boolean;
}

const ELIGIBLE = "#b9d3ea";

export function sectorChart(rows: readonly SectorCoverage[], options: SectorChartOptions): HTMLElement {
  const {width, showEligible = true} = options;
  if (!rows.length) return emptyState("Tidak ada sektor yang dipilih.");
  const small = width < 560;
  const labelOf = (r: SectorCoverage) =>
    r.aktif === null ? formatPeople(null) : showEligible ? (r.rate === null ? "tanpa sasaran" : formatPercent(r.rate)) : formatInteger(r.aktif);
  const plotHeight = rows.length * 36 + 44;
  return deferred(plotHeight + LEGEND_ROOM, loadPlot, (Plot) => {
    const plot = Plot.plot({
      width,
      height: plotHeight,
      marginLeft: small ? 112 : 190,
      marginRight: 64,
      style: {fontSize: "12px"},
      x: {grid: true, label: "Orang", tickFormat: idLocale.format(",d"), ticks: small ? 3 : 6, nice: true},
      y: {label: null, domain: rows.map((r) => r.nama), tickSize: 0},
      ariaLabel: showEligible ? "Grafik sasaran dan peserta aktif per sektor" : "Grafik peserta aktif per sektor",
      marks: [
        Plot.axisY({lineWidth: small ? 9 : 16, tickSize: 0, label: null}),
        showEligible
          ? Plot.barX(
              rows.filter((r) => r.sasaran !== null),
              {x: "sasaran", y: "nama", fill: ELIGIBLE, title: (r: SectorCoverage) => `${r.nama}\nSasaran: ${formatInteger(r.sasaran)}`}
            )
          : null,
        Plot.barX(rows, {
          x: "aktif",
          y: "nama",
          fill: COLORS.accent,
          insetTop: showEligible ? 7 : 3,
          insetBottom: showEligible ? 7 : 3,
          title: (r: SectorCoverage) =>
            [r.nama, `Peserta aktif: ${formatPeople(r.aktif)}`, showEligible ? `Sasaran: ${formatInteger(r.sasaran)}` : null, showEligible ? `Cakupan: ${formatPercent(r.rate)}` : null]
              .filter(Boolean)
              .join("\n"),
          tip: true
        }),
        Plot.text(rows, {
          x: (r: SectorCoverage) => Math.max(showEligible ? r.sasaran ?? 0 : 0, r.aktif ?? 0),
          y: "nama",
          text: labelOf,
          dx: 4,
          textAnchor: "start",
          fill: COLORS.ink,
          fontWeight: 600
        }),
        Plot.ruleX([0])
      ]
    });
    const legend = swatches([
      ...(showEligible ? [{label: "Sasaran", color: ELIGIBLE}] : []),
      {label: "Peserta aktif", color: COLORS.accent}
    ]);
    const lowest = rows.filter((r) => r.rate !== null).sort((a, b) => a.rate! - b.rate!)[0];
    const description = showEligible && lowest
      ? `Sasaran dan peserta aktif per sektor; cakupan terendah: ${lowest.nama} (${formatPercent(lowest.rate)}).`
      : "Peserta aktif per sektor.";
    return figure(plot, {legend, description});
  });
}
