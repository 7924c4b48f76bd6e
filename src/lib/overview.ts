// Small derivations for the overview page, from the pipeline's outputs (docs/ARCHITECTURE.md) to the
// plain rows the components draw. Pure and browser-safe; every function takes plain arrays (see
// arrow.ts) so that a test can feed it literals. Public builds suppress small counts (suppression.ts):
// a count is null when hidden, and remainder rows keep totals exact.
import {formatInteger} from "./format.js";
import {isRemainder, NOT_ITEMISED, NOT_ITEMISED_NAME, Totals, type Flags} from "./suppression.js";

export interface AnggotaBulanan extends Flags {
  bulan: string;
  kode_kec: string;
  kode_desa?: string | null;
  sektor?: string;
  jenis_kelamin?: string;
  kelompok_umur?: string;
  /** null: suppressed (public build). */
  terdaftar: number | null;
  aktif: number | null;
}

export interface Sasaran {
  kode_kec: string;
  kode_desa?: string | null;
  sektor?: string;
  jumlah: number;
}

export interface KlaimBulanan extends Flags {
  bulan: string;
  kode_kec?: string | null;
  jenis: string;
  /** null: suppressed with the money that would give it away (public build). */
  jumlah: number | null;
  nominal: number | null;
  beasiswa?: number | null;
}

export interface Kecamatan {
  kode: string;
  nama: string;
}

/** summary.json: the headline figures. Fields beyond the contract's are optional; the page copes without. */
export interface Summary {
  as_of?: string | null;
  tahun?: number | null;
  members_active?: number | null;
  eligible?: number | null;
  coverage_rate?: number | null;
  allocation?: number | null;
  realisation?: number | null;
  absorption?: number | null;
  claims_count?: number | null;
  claims_amount?: number | null;
  contribution_per_month?: number | null;
  /** True for the synthetic sample extracts (ekstrak.json in the extract folder). */
  synthetic?: boolean;
  /** The date the extracts were taken (YYYY-MM-DD), when the extract folder says. */
  extract_date?: string | null;
  /** Where the target population comes from (sasaran's `sumber` column). */
  eligible_source?: string | null;
  /** "public": the files have small cells suppressed; "internal": everything itemised. */
  audience?: "public" | "internal";
  /** Counts below this many people are suppressed in a public build. */
  suppression_threshold?: number;
}

const num = (value: unknown): number => {
  const n = typeof value === "bigint" ? Number(value) : Number(value);
  return Number.isFinite(n) ? n : 0;
};

/** The ratio a / b, or null when b is missing or zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return b > 0 ? a / b : null;
}

export interface CoverageRow {
  kode_kec: string;
  nama: string;
  /** null: suppressed (too few to publish, or hidden to protect such a figure). */
  aktif: number | null;
  /** null: no target-population figure for this kecamatan. */
  sasaran: number | null;
  /** aktif / sasaran; null when sasaran is unknown or zero. */
  rate: number | null;
}

/**
 * Active members in `bulan` and eligible people by kecamatan, one row per kecamatan of the region
 * (in the reference order), plus any code the data has that the reference lacks, plus (public build)
 * a "Tidak dirinci" row for the members of kecamatan hidden whole, so that the rows add up exactly.
 */
export function coverageByKecamatan(
  anggota: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  kecamatan: readonly Kecamatan[],
  bulan: string | null | undefined
): CoverageRow[] {
  const aktif = new Totals();
  let notItemised: number | null = null;
  for (const row of anggota) {
    if (row.bulan !== bulan) continue;
    if (row.kode_kec != null) aktif.add(row.kode_kec, row.aktif);
    else if (isRemainder(row)) notItemised = (notItemised ?? 0) + num(row.aktif);
  }
  const eligible = new Map<string, number>();
  for (const row of sasaran) {
    if (row.kode_kec == null) continue;
    eligible.set(row.kode_kec, (eligible.get(row.kode_kec) ?? 0) + num(row.jumlah));
  }
  const codes = [...kecamatan.map((k) => k.kode)];
  for (const code of [...aktif.keys(), ...eligible.keys()]) if (!codes.includes(code)) codes.push(code);
  const names = new Map(kecamatan.map((k) => [k.kode, k.nama]));
  const rows: CoverageRow[] = codes.map((kode_kec) => {
    const a = aktif.get(kode_kec);
    const s = eligible.has(kode_kec) ? eligible.get(kode_kec)! : null;
    return {kode_kec, nama: names.get(kode_kec) ?? kode_kec, aktif: a, sasaran: s, rate: a === null ? null : ratio(a, s)};
  });
  if (notItemised !== null) rows.push({kode_kec: NOT_ITEMISED, nama: NOT_ITEMISED_NAME, aktif: notItemised, sasaran: null, rate: null});
  return rows;
}

/** Places by name (Indonesian collation), the "Tidak dirinci" line last: the order every kecamatan table uses. */
export function byPlaceName(a: {kode_kec: string; nama: string}, b: {kode_kec: string; nama: string}): number {
  return Number(a.kode_kec === NOT_ITEMISED) - Number(b.kode_kec === NOT_ITEMISED) || a.nama.localeCompare(b.nama, "id");
}

/** coverageByKecamatan in the tables' order (byPlaceName). */
export function coverageByName(...args: Parameters<typeof coverageByKecamatan>): CoverageRow[] {
  return coverageByKecamatan(...args).sort(byPlaceName);
}

/** The `n` kecamatan with the lowest (or, `highest`, the highest) coverage; those without a rate are left out. */
export function coverageExtremes(rows: readonly CoverageRow[], n = 3, highest = false): CoverageRow[] {
  const rated = rows.filter((r): r is CoverageRow & {rate: number} => r.rate !== null);
  return rated.sort((a, b) => (highest ? b.rate - a.rate : a.rate - b.rate)).slice(0, n);
}

export interface MemberMonth {
  bulan: string;
  terdaftar: number;
  aktif: number;
}

/** Registered and active members per month, in month order. */
export function membersByMonth(anggota: readonly AnggotaBulanan[]): MemberMonth[] {
  const byMonth = new Map<string, MemberMonth>();
  for (const row of anggota) {
    let m = byMonth.get(row.bulan);
    if (!m) byMonth.set(row.bulan, (m = {bulan: row.bulan, terdaftar: 0, aktif: 0}));
    m.terdaftar += num(row.terdaftar);
    m.aktif += num(row.aktif);
  }
  return [...byMonth.values()].sort((a, b) => a.bulan.localeCompare(b.bulan));
}

export interface ClaimMonth {
  bulan: string;
  jenis: string;
  jumlah: number;
  nominal: number;
  beasiswa: number;
  /** nominal + beasiswa: what the families received. */
  total: number;
}

/** Claims by month of the event and benefit type (JKM/JKK), summed over kecamatan. */
export function claimsByMonth(klaim: readonly KlaimBulanan[]): ClaimMonth[] {
  const byKey = new Map<string, ClaimMonth>();
  for (const row of klaim) {
    const key = `${row.bulan}|${row.jenis}`;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = {bulan: row.bulan, jenis: row.jenis, jumlah: 0, nominal: 0, beasiswa: 0, total: 0}));
    c.jumlah += num(row.jumlah);
    c.nominal += num(row.nominal);
    c.beasiswa += num(row.beasiswa ?? 0);
    c.total = c.nominal + c.beasiswa;
  }
  return [...byKey.values()].sort((a, b) => a.bulan.localeCompare(b.bulan) || a.jenis.localeCompare(b.jenis));
}

/** Rows a printed brief's table holds in one column beside the map; a longer list is split (A4, one page). */
export const BRIEF_ROWS_PER_COLUMN = 18;

/** How many side-by-side tables the brief prints a list of `rows` places in: 1 up to 18 rows, else 2. */
export function briefTableParts(rows: number): 1 | 2 {
  return rows > BRIEF_ROWS_PER_COLUMN ? 2 : 1;
}

/** Eligible people not yet covered (never below zero); null when either figure is missing. */
export function coverageGap(summary: Pick<Summary, "eligible" | "members_active">): number | null {
  return summary.eligible != null && summary.members_active != null ? Math.max(0, summary.eligible - summary.members_active) : null;
}

/** The gap in words under the coverage card; empty when unknown. */
export function coverageGapText(gap: number | null): string {
  return gap === null ? "" : gap > 0 ? `${formatInteger(gap)} orang sasaran belum terlindungi` : "seluruh sasaran sudah terlindungi";
}

/**
 * Which period summary.json's claims count covers, for the card's title: "tahun 2026" when it equals
 * the year's claims, "sejak awal data" when it equals them all, else nothing (it cannot be told).
 */
export function claimsPeriod(summary: Pick<Summary, "claims_count">, klaim: readonly KlaimBulanan[], tahun: number | null): string {
  if (summary.claims_count == null) return "";
  const count = (rows: readonly KlaimBulanan[]) => rows.reduce((s, r) => s + (r.jumlah ?? 0), 0);
  if (summary.claims_count === count(klaim.filter((r) => tahun && r.bulan.startsWith(`${tahun}-`)))) return `tahun ${tahun}`;
  return summary.claims_count === count(klaim) ? "sejak awal data" : "";
}
