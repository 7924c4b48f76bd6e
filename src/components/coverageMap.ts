// Choropleth of coverage by kecamatan (or by desa of one kecamatan): the coverage rate (active ÷
// eligible), the gap (eligible − active) or active members. Places can be selected by click or by
// keyboard (Tab, then Enter or Space) when `onSelect` is given.
import type * as Plot from "@observablehq/plot";
import {feature} from "topojson-client";
import type {Feature, FeatureCollection, Geometry} from "geojson";
import type {GeometryCollection, Topology} from "topojson-specification";
import {formatInteger, formatPeople, formatPercent, idLocale} from "../lib/format.js";
import {placeLabels} from "../lib/labels.js";
import {COLORS, figure, hatchPattern, swatches, uniqueId} from "./common.js";
import {deferred, lazy, loadPlot} from "./deferred.js";

// Plot and d3-geo (centroids, areas) arrive when the map is about to be seen (deferred.ts).
const loadMap = lazy(() => Promise.all([loadPlot(), import("d3-geo")]));

/** What the colours show. */
export type MapMetric = "rate" | "gap" | "aktif";

/** One place's figures; `coverageByKecamatan` (overview) and `coverageByPlace` (cakupan) rows both fit. */
export interface MapRow {
  kode_kec?: string;
  kode?: string;
  nama: string;
  /** null: suppressed in a public build (drawn apart, never as zero or as "no data"). */
  aktif: number | null;
  sasaran: number | null;
  rate: number | null;
  gap?: number | null;
}

export interface CoverageMapOptions {
  width: number;
  /** The TopoJSON object holding the polygons ("kecamatan", "desa"). */
  object?: string;
  /** The feature property holding the place code ("kode_kec", "kode_desa"). */
  codeProperty?: string;
  /** Draw only the features whose properties pass (e.g. the desa of one kecamatan). */
  include?: (properties: Record<string, unknown>) => boolean;
  /** The colour metric; "rate" by default. */
  metric?: MapMetric;
  /** A sequential, colour-blind-safe Plot scheme; by default blues (rate), oranges (gap), purples (active). */
  scheme?: Plot.ColorScheme;
  /** Upper end of the colour scale; for a rate by default the largest rate, at least 0.5, at most 1. */
  max?: number;
  /** Show place names on the map: those that fit, larger places first (all are in the tips and the table). */
  labels?: boolean;
  /** The kind of place, for tips and labels ("Kecamatan", "Desa"). */
  placeLabel?: string;
  /** A place drawn with a heavy outline. */
  selected?: string | null;
  /** Called with a place's code when it is clicked or chosen by keyboard. */
  onSelect?: (code: string) => void;
  /** What choosing a place does, for screen readers ("lihat desa"). */
  selectHint?: string;
  /** Why a place has no value under this metric (legend and tips); "Tidak ada data sasaran" by default. */
  noDataLabel?: string;
}

type KecFeature = Feature<Geometry, Record<string, unknown>>;

/** A suppressed place: a flat light grey, unlike any colour of the sequential schemes or the no-data hatch. */
const SUPPRESSED_FILL = "#d9dde1";

/** The labels' font: measured on a canvas before drawing, so it is named here and in the mark alike. */
const LABEL_FONT = "system-ui, sans-serif";

let measure: CanvasRenderingContext2D | null | undefined;
/** A label's width in pixels at `fontSize` (semi-bold), measured on a canvas; estimated without one. */
function textWidth(text: string, fontSize: number): number {
  if (measure === undefined) measure = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (!measure) return text.length * fontSize * 0.62;
  measure.font = `600 ${fontSize}px ${LABEL_FONT}`;
  return measure.measureText(text).width;
}

/**
 * Tips let clicks through: a tip drawn on press over a small place (a regency of 40 kecamatan has many)
 * would otherwise take the release, and the click would never reach the place's button.
 */
const TIP = {pointerEvents: "none"} as const;

/** The class of the top layer of place outlines (the one that takes clicks and focus). */
const SELECTABLE = "jaring-wilayah";

const METRICS: Record<MapMetric, {scheme: Plot.ColorScheme; label: string; tick: (d: number) => string}> = {
  rate: {scheme: "blues", label: "Cakupan (peserta aktif ÷ sasaran)", tick: (d) => formatPercent(d, 0)},
  gap: {scheme: "oranges", label: "Celah (sasaran − peserta aktif)", tick: (d) => idLocale.format(",d")(d)},
  aktif: {scheme: "purples", label: "Peserta aktif", tick: (d) => idLocale.format(",d")(d)}
};

/** The map and its legend, as one <figure>. Rows come from `coverageByKecamatan` or `coverageByPlace`. */
export function coverageMap(topology: unknown, rows: readonly MapRow[], options: CoverageMapOptions): HTMLElement {
  const {width, object = "kecamatan", codeProperty = "kode_kec", metric = "rate", labels = true, placeLabel = "Kecamatan"} = options;
  const {selected = null, onSelect, include, noDataLabel = "Tidak ada data sasaran"} = options;
  const scheme = options.scheme ?? METRICS[metric].scheme;
  const topo = topology as Topology;
  const geometries = topo.objects?.[object] as GeometryCollection | undefined;
  if (!geometries) throw new Error(`Batas wilayah tidak memuat objek "${object}"`);
  // Only the places drawn are converted to GeoJSON (a kecamatan's desa, not the region's hundreds).
  const drawn = include ? {...geometries, geometries: geometries.geometries.filter((g) => include(g.properties ?? {}))} : geometries;
  const chosen = (feature(topo, drawn) as FeatureCollection<Geometry, Record<string, unknown>>).features;
  return deferred(mapHeight(chosen, width) + 60, loadMap, ([Plot, {geoArea, geoCentroid}]) => {
    const features = chosen.map((f) => rewindIfInverted(f, geoArea));

    const codeOf = (f: KecFeature) => String(f.properties?.[codeProperty] ?? "");
    const byCode = new Map(rows.map((row) => [row.kode ?? row.kode_kec ?? "", row]));
    const rowOf = (f: KecFeature) => byCode.get(codeOf(f));
    // A place whose count is suppressed has no value under any metric, and says so.
    const suppressed = (f: KecFeature) => rowOf(f)?.aktif === null;
    const valueOf = (f: KecFeature): number | null => {
      const row = rowOf(f);
      if (suppressed(f)) return null;
      if (metric === "aktif") return row ? row.aktif : 0;
      if (metric === "gap") return row?.gap ?? null;
      return row?.rate ?? null;
    };
    const withRate = features.filter((f) => valueOf(f) !== null);
    const hidden = features.filter(suppressed);
    const withoutRate = features.filter((f) => valueOf(f) === null && !suppressed(f));

    const maxValue = Math.max(0, ...withRate.map((f) => valueOf(f)!));
    const top =
      options.max ?? (metric === "rate" ? Math.min(1, Math.max(0.5, Math.ceil(maxValue * 10) / 10)) : Math.max(1, maxValue));
    const hatchId = uniqueId("hatch");
    const small = width < 560;

    // The reference name; else the boundary file's own name property; else the code.
    const nameOf = (f: KecFeature) => {
      const code = codeOf(f);
      const nama = rowOf(f)?.nama;
      return nama && nama !== code ? nama : String(f.properties?.[object] ?? f.properties?.nama ?? code);
    };
    const tipText = (f: KecFeature) => {
      const row = rowOf(f);
      return [
        `${placeLabel} ${nameOf(f)}`,
        `Peserta aktif: ${row?.aktif === null ? `${formatPeople(null)} (angka kecil)` : formatInteger(row?.aktif ?? 0)}`,
        `Sasaran: ${row?.sasaran == null ? "tidak ada data" : formatInteger(row.sasaran)}`,
        `Cakupan: ${row?.rate == null ? "–" : formatPercent(row.rate)}`,
        row?.gap !== undefined ? `Celah: ${row.gap == null ? "–" : formatInteger(row.gap)}` : null
      ]
        .filter((line) => line !== null)
        .join("\n");
    };

    const labelPoints = features.map((f) => {
      const p = f.properties ?? {};
      const [lng, lat] =
        typeof p.label_lng === "number" && typeof p.label_lat === "number" ? [p.label_lng, p.label_lat] : geoCentroid(f);
      // The selected place's name first, then larger places' (more room inside them).
      return {lng, lat, nama: nameOf(f), value: valueOf(f), priority: (codeOf(f) === selected ? 10 : 0) + geoArea(f)};
  });
  // Names that would overlap another or cross the map's edge are left out (a region may have 40+ places).
  const fontSize = small ? 9 : features.length > 20 ? 10.5 : 11.5;
  let labelsLeftOut = 0;
  const fitLabels: Plot.RenderFunction = (index, scales, values, dimensions, context, next) => {
    const X = Array.from(values.x ?? [], Number);
    const Y = Array.from(values.y ?? [], Number);
    // Plot's index may be a typed array: map it as a plain one.
    const placed = placeLabels(
      Array.from(index, (i) => ({
        x: X[i],
        y: Y[i],
        // The text itself: two names may touch, their white halos keep them apart.
        width: textWidth(labelPoints[i].nama, fontSize) + 1,
        height: fontSize * 1.05,
        priority: labelPoints[i].priority
      })),
      {width: dimensions.width, height: dimensions.height, inset: 1, gap: 0}
    );
    const kept: number[] = [];
    index.forEach((i, k) => {
      const at = placed[k];
      if (!at) return;
      [X[i], Y[i]] = [at.x, at.y];
      kept.push(i);
    });
    labelsLeftOut = index.length - kept.length;
    return next!(kept, scales, {...values, x: X, y: Y} as unknown as typeof values, dimensions, context);
  };

  const plot = Plot.plot({
    width,
    margin: 4,
    projection: {type: "mercator", domain: {type: "FeatureCollection", features} as FeatureCollection},
    color: {type: "linear", scheme, domain: [0, top], clamp: true},
    ariaLabel: `Peta ${METRICS[metric].label.toLowerCase()} per ${placeLabel.toLowerCase()}`,
    marks: [
      Plot.geo(withoutRate, {fill: `url(#${hatchId})`, stroke: "white", strokeWidth: 1, title: tipText, tip: TIP}),
      Plot.geo(hidden, {fill: SUPPRESSED_FILL, stroke: "white", strokeWidth: 1, title: tipText, tip: TIP}),
      Plot.geo(withRate, {
        fill: (f: KecFeature) => valueOf(f),
        stroke: "white",
        strokeWidth: 1,
        title: tipText,
        tip: TIP
      }),
      // Outlines on top; transparent fills that take clicks and keyboard focus when places can be chosen.
      Plot.geo(features, {
        stroke: COLORS.ink,
        strokeOpacity: 0.35,
        strokeWidth: 0.5,
        fill: onSelect ? "white" : "none",
        fillOpacity: 0,
        className: SELECTABLE
      }),
      selected ? Plot.geo(features.filter((f) => codeOf(f) === selected), {stroke: COLORS.ink, strokeWidth: 2.5}) : null,
      labels
        ? Plot.text(labelPoints, {
            x: "lng",
            y: "lat",
            text: "nama",
            fontSize,
            fontFamily: LABEL_FONT,
            fontWeight: 600,
            fill: COLORS.ink,
            stroke: "white",
            strokeWidth: 3,
            strokeOpacity: 0.85,
            pointerEvents: "none",
            render: fitLabels
          } as Plot.TextOptions)
        : null
    ]
  });
  plot.insertBefore(hatchPattern(hatchId), plot.firstChild);
  if (onSelect) makeSelectable(plot, features, {codeOf, nameOf, tipText, onSelect, hint: options.selectHint ?? "pilih"});

  const colorLegend = plot.legend("color", {
    label: METRICS[metric].label,
    tickFormat: METRICS[metric].tick,
    width: Math.min(320, width - 10)
  } as Plot.LegendOptions);
  const legend = document.createElement("div");
  Object.assign(legend.style, {display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: "0.5rem 1.5rem"});
  if (colorLegend) legend.append(colorLegend);
  if (withoutRate.length) legend.append(swatches([{label: noDataLabel, color: "#8a939c", shape: "hatch"}]));
  if (hidden.length) legend.append(swatches([{label: `Angka ${formatPeople(null)} (kurang dari ambang, atau disembunyikan bersamanya)`, color: SUPPRESSED_FILL}]));

  const valueText = (f: KecFeature) => (metric === "rate" ? formatPercent(valueOf(f)) : formatInteger(valueOf(f)));
  const ranked = withRate.slice().sort((a, b) => valueOf(a)! - valueOf(b)!);
  const what = METRICS[metric].label.split(" (")[0].toLowerCase();
  const description = ranked.length
    ? `Peta ${what} per ${placeLabel.toLowerCase()}. Terendah: ${nameOf(ranked[0])} (${valueText(ranked[0])}); tertinggi: ${nameOf(
        ranked[ranked.length - 1]
      )} (${valueText(ranked[ranked.length - 1])}).`
    : `Peta ${placeLabel.toLowerCase()}; belum ada data ${what}.`;
  const fig = figure(plot, {legend, description: description + (hidden.length ? ` ${hidden.length} ${placeLabel.toLowerCase()} angkanya ${formatPeople(null)}.` : "")});
  fig.dataset.map = object;
  fig.dataset.metric = metric;
  if (labels && labelsLeftOut > 0) {
    const note = document.createElement("p");
    note.className = "jaring-map-note";
    note.dataset.labelsLeftOut = String(labelsLeftOut);
    // Pointing means nothing on paper: that half of the sentence is not printed.
    const pointing = document.createElement("span");
    pointing.className = "print-skip";
    pointing.textContent = ", atau sentuh/arahkan penunjuk ke wilayahnya";
    note.append(`Nama ${formatInteger(labelsLeftOut)} ${placeLabel.toLowerCase()} tidak muat di peta: lihat tabel`, pointing, ".");
    fig.append(note);
  }
  return fig;
  });
}

/** The map's height at `width` (Plot fits the Mercator projection to the places' extent), for its placeholder. */
function mapHeight(features: readonly KecFeature[], width: number): number {
  // Runs before the placeholder exists, for thousands of points: no array per point.
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === "number") {
      const x = c[0] as number, y = c[1] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    } else for (const child of c) visit(child);
  };
  for (const f of features) if (f.geometry && "coordinates" in f.geometry) visit(f.geometry.coordinates);
  if (!(x1 > x0)) return width * 0.75;
  const mercator = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const ratio = (mercator(y1) - mercator(y0)) / (((x1 - x0) * Math.PI) / 180);
  return Math.round((width - 8) * ratio + 8);
}

/** Each place's transparent top-layer path becomes a button: focusable, named, Enter/Space/click select. */
function makeSelectable(
  plot: Element,
  features: readonly KecFeature[],
  {codeOf, nameOf, tipText, onSelect, hint}: {
    codeOf: (f: KecFeature) => string;
    nameOf: (f: KecFeature) => string;
    tipText: (f: KecFeature) => string;
    onSelect: (code: string) => void;
    hint: string;
  }
): void {
  const layer = plot.querySelector(`g.${SELECTABLE}`);
  if (!layer) return;
  // Plot binds each path to its index in the mark's data (d3's __data__).
  for (const path of layer.querySelectorAll<SVGPathElement & {__data__?: number}>("path")) {
    const f = typeof path.__data__ === "number" ? features[path.__data__] : undefined;
    if (!f) continue;
    const code = codeOf(f);
    path.dataset.kode = code;
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("aria-label", `${tipText(f).replaceAll("\n", "; ")}. ${hint} ${nameOf(f)}`);
    path.style.cursor = "pointer";
    path.addEventListener("click", () => onSelect(code));
    path.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      onSelect(code);
    });
  }
}

// d3-geo wants clockwise exterior rings; a ring wound the other way covers the whole globe instead.
function rewindIfInverted(f: KecFeature, geoArea: (f: KecFeature) => number): KecFeature {
  if (!f.geometry || geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  if (g.type === "Polygon") return {...f, geometry: {...g, coordinates: g.coordinates.map((ring) => [...ring].reverse())}};
  if (g.type === "MultiPolygon")
    return {...f, geometry: {...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => [...ring].reverse()))}};
  return f;
}
