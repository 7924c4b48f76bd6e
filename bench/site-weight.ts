// How much each page of the built site loads: its HTML, the JavaScript it preloads or imports, its
// stylesheets, and the data files it registers (Framework writes `registerFile("./data/…",
// {"name":…,"path":"./_file/…","size":…})` into the page for every FileAttachment the page uses).
// Bytes as stored in dist/ and gzipped (what a web server with compression sends).
//
//   npx tsx bench/site-weight.ts [DIST]      (default dist/)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export interface Weight {
  files: number;
  bytes: number;
  gzip_bytes: number;
}

export interface PageWeight {
  page: string;
  html: Weight;
  javascript: Weight;
  css: Weight;
  /** Data files the page reads when it opens (a FileAttachment used other than for its `.href`). */
  data: Weight & { by_file: Record<string, { bytes: number; gzip_bytes: number }> };
  /** Data files the page only links to (`FileAttachment(…).href`: downloads, fetched on a click). */
  downloads: Weight;
  /** Referenced files that are not in dist/ (a broken build). */
  missing: string[];
}

export interface SiteWeight {
  dist: string;
  pages: PageWeight[];
  /** Every distinct data file pages read when they open, all pages together. */
  data_total: Weight;
  /** The most data one page reads when it opens. */
  data_max_page: { page: string } & Weight;
  javascript_total: Weight;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith("_")) out.push(...htmlFiles(path));
    else if (entry.isFile() && entry.name.endsWith(".html")) out.push(path);
  }
  return out.sort();
}

const gzipCache = new Map<string, number>();
function sizes(path: string): { bytes: number; gzip_bytes: number } {
  if (!gzipCache.has(path)) gzipCache.set(path, gzipSync(readFileSync(path), { level: 6 }).length);
  return { bytes: statSync(path).size, gzip_bytes: gzipCache.get(path)! };
}

function weigh(paths: Iterable<string>): Weight {
  const w: Weight = { files: 0, bytes: 0, gzip_bytes: 0 };
  for (const p of paths) {
    const s = sizes(p);
    w.files++;
    w.bytes += s.bytes;
    w.gzip_bytes += s.gzip_bytes;
  }
  return w;
}

/** Relative URLs of the page's scripts, module preloads, static imports, stylesheets and registered files. */
export function pageReferences(html: string): { js: string[]; css: string[]; data: string[]; downloads: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const data = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) js.add(m[1]!);
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) js.add(m[1]!);
  for (const m of html.matchAll(/\bimport\s+(?:[^"';]*?\s+from\s+)?["'](\.{1,2}\/[^"']+\.js)["']/g)) js.add(m[1]!);
  for (const m of html.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) js.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)) css.add(m[1]!);
  const downloads = new Set<string>();
  for (const m of html.matchAll(/registerFile\(\s*("[^"]*")\s*,\s*(\{[^}]*\})\s*\)/g)) {
    const name = JSON.parse(m[1]!) as string;
    const path = (JSON.parse(m[2]!) as { path?: string }).path;
    if (!path) continue;
    // Every use of the file is `.href` (a download link): it is not fetched when the page opens.
    const uses = [...html.matchAll(new RegExp(`FileAttachment\\(\\s*${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\)(\\.\\w+)?`, "g"))];
    if (uses.length > 0 && uses.every((u) => u[1] === ".href")) downloads.add(path);
    else data.add(path);
  }
  const local = (u: string) => !/^[a-z]+:|^\/\//i.test(u);
  return { js: [...js].filter(local), css: [...css].filter(local), data: [...data].filter(local), downloads: [...downloads].filter(local) };
}

export function siteWeight(distDir: string): SiteWeight {
  const dist = resolve(distDir);
  const pages: PageWeight[] = [];
  const allData = new Set<string>();
  const allJs = new Set<string>();
  for (const file of htmlFiles(dist)) {
    if (/(^|\/)404\.html$/.test(file)) continue;
    const refs = pageReferences(readFileSync(file, "utf8"));
    const missing: string[] = [];
    const resolveAll = (urls: string[]) =>
      urls
        .map((u) => resolve(dirname(file), decodeURI(u.split(/[?#]/)[0]!)))
        .filter((p) => (existsSync(p) ? true : (missing.push(relative(dist, p)), false)));
    const js = resolveAll(refs.js);
    const css = resolveAll(refs.css);
    const data = resolveAll(refs.data);
    const downloads = resolveAll(refs.downloads);
    js.forEach((p) => allJs.add(p));
    data.forEach((p) => allData.add(p));
    pages.push({
      page: relative(dist, file),
      html: weigh([file]),
      javascript: weigh(js),
      css: weigh(css),
      data: { ...weigh(data), by_file: Object.fromEntries(data.map((p) => [relative(dist, p), sizes(p)])) },
      downloads: weigh(downloads),
      missing,
    });
  }
  const heaviest = [...pages].sort((a, b) => b.data.bytes - a.data.bytes)[0];
  return {
    dist,
    pages,
    data_total: weigh(allData),
    data_max_page: { page: heaviest?.page ?? "", files: heaviest?.data.files ?? 0, bytes: heaviest?.data.bytes ?? 0, gzip_bytes: heaviest?.data.gzip_bytes ?? 0 },
    javascript_total: weigh(allJs),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function siteWeightMarkdown(w: SiteWeight): string {
  const lines = [
    "| page | HTML | JavaScript (files) | CSS | data read on opening (files) | same, gzipped | download links (files) |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...w.pages.map(
      (p) =>
        `| \`${p.page}\` | ${kb(p.html.bytes)} | ${kb(p.javascript.bytes)} (${p.javascript.files}) | ${kb(p.css.bytes)} | ${kb(p.data.bytes)} (${p.data.files}) | ${kb(p.data.gzip_bytes)} | ${p.downloads.files ? `${kb(p.downloads.bytes)} (${p.downloads.files})` : "–"} |`,
    ),
  ];
  return lines.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(fileURLToPath(new URL("..", import.meta.url)), "dist"));
  const w = siteWeight(dist);
  console.log(siteWeightMarkdown(w));
  for (const p of w.pages) {
    console.log(`\n${p.page}: data files`);
    for (const [f, s] of Object.entries(p.data.by_file)) console.log(`  ${f.padEnd(60)} ${kb(s.bytes).padStart(12)} ${kb(s.gzip_bytes).padStart(12)} gz`);
    if (p.missing.length) console.log(`  MISSING: ${p.missing.join(", ")}`);
  }
}
