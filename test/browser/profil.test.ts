// Kecamatan profiles (src/kecamatan/[kode].md): one page per kecamatan of the region, each rendering
// in Chromium at desktop and phone width with no error; its headline figures equal the Cakupan page's
// table row for that kecamatan; the largest kecamatan's profile prints on one A4 page.
import {join} from "node:path";
import {describe, expect, inject, it} from "vitest";
import {MIN_SCALE, countPdfPages, writeBrief} from "../../scripts/lib/brief.ts";
import {profileSlug} from "../../src/lib/profil.ts";
import {TMP, builtJson, findPages} from "./site.ts";
import {VIEWPORTS, screenshot, tableHeaders, tableRows, useSite} from "./visit.ts";

const dist = inject("distDir");
const referensi = builtJson(dist, "referensi");
const kecamatan: {kode: string; nama: string}[] = referensi.kecamatan;
const site = useSite(dist);

describe("kecamatan profiles", () => {
  it("exist for every kecamatan of the region, and for nothing else", () => {
    const profiles = findPages(dist).filter((p) => p.startsWith("/kecamatan/"));
    expect(profiles).toEqual(kecamatan.map((k) => `/kecamatan/${profileSlug(k.kode)}`).sort());
  });

  for (const viewport of VIEWPORTS) {
    it(`render with no error and no sideways scroll at ${viewport.name} width`, async () => {
      const failures: string[] = [];
      for (const k of kecamatan) {
        const path = `/kecamatan/${profileSlug(k.kode)}`;
        const {page, problems, close} = await site.visit(path, {viewport});
        try {
          const title = await page.$eval("h1", (h) => h.textContent ?? "");
          if (!title.includes(k.nama)) problems.push(`judul "${title}" bukan ${k.nama}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 1) problems.push(`halaman melebar ${overflow}px melewati layar`);
          if (k === kecamatan[0]) await screenshot(page, `profil-${profileSlug(k.kode)}-${viewport.width}.png`);
          failures.push(...problems.map((p) => `${path}: ${p}`));
        } finally {
          await close();
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it("show each kecamatan's active members, eligible people and coverage as the Cakupan page's table does", async () => {
    const cakupan = await site.visit("/cakupan");
    let expected: Map<string, string[]>;
    try {
      const headers = await tableHeaders(cakupan.page, "wilayah");
      const col = (label: string) => headers.indexOf(label);
      expected = new Map((await tableRows(cakupan.page, "wilayah")).map((r) => [r[0], [r[col("Aktif")], r[col("Sasaran")], r[col("Cakupan")]]]));
      expect(cakupan.problems).toEqual([]);
    } finally {
      await cakupan.close();
    }
    for (const k of kecamatan) {
      const {page, problems, close} = await site.visit(`/kecamatan/${profileSlug(k.kode)}`);
      try {
        const shown = await Promise.all(["aktif", "sasaran", "cakupan"].map((key) => page.$eval(`[data-profile="${key}"]`, (n) => n.textContent?.trim() ?? "")));
        expect(shown, k.nama).toEqual(expected.get(k.nama));
        // The desa list adds up to the kecamatan's active members.
        const desa = await tableRows(page, "desa");
        const aktif = desa.reduce((s, r) => s + (Number(r[2].replaceAll(".", "")) || 0), 0);
        expect(aktif, k.nama).toBe(Number(shown[0].replaceAll(".", "")));
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it("prints the profile of the kecamatan with the most desa on one A4 page", async () => {
    const count = (kode: string) => referensi.desa.filter((d: {kode_kec: string}) => d.kode_kec === kode).length;
    const largest = kecamatan.slice().sort((a, b) => count(b.kode) - count(a.kode))[0];
    const brief = await writeBrief({dist, out: join(TMP, "brief", `profil-${profileSlug(largest.kode)}.pdf`), browser: site.browser, path: `/kecamatan/${profileSlug(largest.kode)}`});
    expect(countPdfPages(brief.pdf)).toBe(1);
    expect(brief.scale).toBeGreaterThanOrEqual(MIN_SCALE);
  });
});
