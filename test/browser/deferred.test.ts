// Charts below the fold wait until the reader scrolls near them (src/components/deferred.ts): a phone
// opening the overview fetches no Plot or d3 until then, the space each chart will take is kept (so
// nothing jumps when it arrives), and scrolling down draws every chart without an error.
import {describe, expect, inject, it} from "vitest";
import {PHONE, useSite} from "./visit.ts";

const dist = inject("distDir");
const site = useSite(dist);

describe("charts drawn when scrolled to", () => {
  it("the overview on a phone loads Plot only once a chart nears the screen, and keeps each chart's space", async () => {
    const {page, problems, close} = await site.visit("/", {viewport: PHONE, lazy: true});
    try {
      const modules: string[] = [];
      page.on("request", (request) => modules.push(new URL(request.url()).pathname));
      const waiting = await page.$$eval(".jaring-deferred[aria-busy]", (boxes) =>
        boxes.map((b) => ({top: b.getBoundingClientRect().top, height: b.getBoundingClientRect().height}))
      );
      // Below the first screens: still placeholders, each as tall as a chart.
      expect(waiting.length).toBeGreaterThanOrEqual(3);
      for (const box of waiting) expect(box.height).toBeGreaterThan(150);
      const loadedBefore = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname));
      expect(loadedBefore.filter((p) => p.includes("/_node/@observablehq/plot"))).toEqual([]);
      expect(loadedBefore.filter((p) => /\/_node\/d3@/.test(p))).toEqual([]);

      // Scroll down a screen at a time, as a reader would: each chart appears in the space it kept.
      const chart = await page.$eval(".jaring-deferred[aria-busy]", (b) => {
        b.setAttribute("data-probe", "");
        return {top: b.getBoundingClientRect().top + window.scrollY, height: b.getBoundingClientRect().height};
      });
      for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += PHONE.height / 2) {
        await page.evaluate((y) => window.scrollTo(0, y), y);
        await page.waitForTimeout(150);
      }
      await page.waitForFunction(() => !document.querySelector(".jaring-deferred[aria-busy]"), null, {timeout: 30_000});
      expect(modules.some((p) => p.includes("/_node/@observablehq/plot"))).toBe(true);
      const drawn = await page.$eval("[data-probe]", (b) => ({
        svg: b.querySelectorAll("svg").length,
        top: b.getBoundingClientRect().top + window.scrollY,
        height: b.getBoundingClientRect().height
      }));
      expect(drawn.svg).toBeGreaterThan(0);
      expect(drawn.top).toBeCloseTo(chart.top, 0);
      // The space kept was the chart's, give or take a wrapped legend line.
      expect(Math.abs(drawn.height - chart.height)).toBeLessThan(60);
      expect([...problems, ...(await page.$$eval(".observablehq--error", (n) => n.map((e) => e.textContent ?? "")))]).toEqual([]);
    } finally {
      await close();
    }
  });
});
