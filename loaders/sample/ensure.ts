// A region chosen without extracts of its own reads a synthetic sample made for it, generated on first
// use (as `npm run sample -- --region KODE` would), so `JARING_REGION=KODE npm run build` just works.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { sampleExtractsDir } from "../pack.ts";
import type { Paths } from "../paths.ts";
import { DEFAULT_SEED, generateSample, regionScale } from "./generate.ts";
import { loadReference } from "./reference.ts";
import { writeSample } from "./write.ts";

/** Generates the region's sample when the paths point at its (missing) sample folder; true if it did. */
export async function ensureRegionSample(paths: Paths, log: (line: string) => void = console.error): Promise<boolean> {
  if (!paths.region || paths.extracts !== sampleExtractsDir(paths.region)) return false;
  if (existsSync(join(paths.extracts, "peserta.csv"))) return false;
  const reference = loadReference(paths.reference);
  log(`Ekstrak untuk ${reference.wilayah.nama} belum ada: membuat sampel sintetis di ${paths.extracts}`);
  const sample = await generateSample({ reference, seed: DEFAULT_SEED, scale: regionScale(reference) });
  writeSample(sample, paths.extracts, `${paths.extracts}.manifest.json`);
  return true;
}
