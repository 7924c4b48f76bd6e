// Serving a built site and driving headless Chromium, shared by `npm run brief` and the browser tests.
// No new dependencies: node:http for the server, playwright-core with Debian's /usr/bin/chromium (no
// browser download), Framework's own `observable build` for building.
import {spawn} from "node:child_process";
import {createReadStream, existsSync, readdirSync, statSync} from "node:fs";
import {createServer} from "node:http";
import {createGzip} from "node:zlib";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Every file under `dir`, as absolute paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The site's pages as URL paths ("/", "/metode"), from the HTML files outside Framework's `_` folders. */
export function findPages(dist: string): string[] {
  return listFiles(dist)
    .map((file) => relative(dist, file).split(sep).join("/"))
    .filter((path) => path.endsWith(".html") && !path.split("/").some((part) => part.startsWith("_")))
    .filter((path) => path !== "404.html")
    .map((path) => "/" + path.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""))
    .sort();
}

export interface BuildOptions {
  /** The sub-path the site will live under ("/jaring/"); "/" by default. */
  base?: string;
  /** Where to write the site (absolute, or relative to the project); dist/ by default. */
  output?: string;
  /** Where the build's output goes line by line (e.g. to a log); discarded by default. */
  onOutput?: (chunk: string) => void;
}

/**
 * Runs Framework's build with the data loader cache as it is (`npm run build` clears it first; callers
 * that need fresh data run that instead). Rejects with the last lines of output when the build fails.
 */
export async function buildWith({base = "/", output = "dist", onOutput}: BuildOptions = {}): Promise<string> {
  const dir = resolve(ROOT, output);
  const env = {...process.env, JARING_BASE: base, JARING_OUTPUT: dir, OBSERVABLE_TELEMETRY_DISABLE: "true", FORCE_COLOR: "0", NO_COLOR: "1"};
  const lines: string[] = [];
  const bin = join(ROOT, "node_modules", ".bin", "observable");
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(bin, ["build"], {cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"]});
    const take = (chunk: Buffer) => (lines.push(String(chunk)), onOutput?.(String(chunk)));
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0) throw new Error(`observable build gagal (exit ${code}):\n${lines.join("").split("\n").slice(-40).join("\n")}`);
  if (!existsSync(join(dir, "index.html"))) throw new Error(`observable build tidak menghasilkan ${join(dir, "index.html")}`);
  return dir;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/octet-stream",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".zip": "application/zip",
  ".txt": "text/plain; charset=utf-8"
};

export interface Served {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  origin: string;
  /** The site's address: origin + base ("http://127.0.0.1:PORT/jaring"), no trailing slash. */
  url: string;
  close(): Promise<void>;
}

// What a web server compresses: text, and Arrow (columns of small integers and repeated strings
// shrink several times). Images and zip archives are compressed already.
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".arrow", ".csv", ".svg", ".txt"]);

/**
 * A tiny static server for `dir` on 127.0.0.1 at a free port; clean URLs ("/x" → x.html). With a
 * `base` ("/jaring/") the site answers only under that path, as on a regency's portal: anything
 * outside it is a 404, so a link that forgets the base fails a test. With `gzip`, text and Arrow
 * files go out gzip-compressed to a client that accepts it, as any real web server sends them (the
 * page-speed benchmark measures that).
 */
export async function serve(dir: string, {base = "/", gzip = false}: {base?: string; gzip?: boolean} = {}): Promise<Served> {
  const root = resolve(dir);
  const prefix = base.replace(/\/+$/, "");
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (prefix) {
      if (path === prefix) {
        // As web servers do for a folder: relative links only work from "/jaring/".
        res.writeHead(301, {location: prefix + "/"}).end();
        return;
      }
      if (!path.startsWith(prefix + "/")) {
        res.writeHead(404, {"content-type": "text/plain"}).end("not found (outside base)");
        return;
      }
      path = path.slice(prefix.length);
    }
    const file = resolveFile(root, path);
    if (file === "forbidden") {
      res.writeHead(403).end();
      return;
    }
    if (!file) {
      res.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    const headers: Record<string, string> = {"content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store"};
    if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      res.writeHead(200, {...headers, "content-encoding": "gzip", vary: "accept-encoding"});
      createReadStream(file).pipe(createGzip({level: 6})).pipe(res);
      return;
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const {port} = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + prefix,
    close: () => new Promise<void>((done) => server.close(() => done()))
  };
}

/** The file a URL path names under `root` (clean URLs), null when none, "forbidden" outside root. */
function resolveFile(root: string, path: string): string | null | "forbidden" {
  const base = normalize(join(root, path));
  if (base !== root && !base.startsWith(root + sep)) return "forbidden";
  const candidates = path.endsWith("/") ? [join(base, "index.html")] : [base, `${base}.html`, join(base, "index.html")];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
}

export const CHROMIUM = process.env.JARING_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
  "--disable-dev-shm-usage"
];

/** Headless Chromium through playwright-core (no downloaded browser). */
export async function launchBrowser() {
  const {chromium} = await import("playwright-core");
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium tidak ada di ${CHROMIUM} (apt-get install -y chromium, atau set JARING_CHROMIUM)`);
  return chromium.launch({executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS});
}

/**
 * Draws every chart still waiting to come into view (src/components/deferred.ts draws a chart when it
 * nears the screen) and waits until all have drawn: for printing and for tests that read every chart.
 */
export async function drawAllCharts(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event("jaring:draw-all")));
  await page.waitForFunction(() => !document.querySelector(".jaring-deferred[aria-busy]"), null, {timeout: 60_000});
}
