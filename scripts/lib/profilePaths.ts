// The kecamatan profile pages to build (src/kecamatan/[kode].md): one per kecamatan of the chosen
// region's pack, read as the pipeline reads it (loaders/paths.ts), so any region gets its own pages.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {defaultPaths} from "../../loaders/paths.ts";
import {packFile} from "../../loaders/pack.ts";
import {profileSlug} from "../../src/lib/profil.ts";

/** Kecamatan codes of the pack, in file order (the kecamatan CSV's `kode_kec` column). */
export function packKecamatan(reference: string): string[] {
  const wilayah = JSON.parse(readFileSync(join(reference, "wilayah.json"), "utf8")) as {kecamatan: string};
  const [header, ...lines] = readFileSync(packFile(reference, wilayah.kecamatan), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const column = header.split(",").indexOf("kode_kec");
  if (column < 0) throw new Error(`${wilayah.kecamatan}: kolom kode_kec tidak ada`);
  return lines.map((line) => line.split(",")[column].trim()).filter(Boolean);
}

export function profilePaths(env: NodeJS.ProcessEnv = process.env): string[] {
  return packKecamatan(defaultPaths(env).reference).map((kode) => `/kecamatan/${profileSlug(kode)}`);
}
