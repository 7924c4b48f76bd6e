// Pemalang is the default region, described by data (referensi.json), never by code: the same site
// must serve Jember or Lombok Timur by swapping data/reference. Pages, components and lib must not
// name the region, its kecamatan or its codes.
import {readFileSync, readdirSync} from "node:fs";
import {extname, join, relative} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const wilayah = JSON.parse(readFileSync(join(ROOT, "data", "reference", "wilayah.json"), "utf8"));
const kecamatanCsv = readFileSync(join(ROOT, "data", "reference", wilayah.kecamatan), "utf8").trim().split(/\r?\n/);
const nameColumn = kecamatanCsv[0].split(",").indexOf("kecamatan");
const kecamatan: string[] = kecamatanCsv.slice(1).map((line) => line.split(",")[nameColumn]);

/** Words that would only be in the code if someone hard-coded the region. */
const FORBIDDEN = [wilayah.nama, wilayah.nama_pendek, wilayah.kode, ...kecamatan].filter((w) => typeof w === "string" && w.length >= 4);

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
  it("knows what to look for", () => {
    expect(FORBIDDEN.length).toBeGreaterThan(3);
  });
  for (const file of checked) {
    it(`${relative(ROOT, file)} names no region, kecamatan or region code`, () => {
      const text = readFileSync(file, "utf8");
      expect(FORBIDDEN.filter((word) => new RegExp(`(?<![\\w.])${word.replace(/[.]/g, "\\.")}(?![\\w])`, "i").test(text))).toEqual([]);
    });
  }
});
