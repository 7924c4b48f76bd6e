// The data-quality page in headless Chromium: its per-table counts are quality.json's, every rejection
// is accounted for by reason, and no NIK-shaped number appears anywhere in its text.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {formatInteger} from "../../src/lib/format.ts";
import {launchBrowser, listFiles, serve, type Served} from "./site.ts";

const dist = inject("distDir");
let server: Served;
let browser: Browser;
let page: Page;
let quality: {
  tables: Record<string, {rows_read: number; rows_accepted: number; rows_rejected: number; rejects_by_reason: Record<string, {count: number}>}>;
  cross_checks: Record<string, {count: number}>;
  unmatched_places: unknown[];
};
const problems: string[] = [];

beforeAll(async () => {
  const files = listFiles(dist).filter((f) => /[\\/]_file[\\/]data[\\/]jaring[\\/]quality\.[^\\/]*json$/.test(f));
  if (files.length !== 1) throw new Error(`quality.json di dist: ${files.length} berkas (harus 1)`);
  quality = JSON.parse(readFileSync(files[0], "utf8"));
  server = await serve(dist);
  browser = await launchBrowser();
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "id-ID", timezoneId: "Asia/Jakarta"});
  page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${server.origin}/kualitas-data`, {waitUntil: "networkidle"});
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, {timeout: 60_000});
  await page.waitForTimeout(300);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text of a data table's body cells, by column header. */
async function tableColumn(name: string, header: string): Promise<string[][]> {
  return page.$eval(
    `[data-table="${name}"] table`,
    (table, header) => {
      const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
      const column = headers.indexOf(header);
      return [...table.querySelectorAll("tbody tr")].map((row) => {
        const cells = [...row.querySelectorAll("th, td")].map((c) => c.textContent?.trim() ?? "");
        return [cells[0], cells[column]];
      });
    },
    header
  );
}

describe("Kualitas Data", () => {
  it("renders without errors", async () => {
    expect(problems).toEqual([]);
    expect(await page.$$(".observablehq--error")).toEqual([]);
    expect(await page.textContent("h1")).toBe("Kualitas Data");
  });

  it("shows each table's rows read, accepted and rejected exactly as quality.json has them", async () => {
    const names = Object.keys(quality.tables);
    expect(names.length).toBe(5);
    for (const name of names) {
      const card = await page.$(`[data-quality="${name}"]`);
      expect(card, `kartu ${name}`).not.toBeNull();
      for (const key of ["rows_read", "rows_accepted", "rows_rejected"] as const) {
        const text = (await card!.$eval(`[data-count="${key}"]`, (n) => n.textContent))?.trim();
        expect(text, `${name}.${key}`).toBe(formatInteger(quality.tables[name][key]));
      }
    }
    for (const [column, key] of [["Dibaca", "rows_read"], ["Diterima", "rows_accepted"], ["Ditolak", "rows_rejected"]] as const) {
      const shown = (await tableColumn("tables", column)).map(([, value]) => value);
      expect(shown, column).toEqual(names.map((n) => formatInteger(quality.tables[n][key])));
    }
  });

  it("accounts for every rejected row by reason", async () => {
    const rows = await tableColumn("rejects", "Baris");
    const expected = Object.values(quality.tables).reduce((s, t) => s + Object.keys(t.rejects_by_reason).length, 0);
    expect(rows.length).toBe(expected);
    const shownTotal = rows.reduce((s, [, count]) => s + Number(count.replace(/\./g, "")), 0);
    expect(shownTotal).toBe(Object.values(quality.tables).reduce((s, t) => s + t.rows_rejected, 0));
  });

  it("lists every cross-table check with its count, and the unmatched place names", async () => {
    const checks = await tableColumn("cross-checks", "Temuan");
    expect(checks.map(([, v]) => v.split(" ")[0])).toEqual(Object.values(quality.cross_checks).map((c) => formatInteger(c.count)));
    const places = await page.$$('[data-table="unmatched"] tbody tr');
    expect(places.length).toBe(Math.max(1, quality.unmatched_places.length));
  });

  it("shows no NIK-shaped number (16 digits) anywhere in its text", async () => {
    const text = await page.evaluate(() => document.body.innerText);
    expect(text.match(/(?<![\d.,])\d{16}(?!\d)/g) ?? []).toEqual([]);
    // nor with the thousands separators formatInteger would add (3.327.041.505.609.001)
    expect(text.match(/(?<![\d.])\d(\.\d{3}){5}(?![\d.])/g) ?? []).toEqual([]);
  });
});
