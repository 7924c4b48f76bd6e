// The one way the browser tests open a page of the built site: the way a visitor would, collecting
// whatever would look broken — script and console errors, failed or off-site requests, Framework
// error cells. `useSite` serves a build and launches Chromium for a test file; `visit` opens a page
// on it with the same rules for every file (pages.test.ts and the page-specific tests).
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {TMP, drawAllCharts, launchBrowser, serve, type Served} from "./site.ts";

export const DESKTOP = {width: 1280, height: 900};
export const PHONE = {width: 390, height: 844};
export const VIEWPORTS = [
  {name: "desktop", ...DESKTOP},
  {name: "phone", ...PHONE}
] as const;

/** Where the tests leave screenshots for a human to look at. */
export const SHOTS = join(TMP, "screenshots");

export interface VisitOptions {
  /** The window; desktop (1280×900) unless given. */
  viewport?: {width: number; height: number};
  /** Let the page download files (for page.waitForEvent("download")). */
  acceptDownloads?: boolean;
  /** A selector that must also be in the page before it counts as loaded (e.g. what a page writes last). */
  waitFor?: string;
  /** Leave charts below the fold undrawn, as a visitor who has not scrolled sees them (default: draw all). */
  lazy?: boolean;
}

export interface Visit {
  page: Page;
  /** What went wrong since the page was opened, error cells at load included; tests may add their own. */
  problems: string[];
  /** summary.json as the page fetched it, if it did. */
  summary: Record<string, unknown> | null;
  /** The problems plus every Framework error cell in the page now (after interactions re-ran cells). */
  errors(): Promise<string[]>;
  /** Waits until Framework has re-run every cell after an interaction and charts have drawn. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function visitPage(browser: Browser, origin: string, path: string, options: VisitOptions = {}): Promise<Visit> {
  const {width, height} = options.viewport ?? DESKTOP;
  const context = await browser.newContext({
    viewport: {width, height},
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    acceptDownloads: options.acceptDownloads ?? false
  });
  const problems: string[] = [];
  const site = new URL(origin);
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === site.host) return route.continue();
    problems.push(`permintaan keluar situs: ${url.href}`);
    return route.abort();
  });
  const page = await context.newPage();
  let summary: Record<string, unknown> | null = null;
  const pending: Promise<unknown>[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  page.on("requestfailed", (request) => {
    if (new URL(request.url()).host === site.host) problems.push(`request gagal: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.host !== site.host) return;
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${url.pathname}`);
    else if (/\/_file\/data\/jaring\/summary\.[^/]*json$/.test(url.pathname)) pending.push(response.json().then((json) => (summary = json)));
  });
  await page.goto(origin + path, {waitUntil: "networkidle"});
  await loaded(page, options.waitFor).catch(() => {
    const what = options.waitFor ? ` atau ${options.waitFor} belum ada` : "";
    problems.push(`halaman tidak selesai dimuat (masih ada <observablehq-loading>${what})`);
  });
  await drawn(page, options.lazy);
  await Promise.all(pending);
  problems.push(...(await errorCells(page)));
  return {
    page,
    problems,
    summary,
    errors: async () => [...problems, ...(await errorCells(page)).filter((cell) => !problems.includes(cell))],
    settle: () => settle(page),
    close: () => context.close()
  };
}

/** Waits until Framework has re-run every cell after an interaction and charts have drawn; throws if it never does. */
export async function settle(page: Page): Promise<void> {
  await loaded(page);
  await drawn(page);
}

/** No cell still loading (and `selector`, if given, in the page). */
function loaded(page: Page, selector?: string): Promise<unknown> {
  return page.waitForFunction((selector) => !document.querySelector("observablehq-loading") && (!selector || document.querySelector(selector)), selector, {
    timeout: 60_000
  });
}

async function drawn(page: Page, lazy = false): Promise<void> {
  if (!lazy) await drawAllCharts(page);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400); // resize() charts render after the first layout
}

async function errorCells(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => `sel Framework gagal: ${n.textContent?.trim() ?? ""}`));
}

export interface Site {
  readonly browser: Browser;
  readonly server: Served;
  /** Opens `path` (below the site's base) with visitPage. */
  visit(path: string, options?: VisitOptions): Promise<Visit>;
}

/**
 * For one test file: before its tests, serve a built site (`dir`, or what `dir()` returns, e.g. after
 * a build of its own) and launch Chromium; after them, close both.
 */
export function useSite(dir: string | (() => Promise<string>), serveOptions: {base?: string} = {}): Site {
  let server: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serve(typeof dir === "string" ? dir : await dir(), serveOptions);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const site: Site = {
    get browser() {
      if (!browser) throw new Error("Chromium belum dijalankan (useSite: beforeAll belum jalan atau gagal)");
      return browser;
    },
    get server() {
      if (!server) throw new Error("situs belum disajikan (useSite: beforeAll belum jalan atau gagal)");
      return server;
    },
    visit: (path, options) => visitPage(site.browser, site.server.url, path, options)
  };
  return site;
}

/** A full-page screenshot in test/.tmp/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, {recursive: true});
  await page.screenshot({path: join(SHOTS, name), fullPage: true});
}

/** A table's rows as cell texts; the table is found by its data-table name, the rows by `rows` inside it. */
export async function tableRows(page: Page, name: string, rows = "tbody tr"): Promise<string[][]> {
  return page.$$eval(`[data-table="${name}"] ${rows}`, (trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent?.trim() ?? "")));
}

/** The header texts of the table named `name`. */
export async function tableHeaders(page: Page, name: string): Promise<string[]> {
  return page.$$eval(`[data-table="${name}"] thead th`, (ths) => ths.map((th) => th.textContent?.trim() ?? ""));
}

/** The text of every body cell in column `label` of the table named `name` (data-table attribute). */
export async function tableColumn(page: Page, name: string, label: string): Promise<string[]> {
  return page.$eval(
    `[data-table="${name}"]`,
    (table, label) => {
      const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
      const column = headers.indexOf(label);
      if (column < 0) throw new Error(`kolom "${label}" tidak ada; ada: ${headers.join(" | ")}`);
      return [...table.querySelectorAll("tbody tr")].map((row) => row.querySelectorAll("th, td")[column]?.textContent?.trim() ?? "");
    },
    label
  );
}
