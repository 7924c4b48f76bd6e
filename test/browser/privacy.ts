// Helpers for test/privacy.test.ts: read the personal identifiers in the extracts (NIK, KPJ, names,
// birth dates) and look for them, byte for byte, in every file of the built site.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {basename, extname, join, resolve} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {decodeText, parseCsv as parseRawCsv} from "../support/csv.ts";

export type Kind = "nik" | "kpj" | "nama" | "tanggal_lahir";

export interface Needle {
  kind: Kind;
  value: string;
  /** Where it came from, e.g. "peserta.csv". */
  source: string;
}

// Header keys as the pipeline matches them (docs/ARCHITECTURE.md): lower-case, no spaces . _ -.
const headerKey = (h: string) => h.replace(/^\uFEFF/, "").toLowerCase().replace(/[\s._-]+/g, "");
const ALIASES: Record<Exclude<Kind, "tanggal_lahir">, string[]> = {
  nik: ["nik", "noktp", "nomorindukkependudukan"],
  kpj: ["kpj", "nokpj", "nomorpeserta"],
  nama: ["nama", "namalengkap", "namapeserta"]
};

/** Shortest values worth searching for: shorter ones would match by chance, not by leak. */
const MIN_LENGTH: Record<Exclude<Kind, "tanggal_lahir">, number> = {nik: 10, kpj: 8, nama: 6};

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
  for (const kind of Object.keys(ALIASES) as (keyof typeof ALIASES)[]) {
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

// ---- birth dates ----------------------------------------------------------------------------------

const BIRTH_DATE = ["tanggallahir", "tgllahir"];
const NIK_COLUMNS = ALIASES.nik;
const START = ["mulai", "tanggalmulai", "tmt", "tglkepesertaan"];

/** A date as the extracts write it (YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, an Excel serial) → "YYYY-MM-DD"; null otherwise. */
export function isoDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t))) [y, m, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t))) [d, m, y] = [+match[1], +match[2], +match[3]];
  else if (/^\d{4,5}$/.test(t)) {
    const date = new Date(Date.UTC(1899, 11, 30) + +t * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The birth date a NIK encodes (day + 40 for women; century: not after the year `mulai` gives). */
export function nikBirthDate(nik: string, mulaiYear: number | null): string | null {
  const digits = nik.replace(/^'/, "");
  if (!/^\d{16}$/.test(digits)) return null;
  const day = +digits.slice(6, 8) % 40;
  const yy = +digits.slice(10, 12);
  const year = mulaiYear !== null && 2000 + yy <= mulaiYear ? 2000 + yy : 1900 + yy;
  return isoDate(`${year}-${digits.slice(8, 10)}-${String(day).padStart(2, "0")}`);
}

/** Both ways a birth date could be written into the site: "1969-08-07" and "07/08/1969". */
export function birthDateNeedles(iso: string, source: string): Needle[] {
  const [y, m, d] = iso.split("-");
  return [
    {kind: "tanggal_lahir", value: iso, source},
    {kind: "tanggal_lahir", value: `${d}/${m}/${y}`, source}
  ];
}

/** Every date in a table's columns other than birth dates and NIKs: program dates, not personal ones. */
function otherDates(rows: string[][]): Set<string> {
  const dates = new Set<string>();
  // The header: of the first rows, the one with the most text cells (a title row above it has one).
  const textCells = (r: string[]) => r.filter((h) => headerKey(h) !== "" && !/^\d/.test(h.trim())).length;
  const first = rows.slice(0, 20);
  const headerIndex = first.indexOf(first.reduce((best, r) => (textCells(r) > textCells(best) ? r : best), first[0] ?? []));
  const header = (rows[headerIndex] ?? []).map(headerKey);
  for (const r of rows.slice(headerIndex + 1)) {
    r.forEach((value, i) => {
      if (BIRTH_DATE.includes(header[i]) || NIK_COLUMNS.includes(header[i])) return;
      const iso = isoDate(value);
      if (iso) dates.add(iso);
    });
  }
  return dates;
}

/**
 * The birth dates of the people in peserta (its birth-date column, and what each NIK encodes), less any
 * date that also appears in a non-personal column of any extract (a payment date, a start date): such
 * a date in the site would not point at a person.
 */
export async function readBirthDates(extractsDir: string): Promise<Needle[]> {
  const tables = new Map<string, string[][]>();
  for (const file of readdirSync(extractsDir).sort()) {
    const path = join(extractsDir, file);
    const ext = extname(file).toLowerCase();
    if (ext === ".csv") tables.set(file, parseCsv(decodeText(readFileSync(path))));
    else if (ext === ".xlsx") tables.set(file, await readXlsx(path));
  }
  const nonPersonal = new Set<string>();
  for (const rows of tables.values()) for (const d of otherDates(rows)) nonPersonal.add(d);
  const births = new Map<string, string>();
  for (const [file, rows] of tables) {
    if (basename(file, extname(file)).toLowerCase() !== "peserta") continue;
    const headerIndex = rows.slice(0, 20).findIndex((r) => r.some((h) => NIK_COLUMNS.includes(headerKey(h))));
    if (headerIndex < 0) continue;
    const header = rows[headerIndex].map(headerKey);
    const col = (names: string[]) => header.findIndex((h) => names.includes(h));
    const [birth, nik, start] = [col(BIRTH_DATE), col(NIK_COLUMNS), col(START)];
    for (const r of rows.slice(headerIndex + 1)) {
      const mulai = start >= 0 ? isoDate(r[start] ?? "") : null;
      for (const iso of [birth >= 0 ? isoDate(r[birth] ?? "") : null, nik >= 0 ? nikBirthDate((r[nik] ?? "").trim(), mulai ? +mulai.slice(0, 4) : null) : null]) {
        if (iso && !nonPersonal.has(iso)) births.set(iso, file);
      }
    }
  }
  return [...births].sort().flatMap(([iso, file]) => birthDateNeedles(iso, file));
}

async function readXlsx(path: string): Promise<string[][]> {
  const {default: ExcelJS} = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({includeEmpty: false}, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(
        values.map((v) =>
          v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "object" && "text" in v ? String(v.text) : String(v)
        )
      );
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
