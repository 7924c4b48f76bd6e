import type {DuckDBConnection} from "@duckdb/node-api";
import {crossCheckUnits, reasons} from "./reasons.ts";

export interface CrossCheck {
  count: number;
  /** What `count` counts: months, members or claims. */
  unit: "bulan" | "peserta" | "klaim";
  message: string;
  message_en: string;
  /** For month-based checks, the months concerned (YYYY-MM). */
  months?: string[];
}

export interface UnmatchedPlace {
  table: string;
  level: "kecamatan" | "desa";
  /** The text as written; null when it might not be a place name (then it is not published). */
  name: string | null;
  /** For a desa: the kecamatan it was looked for in. */
  kode_kec: string | null;
  nama_kec: string | null;
  /** Rows that wrote this text; null in the public build when fewer than the small-cell threshold of members. */
  rows: number | null;
  /** Up to three official names, closest first (Jaro–Winkler similarity of the keys). */
  suggestions: {kode: string; nama: string; similarity: number}[];
}

/** Checks whose months are listed too (pemeriksaan_bulan): months are aggregates, safe to publish. */
const MONTH_LISTS = ["DITAGIH_MELEBIHI_AKTIF", "TERDAFTAR_TANPA_TAGIHAN"];

/** Counts of loaders/sql/pemeriksaan.sql's findings (counted there), every check listed (a check that found nothing shows 0). */
export async function crossChecks(conn: DuckDBConnection): Promise<Record<string, CrossCheck>> {
  const counts = new Map(
    (await conn.runAndReadAll("SELECT kode, jumlah FROM pemeriksaan_jumlah")).getRowObjectsJS().map((r) => [String(r.kode), Number(r.jumlah)])
  );
  const months = new Map<string, string[]>();
  for (const row of (await conn.runAndReadAll("SELECT kode, bulan FROM pemeriksaan_bulan ORDER BY ALL")).getRowObjectsJS()) {
    months.set(String(row.kode), [...(months.get(String(row.kode)) ?? []), String(row.bulan)]);
  }
  const out: Record<string, CrossCheck> = {};
  for (const [code, unit] of Object.entries(crossCheckUnits)) {
    out[code] = {count: counts.get(code) ?? 0, unit, message: reasons[code].id, message_en: reasons[code].en};
    if (MONTH_LISTS.includes(code)) out[code].months = months.get(code) ?? [];
  }
  return out;
}

/** loaders/sql/wilayah_tak_dikenal.sql's table, as quality.json lists it. */
export async function unmatchedPlaces(conn: DuckDBConnection): Promise<UnmatchedPlace[]> {
  const rows = (await conn.runAndReadAll("SELECT * FROM out_wilayah_tak_dikenal")).getRowObjectsJS();
  return rows.map((r) => ({
    table: String(r.tabel),
    level: r.tingkat as UnmatchedPlace["level"],
    name: (r.nama as string | null) ?? null,
    kode_kec: (r.kode_kec as string | null) ?? null,
    nama_kec: (r.nama_kec as string | null) ?? null,
    rows: Number(r.baris),
    suggestions: (r.saran as {kode: string; nama: string; kemiripan: number}[]).map((s) => ({kode: s.kode, nama: s.nama, similarity: Number(s.kemiripan)})),
  }));
}
