// The data-quality page in headless Chromium: its per-table counts are quality.json's, every rejection
// is accounted for by reason, and no NIK-shaped number appears anywhere in its text.
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {formatInteger} from "../../src/lib/format.ts";
import {builtJson} from "./site.ts";
import {tableColumn, useSite, type Visit} from "./visit.ts";

const dist = inject("distDir");
const quality: {
  tables: Record<string, {rows_read: number; rows_accepted: number; rows_rejected: number; rejects_by_reason: Record<string, {count: number}>}>;
  cross_checks: Record<string, {count: number}>;
  unmatched_places: unknown[];
} = builtJson(dist, "quality");

// One visit for every test of the file: they all read the same page, none changes it.
const site = useSite(dist);
let visit: Visit;
let page: Page;
beforeAll(async () => {
  visit = await site.visit("/kualitas-data");
  page = visit.page;
});
afterAll(async () => {
  await visit?.close();
});

describe("Kualitas Data", () => {
  it("renders without errors", async () => {
    expect(visit.problems).toEqual([]);
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
      const shown = await tableColumn(page, "tables", column);
      expect(shown, column).toEqual(names.map((n) => formatInteger(quality.tables[n][key])));
    }
  });

  it("accounts for every rejected row by reason", async () => {
    const rows = await tableColumn(page, "rejects", "Baris");
    const expected = Object.values(quality.tables).reduce((s, t) => s + Object.keys(t.rejects_by_reason).length, 0);
    expect(rows.length).toBe(expected);
    const shownTotal = rows.reduce((s, count) => s + Number(count.replace(/\./g, "")), 0);
    expect(shownTotal).toBe(Object.values(quality.tables).reduce((s, t) => s + t.rows_rejected, 0));
  });

  it("lists every cross-table check with its count, and the unmatched place names", async () => {
    const checks = await tableColumn(page, "cross-checks", "Temuan");
    expect(checks.map((v) => v.split(" ")[0])).toEqual(Object.values(quality.cross_checks).map((c) => formatInteger(c.count)));
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
