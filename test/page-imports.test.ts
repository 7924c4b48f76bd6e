import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

// Pages are Markdown, which the type checker never sees: a page importing a name its module no
// longer exports fails only in the browser. This reads each page's local imports and checks them.
const src = fileURLToPath(new URL("../src", import.meta.url));
const pages = readdirSync(src).filter((f) => f.endsWith(".md"));
const importPattern = /import\s*\{([^}]*)\}\s*from\s*["'](\.\/[^"']+)\.js["']/g;

/** Local named imports of a page's JS cells: [name, module path] pairs. */
export function localImports(markdown: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const match of markdown.matchAll(importPattern)) {
    for (const spec of match[1].split(",")) {
      const name = spec.trim().split(/\s+as\s+/)[0].replace(/^type\s+/, "");
      if (name) pairs.push([name, match[2]]);
    }
  }
  return pairs;
}

describe("pages import only names their modules export", () => {
  it("finds the imports (self-check)", () => {
    expect(localImports('import {a, b as c} from "./lib/x.js";')).toEqual([["a", "./lib/x"], ["b", "./lib/x"]]);
  });
  for (const page of pages) {
    it(page, async () => {
      const missing: string[] = [];
      for (const [name, module] of localImports(readFileSync(join(src, page), "utf8"))) {
        const exports = await import(join(src, `${module}.ts`));
        if (!(name in exports)) missing.push(`${name} from ${module}`);
      }
      expect(missing).toEqual([]);
    });
  }
});
