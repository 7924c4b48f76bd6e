// The regent's one-page brief (`npm run brief`): the overview printed by headless Chromium must be a
// PDF of exactly one A4 page, and the print stylesheet must keep what the brief needs (title, data
// month, synthetic-data badge, the six headline cards, the map, two charts, the source line) and drop
// what means nothing on paper (sidebar, inputs, table toggles, download links).
import {existsSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, inject, it} from "vitest";
import {MIN_SCALE, countPdfPages, writeBrief} from "../../scripts/lib/brief.ts";
import {TMP} from "./site.ts";
import {useSite} from "./visit.ts";

const dist = inject("distDir");
const site = useSite(dist);

describe("the printed brief (npm run brief)", () => {
  it("writes the overview as a PDF of exactly one A4 page, at a readable scale", async () => {
    const out = join(TMP, "brief", "ringkasan.pdf");
    rmSync(out, {force: true});
    const brief = await writeBrief({dist, out, browser: site.browser});
    expect(existsSync(out)).toBe(true);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(countPdfPages(pdf)).toBe(1);
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 59[56](\.\d+)? 84[12](\.\d+)?\s*\]/); // A4 in points
    expect(brief.scale).toBeGreaterThanOrEqual(MIN_SCALE);
  });

  it("counts the pages of a PDF Chromium printed over two sheets as 2 (the counter can fail)", async () => {
    const page = await site.browser.newPage();
    try {
      await page.setContent('<p>satu</p><p style="break-before: page">dua</p>');
      expect(countPdfPages(await page.pdf({format: "A4"}))).toBe(2);
    } finally {
      await page.close();
    }
  });
});

describe("the overview's print stylesheet", () => {
  it("keeps the brief's content and hides navigation, inputs and toggles", async () => {
    const {page, problems, close} = await site.visit("/", {viewport: {width: 898, height: 1200}});
    try {
      expect(problems).toEqual([]);
      await page.emulateMedia({media: "print"});
      // Rendered = has a box; display: none on the element or an ancestor leaves it none.
      const shown = (selector: string) => page.$$eval(selector, (nodes) => nodes.filter((n) => n.getClientRects().length > 0).length);
      expect(await shown("h1")).toBe(1);
      expect(await shown(".asof")).toBe(1);
      expect(await shown(".kpi")).toBe(6);
      expect(await shown("figure[data-map]")).toBe(1);
      expect(await shown("figure.jaring-figure svg[role='img']")).toBeGreaterThanOrEqual(2);
      expect(await shown("[data-source-note]")).toBe(1);
      const synthetic = await page.evaluate(() => document.querySelector("[data-source-note] [data-part='sintetis']") !== null);
      if (synthetic) expect(await shown(".badge-sample")).toBe(1);
      for (const selector of ["#observablehq-sidebar", "#observablehq-footer", "details.jaring-alt", ".jaring-download", ".jaring-source-method", ".print-skip"])
        expect(await shown(selector), `${selector} tercetak`).toBe(0);
    } finally {
      await close();
    }
  });
});
