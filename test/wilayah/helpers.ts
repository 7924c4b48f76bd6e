// Shared by the wilayah tests: the repository root, the small fixture (the 11 desa of kecamatan Jombang and
// Kencong, cut from data/regions/35.09/source/desa.geojson) and a way to break it.
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {FeatureCollection} from "geojson";
import {buildPack, DEFAULTS, type PackOptions} from "../../scripts/wilayah/pack.ts";
import {type Problem, WilayahInputError} from "../../scripts/wilayah/problems.ts";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const fixtureDir = join(root, "test/fixtures/wilayah");
export const tempDir = () => mkdtempSync(join(tmpdir(), "jaring-wilayah-"));

export const fixture = () => ({
  geojson: JSON.parse(readFileSync(join(fixtureDir, "jombang_kencong.geojson"), "utf8")) as FeatureCollection,
  csv: readFileSync(join(fixtureDir, "jombang_kencong.csv"), "utf8"),
});

export const options: PackOptions = {kodeWilayah: "35.09", nama: "Kabupaten Jember", provinsi: "Jawa Timur", ...DEFAULTS};

export function build(geojson: FeatureCollection | string, csv: string, more: Partial<PackOptions> = {}, kecamatan?: string) {
  return buildPack(
    {
      desaGeoJson: {name: "desa.geojson", text: typeof geojson === "string" ? geojson : JSON.stringify(geojson)},
      kode: {name: "kode.csv", text: csv},
      ...(kecamatan !== undefined ? {kecamatan: {name: "kecamatan.csv", text: kecamatan}} : {}),
    },
    {...options, ...more},
  );
}

/** The problems a build refuses with; fails the test when the build is not refused. */
export async function refusal(geojson: FeatureCollection | string, csv: string, more: Partial<PackOptions> = {}, kecamatan?: string): Promise<Problem[]> {
  try {
    await build(geojson, csv, more, kecamatan);
  } catch (error) {
    if (error instanceof WilayahInputError) return error.problems;
    throw error;
  }
  throw new Error("the build was not refused");
}
