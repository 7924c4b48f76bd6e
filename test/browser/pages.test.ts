// Opens every page of the built site in headless Chromium, at desktop and phone width, and fails on
// anything a visitor would see broken: a script error, a console error, a failed or external request,
// a Framework error cell (red text where a chart should be). The overview's headline numbers must be
// summary.json's, formatted. Full-page screenshots go to test/.tmp/screenshots/ for a human to look at.
import {describe, expect, inject, it} from "vitest";
import {formatInteger, formatMoney, formatMonth, formatPercent, formatRupiah} from "../../src/lib/format.ts";
import {builtJson, findPages, listFiles} from "./site.ts";
import {VIEWPORTS, screenshot, tableColumn, tableRows, useSite} from "./visit.ts";

const dist = inject("distDir");
const pages = findPages(dist);

/** How the overview must print each summary.json field (the same formatters the page is meant to use). */
const HEADLINES: Record<string, (value: never) => string> = {
  as_of: formatMonth,
  members_active: formatInteger,
  eligible: formatInteger,
  coverage_rate: formatPercent,
  allocation: formatMoney,
  realisation: formatMoney,
  absorption: formatPercent,
  claims_count: formatInteger,
  claims_amount: formatMoney
};

const site = useSite(dist);
/** summary.json from the built site, when the network capture missed it. */
const readBuiltSummary = () => builtJson(dist, "summary");

describe("the built site", () => {
  it("has pages, the overview among them", () => {
    expect(pages).toContain("/");
  });

  it("bundles no module from a CDN (no dist/_npm: every import comes from node_modules)", () => {
    expect(listFiles(dist).filter((f) => /[\\/]_npm[\\/]/.test(f))).toEqual([]);
  });

  for (const path of pages) {
    for (const viewport of VIEWPORTS) {
      it(`${path} renders without errors at ${viewport.name} width (${viewport.width}px)`, async () => {
        const {page, problems, summary, close} = await site.visit(path, {viewport});
        try {
          // Every page closes with the data month, source and contact, read from the data.
          const asOf = await page.$$eval("[data-source-note] [data-part='as_of']", (nodes) => nodes.map((n) => n.textContent ?? ""));
          const month = formatMonth(((summary ?? readBuiltSummary()).as_of as string) ?? null);
          if (asOf.length !== 1 || !asOf[0].endsWith(month)) problems.push(`catatan sumber (bulan data ${month}) tidak ada di akhir halaman: ${JSON.stringify(asOf)}`);
          const lang = await page.evaluate(() => document.documentElement.lang);
          if (lang !== "id") problems.push(`<html lang> adalah "${lang}", bukan "id"`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 1) problems.push(`halaman melebar ${overflow}px melewati layar (scroll ke samping)`);
          const name = (path === "/" ? "index" : path.slice(1).replaceAll("/", "_")) + `-${viewport.width}.png`;
          await screenshot(page, name);
          expect(problems).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }
});

describe("the overview", () => {
  it("shows summary.json's headline figures, formatted for id-ID", async () => {
    const {page, problems, summary: fetched, close} = await site.visit("/");
    try {
      expect(problems).toEqual([]);
      const summary = fetched ?? readBuiltSummary();
      const shown = await page.$$eval("[data-summary]", (nodes) =>
        nodes.map((n) => [n.getAttribute("data-summary")!, (n.textContent ?? "").trim()] as const)
      );
      const byKey = new Map<string, string[]>();
      for (const [key, text] of shown) byKey.set(key, [...(byKey.get(key) ?? []), text]);
      for (const [key, format] of Object.entries(HEADLINES)) {
        expect(byKey.has(key), `elemen data-summary="${key}" tidak ada di halaman`).toBe(true);
        for (const text of byKey.get(key)!) expect(text, key).toBe(format(summary[key] as never));
      }
      // Every number on the page marked as a summary figure is checked, not only the ones listed.
      for (const key of byKey.keys()) expect(Object.keys(HEADLINES), `data-summary="${key}" tanpa aturan format di tes`).toContain(key);
    } finally {
      await close();
    }
  });
});

describe("the overview's charts agree with its headline figures", () => {
  it("budget: the cumulative realisation in the table ends at summary.realisation", async () => {
    const {page, summary: fetched, close} = await site.visit("/");
    try {
      const summary = fetched ?? readBuiltSummary();
      const cumulative = await tableColumn(page, "budget", "Realisasi kumulatif");
      const last = cumulative.filter((text) => text !== "–").at(-1);
      expect(last, "realisasi kumulatif di grafik/tabel anggaran ≠ summary.realisation").toBe(formatRupiah(summary.realisation as number));
    } finally {
      await close();
    }
  });

  it("coverage: the kecamatan table's totals are summary.members_active and summary.eligible", async () => {
    const {page, summary: fetched, close} = await site.visit("/");
    try {
      const summary = fetched ?? readBuiltSummary();
      const totals = (await tableRows(page, "coverage", "tfoot tr")).flat();
      expect(totals.slice(1, 3)).toEqual([formatInteger(summary.members_active as number), formatInteger(summary.eligible as number)]);
    } finally {
      await close();
    }
  });
});
