// Checks on a pack's TopoJSON that need no geometry algorithm, only its arcs: the kecamatan and kabupaten
// drawn from the same arcs as their desa, so borders coincide exactly on the map.
import type {GeometryCollection, GeometryObject, Topology} from "topojson-specification";

const arcIndex = (i: number) => (i < 0 ? ~i : i);
const arcsOf = (g: GeometryObject): number[] => (((g as {arcs?: unknown[]}).arcs ?? []) as unknown[]).flat(2).map((i) => arcIndex(i as number));
const geometries = (t: Topology, name: string) => (t.objects[name] as GeometryCollection).geometries;
const prop = (g: GeometryObject, key: string) => String((g.properties as Record<string, unknown>)[key]);

/** Arcs on the outline of a set of polygons: those used once (an arc used twice is an inner border). */
export function outlineArcs(parts: GeometryObject[]): Set<number> {
  const count = new Map<number, number>();
  for (const g of parts) for (const a of arcsOf(g)) count.set(a, (count.get(a) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n === 1).map(([a]) => a));
}

const sameSet = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Failures (empty when all hold): each kecamatan is drawn by exactly the outline arcs of its desa, the
 * kabupaten by the outline of all desa and of all kecamatan, and no arc is used by more than two desa.
 */
export function topologyFailures(t: Topology): string[] {
  const failures: string[] = [];
  const desa = geometries(t, "desa");
  const kecamatan = geometries(t, "kecamatan");
  const kabupaten = geometries(t, "kabupaten");
  for (const k of kecamatan) {
    const own = desa.filter((d) => prop(d, "kode_kec") === prop(k, "kode_kec"));
    if (!sameSet(outlineArcs(own), new Set(arcsOf(k)))) failures.push(`kecamatan ${prop(k, "kode_kec")} bukan gabungan tepat desa-desanya (busur berbeda)`);
  }
  const kabArcs = new Set(kabupaten.flatMap(arcsOf));
  if (!sameSet(outlineArcs(desa), kabArcs)) failures.push("kabupaten bukan gabungan tepat semua desa");
  if (!sameSet(outlineArcs(kecamatan), kabArcs)) failures.push("kabupaten bukan gabungan tepat semua kecamatan");
  const users = new Map<number, number>();
  for (const d of desa) for (const a of new Set(arcsOf(d))) users.set(a, (users.get(a) ?? 0) + 1);
  for (const [a, n] of users) if (n > 2) failures.push(`busur ${a} dipakai ${n} desa (tumpang tindih)`);
  return failures;
}
