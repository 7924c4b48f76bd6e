// What families received (benefits paid by BPJS Ketenagakerjaan, not an APBD cost) against the
// contributions the region paid: the chosen year month by month, and since the first invoice.
// Pure and browser-safe.
import {benefitsByMonth, monthsOfYear, type BenefitMonth, type IuranBulanan} from "./anggaran.js";
import {ratio, type KlaimBulanan} from "./overview.js";
import {upToAsOf} from "./budgetYear.js";

export interface FamilyBenefits {
  /** The year's months (to the as-of month): benefits by month of the event, contributions paid. */
  benefitMonths: BenefitMonth[];
  santunanTahun: number;
  dibayarTahun: number;
  /** Benefits per rupiah of contribution paid, in the year and since the start. */
  manfaatTahun: number | null;
  santunanSemua: number;
  dibayarSemua: number;
  manfaatSemua: number | null;
  /** The first month with an invoice: "since" for the totals. */
  firstMonth: string | null;
}

/** The year's months to the as-of month. */
export function monthsOfYearTo(tahun: number, asOf: string | null | undefined): string[] {
  return monthsOfYear(tahun).filter((b) => !asOf || b <= asOf);
}

export function familyBenefits(klaim: readonly KlaimBulanan[], iuran: readonly IuranBulanan[], tahun: number, asOf: string | null | undefined): FamilyBenefits {
  const benefitMonths = benefitsByMonth(klaim, iuran, monthsOfYearTo(tahun, asOf));
  const santunanTahun = benefitMonths.reduce((s, m) => s + m.santunan, 0);
  const dibayarTahun = benefitMonths.reduce((s, m) => s + m.iuran_dibayar, 0);
  const santunanSemua = claimsSince(klaim, asOf).santunan;
  const dibayarSemua = iuran.filter(upToAsOf(asOf)).reduce((s, r) => s + r.iuran_dibayar, 0);
  return {
    benefitMonths,
    santunanTahun,
    dibayarTahun,
    manfaatTahun: ratio(santunanTahun, dibayarTahun),
    santunanSemua,
    dibayarSemua,
    manfaatSemua: ratio(santunanSemua, dibayarSemua),
    firstMonth: iuran.map((r) => r.bulan).sort()[0] ?? null
  };
}

export interface ClaimsSince {
  /** Claims (families who received benefits) to the as-of month. */
  klaim: number;
  /** What they received: benefits + scholarships. */
  santunan: number;
  /** The month of the first claim's event. */
  firstMonth: string | null;
}

/** Every claim since the data begin, to the as-of month. */
export function claimsSince(klaim: readonly KlaimBulanan[], asOf: string | null | undefined): ClaimsSince {
  const counted = klaim.filter(upToAsOf(asOf));
  return {
    klaim: counted.reduce((s, r) => s + (r.jumlah ?? 0), 0),
    santunan: counted.reduce((s, r) => s + (r.nominal ?? 0) + (r.beasiswa ?? 0), 0),
    firstMonth: klaim.map((r) => r.bulan).sort()[0] ?? null
  };
}

/** The benefits table's footer: each column summed over the months. */
export function benefitTotals(months: readonly BenefitMonth[]): BenefitMonth {
  const total = (k: keyof Omit<BenefitMonth, "bulan">) => months.reduce((s, m) => s + m[k], 0);
  return {bulan: "Jumlah", klaim: total("klaim"), jkm: total("jkm"), jkk: total("jkk"), lainnya: total("lainnya"), beasiswa: total("beasiswa"), santunan: total("santunan"), iuran_dibayar: total("iuran_dibayar")};
}
