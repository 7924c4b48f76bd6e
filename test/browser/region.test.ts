// A second real region end to end: `JARING_REGION=35.09 npm run build` (Jember's pack, 31 kecamatan, a
// sample generated for it on first use) must give a site where every page renders in Chromium at
// desktop and phone width with no error cell, names Jember, shows all its kecamatan on the map and in
// the tables — and where no file carries a word of the default region (name, kecamatan, codes, contact).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {REGIONS_DIR, defaultRegion} from "../../loaders/pack.ts";
import {buildSite, builtJson, findPages, listFiles} from "./site.ts";
import {VIEWPORTS, screenshot, tableRows, useSite} from "./visit.ts";

const REGION = "35.09";
const wilayah = JSON.parse(readFileSync(join(REGIONS_DIR, REGION, "wilayah.json"), "utf8"));

/** Every word that would only be in Jember's site if the default region leaked into it. */
function defaultRegionWords(): string[] {
  const dir = join(REGIONS_DIR, defaultRegion());
  const own = JSON.parse(readFileSync(join(dir, "wilayah.json"), "utf8"));
  const lines = readFileSync(join(dir, own.kecamatan), "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const kecamatan = lines.slice(1).map((l) => l.split(","));
  const column = (name: string) => kecamatan.map((cells) => cells[header.indexOf(name)]);
  return [own.nama, own.nama_pendek, own.kode, own.kode.replace(".", ""), own.kontak, ...column("kecamatan"), ...column("kode_kec")];
}

let dist = "";
const site = useSite(async () => (dist = await buildSite({region: REGION})));

describe(`another region's site (JARING_REGION=${REGION})`, () => {
  it("is built for that region from its generated sample", () => {
    const referensi = builtJson(dist, "referensi");
    expect(referensi.wilayah.kode).toBe(REGION);
    expect(referensi.kecamatan).toHaveLength(31);
    // Sized as the pack states (wilayah.json program.peserta), not as the default region's sample.
    const summary = builtJson(dist, "summary");
    expect(summary.members_active).toBeGreaterThan(0.7 * wilayah.program.peserta);
    expect(summary.members_active).toBeLessThanOrEqual(wilayah.program.peserta);
  });

  it("carries no word of the default region in any file", () => {
    const words = defaultRegionWords();
    expect(words.length).toBeGreaterThan(10);
    const pattern = new RegExp(`(?<![\\p{L}\\d.])(?:${words.map((w) => w.replace(/[.]/g, "\\.")).join("|")})(?![\\p{L}\\d])`, "iu");
    const found = listFiles(dist)
      .filter((f) => /\.(html|js|css|json|csv|txt|md|svg)$/.test(f))
      .flatMap((f) => {
        const match = readFileSync(f, "utf8").match(pattern);
        return match ? [`${f.slice(dist.length)}: "${match[0]}"`] : [];
      });
    expect(found).toEqual([]);
  });

  it("shows every kecamatan on the map and in the table of the coverage page", async () => {
    const {page, problems, close} = await site.visit("/cakupan");
    try {
      const kecamatan: {kode: string; nama: string}[] = builtJson(dist, "referensi").kecamatan;
      expect(await page.$$eval('figure[data-map="kecamatan"] path[data-kode]', (p) => p.length)).toBe(kecamatan.length);
      expect((await tableRows(page, "wilayah")).map((r) => r[0])).toEqual(kecamatan.map((k) => k.nama));
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("has the same pages as the default site", () => {
    expect(findPages(dist)).toContain("/");
    expect(findPages(dist).length).toBeGreaterThanOrEqual(7);
  });

  for (const viewport of VIEWPORTS) {
    it(`every page renders with no error and names the region at ${viewport.name} width`, async () => {
      const failures: string[] = [];
      for (const path of findPages(dist)) {
        const {page, problems, close} = await site.visit(path, {viewport});
        try {
          const text = await page.evaluate(() => document.body.innerText);
          if (!text.includes(wilayah.nama_pendek)) problems.push(`nama wilayah "${wilayah.nama_pendek}" tidak ada di halaman`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 1) problems.push(`halaman melebar ${overflow}px melewati layar`);
          await screenshot(page, `${REGION}${path === "/" ? "-index" : path.replaceAll("/", "-")}-${viewport.width}.png`);
          failures.push(...problems.map((p) => `${path}: ${p}`));
        } finally {
          await close();
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
