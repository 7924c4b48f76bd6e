// The desa boundary GeoJSON joined to the code list by kode_desa: one polygon per code, one code per polygon.
import type {Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position} from "geojson";
import {cleanText, compare, type Desa} from "./codeList.ts";
import {problem, type Problem, type Warning} from "./problems.ts";

export interface DesaPolygon {
  kode_desa: string;
  kode_kec: string;
  geometry: Polygon | MultiPolygon;
}

export interface Joined {
  /** Sorted by kode_desa; only polygons whose code is in the list, once each. */
  polygons: DesaPolygon[];
  /** The property the codes were read from. */
  kodeProperty: string | null;
  problems: Problem[];
  warnings: Warning[];
}

/** Without --kolom-kode, `kode_desa` then `kode` (cahyadsn's wilayah_boundaries calls it kode). */
export const DEFAULT_CODE_PROPERTIES = ["kode_desa", "kode"];
const NAME_PROPERTIES = ["desa", "nama", "name", "nama_desa"];

// Indonesia in degrees, with a margin: coordinates outside are projected (UTM from a shapefile) or [lat, lng].
const inIndonesia = ([x, y]: Position) => x >= 94 && x <= 142 && y >= -12 && y <= 7;

export function parseGeoJson(text: string): FeatureCollection {
  const json = JSON.parse(text) as FeatureCollection;
  if (json?.type !== "FeatureCollection" || !Array.isArray(json.features)) throw new Error("bukan GeoJSON FeatureCollection");
  return json;
}

function featureName(f: Feature): string {
  for (const p of NAME_PROPERTIES) if (typeof f.properties?.[p] === "string") return cleanText(f.properties[p]);
  return "";
}

function geometryProblem(g: Geometry | null): string | null {
  if (!g) return "tanpa geometri";
  if (g.type !== "Polygon" && g.type !== "MultiPolygon") return `geometri ${g.type}, bukan Polygon/MultiPolygon`;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const rings = polygons.flat();
  if (!rings.length || rings.some((r) => !Array.isArray(r) || r.length < 4)) return "poligon kosong atau ring kurang dari 4 titik";
  const first = rings[0][0];
  if (!inIndonesia(first))
    return inIndonesia([first[1], first[0]])
      ? `koordinat tertukar: [${first.join(", ")}] tampaknya [lintang, bujur]; GeoJSON memakai [bujur, lintang]`
      : `koordinat [${first.join(", ")}] bukan bujur/lintang WGS84 di Indonesia (proyeksi UTM? ekspor ulang dalam EPSG:4326)`;
  return null;
}

/** Joins polygons to the code list; every polygon without a known, unique code is a problem. */
export function joinPolygons(fc: FeatureCollection, desa: Desa[], kodeProperty?: string): Joined {
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const candidates = kodeProperty ? [kodeProperty] : DEFAULT_CODE_PROPERTIES;
  const property = candidates.find((p) => fc.features.some((f) => f.properties?.[p] != null && String(f.properties[p]).trim() !== "")) ?? null;
  if (property === null) {
    problems.push(problem("POLIGON_TANPA_KODE", "berkas batas desa", `tidak ada fitur yang punya properti ${candidates.join(" atau ")} (pakai --kolom-kode NAMA untuk properti lain)`, `no feature has a ${candidates.join("/")} property`));
    return {polygons: [], kodeProperty: null, problems, warnings};
  }
  const byCode = new Map(desa.map((d) => [d.kode_desa, d]));
  const found = new Map<string, {index: number; polygon: DesaPolygon}>();
  const badGeometry = new Set<string>();
  const firstIndex = new Map<string, number>();
  fc.features.forEach((f, i) => {
    const name = featureName(f);
    const fitur = `fitur #${i + 1}${name ? ` (${name})` : ""}`;
    const raw = f.properties?.[property];
    const kode = raw == null ? "" : cleanText(String(raw));
    if (!kode) return void problems.push(problem("POLIGON_TANPA_KODE", fitur, `poligon tanpa kode desa (properti ${property} kosong)`, "polygon without a desa code"));
    const d = byCode.get(kode);
    if (!d) return void problems.push(problem("POLIGON_KODE_TIDAK_DIKENAL", `${kode}${name ? ` ${name}` : ""}`, `${fitur}: kode ${kode} tidak ada di daftar kode desa`, "polygon code not in the code list"));
    const first = firstIndex.get(kode);
    if (first !== undefined) return void problems.push(problem("POLIGON_KODE_GANDA", `${kode} ${d.desa}`, `${fitur}: kode ${kode} sudah dipakai oleh fitur #${first + 1}; satu desa harus satu fitur (gabungkan bagian-bagiannya menjadi MultiPolygon)`, "two features with the same code"));
    firstIndex.set(kode, i);
    const bad = geometryProblem(f.geometry);
    if (bad) badGeometry.add(kode);
    if (bad) return void problems.push(problem("GEOMETRI_TIDAK_VALID", `${kode} ${d.desa}`, `${fitur}: ${bad}`, "not a usable lng/lat polygon"));
    if (name && name.toLowerCase() !== d.desa.toLowerCase())
      warnings.push({code: "NAMA_DESA_BERBEDA", where: `${kode} ${d.desa}`, pesan: `nama di poligon "${name}", di daftar kode "${d.desa}" (nama daftar kode yang dipakai)`});
    found.set(kode, {index: i, polygon: {kode_desa: kode, kode_kec: d.kode_kec, geometry: f.geometry as Polygon | MultiPolygon}});
  });
  // A code whose polygon was refused for its geometry is not reported twice as "no polygon".
  for (const d of desa)
    if (!found.has(d.kode_desa) && !badGeometry.has(d.kode_desa))
      problems.push(problem("DESA_TANPA_POLIGON", `${d.kode_desa} ${d.desa}`, `desa ${d.desa} (${d.kecamatan}) ada di daftar kode tetapi tidak punya poligon`, "desa in the code list has no polygon"));
  const polygons = [...found.values()].map((x) => x.polygon).sort((a, b) => compare(a.kode_desa, b.kode_desa));
  return {polygons, kodeProperty: property, problems, warnings};
}

/** A kecamatan none of whose desa has a polygon cannot be drawn at all: named on its own. */
export function kecamatanWithoutPolygons(desa: Desa[], polygons: DesaPolygon[]): Problem[] {
  const drawn = new Set(polygons.map((p) => p.kode_kec));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const d of desa) {
    if (drawn.has(d.kode_kec) || seen.has(d.kode_kec)) continue;
    seen.add(d.kode_kec);
    problems.push(problem("KECAMATAN_TANPA_DESA", `${d.kode_kec} ${d.kecamatan}`, `kecamatan ${d.kecamatan} tidak punya satu pun poligon desa`, "kecamatan with no desa polygon"));
  }
  return problems;
}
