// A regency often publishes the site in a sub-folder of its portal (https://portal/jaring/). Built with
// JARING_BASE=/jaring/ and served ONLY under /jaring/ (anything outside answers 404), every page must
// load with no error and no failed request, and every link must stay inside /jaring/. The extra build
// goes to test/.tmp (never dist/, which the other site tests read) and reuses the data loader cache
// the shared build just filled, so it costs one Framework build, not a pipeline run.
import {rmSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {TMP, buildWith, findPages} from "./site.ts";
import {useSite} from "./visit.ts";

const BASE = "/jaring/";
const OUTPUT = join(TMP, "dist-base");

let pages: string[] = [];

const site = useSite(
  async () => {
    rmSync(OUTPUT, {recursive: true, force: true});
    await buildWith({base: BASE, output: OUTPUT});
    pages = findPages(OUTPUT);
    return OUTPUT;
  },
  {base: BASE}
);

describe(`the site built with JARING_BASE=${BASE}`, () => {
  it("has the same pages, and the server really refuses paths outside the base", async () => {
    expect(pages).toContain("/");
    expect(pages.length).toBeGreaterThan(1);
    expect((await fetch(site.server.origin + "/index.html")).status).toBe(404);
  });

  it("opens every page under the base with no errors, no failed requests, and links that stay inside it", async () => {
    for (const path of pages) {
      const {page, problems, close} = await site.visit(path);
      try {
        const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) {
          const url = new URL(href);
          if (url.origin === site.server.origin && !url.pathname.startsWith(BASE)) problems.push(`tautan keluar dari ${BASE}: ${href}`);
        }
        expect(problems, `${BASE}${path.slice(1)}`).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});
