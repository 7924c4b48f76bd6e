// The budget page's invoice reconciliation for one year (src/anggaran.md): the checks of
// reconcileInvoices (anggaran.ts) over every month — a jump is judged against the months around it,
// across a year's end too — then the chosen year's rows, their summary, and the words the page uses.
// Pure and browser-safe.
import {
  reconcileInvoices,
  summariseReconciliation,
  type InvoiceCheck,
  type IuranRinci,
  type PaymentStatus,
  type PaymentTerms,
  type PesertaSumberDana,
  type ReconciliationSummary
} from "./anggaran.js";
import {formatInteger, formatMonth, formatRupiah} from "./format.js";
import {inYearTo, upToAsOf} from "./budgetYear.js";

export interface YearReconciliation {
  /** The year's month × source rows. */
  checks: InvoiceCheck[];
  rekap: ReconciliationSummary;
  /** Member-months invoiced in the year. */
  invoicedMemberMonths: number;
}

export interface ReconciliationContext {
  iuranPerBulan: number | null;
  terms: PaymentTerms | null;
  /** The extract date: unpaid invoices are judged on it. */
  extractDate: string | null;
  asOf: string | null;
}

export function yearReconciliation(
  iuranRinci: readonly IuranRinci[],
  pesertaSumber: readonly PesertaSumberDana[],
  tahun: number,
  ctx: ReconciliationContext
): YearReconciliation {
  const upTo = upToAsOf(ctx.asOf);
  const all = reconcileInvoices(iuranRinci.filter(upTo), pesertaSumber.filter(upTo), {
    iuranPerBulan: ctx.iuranPerBulan ?? 0,
    terms: ctx.terms,
    tanggalAcuan: ctx.extractDate
  });
  const inYear = inYearTo(tahun, ctx.asOf);
  const checks = all.filter((r) => inYear(r.bulan));
  return {checks, rekap: summariseReconciliation(checks), invoicedMemberMonths: checks.reduce((s, r) => s + r.peserta_ditagih, 0)};
}

/** A payment status in words. */
export const PAYMENT_STATUS: Record<PaymentStatus, string> = {
  tepat_waktu: "Tepat waktu",
  terlambat: "Terlambat",
  belum_jatuh_tempo: "Belum dibayar, belum jatuh tempo",
  lewat_jatuh_tempo: "Belum dibayar, lewat jatuh tempo",
  tanpa_tagihan: "Tidak ditagihkan",
  dibayar: "Dibayar",
  belum_dibayar: "Belum dibayar"
};

/** When a month's contribution is due, in words ("tanggal 15 bulan berikutnya"); null without terms. */
export function dueText(terms: PaymentTerms | null): string | null {
  if (!terms) return null;
  const month = terms.jatuhTempoBulan === 0 ? "bulan iuran itu sendiri" : terms.jatuhTempoBulan === 1 ? "bulan berikutnya" : `${terms.jatuhTempoBulan} bulan sesudahnya`;
  return `tanggal ${terms.jatuhTempoHari} ${month}`;
}

/** One jump of the member gap: the month and source (printed bold), then what it amounts to. */
export interface SpikeFinding {
  bold: string;
  rest: string;
}

/** The year's jumps in words, one per flagged month × source; empty when there is none. */
export function spikeFindings(rekap: ReconciliationSummary, iuranPerBulan: number | null): SpikeFinding[] {
  return rekap.lonjakan.map((r) => {
    const excess = Math.abs(r.lonjakan ?? 0);
    return {
      bold: `${formatMonth(r.bulan)} ${r.sumber_dana}`,
      rest: `, ${formatInteger(r.peserta_ditagih)} peserta ditagih, ${formatInteger(r.aktif)} aktif di data kepesertaan — sekitar ${formatInteger(excess)} peserta ${(r.lonjakan ?? 0) > 0 ? "lebih banyak" : "lebih sedikit"} ditagih daripada bulan di sekitarnya, senilai ${formatRupiah(excess * (iuranPerBulan ?? 0))}`
    };
  });
}
