// Label points: the pole of inaccessibility (polylabel) of the largest part, computed on the final
// quantized polygon in a plane scaled by cos(latitude) so a degree east and north weigh the same on the ground.
import type {MultiPolygon, Polygon, Position} from "geojson";
import polylabel from "polylabel";
import {polygonAreaM2} from "./geodesy.ts";

/** polylabel's precision, in scaled degrees (≈ 0.1 m): far below the 5 decimals (≈ 1 m) published. */
const PRECISION = 1e-6;

export interface LabelPoint {
  label_lat: number;
  label_lng: number;
}

export function largestPart(g: Polygon | MultiPolygon): Position[][] {
  if (g.type === "Polygon") return g.coordinates;
  let best = g.coordinates[0];
  let bestArea = -1;
  for (const p of g.coordinates) {
    const a = polygonAreaM2(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  return best;
}

export const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export function labelPoint(g: Polygon | MultiPolygon): LabelPoint {
  const rings = largestPart(g);
  const lats = rings[0].map((p) => p[1]);
  const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  const [x, y] = polylabel(rings.map((r) => r.map(([lng, lat]) => [lng * k, lat])), PRECISION);
  return {label_lat: round5(y), label_lng: round5(x / k)};
}
