// The budget page (src/anggaran.md) in headless Chromium: it renders without errors at desktop and
// phone width, its headline absorption is summary.json's, and the reconciliation shows the sample's
// planted discrepancies in the year they belong to. Screenshots go to test/.tmp/screenshots/.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, inject, it} from "vitest";
import {formatMoney, formatPercent, formatRupiah} from "../../src/lib/format.ts";
import {ROOT, builtJson, findPages} from "./site.ts";
import {VIEWPORTS, screenshot, tableColumn, tableRows, useSite} from "./visit.ts";

const dist = inject("distDir");
const site = useSite(dist);

describe("the budget page", () => {
  it("is in the built site", () => {
    expect(findPages(dist)).toContain("/anggaran");
  });

  for (const viewport of VIEWPORTS) {
    for (const query of ["", "?tahun=2025"]) {
      it(`renders without errors at ${viewport.name} width${query ? ` (${query})` : ""}`, async () => {
        const {page, problems, close} = await site.visit(`/anggaran${query}`, {viewport});
        try {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 1) problems.push(`halaman melebar ${overflow}px melewati layar`);
          await screenshot(page, `anggaran${query ? "-2025" : ""}-${viewport.width}.png`);
          expect(problems).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }

  it("shows summary.json's absorption, realisation and allocation for the as-of year, in the cards and the year table", async () => {
    const summary = builtJson(dist, "summary");
    const {page, problems, close} = await site.visit("/anggaran");
    try {
      expect(problems).toEqual([]);
      const shown = Object.fromEntries(
        await page.$$eval("[data-summary]", (nodes) => nodes.map((n) => [n.getAttribute("data-summary")!, (n.textContent ?? "").trim()]))
      );
      expect(shown).toEqual({
        allocation: formatMoney(summary.allocation),
        realisation: formatMoney(summary.realisation),
        absorption: formatPercent(summary.absorption)
      });
      const measures = await tableColumn(page, "antar-tahun", "Ukuran");
      const asOfYear = await tableColumn(page, "antar-tahun", String(summary.tahun));
      expect(asOfYear[measures.indexOf("Penyerapan")]).toBe(formatPercent(summary.absorption));
      expect(asOfYear[measures.indexOf("Realisasi (iuran ditagihkan)")]).toBe(formatRupiah(summary.realisation));
    } finally {
      await close();
    }
  });

  it("flags the sample's planted discrepancies: the jump in April 2026, and the short invoice of August 2025", async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "data/sample-manifest.json"), "utf8"));
    const [short, jump] = manifest.expected.invoice_discrepancies;
    const flagged = async (path: string) => {
      const {page, problems, close} = await site.visit(path);
      try {
        expect(problems).toEqual([]);
        return await tableRows(page, "rekonsiliasi", "tbody tr.flagged");
      } finally {
        await close();
      }
    };
    const rows2026 = await flagged("/anggaran");
    expect(rows2026.map((r) => `${r[0]} ${r[1]}`)).toEqual([`Apr 2026 ${jump.sumber_dana}`]);
    const rows2025 = await flagged("/anggaran?tahun=2025");
    expect(rows2025.map((r) => `${r[0]} ${r[1]} ${r[5]}`)).toEqual([`Agu 2025 ${short.sumber_dana} ${formatRupiah(short.selisih_nominal)}`]);
  });
});
