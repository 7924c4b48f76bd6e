// Where a region's reference data comes from. Two layers, so a regency adds only what is its own:
// - data/program/: BPJS Ketenagakerjaan's rules (contribution, benefits, TMI IV), the sectors and their
//   aliases, and defaults for every regional setting. The same for every regency; lives once.
// - a region pack (data/regions/<kode>/, or any folder given by JARING_REFERENCE / --reference): the
//   region's name, contact, codes, boundaries and place aliases, and a parameter.json holding only what
//   the region sets differently (its age band, due-date rule, the regent's stated expansion, …).
// A file in the pack wins over the program's file of the same name; a pack's parameter.json is merged
// key by key over the program's, so a full, older-style pack keeps working unchanged.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {ExtractError} from "./errors.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const root = ROOT;

export const PROGRAM_DIR = join(root, "data", "program");
export const REGIONS_DIR = join(root, "data", "regions");
/** The default region's committed sample; other regions' samples are generated into SAMPLES_DIR. */
export const DEFAULT_EXTRACTS = join(root, "data", "extracts");
export const SAMPLES_DIR = join(root, "data", "sampel");

/** Region settings a pack's parameter.json may set; the rest are the program's rules (docs/WILAYAH.md). */
export const REGIONAL_SETTINGS = [
  "usia_min",
  "usia_maks",
  "kelompok_umur",
  "sumber_dana_bawaan",
  "jatuh_tempo_hari",
  "jatuh_tempo_bulan",
  "ambang_sel_kecil",
  "pengali_mortalitas",
  "skenario_perluasan",
] as const;

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new ExtractError(path, `berkas referensi tidak dapat dibaca: ${(error as Error).message}`, "unreadable reference file");
  }
}

/** The region code used when JARING_REGION is not set (data/regions/bawaan.json). */
export function defaultRegion(): string {
  return String(readJson(join(REGIONS_DIR, "bawaan.json")).kode);
}

/** Codes of the packs in data/regions/, sorted. */
export function availableRegions(): string[] {
  return readdirSync(REGIONS_DIR, {withFileTypes: true})
    .filter((e) => e.isDirectory() && existsSync(join(REGIONS_DIR, e.name, "wilayah.json")))
    .map((e) => e.name)
    .sort();
}

export function regionDir(kode: string): string {
  const dir = join(REGIONS_DIR, kode);
  if (!existsSync(join(dir, "wilayah.json"))) {
    throw new ExtractError(
      "JARING_REGION",
      `tidak ada paket wilayah "${kode}" di data/regions/ (tersedia: ${availableRegions().join(", ")}); buat dengan npm run wilayah, atau tunjuk foldernya dengan JARING_REFERENCE`,
      "unknown region"
    );
  }
  return dir;
}

/** A file of the pack: the pack's own when it has one, else the program's. */
export function packFile(dir: string, name: string): string {
  const own = join(dir, name);
  return existsSync(own) || !existsSync(join(PROGRAM_DIR, name)) ? own : join(PROGRAM_DIR, name);
}

/** The program's parameters with the pack's own settings over them. */
export function packParameters(dir: string): Record<string, unknown> {
  const own = join(dir, "parameter.json");
  return {...readJson(join(PROGRAM_DIR, "parameter.json")), ...(existsSync(own) ? readJson(own) : {})};
}

export interface RegionChoice {
  /** The pack folder. */
  reference: string;
  /** Region code from JARING_REGION (or the default) when the pack is one of data/regions/. */
  region: string | null;
}

/** JARING_REFERENCE (a folder anywhere) wins; else JARING_REGION, else the default region. */
export function chooseRegion(env: NodeJS.ProcessEnv = process.env): RegionChoice {
  if (env.JARING_REFERENCE) return {reference: resolve(root, env.JARING_REFERENCE), region: null};
  const region = env.JARING_REGION || defaultRegion();
  return {reference: regionDir(region), region};
}

/** Where a region's extracts are when none are given: the committed sample, or one generated for it. */
export function sampleExtractsDir(region: string): string {
  return region === defaultRegion() ? DEFAULT_EXTRACTS : join(SAMPLES_DIR, region);
}
