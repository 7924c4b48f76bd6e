// Random damage to extract tables, the kinds office files really suffer: truncated copies, swapped or
// missing columns, garbled cells, other encodings and delimiters, duplicated rows, stray quotes, title
// rows. Seeded (loaders/sample/random.ts), so a failing case is reproduced from its seed alone.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import {parseHeaderLine} from "../../loaders/read/csv.ts";
import {chance, pick, randInt, type Rng} from "../../loaders/sample/random.ts";

/** One extract table as rows of text cells. */
export interface Sheet {
  name: string;
  header: string[];
  rows: string[][];
}

export interface CorruptFile {
  file: string;
  bytes: Uint8Array;
  /** Data records the pipeline must account for, counted independently of it (RFC 4180). */
  records: number;
  /**
   * The bytes were damaged after writing (stray quotes, random bytes, a cut): DuckDB's recovery from a
   * broken record may then split it differently from RFC 4180, so the count is only a lower bound.
   */
  structureDamaged: boolean;
}

export interface Corruption {
  steps: string[];
  files: CorruptFile[];
}

/** Cell junk: what pasting, typing and exporting put into cells. */
const JUNK = [
  "", " ", '"', '""', ";", ",", "\n", "\r\n", "3.32704E+15", "3,32704E+15", "99999999999999999999", "-1", "0", "Rp", "Rp 16.800,00",
  "31/02/2025", "45717", "0000-00-00", "20255-01-01", "#N/A", "#REF!", "NULL", "😀 emoji", "é à ñ", "\u0000", "\t", "'", "Kec.", "1e308",
  "9".repeat(40), "x".repeat(3000), "2025-13", "Maret", "=SUM(A1:A3)", "L/P", "  ", "\u00a0", "3327041505609001", "-", "1.2.3",
];

function garbleText(rng: Rng): string {
  if (chance(rng, 0.6)) return pick(rng, JUNK);
  const alphabet = 'abcXYZ019 .,;:"\'\n\r\t-/\\éü€😀\u0000';
  let s = "";
  for (let i = randInt(rng, 1, 12); i > 0; i--) s += pick(rng, [...alphabet]);
  return s;
}

/** RFC 4180 records after the first line, split on the delimiter the pipeline sniffs; empty lines are not records. */
export function countRecords(bytes: Uint8Array): number {
  const text = decode(bytes);
  const first = text.search(/\r\n|\n|\r/);
  if (first < 0) return 0;
  const {delimiter} = parseHeaderLine(text);
  const body = text.slice(first + (text.startsWith("\r\n", first) ? 2 : 1));
  let records = 0;
  let quoted = false;
  let atFieldStart = true;
  let empty = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      if (!empty) records++;
      empty = true;
      atFieldStart = true;
      continue;
    }
    empty = false;
    if (c === '"' && atFieldStart) quoted = true;
    atFieldStart = c === delimiter;
  }
  if (!empty || quoted) records++;
  return records;
}

function decode(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return iconv.decode(Buffer.from(bytes), bytes[0] === 0xff ? "utf16le" : "utf16be").replace(/^\uFEFF/, "");
  }
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(Buffer.from(bytes), "win1252");
  }
}

function quoteField(value: string, delimiter: string, always: boolean): string {
  if (always || value.includes(delimiter) || /["\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

function swap(row: string[], i: number, j: number): void {
  const a = row[i] ?? "";
  row[i] = row[j] ?? "";
  row[j] = a;
}

/** Damage done to the cells, before the table is written out. */
function damageCells(rng: Rng, sheet: Sheet, steps: string[]): void {
  const width = sheet.header.length;
  const op = randInt(rng, 0, 7);
  if (op === 0) {
    const [i, j] = [randInt(rng, 0, width - 1), randInt(rng, 0, width - 1)];
    for (const row of [sheet.header, ...sheet.rows]) swap(row, i, j);
    steps.push(`${sheet.name}: kolom ${i}⇄${j} ditukar (termasuk judul)`);
  } else if (op === 1) {
    const [i, j] = [randInt(rng, 0, width - 1), randInt(rng, 0, width - 1)];
    for (const row of sheet.rows) swap(row, i, j);
    steps.push(`${sheet.name}: isi kolom ${i}⇄${j} ditukar (judul tetap)`);
  } else if (op === 2 || op === 3) {
    const n = randInt(rng, 1, Math.max(1, Math.ceil(sheet.rows.length / 4)));
    for (let k = 0; k < n && sheet.rows.length; k++) {
      const row = pick(rng, sheet.rows);
      row[randInt(rng, 0, width - 1)] = garbleText(rng);
    }
    steps.push(`${sheet.name}: ${n} sel dirusak`);
  } else if (op === 4) {
    const i = randInt(rng, 0, width - 1);
    sheet.header.splice(i, 1);
    steps.push(`${sheet.name}: sel judul ${i} dihapus`);
  } else if (op === 5) {
    const n = randInt(rng, 1, 20);
    for (let k = 0; k < n && sheet.rows.length; k++) sheet.rows.splice(randInt(rng, 0, sheet.rows.length), 0, [...pick(rng, sheet.rows)]);
    steps.push(`${sheet.name}: ${n} baris digandakan`);
  } else if (op === 6) {
    sheet.header = sheet.header.map((h) => (chance(rng, 0.5) ? h.toUpperCase().replace(/_/g, " ") : `  ${h}. `));
    steps.push(`${sheet.name}: judul kolom ditulis lain`);
  } else {
    const keep = randInt(rng, 0, sheet.rows.length);
    sheet.rows = sheet.rows.slice(0, keep);
    steps.push(`${sheet.name}: hanya ${keep} baris data`);
  }
}

/** Damage done to the bytes of a CSV after it is written. */
function damageBytes(rng: Rng, bytes: Uint8Array, name: string, steps: string[]): Uint8Array {
  const op = randInt(rng, 0, 3);
  if (op === 0) {
    const at = randInt(rng, 0, bytes.length);
    steps.push(`${name}: dipotong pada bita ${at} dari ${bytes.length}`);
    return bytes.slice(0, at);
  }
  if (op === 1 || op === 2) {
    const n = randInt(rng, 1, 3);
    const out = [...bytes];
    for (let k = 0; k < n; k++) out.splice(randInt(rng, 0, out.length), 0, 0x22);
    steps.push(`${name}: ${n} tanda kutip disisipkan`);
    return Uint8Array.from(out);
  }
  const out = [...bytes];
  const n = randInt(rng, 1, 8);
  for (let k = 0; k < n; k++) out.splice(randInt(rng, 0, out.length), 0, randInt(rng, 0, 255));
  steps.push(`${name}: ${n} bita acak disisipkan`);
  return Uint8Array.from(out);
}

function csvBytes(rng: Rng, sheet: Sheet, steps: string[]): Uint8Array {
  const delimiter = pick(rng, [",", ";", ";", "\t"]);
  const eol = pick(rng, ["\n", "\r\n", "\r\n", "\r"]);
  const always = chance(rng, 0.2);
  const text = [sheet.header, ...sheet.rows].map((row) => row.map((c) => quoteField(c ?? "", delimiter, always)).join(delimiter)).join(eol) + (chance(rng, 0.9) ? eol : "");
  const encoding = pick(rng, ["utf-8", "utf-8", "utf-8-bom", "windows-1252", "utf-16le"]);
  steps.push(`${sheet.name}.csv: pemisah ${JSON.stringify(delimiter)}, akhir baris ${JSON.stringify(eol)}, ${encoding}${always ? ", semua sel dikutip" : ""}`);
  if (encoding === "windows-1252") return new Uint8Array(iconv.encode(text, "win1252"));
  if (encoding === "utf-16le") return new Uint8Array(iconv.encode("\uFEFF" + text, "utf16le"));
  const utf8 = new TextEncoder().encode(text);
  return encoding === "utf-8" ? utf8 : Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
}

async function xlsxBytes(rng: Rng, sheet: Sheet, steps: string[]): Promise<{bytes: Uint8Array; records: number}> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(chance(rng, 0.5) ? sheet.name : "Sheet1");
  const titles = chance(rng, 0.5) ? randInt(rng, 1, 3) : 0;
  const top: string[][] = titles ? [["Rekap " + sheet.name], ...Array.from({length: titles - 1}, () => [])] : [];
  // Numbers go in as numbers, as Excel holds them (a NIK among them: Excel's 3.32704E+15).
  const cell = (v: string) => (/^\d{1,17}$/.test(v) && chance(rng, 0.5) ? Number(v) : v);
  [...top, sheet.header, ...sheet.rows].forEach((row, i) => {
    if (row.length) ws.getRow(i + 1).values = row.map((c) => cell(c ?? ""));
  });
  steps.push(`${sheet.name}.xlsx${titles ? `, ${titles} baris judul/kosong di atas` : ""}`);
  const records = sheet.rows.filter((r) => r.some((c) => (c ?? "").trim() !== "")).length;
  return {bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), records};
}

/** Damages one to three of the tables; the others are written cleanly. */
export async function corrupt(rng: Rng, sheets: Sheet[]): Promise<Corruption> {
  const steps: string[] = [];
  const files: CorruptFile[] = [];
  const damaged = new Set<string>();
  for (let k = randInt(rng, 1, 3); k > 0; k--) damaged.add(pick(rng, sheets).name);
  for (const original of sheets) {
    const sheet: Sheet = {name: original.name, header: [...original.header], rows: original.rows.map((r) => [...r])};
    const hit = damaged.has(sheet.name);
    if (hit && chance(rng, 0.03)) {
      steps.push(`${sheet.name}: berkas tidak ada`);
      continue;
    }
    if (hit && chance(rng, 0.85)) damageCells(rng, sheet, steps);
    const asXlsx = sheet.name === "anggaran" ? chance(rng, 0.7) : chance(rng, 0.1);
    if (asXlsx) {
      const {bytes, records} = await xlsxBytes(rng, sheet, steps);
      if (hit && chance(rng, 0.1)) {
        steps.push(`${sheet.name}.xlsx: dipotong`);
        files.push({file: `${sheet.name}.xlsx`, bytes: bytes.slice(0, randInt(rng, 0, bytes.length - 1)), records, structureDamaged: true});
      } else files.push({file: `${sheet.name}.xlsx`, bytes, records, structureDamaged: false});
      continue;
    }
    let bytes = csvBytes(rng, sheet, steps);
    const structureDamaged = hit && chance(rng, 0.4);
    if (structureDamaged) bytes = damageBytes(rng, bytes, `${sheet.name}.csv`, steps);
    files.push({file: `${sheet.name}.csv`, bytes, records: countRecords(bytes), structureDamaged});
  }
  return {steps, files};
}
