// Every region is described by data (its pack in data/regions/, published as referensi.json), never by
// code: the same site serves Pemalang, Jember or Lombok Timur by choosing a pack. Pages, components,
// lib and the site's config must not name any pack's region, its kecamatan or its codes.
import {readFileSync, readdirSync} from "node:fs";
import {extname, join, relative} from "node:path";
import {describe, expect, it} from "vitest";
import {REGIONS_DIR, availableRegions} from "../../loaders/pack.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Words that would only be in the code if someone hard-coded a region: its names, code, kecamatan. */
function regionWords(kode: string): string[] {
  const dir = join(REGIONS_DIR, kode);
  const wilayah = JSON.parse(readFileSync(join(dir, "wilayah.json"), "utf8"));
  const kecamatanCsv = readFileSync(join(dir, wilayah.kecamatan), "utf8").trim().split(/\r?\n/);
  const nameColumn = kecamatanCsv[0].split(",").indexOf("kecamatan");
  const kecamatan: string[] = kecamatanCsv.slice(1).map((line) => line.split(",")[nameColumn]);
  return [wilayah.nama, wilayah.nama_pendek, wilayah.kode, ...kecamatan].filter((w) => typeof w === "string" && w.length >= 4);
}

const REGIONS = availableRegions();
const FORBIDDEN = [...new Set(REGIONS.flatMap(regionWords))];

function files(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [".md", ".ts", ".js", ".css"].includes(extname(e.name)) ? [join(dir, e.name)] : []
  );
}

const checked = [
  ...files(join(ROOT, "src", "lib")),
  ...files(join(ROOT, "src", "components")),
  ...readdirSync(join(ROOT, "src")).filter((f) => f.endsWith(".md")).map((f) => join(ROOT, "src", f)),
  join(ROOT, "observablehq.config.ts")
];

describe("no hard-coded region in the site's code", () => {
  it("knows what to look for, in every pack", () => {
    expect(REGIONS.length).toBeGreaterThanOrEqual(2);
    for (const kode of REGIONS) expect(regionWords(kode).length, kode).toBeGreaterThan(3);
  });
  for (const file of checked) {
    it(`${relative(ROOT, file)} names no region, kecamatan or region code`, () => {
      const text = readFileSync(file, "utf8");
      expect(FORBIDDEN.filter((word) => new RegExp(`(?<![\\w.])${word.replace(/[.]/g, "\\.")}(?![\\w])`, "i").test(text))).toEqual([]);
    });
  }
});
