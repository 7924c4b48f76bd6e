// Compares a built pack with a reference pack (e.g. the hand-made data/regions/35.09): codes, names and
// counts must be identical; areas and label points within a tolerance; the built pack's topology sound.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import {geoArea} from "d3";
import type {Feature, MultiPolygon, Polygon} from "geojson";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {readCsv} from "./codeList.ts";
import {distanceM, geometryAreaM2} from "./geodesy.ts";
import {topologyFailures} from "./topologyChecks.ts";

export interface PackFiles {
  wilayah: Record<string, unknown> & {kecamatan: string; desa: string; batas: string};
  texts: {kecamatan: string; desa: string; batas: string};
  topology: Topology;
}

export function readPack(dir: string): PackFiles {
  const wilayah = JSON.parse(readFileSync(join(dir, "wilayah.json"), "utf8")) as PackFiles["wilayah"];
  const texts = {kecamatan: readFileSync(join(dir, wilayah.kecamatan), "utf8"), desa: readFileSync(join(dir, wilayah.desa), "utf8"), batas: readFileSync(join(dir, wilayah.batas), "utf8")};
  return {wilayah, texts, topology: JSON.parse(texts.batas) as Topology};
}

export interface Tolerances {
  /** |Δ luas_km2_peta| per desa/kecamatan, km². */
  luasKm2: number;
  /** Relative difference of the drawn (simplified) polygon's area. */
  luasGambarRelatif: number;
  /** Distance between label points, m. */
  labelM: number;
}

export const DEFAULT_TOLERANCES: Tolerances = {luasKm2: 0.01, luasGambarRelatif: 0.001, labelM: 5};

interface Extreme {
  kode: string;
  nilai: number;
}

export interface Comparison {
  identik: {desaCsv: boolean; kecamatanCsv: boolean; topoJson: boolean; busur: boolean};
  /** Largest differences found, per measure (desa and kecamatan together). */
  terbesar: {luasKm2: Extreme; luasGambarRelatif: Extreme; labelM: Extreme};
  /** Label points (built pack) outside their own polygon. */
  labelDiLuar: string[];
  /** Rings wound against D3's convention (a feature covering most of the globe). */
  arahSalah: string[];
  topologi: string[];
  /** Everything beyond tolerance or not identical where it must be: empty means "reproduced". */
  perbedaan: string[];
}

type Props = Record<string, string | number | null>;
const KEY: Record<string, string> = {desa: "kode_desa", kecamatan: "kode_kec", kabupaten: "kode_kab"};
const LABEL_FREE = new Set(["luas_km2_peta", "label_lat", "label_lng"]);

function features(t: Topology, name: string): Map<string, Feature<Polygon | MultiPolygon, Props>> {
  const fc = feature(t, t.objects[name] as GeometryCollection<Props>);
  return new Map(fc.features.map((f) => [String(f.properties[KEY[name]]), f as Feature<Polygon | MultiPolygon, Props>]));
}

/** Rows keyed by their first column, every column as text, for CSVs whose columns must match exactly. */
function csvRows(text: string) {
  const {columns, rows} = readCsv(text);
  return {columns, rows: new Map(rows.map((r) => [r[columns[0]], r]))};
}

export function comparePacks(built: PackFiles, reference: PackFiles, tol: Tolerances = DEFAULT_TOLERANCES): Comparison {
  const perbedaan: string[] = [];
  const worst = {luasKm2: {kode: "", nilai: 0}, luasGambarRelatif: {kode: "", nilai: 0}, labelM: {kode: "", nilai: 0}};
  const note = (m: keyof typeof worst, kode: string, nilai: number) => {
    if (nilai > worst[m].nilai) worst[m] = {kode, nilai};
  };

  // CSVs: every code, name, type and count identical; areas within tolerance.
  for (const which of ["desa", "kecamatan"] as const) {
    const a = csvRows(built.texts[which]);
    const b = csvRows(reference.texts[which]);
    if (a.columns.join() !== b.columns.join()) perbedaan.push(`${which} CSV: kolom ${a.columns.join(",")} ≠ ${b.columns.join(",")}`);
    for (const kode of new Set([...a.rows.keys(), ...b.rows.keys()])) {
      const x = a.rows.get(kode);
      const y = b.rows.get(kode);
      if (!x || !y) {
        perbedaan.push(`${which} CSV: ${kode} hanya ada di paket ${x ? "hasil" : "acuan"}`);
        continue;
      }
      for (const c of b.columns) {
        if (c === "luas_km2_peta") {
          const d = Math.abs(Number(x[c]) - Number(y[c]));
          note("luasKm2", kode, d);
          if (d > tol.luasKm2) perbedaan.push(`${which} CSV ${kode}: luas ${x[c]} ≠ ${y[c]} km²`);
        } else if (x[c] !== y[c]) perbedaan.push(`${which} CSV ${kode}: ${c} "${x[c]}" ≠ "${y[c]}"`);
      }
    }
  }

  // TopoJSON: same features and properties; drawn areas and label points within tolerance.
  for (const name of ["desa", "kecamatan", "kabupaten"]) {
    const a = features(built.topology, name);
    const b = features(reference.topology, name);
    for (const kode of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(kode);
      const y = b.get(kode);
      if (!x || !y) {
        perbedaan.push(`topo ${name}: ${kode} hanya ada di paket ${x ? "hasil" : "acuan"}`);
        continue;
      }
      const keysX = Object.keys(x.properties).join();
      const keysY = Object.keys(y.properties).join();
      if (keysX !== keysY) perbedaan.push(`topo ${name} ${kode}: properti ${keysX} ≠ ${keysY}`);
      for (const k of Object.keys(y.properties)) {
        if (LABEL_FREE.has(k)) continue;
        if (x.properties[k] !== y.properties[k]) perbedaan.push(`topo ${name} ${kode}: ${k} ${x.properties[k]} ≠ ${y.properties[k]}`);
      }
      if ("luas_km2_peta" in y.properties) {
        const d = Math.abs(Number(x.properties.luas_km2_peta) - Number(y.properties.luas_km2_peta));
        note("luasKm2", kode, d);
        if (d > tol.luasKm2) perbedaan.push(`topo ${name} ${kode}: luas_km2_peta ${x.properties.luas_km2_peta} ≠ ${y.properties.luas_km2_peta}`);
      }
      const areaX = geometryAreaM2(x.geometry);
      const areaY = geometryAreaM2(y.geometry);
      const rel = Math.abs(areaX - areaY) / areaY;
      note("luasGambarRelatif", kode, rel);
      if (rel > tol.luasGambarRelatif) perbedaan.push(`topo ${name} ${kode}: luas gambar berbeda ${(rel * 100).toFixed(3)} %`);
      if ("label_lat" in y.properties) {
        const d = distanceM([Number(x.properties.label_lng), Number(x.properties.label_lat)], [Number(y.properties.label_lng), Number(y.properties.label_lat)]);
        note("labelM", kode, d);
        if (d > tol.labelM) perbedaan.push(`topo ${name} ${kode}: titik label bergeser ${d.toFixed(1)} m`);
      }
    }
  }

  const labelDiLuar: string[] = [];
  const arahSalah: string[] = [];
  for (const name of ["desa", "kecamatan", "kabupaten"])
    for (const [kode, f] of features(built.topology, name)) {
      if ("label_lat" in f.properties && !booleanPointInPolygon([Number(f.properties.label_lng), Number(f.properties.label_lat)], f)) labelDiLuar.push(`${name} ${kode}`);
      if (geoArea(f) > 2 * Math.PI) arahSalah.push(`${name} ${kode}`); // D3 reads a counter-clockwise outer ring as the rest of the globe
    }
  const topologi = topologyFailures(built.topology);
  perbedaan.push(...labelDiLuar.map((x) => `titik label di luar poligon: ${x}`), ...arahSalah.map((x) => `arah ring salah: ${x}`), ...topologi);

  return {
    identik: {
      desaCsv: built.texts.desa === reference.texts.desa,
      kecamatanCsv: built.texts.kecamatan === reference.texts.kecamatan,
      topoJson: built.texts.batas === reference.texts.batas,
      busur: JSON.stringify(built.topology.arcs) === JSON.stringify(reference.topology.arcs) && JSON.stringify(built.topology.transform) === JSON.stringify(reference.topology.transform),
    },
    terbesar: worst,
    labelDiLuar,
    arahSalah,
    topologi,
    perbedaan,
  };
}
