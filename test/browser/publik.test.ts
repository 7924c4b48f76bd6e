// The transparency page (/publik) as the public would use it: the headline figures are summary.json's,
// the regent's expansion is costed, and every open-data file the dictionary lists downloads from the
// page — CSV whose header is the dictionary's columns, Arrow — with the licence named.
import {describe, expect, inject, it} from "vitest";
import {formatInteger, formatPercent} from "../../src/lib/format.ts";
import {builtJson} from "./site.ts";
import {tableRows, useSite} from "./visit.ts";

const dist = inject("distDir");
const summary = builtJson(dist, "summary");
const kamus = builtJson(dist, "kamus-data");
const site = useSite(dist);

describe("the transparency page (/publik)", () => {
  it("shows summary.json's figures and what the regent's expansion would cost", async () => {
    const {page, problems, close} = await site.visit("/publik");
    try {
      expect(problems).toEqual([]);
      const figure = (key: string) => page.$eval(`[data-summary="${key}"]`, (n) => n.textContent?.trim());
      expect(await figure("members_active")).toBe(formatInteger(summary.members_active));
      expect(await figure("coverage_rate")).toBe(formatPercent(summary.coverage_rate));
      expect(await figure("claims_count")).toBe(formatInteger(summary.claims_count));
      const plan = await tableRows(page, "publik-rencana");
      expect(plan.map((r) => r[0])).toContain(`Biaya iuran ${Number(summary.as_of.slice(0, 4)) + 1} (APBD)`);
      expect(plan.every((r) => r.slice(1).every((t) => t && t !== "–"))).toBe(true);
      expect(await page.textContent('[data-section="perluasan"]')).toContain("menambah biaya sekitar");
    } finally {
      await close();
    }
  });

  it("links every file of the data dictionary, CSV and Arrow, each downloadable, with the licence", async () => {
    const {page, problems, close} = await site.visit("/publik");
    try {
      expect(problems).toEqual([]);
      expect(await page.$eval('a[rel="license"]', (a) => [a.textContent, (a as HTMLAnchorElement).href])).toEqual([kamus.lisensi.nama, kamus.lisensi.url]);
      const links = await page.$$eval('[data-table="data-terbuka"] a', (as) => as.map((a) => ({href: (a as HTMLAnchorElement).href, download: a.getAttribute("download")})));
      const expected = kamus.berkas.flatMap((b: {nama: string; arrow: boolean}) => [`${b.nama}.csv`, ...(b.arrow ? [`${b.nama}.arrow`] : [])]);
      expect(links.map((l) => l.download).sort()).toEqual(expected.sort());
      for (const link of links) {
        const response = await fetch(link.href);
        expect(response.status, link.download!).toBe(200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (link.download!.endsWith(".csv")) {
          const header = new TextDecoder().decode(bytes).split(/\r?\n/)[0];
          const berkas = kamus.berkas.find((b: {nama: string}) => `${b.nama}.csv` === link.download);
          expect(header, link.download!).toBe(berkas.kolom.map((k: {nama: string}) => k.nama).join(","));
        } else {
          expect(new TextDecoder().decode(bytes.slice(0, 6)), link.download!).toBe("ARROW1");
        }
      }
      // The dictionary itself, as JSON, from the same page.
      const dictionary = await page.$eval('a[download="kamus-data.json"]', (a) => (a as HTMLAnchorElement).href);
      expect((await (await fetch(dictionary)).json()).berkas.length).toBe(kamus.berkas.length);
    } finally {
      await close();
    }
  });
});
