// Lengths and areas on the WGS84 ellipsoid (GeographicLib, the library behind pyproj's Geod, with which the
// Jember pack's areas were computed), so an office's map areas compare with BIG's official figures.
import geographiclib from "geographiclib-geodesic";
import type {MultiPolygon, Polygon, Position} from "geojson";

const wgs84 = geographiclib.Geodesic.WGS84;

/** Unsigned area of one ring in m²; the closing point GeoJSON repeats is skipped. */
export function ringAreaM2(ring: Position[]): number {
  const polygon = wgs84.Polygon(false);
  const n = ring.length > 1 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) polygon.AddPoint(ring[i][1], ring[i][0]);
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/** Area of polygon rings (outer ring first, then holes) in m², whatever their winding. */
export function polygonAreaM2(rings: Position[][]): number {
  return rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringAreaM2(ring), 0);
}

export function geometryAreaM2(g: Polygon | MultiPolygon): number {
  return g.type === "Polygon" ? polygonAreaM2(g.coordinates) : g.coordinates.reduce((sum, p) => sum + polygonAreaM2(p), 0);
}

/** Length of a line of [lng, lat] positions in m. */
export function lineLengthM(line: Position[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) sum += wgs84.Inverse(line[i - 1][1], line[i - 1][0], line[i][1], line[i][0]).s12 ?? 0;
  return sum;
}

/** Distance between two [lng, lat] points in m. */
export function distanceM(a: Position, b: Position): number {
  return wgs84.Inverse(a[1], a[0], b[1], b[0]).s12 ?? 0;
}
