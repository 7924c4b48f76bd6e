// The site must build and run with no CDN (../shared/docs/FRAMEWORK-OFFLINE.md): no `npm:` import,
// no implicit Framework global that maps to one (Plot, d3, Inputs, html…), no FileAttachment helper
// that loads an npm: module (.csv(), .arrow()…), no DuckDB-WASM (`sql` front matter or blocks).
import {readFileSync, readdirSync} from "node:fs";
import {extname, join, relative} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

/** Framework's implicit globals backed by `npm:` modules (recommendedLibraries + sampleDatasets). */
export const IMPLICIT_NPM_GLOBALS = [
  "Arrow", "Inputs", "L", "Plot", "_", "aq", "d3", "dot", "duckdb", "DuckDBClient", "echarts", "htl",
  "html", "mapboxgl", "mermaid", "React", "ReactDOM", "sql", "SQLite", "SQLiteDatabaseClient", "svg",
  "tex", "topojson", "vg", "vl", "ZipArchive", "aapl", "alphabet", "cars", "citywages", "diamonds",
  "flare", "industries", "miserables", "olympians", "penguins", "pizza", "weather"
];

const NPM_IMPORT = [
  /\bfrom\s*["'`]npm:/, // import x from "npm:…", export … from "npm:…"
  /\bimport\s*["'`]npm:/, // import "npm:…"
  /\bimport\s*\(\s*["'`]npm:/, // import("npm:…")
  /\brequire\s*\(\s*["'`]npm:/,
  /\bresolve\s*\(\s*["'`]npm:/ // import.meta.resolve("npm:…")
];

const NPM_FILE_HELPER = /FileAttachment\s*\([^)]*\)\s*\.\s*(arrow|parquet|csv|tsv|dsv|xlsx|sqlite|zip)\s*\(/;
// A bare attachment of such a file (no method or property read off the call, e.g. kept for a link)
// makes Framework assume its parser from the extension and fetch it from the CDN: read `.href` instead.
const BARE_TYPED_ATTACHMENT = /FileAttachment\s*\(\s*(["'`])[^"'`]*\.(arrow|parquet|csv|tsv|xlsx|sqlite|zip)\1\s*\)(?!\s*\.)/;

export interface Finding {
  line: number;
  rule: string;
  text: string;
}

/** Finds `npm:` imports and npm-backed FileAttachment helpers in JavaScript or Markdown source. */
export function findNpmImports(source: string): Finding[] {
  const findings: Finding[] = [];
  source.split("\n").forEach((text, i) => {
    if (NPM_IMPORT.some((re) => re.test(text))) findings.push({line: i + 1, rule: "npm: import", text: text.trim()});
    const helper = NPM_FILE_HELPER.exec(text);
    if (helper) findings.push({line: i + 1, rule: `FileAttachment.${helper[1]}() memuat modul npm:`, text: text.trim()});
    const bare = BARE_TYPED_ATTACHMENT.exec(text);
    if (bare) findings.push({line: i + 1, rule: `FileAttachment berkas .${bare[2]} tanpa .href/.arrayBuffer() memuat modul npm:`, text: text.trim()});
  });
  // Imports can span lines: check the whole text too, and report what the line scan missed.
  const flat = source.replace(/\s+/g, " ");
  if (!findings.length && NPM_IMPORT.some((re) => re.test(flat))) findings.push({line: 0, rule: "npm: import", text: "(multi-baris)"});
  return findings;
}

/** The code of a Framework page: ```js blocks and ${…} inline expressions, without strings and comments. */
export function pageCode(markdown: string): string {
  const blocks = [...markdown.matchAll(/^```(?:js|javascript)\b[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, "");
  const inline: string[] = [];
  for (let i = prose.indexOf("${"); i >= 0; i = prose.indexOf("${", i + 2)) {
    let depth = 0;
    let j = i + 1;
    for (; j < prose.length; j++) {
      if (prose[j] === "{") depth++;
      else if (prose[j] === "}" && --depth === 0) break;
    }
    inline.push(prose.slice(i + 2, j));
  }
  return [...blocks, ...inline]
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
}

/** Implicit npm-backed globals a page uses without declaring them by an import. */
export function findImplicitGlobals(markdown: string): string[] {
  const code = pageCode(markdown);
  const declared = new Set<string>();
  for (const m of code.matchAll(/\bimport\s+([\s\S]*?)\s+from\b/g)) {
    for (const name of m[1].replace(/[{}*]/g, " ").split(/[\s,]+/)) if (name && name !== "as") declared.add(name);
  }
  for (const m of code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) declared.add(m[1]);
  for (const m of code.matchAll(/\b(?:const|let|var)\s*\{([^}]*)\}/g)) {
    for (const name of m[1].split(/[\s,:]+/)) if (name) declared.add(name);
  }
  return IMPLICIT_NPM_GLOBALS.filter((name) => {
    if (declared.has(name)) return false;
    const escaped = name.replace(/\$/g, "\\$");
    // A use: the bare identifier, not a property (.Plot), not an object key (Plot:), not part of a word.
    return new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])(?!\\s*:)`).test(code);
  });
}

/** `sql` front matter or ```sql blocks load DuckDB-WASM from the CDN. */
export function usesDuckDbWasm(markdown: string): boolean {
  const front = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? "";
  return /^sql\s*:/m.test(front) || /^```sql\b/m.test(markdown);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name === ".observablehq" || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if ([".md", ".js", ".ts", ".mjs", ".jsx", ".tsx"].includes(extname(entry.name))) out.push(path);
  }
  return out;
}

describe("the detectors catch what they are meant to (planted examples)", () => {
  it("finds static, dynamic, side-effect and re-export npm: imports", () => {
    expect(findNpmImports('import * as Plot from "npm:@observablehq/plot";')).toHaveLength(1);
    expect(findNpmImports("const aq = await import('npm:arquero');")).toHaveLength(1);
    expect(findNpmImports('import "npm:leaflet/dist/leaflet.css";')).toHaveLength(1);
    expect(findNpmImports('export {feature} from "npm:topojson-client";')).toHaveLength(1);
    expect(findNpmImports('import {\n  feature\n} from\n  "npm:topojson-client";')).toHaveLength(1);
    expect(findNpmImports('const t = await FileAttachment("data/x.arrow").arrow();')[0].rule).toMatch(/arrow/);
    expect(findNpmImports('const t = await FileAttachment("data/x.csv").csv({typed: true});')[0].rule).toMatch(/csv/);
    expect(findNpmImports('const files = {csv: FileAttachment("data/x.csv")};')[0].rule).toMatch(/\.csv tanpa/);
  });
  it("leaves node_modules imports and safe FileAttachment helpers alone", () => {
    expect(findNpmImports('import * as Plot from "@observablehq/plot";')).toEqual([]);
    expect(findNpmImports('const s = await FileAttachment("data/summary.json").json();')).toEqual([]);
    expect(findNpmImports('tableFromIPC(await FileAttachment("data/x.arrow").arrayBuffer())')).toEqual([]);
    expect(findNpmImports('const href = FileAttachment("data/x.csv").href;')).toEqual([]);
    expect(findNpmImports("// the string npm: in prose, not an import")).toEqual([]);
  });
  it("finds implicit globals a page uses without importing them", () => {
    expect(findImplicitGlobals("```js\ndisplay(Plot.plot({marks: []}));\n```\n")).toEqual(["Plot"]);
    expect(findImplicitGlobals("<div>${html`<b>x</b>`}</div>\n")).toEqual(["html"]);
    expect(findImplicitGlobals("```js\nconst x = d3.sum([1]);\n```\n")).toEqual(["d3"]);
    expect(findImplicitGlobals('```js\nimport * as Plot from "@observablehq/plot";\ndisplay(Plot.plot({}));\n```\n')).toEqual([]);
    expect(findImplicitGlobals("```js\nconst o = {html: 1, d3: 2}; o.Plot;\n```\nPlot and d3 in prose.\n")).toEqual([]);
    expect(findImplicitGlobals('```js\nconst t = "text/html";\n```\n')).toEqual([]);
  });
  it("finds DuckDB-WASM front matter and sql blocks", () => {
    expect(usesDuckDbWasm("---\ntitle: x\nsql:\n  t: data/t.parquet\n---\n")).toBe(true);
    expect(usesDuckDbWasm("```sql\nSELECT 1\n```\n")).toBe(true);
    expect(usesDuckDbWasm("---\ntitle: x\n---\n```js\n1\n```\n")).toBe(false);
  });
});

describe("src/ builds and runs without a CDN", () => {
  const files = sourceFiles(SRC);

  it("has source files to check", () => {
    expect(files.some((f) => f.endsWith(".md"))).toBe(true);
  });

  for (const file of files) {
    const name = relative(ROOT, file);
    it(`${name} has no npm: import`, () => {
      expect(findNpmImports(readFileSync(file, "utf8")).map((f) => `${name}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
    });
    if (file.endsWith(".md")) {
      it(`${name} imports every library it uses and needs no DuckDB-WASM`, () => {
        const markdown = readFileSync(file, "utf8");
        expect(findImplicitGlobals(markdown)).toEqual([]);
        expect(usesDuckDbWasm(markdown)).toBe(false);
      });
    }
  }
});
