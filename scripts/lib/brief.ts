// The regent's one-page brief: the overview page printed to an A4 PDF by headless Chromium, with the
// page's own print stylesheet (src/style.css, @media print). The page is laid out at the width the
// PDF will print it at, so the charts (drawn for their card's width) fit their cards; when the page
// is taller than one sheet, the scale shrinks until it fits, and the caller learns the scale it took.
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";
import type {Browser, Page} from "playwright-core";
import {drawAllCharts, launchBrowser, serve} from "./site.ts";

/** A4 with 10 mm margins, in CSS pixels (96 per inch). */
const MM = 96 / 25.4;
const MARGIN_MM = 10;
const PRINTABLE = {width: (210 - 2 * MARGIN_MM) * MM, height: (297 - 2 * MARGIN_MM) * MM};
/** The scale we aim for: body text ≈ 9.5 pt on paper, the page laid out ≈ 900 px wide. */
const PREFERRED_SCALE = 0.8;
/** Below this the brief stops being readable on paper: fail instead of printing it. */
export const MIN_SCALE = 0.6;

export interface BriefOptions {
  /** A built site (dist/ or another build at base "/"). */
  dist: string;
  /** The PDF to write. */
  out: string;
  /** A browser to reuse (tests); one is launched and closed otherwise. */
  browser?: Browser;
  /** The page to print, below the site's root: the overview ("/") by default, or a kecamatan profile. */
  path?: string;
}

export interface Brief {
  out: string;
  /** The PDF's bytes. */
  pdf: Buffer;
  /** How much the page was shrunk to fit one sheet (1 = CSS pixels at 96 dpi). */
  scale: number;
}

/** Prints the overview (or the page at `path`) of the site in `dist` to `out` as a one-page A4 PDF. */
export async function writeBrief({dist, out, browser: shared, path = "/"}: BriefOptions): Promise<Brief> {
  const server = await serve(dist);
  const browser = shared ?? (await launchBrowser());
  const context = await browser.newContext({locale: "id-ID", timezoneId: "Asia/Jakarta"});
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => message.type() === "error" && problems.push(`console.error: ${message.text()}`));
    await page.emulateMedia({media: "print"});
    let scale = PREFERRED_SCALE;
    await page.setViewportSize({width: Math.floor(PRINTABLE.width / scale), height: 600});
    await page.goto(server.url + path, {waitUntil: "networkidle"});
    await rendered(page);
    // The page's height depends on its width (the map keeps its aspect ratio): settle in a few steps.
    for (let step = 0; step < 4; step++) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      if (height * scale <= PRINTABLE.height) break;
      scale = Math.floor((PRINTABLE.height / height) * 1000) / 1000;
      await page.setViewportSize({width: Math.floor(PRINTABLE.width / scale), height: 600});
      await rendered(page);
    }
    const errorCells = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent?.trim() ?? ""));
    problems.push(...errorCells.map((text) => `sel gagal: ${text}`));
    if (problems.length) throw new Error(`${path} tidak dicetak: halaman bermasalah\n${problems.join("\n")}`);
    if (scale < MIN_SCALE) throw new Error(`${path} terlalu panjang untuk satu halaman A4 (skala ${scale} < ${MIN_SCALE})`);
    const mm = `${MARGIN_MM}mm`;
    const pdf = await page.pdf({format: "A4", printBackground: true, scale, margin: {top: mm, right: mm, bottom: mm, left: mm}});
    mkdirSync(dirname(out), {recursive: true});
    writeFileSync(out, pdf);
    return {out, pdf, scale};
  } finally {
    await context.close();
    if (!shared) await browser.close();
    await server.close();
  }
}

/** Waits until every Framework cell has run and the resize() charts have redrawn. */
async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, {timeout: 60_000});
  await drawAllCharts(page);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400);
}

/** Pages in a PDF: its page objects ("/Type /Page", not the "/Type /Pages" tree nodes). */
export function countPdfPages(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
