// The small-cell check, independent of the pipeline that suppresses: read every published Arrow and CSV
// file the data dictionary (kamus-data.json) lists, and report any count of people in 1..threshold−1
// that is not a region-wide remainder, and any row marked `ditekan` that still shows a count.
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {decodeText, parseCsv} from "./csv.ts";

export interface KamusLike {
  ambang_sel_kecil: number;
  berkas: {nama: string; rincian: string[]; kolom: {nama: string; hitungan_orang: boolean}[]}[];
}

type Cell = string | number | boolean | null;

/** A published file's rows as plain values (CSV: "" is missing, "true"/"false" flags, numbers as numbers). */
export function readPublished(path: string): Record<string, Cell>[] {
  if (path.endsWith(".arrow")) {
    return tableFromIPC(readFileSync(path))
      .toArray()
      .map((row) => Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : (v as Cell)])));
  }
  const [header, ...rows] = parseCsv(decodeText(readFileSync(path)), ",").filter((r) => r.some((f) => f !== ""));
  const value = (text: string): Cell => (text === "" ? null : text === "true" ? true : text === "false" ? false : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, value(r[i] ?? "")])));
}

/** The dictionary's file `nama` that a published path holds (Framework adds a content hash: name.1a2b3c4d.csv). */
export function fileNameOf(path: string, names: readonly string[]): string | null {
  const m = /^(.*?)(?:\.[0-9a-f]{8,})?\.(csv|arrow)$/.exec(basename(path));
  return m && names.includes(m[1]) ? m[1] : null;
}

/** Every violation found in `paths` (files the dictionary does not know are skipped), as readable lines. */
export function smallCellViolations(kamus: KamusLike, paths: readonly string[]): string[] {
  const threshold = kamus.ambang_sel_kecil;
  const problems: string[] = [];
  const byName = new Map(kamus.berkas.map((b) => [b.nama, b]));
  for (const path of paths) {
    const name = fileNameOf(path, [...byName.keys()]);
    if (!name) continue;
    const file = byName.get(name)!;
    const counts = file.kolom.filter((k) => k.hitungan_orang).map((k) => k.nama);
    if (!counts.length) continue;
    readPublished(path).forEach((row, i) => {
      // A region-wide remainder (every level below the top empty) may be small, like summary.json.
      const regionWide = row.sisa === true && file.rincian.every((level) => row[level] === null);
      for (const column of counts) {
        const v = row[column];
        if (row.ditekan === true && v !== null) problems.push(`${basename(path)} baris ${i + 1}: ${column} = ${v} padahal ditekan`);
        if (typeof v === "number" && v >= 1 && v < threshold && !regionWide) problems.push(`${basename(path)} baris ${i + 1}: ${column} = ${v} (< ${threshold}) tidak ditekan`);
      }
    });
  }
  return problems;
}
