// The boundary steps of SOURCES.md (35.09) section 2, all done by mapshaper: clean (gaps and overlaps),
// crumbs merged, simplify, clean again, kecamatan and kabupaten dissolved from the desa so all three layers
// share arcs, TopoJSON quantized.
import type {FeatureCollection, MultiPolygon, Polygon} from "geojson";
import type {Topology} from "topojson-specification";
import {type Crumb, mergeCrumbs, type PartsTopology} from "./crumbs.ts";
import {runMapshaper} from "./mapshaper.ts";
import {toFeatureCollection} from "./overlaps.ts";
import type {DesaPolygon} from "./polygons.ts";

export interface BoundaryOptions {
  /** Gaps and overlaps up to this size are slivers: -clean fills or resolves them. */
  gapFillKm2: number;
  /** Detached pieces below this size that touch another desa are crumbs (merged); default: gapFillKm2. */
  crumbKm2: number;
  /** Share of removable vertices kept by -simplify (0.4 = 40 %). */
  simplify: number;
  quantization: number;
}

export interface Boundaries {
  /** Cleaned, crumb-merged, unsimplified desa: their areas are the published luas_km2_peta. */
  cleaned: Map<string, Polygon | MultiPolygon>;
  /** Final topology: objects desa, kecamatan, kabupaten (properties: kode_desa, kode_kec only). */
  topology: Topology;
  crumbs: Crumb[];
  /** Desa that -clean removed entirely (should not happen once overlaps are checked). */
  lost: string[];
}

const km2 = (x: number) => `${x}km2`;

export async function buildBoundaries(polygons: DesaPolygon[], opts: BoundaryOptions): Promise<Boundaries> {
  // 1–3: repair rings, fill gaps, resolve overlaps; parts exploded so crumbs can be found with their areas.
  const exploded = await runMapshaper(
    ["-i", "desa.json", "name=bagian", "-clean", `gap-fill-area=${km2(opts.gapFillKm2)}`, "-explode", "-each", "luas_bagian=this.area", "-o", "format=topojson", "no-quantization", "bagian.json"],
    {"desa.json": JSON.stringify(toFeatureCollection(polygons))},
  );
  // 4: crumbs go to the neighbour with the longest shared border.
  const partsTopology = JSON.parse(exploded["bagian.json"]) as PartsTopology;
  const {parts, crumbs} = mergeCrumbs(partsTopology, "bagian", opts.crumbKm2 * 1e6);
  partsTopology.objects.bagian.geometries = parts;

  // Back to one feature per desa. Written out as GeoJSON and read again so the topology is rebuilt:
  // otherwise the crumbs' old corners stay as arc ends in the final file.
  const dissolved = await runMapshaper(
    ["-i", "bagian.json", "-dissolve", "kode_desa", "copy-fields=kode_kec", "name=desa", "-sort", "kode_desa", "-o", "format=geojson", "bersih.json"],
    {"bagian.json": JSON.stringify(partsTopology)},
  );
  // 5–7: simplify; clean; dissolve kecamatan and kabupaten from the desa; quantize.
  const out = await runMapshaper(
    [
      "-i", "bersih.json", "name=desa",
      "-simplify", `percentage=${opts.simplify}`, "visvalingam", "keep-shapes",
      "-clean", `gap-fill-area=${km2(opts.gapFillKm2)}`,
      "-dissolve", "kode_kec", "+", "name=kecamatan",
      "-sort", "kode_kec", "target=kecamatan",
      "-dissolve", "target=kecamatan", "+", "name=kabupaten",
      "-o", "format=topojson", `quantization=${opts.quantization}`, "target=desa,kecamatan,kabupaten", "batas.json",
    ],
    dissolved,
  );
  const cleanedFc = JSON.parse(dissolved["bersih.json"]) as FeatureCollection;
  const cleaned = new Map(cleanedFc.features.map((f) => [f.properties!.kode_desa as string, f.geometry as Polygon | MultiPolygon]));
  const lost = polygons.map((p) => p.kode_desa).filter((k) => !cleaned.has(k));
  return {cleaned, topology: JSON.parse(out["batas.json"]) as Topology, crumbs, lost};
}
