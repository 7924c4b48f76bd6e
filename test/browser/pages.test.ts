// Opens every page of the built site in headless Chromium, at desktop and phone width, and fails on
// anything a visitor would see broken: a script error, a console error, a failed or external request,
// a Framework error cell (red text where a chart should be). The overview's headline numbers must be
// summary.json's, formatted. Full-page screenshots go to test/.tmp/screenshots/ for a human to look at.
import {mkdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {formatInteger, formatMoney, formatMonth, formatPercent, formatRupiah} from "../../src/lib/format.ts";
import {TMP, findPages, launchBrowser, listFiles, serve, type Served} from "./site.ts";
import {visitPage} from "./visit.ts";

const dist = inject("distDir");
const pages = findPages(dist);
const SHOTS = join(TMP, "screenshots");
const VIEWPORTS = [
  {name: "desktop", width: 1280, height: 900},
  {name: "phone", width: 390, height: 844}
] as const;

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

let server: Served;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, {recursive: true});
  server = await serve(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of the served build with the shared rules of ./visit.ts. */
const visit = (path: string, viewport: {width: number; height: number}) => visitPage(browser, server.origin, path, viewport);

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
        const {page, problems, summary, close} = await visit(path, viewport);
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
          await page.screenshot({path: join(SHOTS, name), fullPage: true});
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
    const {page, problems, summary: fetched, close} = await visit("/", VIEWPORTS[0]);
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
    const {page, summary: fetched, close} = await visit("/", VIEWPORTS[0]);
    try {
      const summary = fetched ?? readBuiltSummary();
      const cumulative = await page.$eval('[data-table="budget"]', (table) => {
        const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
        const column = headers.indexOf("Realisasi kumulatif");
        return [...table.querySelectorAll("tbody tr")].map((row) => row.querySelectorAll("th, td")[column]?.textContent?.trim() ?? "");
      });
      const last = cumulative.filter((text) => text !== "–").at(-1);
      expect(last, "realisasi kumulatif di grafik/tabel anggaran ≠ summary.realisation").toBe(formatRupiah(summary.realisation as number));
    } finally {
      await close();
    }
  });

  it("coverage: the kecamatan table's totals are summary.members_active and summary.eligible", async () => {
    const {page, summary: fetched, close} = await visit("/", VIEWPORTS[0]);
    try {
      const summary = fetched ?? readBuiltSummary();
      const totals = await page.$$eval('[data-table="coverage"] tfoot th, [data-table="coverage"] tfoot td', (cells) =>
        cells.map((cell) => cell.textContent?.trim() ?? "")
      );
      expect(totals.slice(1, 3)).toEqual([formatInteger(summary.members_active as number), formatInteger(summary.eligible as number)]);
    } finally {
      await close();
    }
  });
});

/** summary.json from the built site, when the network capture missed it. */
function readBuiltSummary(): Record<string, unknown> {
  const files = listFiles(dist).filter((f) => /[\\/]_file[\\/]data[\\/]jaring[\\/]summary\.[^\\/]*json$/.test(f));
  if (files.length !== 1) throw new Error(`summary.json di dist: ${files.length} berkas (harus 1)`);
  return JSON.parse(readFileSync(files[0], "utf8"));
}
