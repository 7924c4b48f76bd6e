// Overlaps between desa, found with mapshaper's -mosaic before -clean resolves them: slivers along shared
// borders (digitising noise) are tolerated, anything larger means two desa claim the same land.
import type {FeatureCollection} from "geojson";
import type {Desa} from "./codeList.ts";
import {runMapshaper} from "./mapshaper.ts";
import type {DesaPolygon} from "./polygons.ts";
import {problem, type Problem} from "./problems.ts";

export interface Overlap {
  kode: string[];
  /** Total overlap of this set of desa in m² (mapshaper's spherical area: a tolerance, not a published figure). */
  luasM2: number;
}

export function toFeatureCollection(polygons: DesaPolygon[]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: polygons.map((p) => ({type: "Feature", properties: {kode_desa: p.kode_desa, kode_kec: p.kode_kec}, geometry: p.geometry})),
  };
}

/** Every set of desa whose polygons overlap, with the overlap's total area, largest first. */
export async function findOverlaps(polygons: DesaPolygon[]): Promise<Overlap[]> {
  const out = await runMapshaper(
    ["-i", "desa.json", "-mosaic", "calc=n=count(), kode=collect(kode_desa)", "-filter", "n > 1", "-each", "luas=this.area", "-o", "format=geojson", "tumpang.json"],
    {"desa.json": JSON.stringify(toFeatureCollection(polygons))},
  );
  const pieces = (JSON.parse(out["tumpang.json"]) as FeatureCollection).features;
  const bySet = new Map<string, Overlap>();
  for (const piece of pieces) {
    const kode = [...new Set(piece.properties!.kode as string[])].sort();
    const key = kode.join(" ");
    const o = bySet.get(key) ?? bySet.set(key, {kode, luasM2: 0}).get(key)!;
    o.luasM2 += piece.properties!.luas as number;
  }
  return [...bySet.values()].sort((a, b) => b.luasM2 - a.luasM2 || (a.kode.join() < b.kode.join() ? -1 : 1));
}

export function overlapProblems(overlaps: Overlap[], desa: Desa[], toleranceKm2: number): Problem[] {
  const byCode = new Map(desa.map((d) => [d.kode_desa, d]));
  const name = (kode: string) => `${kode} ${byCode.get(kode)?.desa ?? ""} (${byCode.get(kode)?.kecamatan ?? ""})`;
  return overlaps
    .filter((o) => o.luasM2 / 1e6 > toleranceKm2)
    .map((o) =>
      problem(
        "DESA_TUMPANG_TINDIH",
        o.kode.join(" + "),
        `${o.kode.map(name).join(" dan ")} bertumpang tindih seluas ${(o.luasM2 / 1e6).toFixed(4)} km², lebih dari toleransi ${toleranceKm2} km²: periksa batasnya (poligon tertukar atau terdigitasi dua kali?)`,
        `desa overlap by ${(o.luasM2 / 1e6).toFixed(4)} km², above the ${toleranceKm2} km² sliver tolerance`,
      ),
    );
}
