import {resolve} from "node:path";
import {ROOT, chooseRegion, sampleExtractsDir, DEFAULT_EXTRACTS} from "./pack.ts";

export interface Paths {
  extracts: string;
  reference: string;
  /** The data/regions/ pack chosen by JARING_REGION (or the default), null for a JARING_REFERENCE folder. */
  region: string | null;
}

/**
 * JARING_REGION picks a pack of data/regions/ (default: data/regions/bawaan.json), JARING_REFERENCE a
 * pack folder anywhere; JARING_EXTRACTS points at real extracts. Without it, a region reads its sample:
 * the committed one for the default region, the one `npm run sample -- --region KODE` makes for others.
 */
export function defaultPaths(env: NodeJS.ProcessEnv = process.env): Paths {
  const {reference, region} = chooseRegion(env);
  const extracts = env.JARING_EXTRACTS ? resolve(ROOT, env.JARING_EXTRACTS) : region ? sampleExtractsDir(region) : DEFAULT_EXTRACTS;
  return {extracts, reference, region};
}
