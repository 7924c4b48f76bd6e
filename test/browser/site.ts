// Shared by the site tests (browser, privacy): build the site once, serve dist/ on 127.0.0.1, find its
// pages, launch headless Chromium. No new dependencies: node:http for the server, playwright-core for
// the browser (Debian's /usr/bin/chromium; no browser download).
import {spawn} from "node:child_process";
import {createReadStream, existsSync, mkdirSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const TMP = join(ROOT, "test", ".tmp");

/**
 * Set JARING_TEST_DIST=<dir> (e.g. JARING_TEST_DIST=dist) to test an existing build instead of
 * running `npm run build` (which runs the whole pipeline on data/extracts).
 */
export const REUSE_DIST_ENV = "JARING_TEST_DIST";

/** Runs `npm run build` once and returns the absolute dist directory (or the reused one). */
export async function buildSite(): Promise<string> {
  const reuse = process.env[REUSE_DIST_ENV];
  if (reuse) {
    const dir = resolve(ROOT, reuse);
    if (!existsSync(join(dir, "index.html"))) throw new Error(`${REUSE_DIST_ENV}=${reuse}: ${dir}/index.html tidak ada`);
    return dir;
  }
  mkdirSync(TMP, {recursive: true});
  const log = join(TMP, "build.log");
  // A site built under a sub-path would not load from our server at "/": build at the root.
  const env = {...process.env, JARING_BASE: "/", OBSERVABLE_TELEMETRY_DISABLE: "true", FORCE_COLOR: "0", NO_COLOR: "1"};
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn("npm", ["run", "build"], {cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"]});
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    child.on("error", fail);
    child.on("close", done);
  });
  writeFileSync(log, output.join(""));
  if (code !== 0) {
    const tail = output.join("").split("\n").slice(-40).join("\n");
    throw new Error(`npm run build gagal (exit ${code}); log lengkap: ${relative(ROOT, log)}\n${tail}`);
  }
  const dist = join(ROOT, "dist");
  if (!existsSync(join(dist, "index.html"))) throw new Error("npm run build tidak menghasilkan dist/index.html");
  return dist;
}

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
  close(): Promise<void>;
}

/** A tiny static server for `dir` on 127.0.0.1 at a free port; clean URLs ("/x" → x.html). */
export async function serve(dir: string): Promise<Served> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const base = normalize(join(root, path));
    if (base !== root && !base.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    const candidates = path.endsWith("/") ? [join(base, "index.html")] : [base, `${base}.html`, join(base, "index.html")];
    const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) {
      res.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store"});
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done()))
  };
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
