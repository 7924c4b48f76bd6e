// `npm run brief`: the overview printed as the regent's one-page A4 brief (out/ringkasan.pdf).
//   npm run brief                       uses dist/ when it exists (for the chosen region), else builds the site first
//   JARING_REGION=35.09 npm run brief   the brief of another region (data/regions/35.09)
//   npm run brief -- --build            builds the site afresh (npm run build) first
//   npm run brief -- --dist DIR         uses the build in DIR (built at base "/")
//   npm run brief -- --out FILE         writes the PDF to FILE
//   npm run brief -- --kecamatan KODE   a kecamatan's profile on one A4 page (out/profil-<kode>.pdf);
//                     --kecamatan semua every kecamatan's, one PDF each
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {parseArgs} from "node:util";
import {countPdfPages, writeBrief} from "./lib/brief.ts";
import {ROOT, findPages, launchBrowser, listFiles} from "./lib/site.ts";
import {profileSlug} from "../src/lib/profil.ts";
import {defaultPaths} from "../loaders/paths.ts";

const {values} = parseArgs({
  options: {
    out: {type: "string"},
    kecamatan: {type: "string"},
    dist: {type: "string"},
    build: {type: "boolean", default: false}
  }
});

/** The region code of a built site (its referensi.json), or null when there is none. */
function builtRegion(dist: string): string | null {
  const file = existsSync(dist) ? listFiles(dist).find((f) => /[\\/]_file[\\/]data[\\/]jaring[\\/]referensi\.[0-9a-f]+\.json$/.test(f)) : undefined;
  return file ? JSON.parse(readFileSync(file, "utf8")).wilayah?.kode ?? null : null;
}

const dist = resolve(ROOT, values.dist ?? "dist");
const built = existsSync(join(dist, "index.html"));
// JARING_REGION / JARING_REFERENCE choose the region: a dist/ built for another one is rebuilt.
const wanted = String(JSON.parse(readFileSync(join(defaultPaths().reference, "wilayah.json"), "utf8")).kode);
const otherRegion = built && !values.dist && builtRegion(dist) !== wanted;
if (values.build || (!values.dist && !built) || otherRegion) {
  console.log("Membangun situs (npm run build)…");
  // A brief is printed from a site at the root: a JARING_BASE in the environment must not leak in.
  const run = spawnSync("npm", ["run", "build"], {cwd: ROOT, stdio: "inherit", env: {...process.env, JARING_BASE: "/", JARING_OUTPUT: dist}});
  if (run.status !== 0) process.exit(run.status ?? 1);
} else if (!built) {
  console.error(`GAGAL: ${dist}/index.html tidak ada. Bangun dulu (npm run build) atau hilangkan --dist.`);
  process.exit(1);
} else {
  console.log(`Memakai situs yang sudah dibangun di ${relative(ROOT, dist) || "."} (${statSync(join(dist, "index.html")).mtime.toLocaleString("id-ID")}); --build untuk membangun ulang.`);
}

// What to print: the overview, or kecamatan profiles (a code with or without dots, or "semua").
const profiles = findPages(dist).filter((p) => p.startsWith("/kecamatan/"));
const wantedProfiles = values.kecamatan === undefined ? null : values.kecamatan === "semua" ? profiles : [`/kecamatan/${profileSlug(values.kecamatan)}`];
const missing = (wantedProfiles ?? []).filter((p) => !profiles.includes(p));
if (missing.length) {
  console.error(`GAGAL: tidak ada profil ${missing.join(", ")} di situs ini (ada: ${profiles.map((p) => p.slice(11)).join(", ")}).`);
  process.exit(1);
}
const jobs = wantedProfiles
  ? wantedProfiles.map((path) => ({path, out: wantedProfiles.length === 1 && values.out ? values.out : join(values.out && wantedProfiles.length > 1 ? values.out : "out", `profil-${path.slice(11)}.pdf`)}))
  : [{path: "/", out: values.out ?? join("out", "ringkasan.pdf")}];

const browser = await launchBrowser();
let failed = false;
for (const job of jobs) {
  const out = resolve(process.cwd(), job.out);
  try {
    const brief = await writeBrief({dist, out, path: job.path, browser});
    const shown = relative(process.cwd(), out).startsWith("..") ? out : relative(process.cwd(), out);
    console.log(`${job.path === "/" ? "Ringkasan" : `Profil ${job.path.slice(11)}`}: ${shown} (${countPdfPages(brief.pdf)} halaman A4, skala ${brief.scale})`);
  } catch (error) {
    console.error(`GAGAL: ${(error as Error).message}`);
    failed = true;
  }
}
await browser.close();
if (failed) process.exit(1);
