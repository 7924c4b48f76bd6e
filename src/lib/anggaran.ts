// Budget logic shared by the overview and the budget page (src/anggaran.md): the allocation (pagu),
// realisation — contributions INVOICED for the year's months, as summary.json's `realisation` — and
// what is already paid, the cash plan, year-end projections, the invoice reconciliation an auditor
// asks for, spending by kecamatan, and what families received per rupiah of contribution.
// Pure and browser-safe; plain arrays in (see arrow.ts), plain rows out, money in integer rupiah.
import type {KlaimBulanan} from "./overview.js";
import {ratio} from "./overview.js";

/** iuran_bulanan.arrow: contributions invoiced and paid by month × funding source. */
export interface IuranBulanan {
  bulan: string;
  sumber_dana?: string;
  peserta_ditagih?: number;
  iuran_ditagih: number;
  iuran_dibayar: number;
  tanggal_bayar?: string | null;
}

/** anggaran_tahunan.arrow: the year's allocation by funding source. */
export interface AnggaranTahunan {
  tahun: number;
  sumber_dana?: string;
  pagu: number;
  pagu_perubahan?: number | null;
  pagu_berlaku: number;
}

/** rencana_kas.arrow: the monthly cash plan by funding source. */
export interface RencanaKas {
  bulan: string;
  sumber_dana?: string;
  rencana: number;
}

/**
 * iuran_rinci.arrow: invoices by month × source × kecamatan (null: none named) × payment date (null:
 * unpaid). Public build: a line for fewer than 5 people is hidden (null counts and money) and summed
 * into a remainder line with no kecamatan (`sisa`), which is apportioned like any line without one.
 */
export interface IuranRinci extends Flags {
  bulan: string;
  sumber_dana: string;
  kode_kec?: string | null;
  tanggal_bayar?: string | null;
  peserta_ditagih: number | null;
  iuran_ditagih: number | null;
}

/**
 * peserta_sumber_dana.arrow: registered and active members by month × funding source × kecamatan.
 * Public build: a kecamatan's small sources are hidden and summed into a remainder row with no source.
 */
export interface PesertaSumberDana extends Flags {
  bulan: string;
  sumber_dana: string | null;
  kode_kec?: string | null;
  terdaftar: number | null;
  aktif: number | null;
}

import {isRemainder, NOT_ITEMISED, type Flags} from "./suppression.js";

const num = (value: unknown): number => {
  const n = typeof value === "bigint" ? Number(value) : Number(value);
  return Number.isFinite(n) ? n : 0;
};

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** The twelve month keys of `tahun`: "2026-01" … "2026-12". */
export function monthsOfYear(tahun: number): string[] {
  return Array.from({length: 12}, (_, i) => `${tahun}-${String(i + 1).padStart(2, "0")}`);
}

/** The years (ascending) that have a budget line, an invoice or a cash-plan month. */
export function budgetYears(anggaran: readonly AnggaranTahunan[], iuran: readonly {bulan: string}[], rencana: readonly {bulan: string}[] = []): number[] {
  const years = new Set<number>();
  for (const row of anggaran) years.add(num(row.tahun));
  for (const row of [...iuran, ...rencana]) if (/^\d{4}-/.test(row.bulan)) years.add(+row.bulan.slice(0, 4));
  return [...years].filter((y) => y > 0).sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------
// Allocation, realisation and the cash plan

export interface Allocation {
  tahun: number;
  pagu: number;
  pagu_perubahan: number | null;
  pagu_berlaku: number;
}

/**
 * The year's allocation summed over funding sources (or for one source); null when the year has no
 * budget line. `pagu_perubahan` is the revised total when any line was revised (unrevised lines count
 * at their original pagu), else null.
 */
export function allocationFor(anggaran: readonly AnggaranTahunan[], tahun: number | null | undefined, sumberDana?: string | null): Allocation | null {
  const rows = anggaran.filter((row) => num(row.tahun) === tahun && (sumberDana == null || row.sumber_dana === sumberDana));
  if (!rows.length || tahun == null) return null;
  const revised = rows.filter((row) => row.pagu_perubahan != null);
  return {
    tahun,
    pagu: rows.reduce((s, row) => s + num(row.pagu), 0),
    pagu_perubahan: revised.length ? rows.reduce((s, row) => s + num(row.pagu_perubahan ?? row.pagu), 0) : null,
    pagu_berlaku: rows.reduce((s, row) => s + num(row.pagu_berlaku), 0)
  };
}

export interface BudgetMonth {
  bulan: string;
  /** Contributions invoiced for the month (realisation, as in summary.json); null after the as-of month. */
  realisasi: number | null;
  /** Of which already paid (a payment date is recorded). */
  dibayar: number | null;
  realisasi_kumulatif: number | null;
  /** Cash plan for the month; null when there is no plan. */
  rencana: number | null;
  rencana_kumulatif: number | null;
}

/** The twelve months of `tahun`: invoiced and paid contributions (to `asOf`) and the cash plan, each cumulative. */
export function budgetByMonth(
  iuran: readonly IuranBulanan[],
  rencana: readonly RencanaKas[],
  tahun: number,
  asOf?: string | null
): BudgetMonth[] {
  const invoiced = new Map<string, number>();
  const paid = new Map<string, number>();
  for (const row of iuran) {
    invoiced.set(row.bulan, (invoiced.get(row.bulan) ?? 0) + num(row.iuran_ditagih));
    paid.set(row.bulan, (paid.get(row.bulan) ?? 0) + num(row.iuran_dibayar));
  }
  const plan = new Map<string, number>();
  for (const row of rencana) plan.set(row.bulan, (plan.get(row.bulan) ?? 0) + num(row.rencana));
  const hasPlan = [...plan.keys()].some((bulan) => bulan.startsWith(`${tahun}-`));
  const months = monthsOfYear(tahun);
  const lastPaid = asOf ?? [...invoiced.keys()].filter((b) => b.startsWith(`${tahun}-`)).sort().at(-1) ?? null;
  let cumPaid = 0;
  let cumPlan = 0;
  return months.map((bulan) => {
    const within = lastPaid !== null && bulan <= lastPaid;
    const realisasi = within ? invoiced.get(bulan) ?? 0 : null;
    if (realisasi !== null) cumPaid += realisasi;
    const r = hasPlan ? plan.get(bulan) ?? 0 : null;
    if (r !== null) cumPlan += r;
    return {
      bulan,
      realisasi,
      dibayar: within ? paid.get(bulan) ?? 0 : null,
      realisasi_kumulatif: realisasi === null ? null : cumPaid,
      rencana: r,
      rencana_kumulatif: r === null ? null : cumPlan
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Year-end projections

/** By the plan: realisation so far plus the cash plan for the months after `asOf`; null without a plan. */
export function projectedYearEnd(months: readonly BudgetMonth[], asOf: string | null | undefined): number | null {
  if (!months.some((m) => m.rencana !== null)) return null;
  const paid = months.reduce((s, m) => s + (m.realisasi ?? 0), 0);
  const remaining = months.filter((m) => asOf == null || m.bulan > asOf).reduce((s, m) => s + (m.rencana ?? 0), 0);
  return paid + remaining;
}

export interface RunRate {
  /** Average realisation per month over the months counted. */
  perBulan: number;
  /** How many months were averaged. */
  bulan: number;
  /** The first month counted: the year's first month with an invoice. */
  dari: string;
}

/**
 * The monthly run-rate: realisation averaged over the months from the year's first invoiced month to
 * the as-of month. Months before the program's first invoice of the year do not count (a program that
 * starts in March is not spending "zero" in January); a month with no invoice after that does count
 * as zero, because an unfunded month is a real gap. Null when nothing was invoiced yet.
 */
export function runRate(months: readonly BudgetMonth[]): RunRate | null {
  const realised = months.filter((m) => m.realisasi !== null);
  const first = realised.findIndex((m) => (m.realisasi ?? 0) > 0);
  if (first < 0) return null;
  const counted = realised.slice(first);
  return {perBulan: sum(counted.map((m) => m.realisasi ?? 0)) / counted.length, bulan: counted.length, dari: counted[0].bulan};
}

/** By the run-rate: realisation so far plus the run-rate for each month after the as-of month. */
export function projectedByRunRate(months: readonly BudgetMonth[]): number | null {
  const soFar = sum(months.map((m) => m.realisasi ?? 0));
  const remaining = months.filter((m) => m.realisasi === null).length;
  if (remaining === 0) return soFar;
  const rate = runRate(months);
  return rate === null ? null : soFar + rate.perBulan * remaining;
}

export type SpendStatus = "melampaui_pagu" | "di_bawah_pagu" | "sesuai_pagu";

export interface SpendGap {
  status: SpendStatus;
  /** projection − allocation: positive = over-spend, negative = the part of the pagu left unspent. */
  selisih: number;
  /** selisih / allocation. */
  proporsi: number;
}

/** How a projected year-end stands against the allocation; null when either is missing or the pagu is zero. */
export function spendGap(proyeksi: number | null, alokasi: number | null | undefined): SpendGap | null {
  if (proyeksi === null || alokasi == null || !(alokasi > 0)) return null;
  const selisih = Math.round(proyeksi - alokasi);
  return {status: selisih > 0 ? "melampaui_pagu" : selisih < 0 ? "di_bawah_pagu" : "sesuai_pagu", selisih, proporsi: selisih / alokasi};
}

export interface YearEnd {
  realisasi: number;
  dibayar: number;
  /** Months of the year after the as-of month. */
  bulanTersisa: number;
  runRate: RunRate | null;
  proyeksiRunRate: number | null;
  proyeksiRencana: number | null;
  alokasi: number | null;
  /** Realisation / allocation (absorption). */
  serapan: number | null;
  selisihRunRate: SpendGap | null;
  selisihRencana: SpendGap | null;
}

/** Realisation, absorption and both year-end projections against the allocation, for one year's months. */
export function yearEnd(months: readonly BudgetMonth[], asOf: string | null | undefined, alokasi: number | null | undefined): YearEnd {
  const realisasi = sum(months.map((m) => m.realisasi ?? 0));
  const proyeksiRunRate = projectedByRunRate(months);
  const proyeksiRencana = projectedYearEnd(months, asOf);
  return {
    realisasi,
    dibayar: sum(months.map((m) => m.dibayar ?? 0)),
    bulanTersisa: months.filter((m) => m.realisasi === null).length,
    runRate: runRate(months),
    proyeksiRunRate,
    proyeksiRencana,
    alokasi: alokasi ?? null,
    serapan: ratio(realisasi, alokasi),
    selisihRunRate: spendGap(proyeksiRunRate, alokasi),
    selisihRencana: spendGap(proyeksiRencana, alokasi)
  };
}

export interface ProjectionPoint {
  bulan: string;
  kumulatif: number;
}

/**
 * The dashed continuations of the cumulative chart: from the last realised month to December, at the
 * run-rate and along the cash plan. Empty when the year is complete; the plan path is empty without
 * a plan and the run-rate path without any realisation.
 */
export function projectionPaths(months: readonly BudgetMonth[]): {runRate: ProjectionPoint[]; rencana: ProjectionPoint[]} {
  const last = months.reduce((at, m, i) => (m.realisasi !== null ? i : at), -1);
  if (last === months.length - 1) return {runRate: [], rencana: []};
  const start = last >= 0 ? months[last].realisasi_kumulatif ?? 0 : 0;
  const head = last >= 0 ? [{bulan: months[last].bulan, kumulatif: start}] : [];
  const rest = months.slice(last + 1);
  const rate = runRate(months);
  const hasPlan = months.some((m) => m.rencana !== null);
  let byRate = start;
  let byPlan = start;
  return {
    runRate: rate ? [...head, ...rest.map((m) => ({bulan: m.bulan, kumulatif: (byRate += rate.perBulan)}))] : [],
    rencana: hasPlan ? [...head, ...rest.map((m) => ({bulan: m.bulan, kumulatif: (byPlan += m.rencana ?? 0)}))] : []
  };
}

// ---------------------------------------------------------------------------------------------------
// Reconciliation: invoices against the contribution rule, the enrolment extract and the due date

/** When a month's contribution is due: day `jatuhTempoHari` of the month `jatuhTempoBulan` after it. */
export interface PaymentTerms {
  jatuhTempoHari: number;
  /** 0: the contribution month itself; 1: the following month. */
  jatuhTempoBulan: number;
}

/** The terms from referensi.json's parameters (jatuh_tempo_hari, jatuh_tempo_bulan); null when not set. */
export function paymentTermsFrom(parameter: Record<string, unknown> | null | undefined): PaymentTerms | null {
  const hari = Number(parameter?.jatuh_tempo_hari);
  const bulan = Number(parameter?.jatuh_tempo_bulan ?? 0);
  return Number.isInteger(hari) && hari >= 1 && hari <= 31 && Number.isInteger(bulan) && bulan >= 0 ? {jatuhTempoHari: hari, jatuhTempoBulan: bulan} : null;
}

/** The due date (YYYY-MM-DD) of month `bulan`; a day past the month's end falls on its last day. */
export function dueDate(bulan: string, terms: PaymentTerms): string {
  const [year, month] = bulan.split("-").map(Number);
  const index = month - 1 + terms.jatuhTempoBulan;
  const y = year + Math.floor(index / 12);
  const m = ((index % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(Math.max(1, Math.round(terms.jatuhTempoHari)), lastDay);
  return `${y}-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole days from date `from` to date `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/**
 * tepat_waktu: paid by the due date; terlambat: (some of it) paid after; belum_jatuh_tempo: unpaid and
 * not yet due on the reference date (or no reference date is known); lewat_jatuh_tempo: unpaid and
 * past due; tanpa_tagihan: members enrolled under this source but no invoice at all. Without payment
 * terms nothing can be judged: dibayar / belum_dibayar.
 */
export type PaymentStatus = "tepat_waktu" | "terlambat" | "belum_jatuh_tempo" | "lewat_jatuh_tempo" | "tanpa_tagihan" | "dibayar" | "belum_dibayar";

/** A member-count spike is flagged when it exceeds its neighbours by more than this. */
export interface SpikeThreshold {
  /** At least this many members… */
  minimum: number;
  /** …or this share of the members invoiced, whichever is larger. */
  proporsi: number;
}

export const AMBANG_LONJAKAN: SpikeThreshold = {minimum: 5, proporsi: 0.001};

export interface ReconcileOptions {
  /** Contribution per member per month (parameter iuran_per_bulan). */
  iuranPerBulan: number;
  /** null: no due date is set, so timeliness is not judged. */
  terms: PaymentTerms | null;
  /** The date unpaid invoices are judged on (the extract date); null: never called overdue. */
  tanggalAcuan?: string | null;
  ambang?: SpikeThreshold;
}

export interface InvoiceCheck {
  bulan: string;
  sumber_dana: string;
  peserta_ditagih: number;
  iuran_ditagih: number;
  /** peserta_ditagih × iuranPerBulan. */
  iuran_seharusnya: number;
  /** iuran_ditagih − iuran_seharusnya: the amount does not match the member count when ≠ 0. */
  selisih_nominal: number;
  /** Members of this source registered in the month per the enrolment extract. */
  terdaftar: number;
  /** Of whom active (the pipeline's count: registered in a funded month). */
  aktif: number;
  /**
   * Invoiced − active: positive = members invoiced but not found (or rejected) in the enrolment data;
   * negative = enrolled members nobody invoiced. A month with no invoice for the source counts every
   * registered member as uninvoiced.
   */
  selisih_peserta: number;
  /** selisih_peserta × iuranPerBulan: what the gap costs (positive) or what covering it would cost (negative). */
  biaya_selisih_peserta: number;
  /**
   * The estimated excess when this month's member gap jumps away from both neighbouring months of the
   * same source (gap − the neighbours' rounded mean); null when the gap is in line with its neighbours.
   */
  lonjakan: number | null;
  iuran_dibayar: number;
  /** Paid after the due date. */
  iuran_terlambat: number;
  iuran_belum_dibayar: number;
  /** The latest payment date (YYYY-MM-DD); null when nothing is paid. */
  tanggal_bayar: string | null;
  /** null without payment terms. */
  jatuh_tempo: string | null;
  /** Days the latest payment came after the due date (0 when on time); null when nothing is paid. */
  hari_terlambat: number | null;
  status: PaymentStatus;
}

/**
 * One row per month × funding source that has an invoice or enrolled members: the invoice against
 * members × the contribution, against the members the enrolment extract has, and against the due date.
 */
export function reconcileInvoices(iuran: readonly IuranRinci[], peserta: readonly PesertaSumberDana[], options: ReconcileOptions): InvoiceCheck[] {
  const {iuranPerBulan, terms, tanggalAcuan = null, ambang = AMBANG_LONJAKAN} = options;
  const key = (bulan: string, sumber: string) => `${bulan}|${sumber}`;
  const invoices = new Map<string, IuranRinci[]>();
  for (const row of iuran) {
    const k = key(row.bulan, row.sumber_dana);
    invoices.set(k, [...(invoices.get(k) ?? []), row]);
  }
  const members = new Map<string, {terdaftar: number; aktif: number}>();
  for (const row of peserta) {
    // A remainder row with no source (public build) cannot be set against a source's invoices.
    if (row.sumber_dana == null) continue;
    const k = key(row.bulan, row.sumber_dana);
    const m = members.get(k) ?? {terdaftar: 0, aktif: 0};
    m.terdaftar += num(row.terdaftar);
    m.aktif += num(row.aktif);
    members.set(k, m);
  }
  const keys = new Set([...invoices.keys(), ...[...members].filter(([, m]) => m.terdaftar > 0).map(([k]) => k)]);
  const rows = [...keys].sort().map((k): InvoiceCheck => {
    const [bulan, sumber_dana] = k.split("|");
    const lines = invoices.get(k) ?? [];
    const {terdaftar, aktif} = members.get(k) ?? {terdaftar: 0, aktif: 0};
    const peserta_ditagih = sum(lines.map((r) => num(r.peserta_ditagih)));
    const iuran_ditagih = sum(lines.map((r) => num(r.iuran_ditagih)));
    const iuran_seharusnya = peserta_ditagih * iuranPerBulan;
    const selisih_peserta = peserta_ditagih - (lines.length ? aktif : terdaftar);
    const jatuh_tempo = terms ? dueDate(bulan, terms) : null;
    const paid = lines.filter((r) => r.tanggal_bayar);
    const tanggal_bayar = paid.map((r) => r.tanggal_bayar!).sort().at(-1) ?? null;
    const late = jatuh_tempo === null ? [] : paid.filter((r) => r.tanggal_bayar! > jatuh_tempo);
    const iuran_belum_dibayar = sum(lines.filter((r) => !r.tanggal_bayar).map((r) => num(r.iuran_ditagih)));
    const unpaid = lines.some((r) => !r.tanggal_bayar);
    const status: PaymentStatus = !lines.length
      ? "tanpa_tagihan"
      : jatuh_tempo === null
        ? unpaid
          ? "belum_dibayar"
          : "dibayar"
        : unpaid
        ? tanggalAcuan && tanggalAcuan > jatuh_tempo
          ? "lewat_jatuh_tempo"
          : "belum_jatuh_tempo"
        : late.length
          ? "terlambat"
          : "tepat_waktu";
    return {
      bulan,
      sumber_dana,
      peserta_ditagih,
      iuran_ditagih,
      iuran_seharusnya,
      selisih_nominal: iuran_ditagih - iuran_seharusnya,
      terdaftar,
      aktif,
      selisih_peserta,
      biaya_selisih_peserta: selisih_peserta * iuranPerBulan,
      lonjakan: null,
      iuran_dibayar: sum(paid.map((r) => num(r.iuran_ditagih))),
      iuran_terlambat: sum(late.map((r) => num(r.iuran_ditagih))),
      iuran_belum_dibayar,
      tanggal_bayar,
      jatuh_tempo,
      hari_terlambat: tanggal_bayar === null || jatuh_tempo === null ? null : Math.max(0, daysBetween(jatuh_tempo, tanggal_bayar)),
      status
    };
  });
  markSpikes(rows, ambang);
  return rows;
}

/**
 * The member gap is steady from month to month when it comes from rows the enrolment extract lost
 * (rejected rows of real people); a month whose gap leaps above (or drops below) BOTH neighbouring
 * invoiced months of the same source, by more than the threshold, is something else — people invoiced
 * who were not there, or people left out — and gets the estimated excess in `lonjakan`. The latest
 * month is judged against the two before it, so a new lasting step shows there until the next month.
 */
function markSpikes(rows: InvoiceCheck[], ambang: SpikeThreshold): void {
  const bySource = new Map<string, InvoiceCheck[]>();
  for (const row of rows) if (row.status !== "tanpa_tagihan") bySource.set(row.sumber_dana, [...(bySource.get(row.sumber_dana) ?? []), row]);
  for (const series of bySource.values()) {
    series.forEach((row, i) => {
      // The months either side; at the ends of a series, the two nearest on the one side there is.
      const around = i === 0 ? [series[1], series[2]] : i === series.length - 1 ? [series[i - 1], series[i - 2]] : [series[i - 1], series[i + 1]];
      const neighbours = around.filter(Boolean).map((r) => r.selisih_peserta);
      if (neighbours.length < 2) return;
      const threshold = Math.max(ambang.minimum, ambang.proporsi * row.peserta_ditagih);
      const above = row.selisih_peserta - Math.max(...neighbours);
      const below = Math.min(...neighbours) - row.selisih_peserta;
      if (above > threshold || below > threshold) row.lonjakan = row.selisih_peserta - Math.round(sum(neighbours) / neighbours.length);
    });
  }
}

export interface ReconciliationSummary {
  /** Month × source rows with an invoice. */
  tagihan: number;
  /** Invoices whose amount is not members × the contribution. */
  nominalTidakSesuai: InvoiceCheck[];
  selisihNominal: number;
  /** Member-months invoiced but not found in the enrolment data, and what they cost. */
  pesertaTidakDitemukan: number;
  biayaTidakDitemukan: number;
  /** Member-months enrolled but not invoiced, and what covering them would cost. */
  pesertaTidakDitagih: number;
  biayaTidakDitagih: number;
  lonjakan: InvoiceCheck[];
  terlambat: InvoiceCheck[];
  iuranTerlambat: number;
  hariTerlambatMaks: number | null;
  belumDibayar: InvoiceCheck[];
  lewatJatuhTempo: InvoiceCheck[];
}

export function summariseReconciliation(rows: readonly InvoiceCheck[]): ReconciliationSummary {
  const invoiced = rows.filter((r) => r.status !== "tanpa_tagihan");
  const late = rows.filter((r) => r.iuran_terlambat > 0);
  const days = late.map((r) => r.hari_terlambat ?? 0);
  return {
    tagihan: invoiced.length,
    nominalTidakSesuai: rows.filter((r) => r.selisih_nominal !== 0),
    selisihNominal: sum(rows.map((r) => r.selisih_nominal)),
    pesertaTidakDitemukan: sum(rows.map((r) => Math.max(0, r.selisih_peserta))),
    biayaTidakDitemukan: sum(rows.map((r) => Math.max(0, r.biaya_selisih_peserta))),
    pesertaTidakDitagih: sum(rows.map((r) => Math.max(0, -r.selisih_peserta))),
    biayaTidakDitagih: sum(rows.map((r) => Math.max(0, -r.biaya_selisih_peserta))),
    lonjakan: rows.filter((r) => r.lonjakan !== null),
    terlambat: late,
    iuranTerlambat: sum(late.map((r) => r.iuran_terlambat)),
    hariTerlambatMaks: days.length ? Math.max(...days) : null,
    belumDibayar: rows.filter((r) => r.iuran_belum_dibayar > 0),
    lewatJatuhTempo: rows.filter((r) => r.status === "lewat_jatuh_tempo")
  };
}

// ---------------------------------------------------------------------------------------------------
// Spending by kecamatan

/**
 * Splits a whole-rupiah `amount` over `weights` in proportion, in whole rupiah that add up exactly
 * (largest remainder; ties go to the key that sorts first). Empty when the weights sum to zero.
 */
export function apportion(amount: number, weights: ReadonlyMap<string, number>): Map<string, number> {
  const entries = [...weights].filter(([, w]) => w > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = sum(entries.map(([, w]) => w));
  const out = new Map<string, number>();
  if (!(total > 0)) return out;
  const whole = Math.round(amount);
  const shares = entries.map(([k, w]) => {
    const exact = (whole * w) / total;
    return {k, base: Math.floor(exact), rest: exact - Math.floor(exact)};
  });
  let left = whole - sum(shares.map((s) => s.base));
  const order = shares.map((s, i) => i).sort((a, b) => shares[b].rest - shares[a].rest || a - b);
  for (const i of order) {
    if (left <= 0) break;
    shares[i].base += 1;
    left -= 1;
  }
  for (const s of shares) out.set(s.k, s.base);
  return out;
}

export interface KecamatanSpending {
  kode_kec: string;
  /** Invoiced (realisation) in the kecamatan: named by the invoice, plus its apportioned share. */
  iuran_ditagih: number;
  iuran_dibayar: number;
  /** Of iuran_ditagih, the part invoices named this kecamatan for. */
  langsung: number;
  /** Of iuran_ditagih, the part apportioned by member-months. */
  dibagi: number;
  /** Active member-months (the apportioning weight). */
  bulan_peserta: number;
}

/** langsung: every invoice names its kecamatan; dibagi: none does; campuran: some do. */
export type SpendingMethod = "langsung" | "dibagi" | "campuran" | "tidak_ada";

export interface SpendingByKecamatan {
  rows: KecamatanSpending[];
  cara: SpendingMethod;
  /** Invoiced amount that could not be placed: no kecamatan named and no active member to apportion by. */
  tidakTerbagi: number;
}

/**
 * Spending by kecamatan for the invoices and member counts given (filter them to a year first). An
 * invoice line that names its kecamatan counts there; the rest of a month × source is apportioned over
 * kecamatan by that month's active members of the same source (or, when the source has none, of all
 * sources), in whole rupiah.
 */
export function spendingByKecamatan(iuran: readonly IuranRinci[], peserta: readonly PesertaSumberDana[]): SpendingByKecamatan {
  const byKec = new Map<string, KecamatanSpending>();
  const at = (kode: string) => {
    let row = byKec.get(kode);
    if (!row) byKec.set(kode, (row = {kode_kec: kode, iuran_ditagih: 0, iuran_dibayar: 0, langsung: 0, dibagi: 0, bulan_peserta: 0}));
    return row;
  };
  const weights = new Map<string, Map<string, number>>();
  const addWeight = (k: string, kode: string, w: number) => {
    const m = weights.get(k) ?? new Map<string, number>();
    m.set(kode, (m.get(kode) ?? 0) + w);
    weights.set(k, m);
  };
  for (const row of peserta) {
    if (row.kode_kec == null || !(num(row.aktif) > 0)) continue;
    at(row.kode_kec).bulan_peserta += num(row.aktif);
    addWeight(`${row.bulan}|${row.sumber_dana}`, row.kode_kec, num(row.aktif));
    addWeight(`${row.bulan}|*`, row.kode_kec, num(row.aktif));
  }
  const unplaced = new Map<string, {ditagih: number; dibayar: number}>();
  let named = 0;
  let unnamed = 0;
  for (const row of iuran) {
    const ditagih = num(row.iuran_ditagih);
    const dibayar = row.tanggal_bayar ? ditagih : 0;
    if (row.kode_kec != null) {
      named += 1;
      const r = at(row.kode_kec);
      r.iuran_ditagih += ditagih;
      r.iuran_dibayar += dibayar;
      r.langsung += ditagih;
      continue;
    }
    unnamed += 1;
    const k = `${row.bulan}|${row.sumber_dana}`;
    const u = unplaced.get(k) ?? {ditagih: 0, dibayar: 0};
    u.ditagih += ditagih;
    u.dibayar += dibayar;
    unplaced.set(k, u);
  }
  let tidakTerbagi = 0;
  for (const [k, u] of unplaced) {
    const w = weights.get(k) ?? weights.get(`${k.split("|")[0]}|*`);
    const ditagih = w ? apportion(u.ditagih, w) : new Map<string, number>();
    if (!ditagih.size) {
      tidakTerbagi += u.ditagih;
      continue;
    }
    const dibayar = apportion(u.dibayar, w!);
    for (const [kode, amount] of ditagih) {
      const r = at(kode);
      r.iuran_ditagih += amount;
      r.dibagi += amount;
      r.iuran_dibayar += dibayar.get(kode) ?? 0;
    }
  }
  const cara: SpendingMethod = !named && !unnamed ? "tidak_ada" : !unnamed ? "langsung" : !named ? "dibagi" : "campuran";
  return {rows: [...byKec.values()].sort((a, b) => (a.kode_kec < b.kode_kec ? -1 : 1)), cara, tidakTerbagi};
}

// ---------------------------------------------------------------------------------------------------
// What families received (paid by BPJS Ketenagakerjaan: an impact figure, not an APBD cost)

export interface BenefitMonth {
  bulan: string;
  klaim: number;
  /** Benefits by type (nominal, without scholarships). */
  jkm: number;
  jkk: number;
  /** Any other benefit type the extract names. */
  lainnya: number;
  beasiswa: number;
  /** Everything the families received: benefits + scholarships. */
  santunan: number;
  /** Contributions paid for the month (the regency's side). */
  iuran_dibayar: number;
}

/** Benefits by month of the event beside contributions paid by month, over the months given (ascending). */
export function benefitsByMonth(klaim: readonly KlaimBulanan[], iuran: readonly IuranBulanan[], months: readonly string[]): BenefitMonth[] {
  const byMonth = new Map<string, BenefitMonth>(
    months.map((bulan) => [bulan, {bulan, klaim: 0, jkm: 0, jkk: 0, lainnya: 0, beasiswa: 0, santunan: 0, iuran_dibayar: 0}])
  );
  for (const row of klaim) {
    const m = byMonth.get(row.bulan);
    if (!m) continue;
    const nominal = num(row.nominal);
    const beasiswa = num(row.beasiswa ?? 0);
    m.klaim += num(row.jumlah);
    if (row.jenis === "JKM") m.jkm += nominal;
    else if (row.jenis === "JKK") m.jkk += nominal;
    else m.lainnya += nominal;
    m.beasiswa += beasiswa;
    m.santunan += nominal + beasiswa;
  }
  for (const row of iuran) {
    const m = byMonth.get(row.bulan);
    if (m) m.iuran_dibayar += num(row.iuran_dibayar);
  }
  return [...byMonth.values()];
}

export interface KecamatanBenefit {
  /** null: the claim could not be placed in a kecamatan; NOT_ITEMISED: claims of kecamatan not itemised (public build). */
  kode_kec: string | null;
  /** The visible claims: all of them, unless `ditekan`. */
  klaim: number;
  /** null: the public build publishes no money per kecamatan (fixed benefits would split the count by kind). */
  santunan: number | null;
  /**
   * Public build: some of the kecamatan's claims in these rows are hidden (in the NOT_ITEMISED row),
   * so `klaim` and `santunan` are only part of its figure and a page must not print them as its total.
   */
  ditekan?: true;
}

/** A claims row of either table (klaim_bulanan by month, klaim_tahunan by year): what benefitsByKecamatan reads. */
export type ClaimCounts = Pick<KlaimBulanan, "kode_kec" | "jumlah" | "nominal" | "beasiswa" | "sisa" | "ditekan"> & {bulan?: string; tahun?: number; jenis?: string | null};

/**
 * Claims and what families received (benefits + scholarships) by kecamatan, for the claim rows given.
 * Every row is counted once, so the rows add up exactly whatever was suppressed.
 */
export function benefitsByKecamatan(klaim: readonly ClaimCounts[]): KecamatanBenefit[] {
  const byKec = new Map<string | null, KecamatanBenefit>();
  for (const row of klaim) {
    const kode = isRemainder(row) && row.kode_kec == null ? NOT_ITEMISED : row.kode_kec ?? null;
    const b = byKec.get(kode) ?? {kode_kec: kode, klaim: 0, santunan: 0};
    if (row.jumlah === null) b.ditekan = true;
    b.klaim += num(row.jumlah);
    // A published count without its money: the money is withheld for the whole kecamatan.
    if (row.jumlah !== null && row.nominal === null) b.santunan = null;
    if (b.santunan !== null) b.santunan += num(row.nominal) + num(row.beasiswa ?? 0);
    byKec.set(kode, b);
  }
  // Kecamatan by code, then the not-itemised line, then claims placed nowhere.
  const rank = (k: string | null) => (k === null ? 2 : k === NOT_ITEMISED ? 1 : 0);
  return [...byKec.values()].sort((a, b) => rank(a.kode_kec) - rank(b.kode_kec) || (a.kode_kec ?? "").localeCompare(b.kode_kec ?? ""));
}

// ---------------------------------------------------------------------------------------------------
// Year against year, and funding sources

export interface YearRow {
  tahun: number;
  pagu: number | null;
  pagu_perubahan: number | null;
  pagu_berlaku: number | null;
  realisasi: number;
  dibayar: number;
  serapan: number | null;
  /** The year's last month with data (the as-of month in the as-of year). */
  sampai: string | null;
  /** Active member-months in the year (to the as-of month). */
  bulan_peserta: number;
  /** Member-months invoiced. */
  peserta_ditagih: number;
  /** realisasi / active member-months; × 12 for a member-year. */
  biaya_per_bulan_peserta: number | null;
  biaya_per_tahun_peserta: number | null;
  klaim: number;
  santunan: number;
  /** Benefits to families per rupiah of contribution paid. */
  manfaat_per_rupiah: number | null;
}

export interface BudgetData {
  anggaran: readonly AnggaranTahunan[];
  iuran: readonly IuranBulanan[];
  rencana: readonly RencanaKas[];
  peserta: readonly PesertaSumberDana[];
  klaim: readonly KlaimBulanan[];
}

/** One row per year that has a budget line or an invoice, to the as-of month. */
export function yearsCompared(data: BudgetData, asOf: string | null | undefined): YearRow[] {
  const upTo = (bulan: string) => asOf == null || bulan <= asOf;
  return budgetYears(data.anggaran, data.iuran.filter((r) => upTo(r.bulan))).map((tahun) => {
    const inYear = (bulan: string) => bulan.startsWith(`${tahun}-`) && upTo(bulan);
    const alloc = allocationFor(data.anggaran, tahun);
    const iuran = data.iuran.filter((r) => inYear(r.bulan));
    const realisasi = sum(iuran.map((r) => num(r.iuran_ditagih)));
    const dibayar = sum(iuran.map((r) => num(r.iuran_dibayar)));
    const bulan_peserta = sum(data.peserta.filter((r) => inYear(r.bulan)).map((r) => num(r.aktif)));
    const klaim = data.klaim.filter((r) => inYear(r.bulan));
    const santunan = sum(klaim.map((r) => num(r.nominal) + num(r.beasiswa ?? 0)));
    const perMonth = ratio(realisasi, bulan_peserta);
    return {
      tahun,
      pagu: alloc?.pagu ?? null,
      pagu_perubahan: alloc?.pagu_perubahan ?? null,
      pagu_berlaku: alloc?.pagu_berlaku ?? null,
      realisasi,
      dibayar,
      serapan: ratio(realisasi, alloc?.pagu_berlaku),
      sampai: iuran.map((r) => r.bulan).sort().at(-1) ?? null,
      bulan_peserta,
      peserta_ditagih: sum(iuran.map((r) => num(r.peserta_ditagih ?? 0))),
      biaya_per_bulan_peserta: perMonth,
      biaya_per_tahun_peserta: perMonth === null ? null : perMonth * 12,
      klaim: sum(klaim.map((r) => num(r.jumlah))),
      santunan,
      manfaat_per_rupiah: ratio(santunan, dibayar)
    };
  });
}

export interface FundingRow extends YearEnd {
  sumber_dana: string;
  pagu: number | null;
  pagu_perubahan: number | null;
}

/** The year's budget by funding source: allocation, realisation, absorption and both projections. */
export function fundingSources(data: Pick<BudgetData, "anggaran" | "iuran" | "rencana">, tahun: number, asOf: string | null | undefined): FundingRow[] {
  const inYear = (bulan: string) => bulan.startsWith(`${tahun}-`);
  const sources = new Set<string>();
  for (const row of data.anggaran) if (num(row.tahun) === tahun && row.sumber_dana) sources.add(row.sumber_dana);
  for (const row of [...data.iuran, ...data.rencana]) if (inYear(row.bulan) && row.sumber_dana) sources.add(row.sumber_dana);
  return [...sources].sort().map((sumber_dana) => {
    const alloc = allocationFor(data.anggaran, tahun, sumber_dana);
    const months = budgetByMonth(
      data.iuran.filter((r) => r.sumber_dana === sumber_dana && inYear(r.bulan)),
      data.rencana.filter((r) => r.sumber_dana === sumber_dana && inYear(r.bulan)),
      tahun,
      asOf
    );
    return {sumber_dana, pagu: alloc?.pagu ?? null, pagu_perubahan: alloc?.pagu_perubahan ?? null, ...yearEnd(months, asOf, alloc?.pagu_berlaku)};
  });
}
