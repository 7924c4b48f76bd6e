// The budget page's derivations (src/anggaran.md → src/lib/budgetYear.ts, reconciliationYear.ts,
// familyBenefits.ts, anggaranTables.ts): which years it offers, the chosen year's figures (summary.json's
// own in the as-of year), the year's reconciliation and benefits, and the tables' cells and CSV.
import {describe, expect, it} from "vitest";
import type {BudgetData, IuranRinci, PesertaSumberDana} from "../../src/lib/anggaran.ts";
import {budgetYearView, gapFlag, gapText, inYearTo, upToAsOf, yearChoices, yearMonths} from "../../src/lib/budgetYear.ts";
import {dueText, PAYMENT_STATUS, spikeFindings, yearReconciliation} from "../../src/lib/reconciliationYear.ts";
import {benefitTotals, claimsSince, familyBenefits, monthsOfYearTo} from "../../src/lib/familyBenefits.ts";
import * as tables from "../../src/lib/anggaranTables.ts";
import {toCsv} from "../../src/lib/csv.ts";

const data: BudgetData = {
  anggaran: [
    {tahun: 2025, sumber_dana: "DBHCHT", pagu: 200e6, pagu_perubahan: null, pagu_berlaku: 200e6},
    {tahun: 2026, sumber_dana: "DBHCHT", pagu: 300e6, pagu_perubahan: 360e6, pagu_berlaku: 360e6}
  ],
  iuran: [
    {bulan: "2025-11", sumber_dana: "DBHCHT", peserta_ditagih: 1000, iuran_ditagih: 16.8e6, iuran_dibayar: 16.8e6},
    {bulan: "2025-12", sumber_dana: "DBHCHT", peserta_ditagih: 1000, iuran_ditagih: 16.8e6, iuran_dibayar: 16.8e6},
    {bulan: "2026-01", sumber_dana: "DBHCHT", peserta_ditagih: 1000, iuran_ditagih: 16.8e6, iuran_dibayar: 16.8e6},
    {bulan: "2026-02", sumber_dana: "DBHCHT", peserta_ditagih: 1000, iuran_ditagih: 16.8e6, iuran_dibayar: 0},
    // After the as-of month: in no figure.
    {bulan: "2026-03", sumber_dana: "DBHCHT", peserta_ditagih: 1000, iuran_ditagih: 16.8e6, iuran_dibayar: 0}
  ],
  rencana: [{bulan: "2027-01", sumber_dana: "DBHCHT", rencana: 1e6}],
  peserta: [],
  klaim: [
    {bulan: "2025-12", kode_kec: null, jenis: "JKM", jumlah: 1, nominal: 42e6, beasiswa: 0},
    {bulan: "2026-01", kode_kec: null, jenis: "JKK", jumlah: 1, nominal: 70e6, beasiswa: 12e6},
    {bulan: "2026-03", kode_kec: null, jenis: "JKM", jumlah: 1, nominal: 42e6, beasiswa: 0}
  ]
};
const summary = {as_of: "2026-02", tahun: 2026, realisation: 1, allocation: 2, absorption: 0.5};

describe("the years the budget page offers", () => {
  it("are the years with a budget line, an invoice to the as-of month or a cash plan; the default is summary.json's", () => {
    expect(yearChoices(summary, data)).toEqual({years: [2025, 2026, 2027], tahun: 2026});
  });
  it("fall back on the latest year found, then on this calendar year alone", () => {
    expect(yearChoices({as_of: null, tahun: null}, data).tahun).toBe(2027);
    expect(yearChoices({}, {anggaran: [], iuran: [], rencana: []}, new Date(Date.UTC(2031, 5, 1)))).toEqual({years: [2031], tahun: 2031});
  });
  it("count a month up to the as-of month, and in a year only its own months", () => {
    expect(upToAsOf("2026-02")({bulan: "2026-03"})).toBe(false);
    expect(upToAsOf(null)({bulan: "2099-01"})).toBe(true);
    expect([inYearTo(2026, "2026-02")("2026-02"), inYearTo(2026, "2026-02")("2026-03"), inYearTo(2026, null)("2025-12"), inYearTo(2026, null)(null)]).toEqual([true, false, false, false]);
  });
});

describe("the chosen year's budget", () => {
  it("in the as-of year takes the headline figures from summary.json, as the pipeline computed them", () => {
    const view = budgetYearView(summary, data, 2026, [2025, 2026, 2027]);
    expect(view.isSummaryYear).toBe(true);
    expect([view.realisation, view.allocation, view.absorption]).toEqual([1, 2, 0.5]);
    expect(view.lastMonth).toBe("2026-02");
    expect(view.akhir.realisasi).toBe(33.6e6);
    expect(view.pagu).toEqual({tahun: 2026, pagu: 300e6, pagu_perubahan: 360e6, pagu_berlaku: 360e6});
    expect(view.yearRow?.tahun).toBe(2026);
  });
  it("in another year computes them the same way from the files", () => {
    const view = budgetYearView(summary, data, 2025, [2025, 2026, 2027]);
    expect(view.isSummaryYear).toBe(false);
    expect(view.realisation).toBe(33.6e6);
    expect(view.allocation).toBe(200e6);
    expect(view.absorption).toBeCloseTo(33.6e6 / 200e6);
  });
  it("charts the years by source only up to the as-of year", () => {
    const view = budgetYearView(summary, data, 2026, [2025, 2026, 2027]);
    expect(view.yearSources.map((r) => [r.tahun, r.sumber_dana, r.realisasi])).toEqual([
      [2025, "DBHCHT", 33.6e6],
      [2026, "DBHCHT", 33.6e6]
    ]);
  });
  it("gives the overview the same twelve months", () => {
    expect(yearMonths(data.iuran, data.rencana, 2026, "2026-02")).toEqual(budgetYearView(summary, data, 2026, []).months);
  });
});

describe("a projection against the pagu, in words and as a flag", () => {
  it("says by how much it overshoots or falls short", () => {
    expect(gapText({status: "melampaui_pagu", selisih: 12e6, proporsi: 0.05})).toBe("melampaui pagu Rp12 juta (5,0%)");
    expect(gapText({status: "di_bawah_pagu", selisih: -120e6, proporsi: -0.25})).toBe("di bawah pagu Rp120 juta (25,0% tidak terserap)");
    expect(gapText({status: "sesuai_pagu", selisih: 0, proporsi: 0})).toBe("tepat sama dengan pagu");
    expect(gapText(null)).toBe("tidak dapat dinilai (pagu atau perkiraan tidak ada)");
  });
  it("flags an overshoot as bad and a shortfall as a warning", () => {
    expect(gapFlag({status: "melampaui_pagu", selisih: 1, proporsi: 0})).toEqual({tone: "flag-bad", label: "Melampaui pagu"});
    expect(gapFlag({status: "di_bawah_pagu", selisih: -1, proporsi: 0})).toEqual({tone: "flag-warn", label: "Di bawah pagu"});
    expect(gapFlag(null)).toEqual({tone: "flag-none", label: "tidak dinilai"});
  });
});

describe("the year's reconciliation", () => {
  const peserta: PesertaSumberDana[] = ["2025-11", "2025-12", "2026-01", "2026-02"].map((bulan) => ({bulan, sumber_dana: "DBHCHT", kode_kec: "K1", terdaftar: 100, aktif: 100}));
  const invoice = (bulan: string, peserta_ditagih: number, tanggal_bayar: string | null): IuranRinci => ({bulan, sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar, peserta_ditagih, iuran_ditagih: peserta_ditagih * 16_800});
  const iuran = [invoice("2025-11", 100, "2025-12-10"), invoice("2025-12", 100, "2026-01-10"), invoice("2026-01", 160, "2026-02-20"), invoice("2026-02", 100, null)];
  const ctx = {iuranPerBulan: 16_800, terms: {jatuhTempoHari: 15, jatuhTempoBulan: 1}, extractDate: "2026-03-20", asOf: "2026-02"};

  it("judges a jump against the months around it across the year's end, then keeps the year's rows", () => {
    const {checks, rekap, invoicedMemberMonths} = yearReconciliation(iuran, peserta, 2026, ctx);
    expect(checks.map((r) => r.bulan)).toEqual(["2026-01", "2026-02"]);
    expect(rekap.lonjakan.map((r) => [r.bulan, r.lonjakan])).toEqual([["2026-01", 60]]);
    expect(invoicedMemberMonths).toBe(260);
    expect(rekap.terlambat.map((r) => r.bulan)).toEqual(["2026-01"]);
    expect(checks[1].status).toBe("lewat_jatuh_tempo");
  });
  it("words each jump: the month and source in bold, then the members and what they cost", () => {
    const {rekap} = yearReconciliation(iuran, peserta, 2026, ctx);
    expect(spikeFindings(rekap, 16_800)).toEqual([
      {bold: "Januari 2026 DBHCHT", rest: ", 160 peserta ditagih, 100 aktif di data kepesertaan — sekitar 60 peserta lebih banyak ditagih daripada bulan di sekitarnya, senilai Rp1.008.000"}
    ]);
  });
  it("says when a contribution is due, or nothing without terms", () => {
    expect(dueText({jatuhTempoHari: 15, jatuhTempoBulan: 1})).toBe("tanggal 15 bulan berikutnya");
    expect(dueText({jatuhTempoHari: 10, jatuhTempoBulan: 0})).toBe("tanggal 10 bulan iuran itu sendiri");
    expect(dueText({jatuhTempoHari: 1, jatuhTempoBulan: 2})).toBe("tanggal 1 2 bulan sesudahnya");
    expect(dueText(null)).toBeNull();
  });
  it("lists the invoices the timeliness table judges, each status in words, late and overdue flagged", () => {
    const {checks} = yearReconciliation(iuran, peserta, 2026, ctx);
    const options = tables.paymentsTable(2026);
    const rows = tables.invoicedChecks(checks);
    expect(rows.map((r) => options.columns.at(-1)!.value(r, 0))).toEqual([PAYMENT_STATUS.terlambat, PAYMENT_STATUS.lewat_jatuh_tempo]);
    expect(rows.map((r) => options.rowClass!(r))).toEqual(["flagged", "flagged"]);
  });
});

describe("what families received in the year and since the start", () => {
  it("sets benefits by month of the event against the contributions paid, to the as-of month", () => {
    const f = familyBenefits(data.klaim, data.iuran, 2026, "2026-02");
    expect(f.benefitMonths.map((m) => m.bulan)).toEqual(["2026-01", "2026-02"]);
    expect([f.santunanTahun, f.dibayarTahun, f.manfaatTahun]).toEqual([82e6, 16.8e6, 82e6 / 16.8e6]);
    expect([f.santunanSemua, f.dibayarSemua, f.firstMonth]).toEqual([124e6, 50.4e6, "2025-11"]);
  });
  it("counts the claims since the data begin, hidden money as none", () => {
    expect(claimsSince([...data.klaim, {bulan: "2026-02", jenis: "JKM", jumlah: null, nominal: null, beasiswa: null, ditekan: true}], "2026-02")).toEqual({klaim: 2, santunan: 124e6, firstMonth: "2025-12"});
  });
  it("totals the benefits table's columns", () => {
    const months = familyBenefits(data.klaim, data.iuran, 2026, "2026-02").benefitMonths;
    expect(benefitTotals(months)).toMatchObject({bulan: "Jumlah", klaim: 1, jkk: 70e6, beasiswa: 12e6, santunan: 82e6, iuran_dibayar: 16.8e6});
    expect(tables.benefitsTable([], 2026).footer).toBeNull();
  });
  it("lists only the year's months up to the as-of month", () => {
    expect(monthsOfYearTo(2026, "2026-03")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(monthsOfYearTo(2025, null)).toHaveLength(12);
  });
});

describe("the budget page's tables", () => {
  const view = budgetYearView(summary, data, 2026, [2025, 2026]);
  it("write the months with raw numbers in the CSV, and a dash where the plan is missing", () => {
    const options = tables.budgetMonthsTable(2026);
    expect(options.download).toBe("jaring-anggaran-bulanan-2026");
    const csv = toCsv(view.months.slice(0, 2), options.columns).split("\r\n");
    expect(csv[0]).toBe("Bulan,Rencana kas,Ditagihkan (realisasi),Sudah dibayar,Realisasi kumulatif,Rencana kumulatif,Realisasi − rencana (kumulatif)");
    expect(csv[1]).toBe("2026-01,,16800000,16800000,16800000,,");
    expect(options.columns.at(-1)!.value(view.months[0], 0)).toBe("–");
  });
  it("sign the projections' gaps to the pagu", () => {
    const rows = tables.projectionRows(view.akhir);
    const options = tables.projectionTable(view.akhir, 2026);
    expect(rows[0].metode).toBe("Laju realisasi (Rp16,8 juta/bulan)");
    expect(options.columns[2].value(rows[0], 0)).toBe("-Rp158 juta");
    expect(options.caption).toBe("Perkiraan realisasi akhir tahun 2026 dibandingkan pagu berlaku Rp360 juta");
  });
  it("compare the years one measure per row, one column per year", () => {
    const options = tables.yearsTable(view.yearRows);
    expect(options.columns.map((c) => c.label)).toEqual(["Ukuran", "2025", "2026"]);
    const serapan = tables.YEAR_MEASURES.find((m) => m.key === "serapan")!;
    expect(options.columns[2].value(serapan, 0)).toBe("9,3%");
    const manfaat = tables.YEAR_MEASURES.find((m) => m.key === "manfaat_per_rupiah")!;
    expect(options.columns[1].value(manfaat, 0)).toBe("Rp1,25");
  });
  it("flag a reconciliation row whose amount is wrong or whose member gap jumps", () => {
    const options = tables.reconciliationTable(2026, 16_800);
    expect(options.columns[4].label).toBe("Peserta × Rp16.800");
    const row = {selisih_nominal: 0, lonjakan: null} as never;
    expect(options.rowClass!(row)).toBeNull();
    expect(options.rowClass!({selisih_nominal: -16_800, lonjakan: null} as never)).toBe("flagged");
  });
});
