// The budget page's year (src/anggaran.md): which years it offers, and for the chosen one the
// allocation against realisation by month, the year-end projections, the funding sources and the
// years compared. In the as-of year the headline figures are summary.json's own, so the page and the
// pipeline cannot disagree. Pure and browser-safe; plain arrays in (see arrow.ts).
import {
  allocationFor,
  budgetByMonth,
  budgetYears,
  fundingSources,
  projectionPaths,
  yearEnd,
  yearsCompared,
  type Allocation,
  type BudgetData,
  type BudgetMonth,
  type FundingRow,
  type IuranBulanan,
  type ProjectionPoint,
  type RencanaKas,
  type SpendGap,
  type YearEnd,
  type YearRow
} from "./anggaran.js";
import {formatMoney, formatPercent} from "./format.js";
import type {Summary} from "./overview.js";

/** A month key at or before the as-of month (every month when none is known). */
export const upToAsOf =
  (asOf: string | null | undefined) =>
  (row: {bulan: string}): boolean =>
    !asOf || row.bulan <= asOf;

/** A month key of `tahun`, at or before the as-of month. */
export const inYearTo =
  (tahun: number, asOf: string | null | undefined) =>
  (bulan: unknown): boolean =>
    typeof bulan === "string" && bulan.startsWith(`${tahun}-`) && (!asOf || bulan <= asOf);

export interface YearChoices {
  /** The years offered (ascending); the default alone when the data have none. */
  years: number[];
  /** The default: summary.json's year, else the latest found, else this calendar year. */
  tahun: number;
}

/** The years with a budget line, an invoice (to the as-of month) or a cash-plan month. */
export function yearChoices(
  summary: Pick<Summary, "as_of" | "tahun">,
  data: Pick<BudgetData, "anggaran" | "iuran" | "rencana">,
  today: Date = new Date()
): YearChoices {
  const found = budgetYears(data.anggaran, data.iuran.filter(upToAsOf(summary.as_of)), data.rencana);
  const tahun = summary.tahun ?? found.at(-1) ?? today.getFullYear();
  return {years: found.length ? found : [tahun], tahun};
}

/** The twelve months of `tahun` (budgetByMonth) from every row of the invoices and the cash plan. */
export function yearMonths(iuran: readonly IuranBulanan[], rencana: readonly RencanaKas[], tahun: number, asOf: string | null | undefined): BudgetMonth[] {
  const ofYear = (r: {bulan: string}) => r.bulan.startsWith(`${tahun}-`);
  return budgetByMonth(iuran.filter(ofYear), rencana.filter(ofYear), tahun, asOf);
}

export interface BudgetYearView {
  /** The chosen year is summary.json's: the headline figures are its own. */
  isSummaryYear: boolean;
  months: BudgetMonth[];
  pagu: Allocation | null;
  akhir: YearEnd;
  paths: {runRate: ProjectionPoint[]; rencana: ProjectionPoint[]};
  /** The year's last month with a realisation (null: none yet). */
  lastMonth: string | null;
  realisation: number | null;
  allocation: number | null;
  absorption: number | null;
  sources: FundingRow[];
  /** Every year (to the as-of year) by funding source, for the chart of years. */
  yearSources: (FundingRow & {tahun: number})[];
  yearRows: YearRow[];
  yearRow: YearRow | null;
}

/** Everything the page's budget sections show for `tahun`, with `years` the years offered. */
export function budgetYearView(summary: Summary, data: BudgetData, tahun: number, years: readonly number[]): BudgetYearView {
  const asOf = summary.as_of ?? null;
  const iuranToAsOf = data.iuran.filter(upToAsOf(asOf));
  const isSummaryYear = tahun === summary.tahun;
  const months = yearMonths(data.iuran, data.rencana, tahun, asOf);
  const pagu = allocationFor(data.anggaran, tahun);
  const akhir = yearEnd(months, asOf, pagu?.pagu_berlaku);
  const budget = {anggaran: data.anggaran, iuran: iuranToAsOf, rencana: data.rencana};
  const yearRows = yearsCompared(data, asOf);
  return {
    isSummaryYear,
    months,
    pagu,
    akhir,
    paths: projectionPaths(months),
    lastMonth: months.filter((m) => m.realisasi !== null).at(-1)?.bulan ?? null,
    realisation: isSummaryYear ? summary.realisation ?? null : akhir.realisasi,
    allocation: isSummaryYear ? summary.allocation ?? null : pagu?.pagu_berlaku ?? null,
    absorption: isSummaryYear ? summary.absorption ?? null : akhir.serapan,
    sources: fundingSources(budget, tahun, asOf),
    yearSources: years.filter((y) => !asOf || `${y}-01` <= asOf).flatMap((y) => fundingSources(budget, y, asOf).map((r) => ({tahun: y, ...r}))),
    yearRows,
    yearRow: yearRows.find((r) => r.tahun === tahun) ?? null
  };
}

/** How a projection stands against the pagu, in words ("di bawah pagu Rp120 juta (5,0% tidak terserap)"). */
export function gapText(gap: SpendGap | null | undefined): string {
  if (!gap) return "tidak dapat dinilai (pagu atau perkiraan tidak ada)";
  if (gap.status === "melampaui_pagu") return `melampaui pagu ${formatMoney(gap.selisih)} (${formatPercent(gap.proporsi)})`;
  if (gap.status === "di_bawah_pagu") return `di bawah pagu ${formatMoney(-gap.selisih)} (${formatPercent(-gap.proporsi)} tidak terserap)`;
  return "tepat sama dengan pagu";
}

/** The flag beside a projection: its CSS tone (flag-bad/warn/ok/none) and its word. */
export function gapFlag(gap: SpendGap | null | undefined): {tone: string; label: string} {
  if (!gap) return {tone: "flag-none", label: "tidak dinilai"};
  if (gap.status === "melampaui_pagu") return {tone: "flag-bad", label: "Melampaui pagu"};
  if (gap.status === "di_bawah_pagu") return {tone: "flag-warn", label: "Di bawah pagu"};
  return {tone: "flag-ok", label: "Sesuai pagu"};
}
