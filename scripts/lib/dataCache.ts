// The site's data cache. Framework re-runs a data loader only when the loader file itself is newer than
// its cached output, so changed extracts, another reference pack or another audience would be served
// from a stale cache unless the build ran through `npm run build` (which empties it). Before every
// preview or build (observablehq.config.ts), a fingerprint of everything the pipeline reads (these
// variables, every file of the extracts, the region pack, data/program and loaders/) is compared with the one the
// cache was made from; if it differs, the cached data is dropped.
import {createHash} from "node:crypto";
import {existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync} from "node:fs";
import {join, relative, resolve} from "node:path";

const DATA_ENV = ["JARING_EXTRACTS", "JARING_REFERENCE", "JARING_AUDIENCE", "JARING_REGION"];

function* filesUnder(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** The folders the site's data loader reads under `root`, as loaders/paths.ts chooses them. */
function inputDirs(root: string, env: NodeJS.ProcessEnv): string[] {
  const bawaan = join(root, "data/regions/bawaan.json");
  const fallback = existsSync(bawaan) ? String(JSON.parse(readFileSync(bawaan, "utf8")).kode) : "";
  const region = env.JARING_REGION || fallback;
  const sample = region === fallback ? "data/extracts" : `data/sampel/${region}`;
  return [env.JARING_EXTRACTS || sample, env.JARING_REFERENCE || `data/regions/${region}`, "data/program", "loaders", "src/data"];
}

/** A hash of what the site's data loader reads: the variables above and each input file's path, size and time. */
export function dataInputsFingerprint(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256");
  for (const name of DATA_ENV) hash.update(`${name}=${env[name] ?? ""}\n`);
  for (const dir of inputDirs(root, env)) {
    for (const file of filesUnder(resolve(root, dir))) {
      const {size, mtimeMs} = statSync(file);
      hash.update(`${relative(root, file)}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest("hex");
}

/** Drops the cached site data when its inputs changed since it was made; true when it did. */
export function dropStaleData(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const cache = join(root, "src/.observablehq");
  const stamp = join(cache, "jaring-inputs.txt");
  const current = dataInputsFingerprint(root, env);
  const previous = existsSync(stamp) ? readFileSync(stamp, "utf8") : null;
  if (previous === current) return false;
  rmSync(join(cache, "cache/data/jaring.zip"), {force: true});
  rmSync(join(cache, "cache/data/jaring"), {recursive: true, force: true});
  mkdirSync(cache, {recursive: true});
  writeFileSync(stamp, current);
  return previous !== null;
}
