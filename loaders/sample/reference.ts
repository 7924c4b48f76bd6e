// The region and program rules, read from a region pack over data/program/ (loaders/pack.ts). The
// generator knows no place names or codes of its own: another pack and the sample follows that region.
import { readFileSync } from "node:fs";
import { packFile, packParameters } from "../pack.ts";

export interface Wilayah {
  kode: string;
  nama: string;
  nama_pendek: string;
  kecamatan: string; // file name of the kecamatan list
  desa: string; // file name of the desa/kelurahan list
  /** The program's size as the pack states it: the sample is generated to it. */
  program?: { peserta?: number; nama_sampel?: string };
}

export interface Kecamatan {
  kode: string; // Kemendagri, "33.27.04"
  kodeBps: string; // "3327040"
  nama: string;
}

export interface Desa {
  kode: string; // "33.27.04.2001"
  nama: string;
  tipe: string; // desa | kelurahan
  kodeKec: string;
}

export interface Sektor {
  kode: string;
  nama: string;
}

export interface Parameter {
  iuran_per_bulan: number;
  usia_min: number;
  usia_maks: number;
  santunan_jkm: number;
  santunan_jkm_sebelum_3_bulan: number;
  santunan_jkk_meninggal: number;
  sumber_dana_bawaan: string;
  tmi_iv_2019: { usia_mulai: number; laki_laki: number[]; perempuan: number[] };
}

export interface Reference {
  wilayah: Wilayah;
  kecamatan: Kecamatan[];
  desa: Desa[];
  sektor: Sektor[];
  aliasSektor: { alias: string; kode: string }[];
  aliasWilayah: { tingkat: string; alias: string; kode: string }[];
  parameter: Parameter;
}

/** Reference CSVs are simple (no quoted fields); fail loudly if that ever changes. */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = (lines.shift() ?? "").split(",").map((h) => h.trim());
  return lines.map((line, i) => {
    if (line.includes('"')) throw new Error(`reference CSV line ${i + 2}: quoted fields not supported`);
    const cells = line.split(",");
    const row: Record<string, string> = {};
    header.forEach((h, j) => (row[h] = (cells[j] ?? "").trim()));
    return row;
  });
}

/** Build the reference from file contents (pure: tests and benchmarks can pass their own). */
export function parseReference(read: (name: string) => string): Reference {
  const wilayah = JSON.parse(read("wilayah.json")) as Wilayah;
  const kecamatan = parseSimpleCsv(read(wilayah.kecamatan)).map((r) => ({
    kode: need(r, "kode_kec"),
    kodeBps: need(r, "kode_kec_bps"),
    nama: need(r, "kecamatan"),
  }));
  const desa = parseSimpleCsv(read(wilayah.desa)).map((r) => ({
    kode: need(r, "kode_desa"),
    nama: need(r, "desa"),
    tipe: r.tipe ?? "desa",
    kodeKec: need(r, "kode_kec"),
  }));
  const sektor = parseSimpleCsv(read("sektor.csv")).map((r) => ({ kode: need(r, "kode"), nama: need(r, "nama") }));
  const aliasSektor = parseSimpleCsv(read("alias_sektor.csv")).map((r) => ({ alias: need(r, "alias"), kode: need(r, "kode") }));
  const aliasWilayah = parseSimpleCsv(read("alias_wilayah.csv")).map((r) => ({
    tingkat: need(r, "tingkat"),
    alias: need(r, "alias"),
    kode: need(r, "kode"),
  }));
  const parameter = JSON.parse(read("parameter.json")) as Parameter;
  return { wilayah, kecamatan, desa, sektor, aliasSektor, aliasWilayah, parameter };
}

export function loadReference(dir: string): Reference {
  return parseReference((name) =>
    name === "parameter.json" ? JSON.stringify(packParameters(dir)) : readFileSync(packFile(dir, name), "utf8"),
  );
}

function need(row: Record<string, string>, column: string): string {
  const value = row[column];
  if (value === undefined || value === "") throw new Error(`reference: missing ${column}`);
  return value;
}

/** Kecamatan/desa key as docs/ARCHITECTURE.md defines it: used to prove variants match or miss. */
export function placeKey(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/^(?:(?:kecamatan|kelurahan|desa)\s+|(?:kec|kel)\.\s*)/, "")
    .replace(/[^a-z0-9]/g, "");
}

/** Sector key as docs/ARCHITECTURE.md defines it. */
export function sectorKey(text: string): string {
  return text.toLowerCase().trim().replace(/\s+/g, " ");
}

/** Every key that resolves to a kecamatan: names, codes with and without dots, BPS codes, aliases. */
export function kecamatanKeys(ref: Reference): Map<string, string> {
  const keys = new Map<string, string>();
  for (const k of ref.kecamatan) {
    keys.set(placeKey(k.nama), k.kode);
    keys.set(placeKey(k.kode), k.kode);
    keys.set(placeKey(k.kodeBps), k.kode);
  }
  for (const a of ref.aliasWilayah) if (a.tingkat === "kecamatan") keys.set(placeKey(a.alias), a.kode);
  return keys;
}

/** Keys that resolve to a desa within one kecamatan (names repeat across kecamatan). */
export function desaKeys(ref: Reference, kodeKec: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const d of ref.desa) {
    if (d.kodeKec !== kodeKec) continue;
    keys.set(placeKey(d.nama), d.kode);
    keys.set(placeKey(d.kode), d.kode);
  }
  for (const a of ref.aliasWilayah) {
    if (a.tingkat === "desa" && a.kode.startsWith(`${kodeKec}.`)) keys.set(placeKey(a.alias), a.kode);
  }
  return keys;
}

/** Every text that maps to a sector code. */
export function sectorKeys(ref: Reference): Map<string, string> {
  const keys = new Map<string, string>();
  for (const s of ref.sektor) {
    keys.set(sectorKey(s.kode), s.kode);
    keys.set(sectorKey(s.nama), s.kode);
  }
  for (const a of ref.aliasSektor) keys.set(sectorKey(a.alias), a.kode);
  return keys;
}
