// Helpers for test/privacy.test.ts: read the personal identifiers in the extracts (NIK, KPJ, names)
// and look for them, byte for byte, in every file of the built site.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {basename, extname, join, resolve} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {decodeText, parseCsv as parseRawCsv} from "../support/csv.ts";

export type Kind = "nik" | "kpj" | "nama";

export interface Needle {
  kind: Kind;
  value: string;
  /** Where it came from, e.g. "peserta.csv". */
  source: string;
}

// Header keys as the pipeline matches them (docs/ARCHITECTURE.md): lower-case, no spaces . _ -.
const headerKey = (h: string) => h.replace(/^\uFEFF/, "").toLowerCase().replace(/[\s._-]+/g, "");
const ALIASES: Record<Kind, string[]> = {
  nik: ["nik", "noktp", "nomorindukkependudukan"],
  kpj: ["kpj", "nokpj", "nomorpeserta"],
  nama: ["nama", "namalengkap", "namapeserta"]
};

/** Shortest values worth searching for: shorter ones would match by chance, not by leak. */
const MIN_LENGTH: Record<Kind, number> = {nik: 10, kpj: 8, nama: 6};

export {decodeText};

/** The rows of a CSV file that hold anything at all. */
export function parseCsv(text: string): string[][] {
  return parseRawCsv(text).filter((r) => r.some((f) => f.trim() !== ""));
}

/** The identifiers in one table (rows with a header row somewhere in the first 20 rows). */
export function needlesFromRows(rows: string[][], source: string): Needle[] {
  const headerIndex = rows.slice(0, 20).findIndex((r) => r.some((h) => Object.values(ALIASES).flat().includes(headerKey(h))));
  if (headerIndex < 0) return [];
  const header = rows[headerIndex].map(headerKey);
  const needles: Needle[] = [];
  for (const kind of Object.keys(ALIASES) as Kind[]) {
    const col = header.findIndex((h) => ALIASES[kind].includes(h));
    if (col < 0) continue;
    for (const r of rows.slice(headerIndex + 1)) {
      const value = (r[col] ?? "").trim().replace(/\s+/g, " ");
      // A NIK that Excel already turned into 3.32704E+15 identifies nobody (and is the example in a
      // published message); only digit strings are identifiers.
      if (kind === "nik" && !/^'?\d+$/.test(value)) continue;
      if (value.length >= MIN_LENGTH[kind]) needles.push({kind, value, source});
    }
  }
  return needles;
}

/** Every NIK, KPJ and name in the extract tables that hold people (peserta, klaim), CSV or XLSX. */
export async function readNeedles(extractsDir: string): Promise<Needle[]> {
  const needles: Needle[] = [];
  for (const file of readdirSync(extractsDir).sort()) {
    const table = basename(file, extname(file)).toLowerCase();
    if (!["peserta", "klaim"].includes(table)) continue;
    const path = join(extractsDir, file);
    if (extname(file).toLowerCase() === ".csv") needles.push(...needlesFromRows(parseCsv(decodeText(readFileSync(path))), file));
    else if (extname(file).toLowerCase() === ".xlsx") needles.push(...needlesFromRows(await readXlsx(path), file));
  }
  // One needle per distinct value.
  const seen = new Set<string>();
  return needles.filter((n) => !seen.has(n.value) && seen.add(n.value));
}

async function readXlsx(path: string): Promise<string[][]> {
  const {default: ExcelJS} = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({includeEmpty: false}, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(values.map((v) => (v === null || v === undefined ? "" : typeof v === "object" && "text" in v ? String(v.text) : String(v))));
    });
  }
  return rows;
}

/**
 * Aho–Corasick over bytes, ASCII case-insensitive: finds every needle in one pass over a file, so
 * 30,000 identifiers against a few megabytes of site take well under a second.
 */
export class ByteScanner {
  private readonly next = new Map<number, number>();
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly needles: readonly Needle[];

  constructor(needles: readonly Needle[]) {
    this.needles = needles;
    needles.forEach((needle, index) => {
      let node = 0;
      for (const byte of Buffer.from(needle.value, "utf8")) {
        const key = node * 256 + lower(byte);
        let child = this.next.get(key);
        if (child === undefined) {
          child = this.fail.length;
          this.fail.push(0);
          this.out.push([]);
          this.next.set(key, child);
        }
        node = child;
      }
      this.out[node].push(index);
    });
    // Breadth-first failure links.
    const children = new Map<number, [number, number][]>();
    for (const [key, child] of this.next) {
      const parent = Math.floor(key / 256);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent)!.push([key % 256, child]);
    }
    const queue: number[] = [];
    for (const [, child] of children.get(0) ?? []) queue.push(child);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      for (const [byte, child] of children.get(node) ?? []) {
        let f = this.fail[node];
        while (f !== 0 && !this.next.has(f * 256 + byte)) f = this.fail[f];
        const target = this.next.get(f * 256 + byte);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.out[child].push(...this.out[this.fail[child]]);
        queue.push(child);
      }
    }
  }

  /** The needles found in `bytes`. */
  scan(bytes: Uint8Array): Needle[] {
    const found = new Set<number>();
    let node = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = lower(bytes[i]);
      while (node !== 0 && !this.next.has(node * 256 + byte)) node = this.fail[node];
      node = this.next.get(node * 256 + byte) ?? 0;
      for (const index of this.out[node]) found.add(index);
    }
    return [...found].map((index) => this.needles[index]);
  }
}

const lower = (byte: number) => (byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte);

/** A file's bytes, and those inside it when it is compressed (gzip, brotli, zip): leaks hide there too. */
export async function contents(path: string): Promise<{name: string; bytes: Uint8Array}[]> {
  const bytes = readFileSync(path);
  const ext = extname(path).toLowerCase();
  const parts = [{name: path, bytes: bytes as Uint8Array}];
  if (ext === ".gz") parts.push({name: `${path} (gunzip)`, bytes: gunzipSync(bytes)});
  if (ext === ".br") parts.push({name: `${path} (brotli)`, bytes: brotliDecompressSync(bytes)});
  if (ext === ".zip") {
    const {default: JSZip} = await import("jszip");
    const zip = await JSZip.loadAsync(bytes);
    for (const entry of Object.values(zip.files)) {
      if (!entry.dir) parts.push({name: `${path}!${entry.name}`, bytes: await entry.async("uint8array")});
    }
  }
  return parts;
}

export function extractsDir(root: string): string {
  // The same default and override as the pipeline (loaders/paths.ts).
  const dir = resolve(root, process.env.JARING_EXTRACTS ?? "data/extracts");
  if (!existsSync(dir)) throw new Error(`Folder ekstrak tidak ada: ${dir}`);
  return dir;
}
