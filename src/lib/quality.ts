// quality.json (docs/ARCHITECTURE.md) shaped into the rows the data-quality page shows. Pure and
// browser-safe. The page publishes counts, reason codes, row numbers and place names only: the
// pipeline never puts a person's values into quality.json, and nothing here adds any.
import {formatMonthShort, formatPercent} from "./format.js";

// The shapes quality.json is written in (loaders/): one declaration of the contract for both sides.
import type {TableQuality} from "../../loaders/quality.ts";
import type {CrossCheck, UnmatchedPlace} from "../../loaders/checks.ts";
export type {ReasonCount, TableQuality} from "../../loaders/quality.ts";
export type {CrossCheck, UnmatchedPlace} from "../../loaders/checks.ts";

export interface Quality {
  tables: Record<string, TableQuality>;
  cross_checks?: Record<string, CrossCheck>;
  unmatched_places?: UnmatchedPlace[];
}

/** What each extract table holds, in the words of the pages. */
export const TABLE_LABELS: Record<string, string> = {
  peserta: "Kepesertaan",
  iuran: "Iuran",
  anggaran: "Anggaran",
  klaim: "Klaim",
  sasaran: "Sasaran",
};

export const tableLabel = (name: string): string => TABLE_LABELS[name] ?? name;

export interface TableRow {
  tabel: string;
  label: string;
  file: string;
  dibaca: number;
  diterima: number;
  ditolak: number;
  peringatan: number;
  /** Share of rows read that were rejected; null when nothing was read. */
  porsiDitolak: number | null;
}

/** One row per table, in quality.json's order (the pipeline's: peserta, iuran, anggaran, klaim, sasaran). */
export function tableRows(quality: Quality): TableRow[] {
  return Object.entries(quality.tables).map(([tabel, q]) => ({
    tabel,
    label: tableLabel(tabel),
    file: q.file,
    dibaca: q.rows_read,
    diterima: q.rows_accepted,
    ditolak: q.rows_rejected,
    peringatan: Object.values(q.warnings_by_reason ?? {}).reduce((s, r) => s + r.count, 0),
    porsiDitolak: q.rows_read > 0 ? q.rows_rejected / q.rows_read : null,
  }));
}

export interface ReasonRow {
  tabel: string;
  label: string;
  kode: string;
  pesan: string;
  jumlah: number;
  /** The first row numbers the pipeline lists (at most 50); `jumlah` is always complete. */
  baris: number[];
}

/** Rejections (or warnings) by table and reason: tables in order, the commonest reason first. */
export function reasonRows(quality: Quality, kind: "rejects" | "warnings"): ReasonRow[] {
  return Object.entries(quality.tables).flatMap(([tabel, q]) =>
    Object.entries((kind === "rejects" ? q.rejects_by_reason : q.warnings_by_reason) ?? {})
      .map(([kode, r]) => ({tabel, label: tableLabel(tabel), kode, pesan: r.message, jumlah: r.count, baris: r.rows ?? []}))
      .sort((a, b) => b.jumlah - a.jumlah || a.kode.localeCompare(b.kode))
  );
}

/** "2, 5, 9" or "2, 5, 9, … (3 dari 121)": row numbers as a spreadsheet shows them (no grouping). */
export function rowList(rows: readonly number[], total: number, shown = 8): string {
  if (!rows.length) return "–";
  const list = rows.slice(0, shown).join(", ");
  return total > Math.min(rows.length, shown) ? `${list}, … (${Math.min(rows.length, shown)} dari ${total})` : list;
}

const UNITS: Record<string, string> = {bulan: "bulan", peserta: "peserta", klaim: "klaim"};

export interface CrossCheckRow {
  kode: string;
  pesan: string;
  jumlah: number;
  satuan: string;
  bulan: string[];
}

/** The cross-table checks in the pipeline's order; a check that found nothing stays, with 0. */
export function crossCheckRows(quality: Quality): CrossCheckRow[] {
  return Object.entries(quality.cross_checks ?? {}).map(([kode, c]) => ({
    kode,
    pesan: c.message,
    jumlah: c.count,
    satuan: UNITS[c.unit] ?? c.unit,
    bulan: c.months ?? [],
  }));
}

/** "Mar 2025, Apr 2025" — or the first and last with a count when the list is long. */
export function monthList(months: readonly string[], shown = 6): string {
  if (!months.length) return "–";
  const names = months.map(formatMonthShort);
  if (names.length <= shown) return names.join(", ");
  return `${names[0]} – ${names[names.length - 1]} (${names.length} bulan)`;
}

/** What the page shows for a text the pipeline withheld: it might not be a place name (e.g. a person's name). */
export const HIDDEN_NAME = "(tidak ditampilkan: mungkin bukan nama tempat)";

export interface UnmatchedRow {
  tabel: string;
  label: string;
  tingkat: string;
  nama: string;
  kecamatan: string;
  jumlah: number | null;
  saran: string;
}

/** Unmatched kecamatan/desa texts with their row counts and the closest official names. */
export function unmatchedRows(quality: Quality): UnmatchedRow[] {
  return (quality.unmatched_places ?? []).map((p) => ({
    tabel: p.table,
    label: tableLabel(p.table),
    tingkat: p.level === "desa" ? "Desa/kelurahan" : "Kecamatan",
    nama: p.name ?? HIDDEN_NAME,
    kecamatan: p.level === "desa" ? p.nama_kec ?? p.kode_kec ?? "–" : "–",
    jumlah: p.rows,
    saran: p.suggestions.length ? p.suggestions.map((s) => `${s.nama} (${formatPercent(s.similarity, 0)} mirip)`).join("; ") : "–",
  }));
}
