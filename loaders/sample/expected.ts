// What the pipeline must compute from the extracts, derived from the rows as written: which rows
// it rejects and why, and how many members are active in each funded month under the rules of
// docs/ARCHITECTURE.md. Kept apart from the truth (lifecycle.ts), because the pipeline sees only
// the files: a death nobody has reported yet keeps a member "active" for it.
import { lastMonthYoungerThan, monthKey, monthOf } from "./calendar.ts";
import type { KlaimRow } from "./extracts/klaim.ts";
import type { PesertaRow } from "./extracts/peserta.ts";
import type { Person } from "./identity.ts";
import type { Lifecycle } from "./lifecycle.ts";
import { decodeNik } from "./nik.ts";
import type { Parameter } from "./reference.ts";

export interface ReasonCount {
  count: number;
  rows: number[]; // spreadsheet row numbers (CSV header = row 1), the first ROWS_LISTED
}

/** quality.json lists the first 50 row numbers per reason; the manifest mirrors it. */
export const ROWS_LISTED = 50;

/** Count reasons by code, with row numbers, in row order. */
export function reasonCounts(codes: (string | null)[]): Record<string, ReasonCount> {
  const out: Record<string, ReasonCount> = {};
  codes.forEach((code, i) => {
    if (!code) return;
    const entry = (out[code] ??= { count: 0, rows: [] });
    entry.count++;
    if (entry.rows.length < ROWS_LISTED) entry.rows.push(i + 2);
  });
  return sortKeys(out);
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Pipeline `aktif` per funded month: accepted rows, period from month(mulai) to the earliest of
 * month(akhir), month of a claimed death (NIK, else KPJ, of an accepted member) and the age cap; one count per NIK.
 */
export function expectedAktif(
  rows: PesertaRow[],
  klaim: KlaimRow[],
  parameter: Parameter,
  funded: number[],
): Record<string, number> {
  const deathByNik = new Map<string, number>();
  const deathByKpj = new Map<string, number>();
  for (const k of klaim) {
    // A claim that matches only rejected rows ends no coverage period.
    if (k.reject || k.pesertaDitolak) continue;
    if (k.nik) deathByNik.set(k.nik, monthOf(k.kejadian));
    deathByKpj.set(k.kpj, monthOf(k.kejadian));
  }
  const fundedSet = new Set(funded);
  const active = new Map<number, Set<string>>(funded.map((m) => [m, new Set<string>()]));
  for (const row of rows) {
    if (row.reject) continue;
    const decoded = decodeNik(row.nik, row.mulai.y);
    if (!decoded) throw new Error(`accepted row with a bad NIK (person ${row.personId})`);
    const first = monthOf(row.mulai);
    const death = deathByNik.get(row.nik) ?? deathByKpj.get(row.kpj) ?? Infinity;
    const last = Math.min(
      row.akhir ? monthOf(row.akhir) : Infinity,
      death,
      lastMonthYoungerThan(decoded.lahir, parameter.usia_maks),
    );
    for (let m = first; m <= last && m <= funded[funded.length - 1]!; m++) {
      if (fundedSet.has(m)) active.get(m)!.add(row.nik);
    }
  }
  return Object.fromEntries(funded.map((m) => [monthKey(m), active.get(m)!.size]));
}

/** Real people covered each month, by fund: what BPJS bills (rejected rows are still people). */
export function trueActive(
  persons: Person[],
  lifecycles: Lifecycle[],
  funded: number[],
  funds: string[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const m of funded) out[monthKey(m)] = Object.fromEntries(funds.map((f) => [f, 0]));
  for (const p of persons) {
    const last = lifecycles[p.id]!.akhirRiil;
    for (let m = monthOf(p.mulai); m <= last; m++) {
      const month = out[monthKey(m)];
      if (month) month[p.sumberDana] = (month[p.sumberDana] ?? 0) + 1;
    }
  }
  return out;
}
