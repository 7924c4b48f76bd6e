// Opening one page of the built site the way a visitor would, collecting whatever would look broken:
// script and console errors, failed or off-site requests, Framework error cells. The same rules as
// pages.test.ts, as a helper for page-specific browser tests.
import type {Browser, Page} from "playwright-core";

export interface Visit {
  page: Page;
  problems: string[];
  /** summary.json as the page fetched it, if it did. */
  summary: Record<string, unknown> | null;
  close(): Promise<void>;
}

export async function visitPage(browser: Browser, origin: string, path: string, viewport: {width: number; height: number}): Promise<Visit> {
  const context = await browser.newContext({viewport, locale: "id-ID", timezoneId: "Asia/Jakarta"});
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
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, {timeout: 60_000}).catch(() => {
    problems.push("halaman tidak selesai dimuat (masih ada <observablehq-loading>)");
  });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300); // resize() charts render after the first layout
  await Promise.all(pending);
  const errorCells = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent?.trim() ?? ""));
  for (const text of errorCells) problems.push(`sel Framework gagal: ${text}`);
  return {page, problems, summary, close: () => context.close()};
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
