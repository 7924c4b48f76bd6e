// Crumbs: tiny detached pieces that -clean leaves when it hands an overlap to one desa, touching another
// desa. Each goes to the neighbour it shares the longest border with (SOURCES.md of 35.09, step 4).
// Real exclaves (larger than the crumb area) and islands (touching no other desa) are kept.
import type {Position} from "geojson";
import {compare} from "./codeList.ts";
import {lineLengthM} from "./geodesy.ts";

export interface Crumb {
  kode_desa: string;
  luasM2: number;
  /** The desa it was merged into. */
  ke: string;
  /** Border shared with that desa, in m. */
  batasM: number;
}

/** One exploded part: a Polygon (or, defensively, MultiPolygon) of an unquantized topology. */
export interface Part {
  type: string;
  arcs?: number[][] | number[][][];
  properties: {kode_desa: string; kode_kec: string; luas_bagian: number};
}

export interface PartsTopology {
  arcs: Position[][];
  objects: Record<string, {type: string; geometries?: Part[]}>;
}

const arcIndex = (i: number) => (i < 0 ? ~i : i);

const arcsOf = (g: Part): number[] => ((g.arcs ?? []) as unknown[]).flat(2).map((i) => arcIndex(i as number));

/**
 * Finds the crumbs among the parts of an exploded, unquantized topology (object `objectName`, one Polygon
 * per part with kode_desa, kode_kec and luas_bagian in m²) and gives each to its neighbour; returns the
 * parts with their new codes (input left unchanged) and the list of crumbs.
 */
export function mergeCrumbs(topology: PartsTopology, objectName: string, crumbMaxM2: number): {parts: Part[]; crumbs: Crumb[]} {
  const collection = topology.objects[objectName];
  if (collection?.type !== "GeometryCollection") throw new Error(`objek ${objectName} bukan GeometryCollection`);
  const parts = collection.geometries!.map((g) => ({...g, properties: {...g.properties}}));
  const largest = new Map<string, Part>();
  for (const p of parts) {
    const best = largest.get(p.properties.kode_desa);
    if (!best || p.properties.luas_bagian > best.properties.luas_bagian) largest.set(p.properties.kode_desa, p);
  }
  const partsOfArc = new Map<number, Part[]>();
  for (const p of parts) for (const a of arcsOf(p)) (partsOfArc.get(a) ?? partsOfArc.set(a, []).get(a)!).push(p);
  const arcLength = new Map<number, number>();
  const lengthOf = (a: number) => arcLength.get(a) ?? arcLength.set(a, lineLengthM(topology.arcs[a])).get(a)!;

  const crumbs: Crumb[] = [];
  // Decided on the original codes, then applied: a crumb never follows another crumb's move.
  const moves: [Part, Part][] = [];
  for (const p of parts) {
    const {kode_desa, luas_bagian} = p.properties;
    if (largest.get(kode_desa) === p || luas_bagian >= crumbMaxM2) continue;
    const shared = new Map<string, {length: number; part: Part}>();
    for (const a of arcsOf(p))
      for (const q of partsOfArc.get(a)!) {
        if (q.properties.kode_desa === kode_desa) continue;
        const s = shared.get(q.properties.kode_desa) ?? shared.set(q.properties.kode_desa, {length: 0, part: q}).get(q.properties.kode_desa)!;
        s.length += lengthOf(a);
      }
    if (!shared.size) continue; // an islet: kept, not a crumb
    const [ke, best] = [...shared].sort(([ka, a], [kb, b]) => b.length - a.length || compare(ka, kb))[0];
    crumbs.push({kode_desa, luasM2: luas_bagian, ke, batasM: best.length});
    moves.push([p, best.part]);
  }
  for (const [p, to] of moves) p.properties = {...p.properties, kode_desa: to.properties.kode_desa, kode_kec: to.properties.kode_kec};
  return {parts, crumbs: crumbs.sort((a, b) => compare(a.kode_desa, b.kode_desa) || a.luasM2 - b.luasM2)};
}
