// Choropleth of the coverage rate (active members / eligible) by kecamatan.
import * as Plot from "@observablehq/plot";
import {geoArea, geoCentroid} from "d3";
import {feature} from "topojson-client";
import type {Feature, FeatureCollection, Geometry} from "geojson";
import type {GeometryCollection, Topology} from "topojson-specification";
import {formatInteger, formatPercent} from "../lib/format.js";
import type {CoverageRow} from "../lib/overview.js";
import {COLORS, figure, hatchPattern, swatches, uniqueId} from "./common.js";

export interface CoverageMapOptions {
  width: number;
  /** The TopoJSON object holding the kecamatan polygons. */
  object?: string;
  /** The feature property holding the kecamatan code. */
  codeProperty?: string;
  /** A sequential, colour-blind-safe Plot scheme. */
  scheme?: Plot.ColorScheme;
  /** Upper end of the colour scale (a rate); by default the largest rate, at least 0.5, at most 1. */
  max?: number;
  /** Show kecamatan names on the map. */
  labels?: boolean;
}

type KecFeature = Feature<Geometry, Record<string, unknown>>;

/** The map and its legend, as one <figure>. Rows come from `coverageByKecamatan`. */
export function coverageMap(topology: unknown, rows: readonly CoverageRow[], options: CoverageMapOptions): HTMLElement {
  const {width, object = "kecamatan", codeProperty = "kode_kec", scheme = "blues", labels = true} = options;
  const topo = topology as Topology;
  const geometries = topo.objects?.[object] as GeometryCollection | undefined;
  if (!geometries) throw new Error(`Batas wilayah tidak memuat objek "${object}"`);
  const collection = feature(topo, geometries) as FeatureCollection<Geometry, Record<string, unknown>>;
  const features = collection.features.map(rewindIfInverted);

  const byCode = new Map(rows.map((row) => [row.kode_kec, row]));
  const rowOf = (f: KecFeature) => byCode.get(String(f.properties?.[codeProperty] ?? ""));
  const rateOf = (f: KecFeature) => rowOf(f)?.rate ?? null;
  const withRate = features.filter((f) => rateOf(f) !== null);
  const withoutRate = features.filter((f) => rateOf(f) === null);

  const maxRate = Math.max(0, ...withRate.map((f) => rateOf(f)!));
  const top = options.max ?? Math.min(1, Math.max(0.5, Math.ceil(maxRate * 10) / 10));
  const hatchId = uniqueId("hatch");
  const small = width < 560;

  // The reference name; else the boundary file's own name property; else the code.
  const nameOf = (f: KecFeature) => {
    const code = String(f.properties?.[codeProperty] ?? "");
    const nama = rowOf(f)?.nama;
    return nama && nama !== code ? nama : String(f.properties?.kecamatan ?? f.properties?.nama ?? code);
  };
  const tipText = (f: KecFeature) => {
    const row = rowOf(f);
    return [
      `Kecamatan ${nameOf(f)}`,
      `Peserta aktif: ${formatInteger(row?.aktif ?? 0)}`,
      `Sasaran: ${row?.sasaran == null ? "tidak ada data" : formatInteger(row.sasaran)}`,
      `Cakupan: ${row?.rate == null ? "tidak ada data" : formatPercent(row.rate)}`
    ].join("\n");
  };

  const labelPoints = features.map((f) => {
    const p = f.properties ?? {};
    const [lng, lat] =
      typeof p.label_lng === "number" && typeof p.label_lat === "number" ? [p.label_lng, p.label_lat] : geoCentroid(f);
    return {lng, lat, nama: nameOf(f), rate: rateOf(f)};
  });

  const plot = Plot.plot({
    width,
    margin: 4,
    projection: {type: "mercator", domain: {type: "FeatureCollection", features} as FeatureCollection},
    color: {type: "linear", scheme, domain: [0, top], clamp: true},
    ariaLabel: "Peta cakupan per kecamatan",
    marks: [
      Plot.geo(withoutRate, {fill: `url(#${hatchId})`, stroke: "white", strokeWidth: 1, title: tipText, tip: true}),
      Plot.geo(withRate, {
        fill: (f: KecFeature) => rateOf(f),
        stroke: "white",
        strokeWidth: 1,
        title: tipText,
        tip: true
      }),
      Plot.geo(features, {stroke: COLORS.ink, strokeOpacity: 0.35, strokeWidth: 0.5}),
      labels
        ? Plot.text(labelPoints, {
            x: "lng",
            y: "lat",
            text: "nama",
            fontSize: small ? 9 : 11.5,
            fontWeight: 600,
            fill: COLORS.ink,
            stroke: "white",
            strokeWidth: 3,
            strokeOpacity: 0.85,
            pointerEvents: "none"
          } as Plot.TextOptions)
        : null
    ]
  });
  plot.insertBefore(hatchPattern(hatchId), plot.firstChild);

  const colorLegend = plot.legend("color", {
    label: "Cakupan (peserta aktif ÷ sasaran)",
    tickFormat: (d: number) => formatPercent(d, 0),
    width: Math.min(320, width - 10)
  } as Plot.LegendOptions);
  const legend = document.createElement("div");
  Object.assign(legend.style, {display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: "0.5rem 1.5rem"});
  if (colorLegend) legend.append(colorLegend);
  if (withoutRate.length) legend.append(swatches([{label: "Tidak ada data sasaran", color: "#8a939c", shape: "hatch"}]));

  const ranked = rows.filter((r) => r.rate !== null).sort((a, b) => a.rate! - b.rate!);
  const description = ranked.length
    ? `Peta cakupan per kecamatan. Terendah: ${ranked[0].nama} (${formatPercent(ranked[0].rate)}); tertinggi: ${
        ranked[ranked.length - 1].nama
      } (${formatPercent(ranked[ranked.length - 1].rate)}).`
    : "Peta kecamatan; belum ada data cakupan.";
  return figure(plot, {legend, description});
}

// d3-geo wants clockwise exterior rings; a ring wound the other way covers the whole globe instead.
function rewindIfInverted(f: KecFeature): KecFeature {
  if (!f.geometry || geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  if (g.type === "Polygon") return {...f, geometry: {...g, coordinates: g.coordinates.map((ring) => [...ring].reverse())}};
  if (g.type === "MultiPolygon")
    return {...f, geometry: {...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => [...ring].reverse()))}};
  return f;
}
