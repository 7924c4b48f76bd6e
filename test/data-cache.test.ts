// The site's data cache (observablehq.config.ts): Framework re-runs the loader only when the loader file
// changes, so the config drops the cached data whenever anything the pipeline reads has changed —
// extracts, reference pack, pipeline code, audience — and never serves one input's data for another.
import {mkdirSync, utimesSync, writeFileSync, existsSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {dropStaleData} from "../scripts/lib/dataCache.ts";
import {tempDir} from "./loaders/helpers.ts";

async function site() {
  const root = await tempDir("jaring-cache-");
  for (const dir of ["data/extracts", "data/regions/11.01", "data/regions/22.02", "data/sampel/22.02", "data/program", "loaders", "src/data", "src/.observablehq/cache/data/jaring"]) mkdirSync(join(root, dir), {recursive: true});
  writeFileSync(join(root, "data/extracts/peserta.csv"), "nik\n1\n");
  writeFileSync(join(root, "data/sampel/22.02/peserta.csv"), "nik\n2\n");
  writeFileSync(join(root, "data/regions/bawaan.json"), '{"kode": "11.01"}');
  writeFileSync(join(root, "data/regions/11.01/wilayah.json"), "{}");
  writeFileSync(join(root, "data/regions/22.02/wilayah.json"), "{}");
  writeFileSync(join(root, "data/program/parameter.json"), "{}");
  writeFileSync(join(root, "loaders/pipeline.ts"), "");
  return root;
}
const cached = (root: string) => join(root, "src/.observablehq/cache/data/jaring.zip");
const makeCache = (root: string) => writeFileSync(cached(root), "zip");

describe("the site's data cache", () => {
  it("is kept while nothing the pipeline reads has changed", async () => {
    const root = await site();
    dropStaleData(root, {});
    makeCache(root);
    expect(dropStaleData(root, {})).toBe(false);
    expect(existsSync(cached(root))).toBe(true);
  });

  it("is dropped when an extract, the reference pack or the pipeline's code changes", async () => {
    const root = await site();
    dropStaleData(root, {});
    for (const file of ["data/extracts/peserta.csv", "data/regions/11.01/wilayah.json", "data/program/parameter.json", "loaders/pipeline.ts"]) {
      makeCache(root);
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(root, file), later, later);
      expect(dropStaleData(root, {}), file).toBe(true);
      expect(existsSync(cached(root)), file).toBe(false);
    }
  });

  it("follows the chosen region: its pack and its generated sample, not the default's", async () => {
    const root = await site();
    const region = {JARING_REGION: "22.02"};
    dropStaleData(root, region);
    for (const file of ["data/sampel/22.02/peserta.csv", "data/regions/22.02/wilayah.json"]) {
      makeCache(root);
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(root, file), later, later);
      expect(dropStaleData(root, region), file).toBe(true);
    }
    makeCache(root);
    utimesSync(join(root, "data/regions/11.01/wilayah.json"), new Date(Date.now() + 90_000), new Date(Date.now() + 90_000));
    expect(dropStaleData(root, region), "the default region's pack is not read").toBe(false);
    expect(dropStaleData(root, {}), "back to the default region").toBe(true);
  });

  it("is dropped when the audience, the region, the extracts folder or the pack folder is another", async () => {
    const root = await site();
    dropStaleData(root, {});
    for (const env of [{JARING_AUDIENCE: "internal"}, {JARING_AUDIENCE: "internal", JARING_REGION: "22.02"}, {JARING_AUDIENCE: "internal", JARING_EXTRACTS: "lain"}, {JARING_AUDIENCE: "internal", JARING_EXTRACTS: "lain", JARING_REFERENCE: "paket"}]) {
      makeCache(root);
      expect(dropStaleData(root, env), JSON.stringify(env)).toBe(true);
      expect(existsSync(cached(root))).toBe(false);
    }
  });
});
