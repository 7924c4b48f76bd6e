// Shared by the site tests (browser, privacy): build the site once, serve dist/ on 127.0.0.1, find its
// pages, launch headless Chromium. Serving and the browser live in scripts/lib/site.ts, which
// `npm run brief` uses too; what is only for tests (the one shared build, test/.tmp) is here.
import {spawn} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {ROOT, listFiles} from "../../scripts/lib/site.ts";

export {CHROMIUM, CHROMIUM_ARGS, ROOT, buildWith, drawAllCharts, findPages, launchBrowser, listFiles, serve, type Served} from "../../scripts/lib/site.ts";

export const TMP = join(ROOT, "test", ".tmp");

/**
 * Set JARING_TEST_DIST=<dir> (e.g. JARING_TEST_DIST=dist) to test an existing build instead of
 * running `npm run build` (which runs the whole pipeline on data/extracts).
 */
export const REUSE_DIST_ENV = "JARING_TEST_DIST";

/**
 * Runs `npm run build` once and returns the absolute dist directory (or the reused one). `region`
 * builds another pack's site (JARING_REGION) into test/.tmp/dist-<region>.
 */
export async function buildSite(options: {region?: string} = {}): Promise<string> {
  const reuse = options.region ? undefined : process.env[REUSE_DIST_ENV];
  if (reuse) {
    const dir = resolve(ROOT, reuse);
    if (!existsSync(join(dir, "index.html"))) throw new Error(`${REUSE_DIST_ENV}=${reuse}: ${dir}/index.html tidak ada`);
    return dir;
  }
  mkdirSync(TMP, {recursive: true});
  const log = join(TMP, options.region ? `build-${options.region}.log` : "build.log");
  const dist = options.region ? join(TMP, `dist-${options.region}`) : join(ROOT, "dist");
  // A site built under a sub-path would not load from our server at "/": build at the root.
  const region = options.region ? {JARING_REGION: options.region, JARING_REFERENCE: "", JARING_EXTRACTS: ""} : {};
  const env = {...process.env, ...region, JARING_BASE: "/", JARING_OUTPUT: dist, OBSERVABLE_TELEMETRY_DISABLE: "true", FORCE_COLOR: "0", NO_COLOR: "1"};
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    // Another region's build must not empty dist/ (npm run build cleans it) under the tests still to come;
    // the data cache needs no cleaning: it is dropped whenever the region changes (scripts/lib/dataCache.ts).
    const args = options.region ? ["exec", "--", "observable", "build"] : ["run", "build"];
    const child = spawn("npm", args, {cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"]});
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    child.on("error", fail);
    child.on("close", done);
  });
  writeFileSync(log, output.join(""));
  if (code !== 0) {
    const tail = output.join("").split("\n").slice(-40).join("\n");
    throw new Error(`npm run build gagal (exit ${code}); log lengkap: ${relative(ROOT, log)}\n${tail}`);
  }
  if (!existsSync(join(dist, "index.html"))) throw new Error(`npm run build tidak menghasilkan ${relative(ROOT, dist)}/index.html`);
  return dist;
}

/** A pipeline output (summary, referensi, quality, …) as `dist` serves it: Framework adds a content hash to the name. */
export function builtJson(dist: string, name: string): any {
  const pattern = new RegExp(`[\\\\/]_file[\\\\/]data[\\\\/]jaring[\\\\/]${name}\\.[0-9a-f]+\\.json$`);
  const files = listFiles(dist).filter((f) => pattern.test(f));
  if (files.length !== 1) throw new Error(`${name}.json di dist: ${files.length} berkas (harus 1)`);
  return JSON.parse(readFileSync(files[0], "utf8"));
}
