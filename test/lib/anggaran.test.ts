import {describe, expect, it} from "vitest";
import {
  allocationFor,
  apportion,
  benefitsByKecamatan,
  benefitsByMonth,
  budgetByMonth,
  budgetYears,
  daysBetween,
  dueDate,
  fundingSources,
  paymentTermsFrom,
  projectedByRunRate,
  projectedYearEnd,
  projectionPaths,
  reconcileInvoices,
  runRate,
  spendGap,
  spendingByKecamatan,
  summariseReconciliation,
  yearEnd,
  yearsCompared,
  type IuranRinci,
  type PesertaSumberDana
} from "../../src/lib/anggaran.ts";

describe("allocationFor", () => {
  const anggaran = [
    {tahun: 2025, sumber_dana: "DBHCHT", pagu: 2e9, pagu_perubahan: 2.1e9, pagu_berlaku: 2.1e9},
    {tahun: 2026, sumber_dana: "DBHCHT", pagu: 2.2e9, pagu_perubahan: null, pagu_berlaku: 2.2e9},
    {tahun: 2026, sumber_dana: "APBD", pagu: 2e8, pagu_perubahan: null, pagu_berlaku: 2e8}
  ];
  it("sums the year's lines over funding sources", () => {
    expect(allocationFor(anggaran, 2026)).toEqual({tahun: 2026, pagu: 2.4e9, pagu_perubahan: null, pagu_berlaku: 2.4e9});
    expect(allocationFor(anggaran, 2025)?.pagu_perubahan).toBe(2.1e9);
  });
  it("returns null for a year without a budget line", () => {
    expect(allocationFor(anggaran, 2024)).toBeNull();
    expect(allocationFor(anggaran, null)).toBeNull();
  });
});

describe("budgetByMonth", () => {
  const iuran = [
    {bulan: "2026-01", iuran_ditagih: 100, iuran_dibayar: 100},
    {bulan: "2026-02", iuran_ditagih: 50, iuran_dibayar: 50},
    {bulan: "2026-02", iuran_ditagih: 25, iuran_dibayar: 25},
    {bulan: "2026-03", iuran_ditagih: 80, iuran_dibayar: 0}
  ];
  const rencana = [
    {bulan: "2026-01", rencana: 100},
    {bulan: "2026-06", rencana: 300}
  ];
  const months = budgetByMonth(iuran, rencana, 2026, "2026-03");

  it("covers the twelve months of the year", () => {
    expect(months.map((m) => m.bulan)).toEqual(Array.from({length: 12}, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`));
  });
  it("accumulates invoiced contributions (realisation) to the as-of month and stops there", () => {
    expect(months.slice(0, 4).map((m) => m.realisasi_kumulatif)).toEqual([100, 175, 255, null]);
    expect(months[1].realisasi).toBe(75);
  });
  it("keeps what is already paid apart: March is invoiced but unpaid", () => {
    expect(months.slice(0, 4).map((m) => m.dibayar)).toEqual([100, 75, 0, null]);
  });
  it("accumulates the cash plan over the whole year", () => {
    expect(months.map((m) => m.rencana_kumulatif).slice(0, 6)).toEqual([100, 100, 100, 100, 100, 400]);
  });
  it("has no plan line when the year has no cash plan", () => {
    expect(budgetByMonth(iuran, [], 2026, "2026-03").every((m) => m.rencana === null)).toBe(true);
  });
  it("projects the year end as realisation so far plus the plan after the as-of month", () => {
    expect(projectedYearEnd(months, "2026-03")).toBe(255 + 300);
    expect(projectedYearEnd(budgetByMonth(iuran, [], 2026, "2026-03"), "2026-03")).toBeNull();
  });
});

describe("allocationFor, one funding source", () => {
  it("sums only that source's lines", () => {
    const anggaran = [
      {tahun: 2026, sumber_dana: "DBHCHT", pagu: 2.2e9, pagu_perubahan: null, pagu_berlaku: 2.2e9},
      {tahun: 2026, sumber_dana: "APBD", pagu: 2e8, pagu_perubahan: 1.5e8, pagu_berlaku: 1.5e8}
    ];
    expect(allocationFor(anggaran, 2026, "APBD")).toEqual({tahun: 2026, pagu: 2e8, pagu_perubahan: 1.5e8, pagu_berlaku: 1.5e8});
    expect(allocationFor(anggaran, 2026, "DAU")).toBeNull();
  });
});

// Year-end projections, worked by hand. Money in small round numbers so every figure can be checked
// on paper; the functions do not care about the scale.
describe("projections: a year with no cash plan", () => {
  // Jan 100, Feb 150 + 50 (two sources), Mar 300; as of March; pagu 3,000.
  const iuran = [
    {bulan: "2026-01", iuran_ditagih: 100, iuran_dibayar: 100},
    {bulan: "2026-02", iuran_ditagih: 150, iuran_dibayar: 150},
    {bulan: "2026-02", iuran_ditagih: 50, iuran_dibayar: 0},
    {bulan: "2026-03", iuran_ditagih: 300, iuran_dibayar: 0}
  ];
  const months = budgetByMonth(iuran, [], 2026, "2026-03");

  it("runs at (100 + 200 + 300) / 3 = 200 a month", () => {
    expect(runRate(months)).toEqual({perBulan: 200, bulan: 3, dari: "2026-01"});
  });
  it("projects 600 + 9 × 200 = 2,400 by the run-rate, and nothing by a plan it does not have", () => {
    expect(projectedByRunRate(months)).toBe(2400);
    expect(projectedYearEnd(months, "2026-03")).toBeNull();
  });
  it("flags 600 (20%) of the 3,000 pagu as left unspent", () => {
    const y = yearEnd(months, "2026-03", 3000);
    expect(y).toMatchObject({realisasi: 600, dibayar: 250, bulanTersisa: 9, proyeksiRunRate: 2400, proyeksiRencana: null, serapan: 0.2});
    expect(y.selisihRunRate).toEqual({status: "di_bawah_pagu", selisih: -600, proporsi: -0.2});
    expect(y.selisihRencana).toBeNull();
  });
});

describe("projections: a program that starts in March and misses a month", () => {
  // Invoices Mar 100, Apr 100, (May none), Jun 100; as of June. Plan: 100 a month from March.
  const iuran = [
    {bulan: "2025-03", iuran_ditagih: 100, iuran_dibayar: 100},
    {bulan: "2025-04", iuran_ditagih: 100, iuran_dibayar: 100},
    {bulan: "2025-06", iuran_ditagih: 100, iuran_dibayar: 100}
  ];
  const rencana = Array.from({length: 10}, (_, i) => ({bulan: `2025-${String(i + 3).padStart(2, "0")}`, rencana: 100}));
  const months = budgetByMonth(iuran, rencana, 2025, "2025-06");

  it("averages from the first invoice (March), counting the empty May as zero: 300 / 4 = 75", () => {
    expect(months[4]).toMatchObject({bulan: "2025-05", realisasi: 0});
    expect(runRate(months)).toEqual({perBulan: 75, bulan: 4, dari: "2025-03"});
  });
  it("projects 300 + 6 × 75 = 750 by the run-rate and 300 + 6 × 100 = 900 by the plan", () => {
    expect(projectedByRunRate(months)).toBe(750);
    expect(projectedYearEnd(months, "2025-06")).toBe(900);
  });
  it("continues the cumulative line from June to December along each method", () => {
    const paths = projectionPaths(months);
    expect(paths.runRate.map((p) => p.kumulatif)).toEqual([300, 375, 450, 525, 600, 675, 750]);
    expect(paths.rencana.map((p) => [p.bulan, p.kumulatif])).toEqual([
      ["2025-06", 300],
      ["2025-07", 400],
      ["2025-08", 500],
      ["2025-09", 600],
      ["2025-10", 700],
      ["2025-11", 800],
      ["2025-12", 900]
    ]);
  });
  it("has no run-rate before anything is invoiced", () => {
    const none = budgetByMonth([], rencana, 2025, "2025-02");
    expect(runRate(none)).toBeNull();
    expect(projectedByRunRate(none)).toBeNull();
    expect(projectedYearEnd(none, "2025-02")).toBe(1000);
    expect(projectionPaths(none).runRate).toEqual([]);
  });
});

describe("projections: a year with a revised pagu", () => {
  // DBHCHT pagu 1,200 cut to 800 in the revision; APBD 200 unrevised → 1,000 in force.
  const anggaran = [
    {tahun: 2025, sumber_dana: "DBHCHT", pagu: 1200, pagu_perubahan: 800, pagu_berlaku: 800},
    {tahun: 2025, sumber_dana: "APBD", pagu: 200, pagu_perubahan: null, pagu_berlaku: 200}
  ];
  const iuran = [
    {bulan: "2025-01", sumber_dana: "DBHCHT", iuran_ditagih: 100, iuran_dibayar: 100},
    {bulan: "2025-02", sumber_dana: "DBHCHT", iuran_ditagih: 100, iuran_dibayar: 100},
    {bulan: "2025-02", sumber_dana: "APBD", iuran_ditagih: 20, iuran_dibayar: 20}
  ];
  const rencana = [
    ...Array.from({length: 12}, (_, i) => ({bulan: `2025-${String(i + 1).padStart(2, "0")}`, sumber_dana: "DBHCHT", rencana: 100})),
    {bulan: "2025-12", sumber_dana: "APBD", rencana: 200}
  ];

  it("judges the projection against the revised total: 1,400 originally, 1,000 in force", () => {
    expect(allocationFor(anggaran, 2025)).toEqual({tahun: 2025, pagu: 1400, pagu_perubahan: 1000, pagu_berlaku: 1000});
  });
  it("by source: DBHCHT runs at 100 a month, 1,200 by December, 400 (50%) over its revised 800", () => {
    const [apbd, dbhcht] = fundingSources({anggaran, iuran, rencana}, 2025, "2025-02");
    expect(dbhcht).toMatchObject({sumber_dana: "DBHCHT", pagu: 1200, pagu_perubahan: 800, alokasi: 800, realisasi: 200, serapan: 0.25});
    expect(dbhcht.proyeksiRunRate).toBe(1200);
    expect(dbhcht.proyeksiRencana).toBe(200 + 10 * 100);
    expect(dbhcht.selisihRunRate).toEqual({status: "melampaui_pagu", selisih: 400, proporsi: 0.5});
    // APBD began in February: 20 a month for ten more months → 220; the plan puts 200 in December → 220.
    expect(apbd).toMatchObject({sumber_dana: "APBD", alokasi: 200, realisasi: 20, proyeksiRunRate: 220, proyeksiRencana: 220});
    expect(apbd.selisihRencana).toEqual({status: "melampaui_pagu", selisih: 20, proporsi: 0.1});
  });
  it("a completed year projects exactly its realisation", () => {
    const months = budgetByMonth(iuran, rencana, 2025, "2026-03");
    expect(months.every((m) => m.realisasi !== null)).toBe(true);
    expect(projectedByRunRate(months)).toBe(220);
    expect(projectedYearEnd(months, "2026-03")).toBe(220);
    expect(projectionPaths(months)).toEqual({runRate: [], rencana: []});
  });
});

describe("spendGap", () => {
  it("says on target, over or under, and needs both figures and a positive pagu", () => {
    expect(spendGap(100, 100)).toEqual({status: "sesuai_pagu", selisih: 0, proporsi: 0});
    expect(spendGap(null, 100)).toBeNull();
    expect(spendGap(100, 0)).toBeNull();
    expect(spendGap(100, null)).toBeNull();
  });
});

describe("budgetYears", () => {
  it("lists the years with a budget line, an invoice or a plan month", () => {
    expect(budgetYears([{tahun: 2027, pagu: 1, pagu_berlaku: 1}], [{bulan: "2025-03"}], [{bulan: "2026-01"}])).toEqual([2025, 2026, 2027]);
  });
});

describe("dueDate and daysBetween", () => {
  it("puts the due date on day 15 of the following month, across the year end", () => {
    expect(dueDate("2025-07", {jatuhTempoHari: 15, jatuhTempoBulan: 1})).toBe("2025-08-15");
    expect(dueDate("2025-12", {jatuhTempoHari: 15, jatuhTempoBulan: 1})).toBe("2026-01-15");
  });
  it("can use the contribution month itself, and moves day 31 to a short month's last day", () => {
    expect(dueDate("2025-03", {jatuhTempoHari: 15, jatuhTempoBulan: 0})).toBe("2025-03-15");
    expect(dueDate("2026-01", {jatuhTempoHari: 31, jatuhTempoBulan: 1})).toBe("2026-02-28");
  });
  it("counts whole days", () => {
    expect(daysBetween("2025-08-15", "2025-09-02")).toBe(18);
    expect(daysBetween("2025-08-15", "2025-08-14")).toBe(-1);
  });
});

describe("reconcileInvoices", () => {
  const terms = {jatuhTempoHari: 15, jatuhTempoBulan: 1};
  const iuran: IuranRinci[] = [
    // July: 100 members, 100 × 16,800, paid the day before it was due.
    {bulan: "2025-07", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: "2025-08-14", peserta_ditagih: 100, iuran_ditagih: 1_680_000},
    // August: Rp16,800 short, paid five days late.
    {bulan: "2025-08", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: "2025-09-20", peserta_ditagih: 100, iuran_ditagih: 1_663_200},
    // September: two kecamatan lines; one paid on time, one never.
    {bulan: "2025-09", sumber_dana: "DBHCHT", kode_kec: "01", tanggal_bayar: "2025-10-10", peserta_ditagih: 60, iuran_ditagih: 1_008_000},
    {bulan: "2025-09", sumber_dana: "DBHCHT", kode_kec: "02", tanggal_bayar: null, peserta_ditagih: 40, iuran_ditagih: 672_000},
    // October: unpaid, but not due until 15 November.
    {bulan: "2025-10", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: null, peserta_ditagih: 100, iuran_ditagih: 1_680_000}
  ];
  const peserta: PesertaSumberDana[] = [
    {bulan: "2025-07", sumber_dana: "DBHCHT", kode_kec: "01", terdaftar: 98, aktif: 98},
    {bulan: "2025-08", sumber_dana: "DBHCHT", kode_kec: "01", terdaftar: 60, aktif: 60},
    {bulan: "2025-08", sumber_dana: "DBHCHT", kode_kec: "02", terdaftar: 38, aktif: 38},
    {bulan: "2025-09", sumber_dana: "DBHCHT", kode_kec: "01", terdaftar: 97, aktif: 97},
    {bulan: "2025-10", sumber_dana: "DBHCHT", kode_kec: "01", terdaftar: 97, aktif: 97},
    // Five APBD members enrolled in September whom nobody invoiced.
    {bulan: "2025-09", sumber_dana: "APBD", kode_kec: "02", terdaftar: 5, aktif: 5}
  ];
  const rows = reconcileInvoices(iuran, peserta, {iuranPerBulan: 16_800, terms, tanggalAcuan: "2025-11-05"});
  const row = (bulan: string, sumber = "DBHCHT") => rows.find((r) => r.bulan === bulan && r.sumber_dana === sumber)!;

  it("has one row per month × source with an invoice or enrolled members", () => {
    expect(rows.map((r) => `${r.bulan} ${r.sumber_dana}`)).toEqual(["2025-07 DBHCHT", "2025-08 DBHCHT", "2025-09 APBD", "2025-09 DBHCHT", "2025-10 DBHCHT"]);
  });
  it("checks the amount against members × the contribution: August is Rp16,800 short", () => {
    expect(rows.map((r) => r.selisih_nominal)).toEqual([0, -16_800, 0, 0, 0]);
    expect(row("2025-08").iuran_seharusnya).toBe(1_680_000);
  });
  it("sets invoiced members against the enrolment extract, and costs the gap", () => {
    expect(row("2025-07")).toMatchObject({peserta_ditagih: 100, aktif: 98, selisih_peserta: 2, biaya_selisih_peserta: 33_600});
    expect(row("2025-08")).toMatchObject({aktif: 98, selisih_peserta: 2});
    expect(row("2025-09")).toMatchObject({peserta_ditagih: 100, aktif: 97, selisih_peserta: 3});
  });
  it("counts enrolled members nobody invoiced as a negative gap", () => {
    expect(row("2025-09", "APBD")).toMatchObject({peserta_ditagih: 0, iuran_ditagih: 0, terdaftar: 5, selisih_peserta: -5, biaya_selisih_peserta: -84_000, status: "tanpa_tagihan"});
  });
  it("judges payment against the due date and the extract date", () => {
    expect(rows.map((r) => [r.bulan, r.sumber_dana, r.status, r.jatuh_tempo, r.hari_terlambat])).toEqual([
      ["2025-07", "DBHCHT", "tepat_waktu", "2025-08-15", 0],
      ["2025-08", "DBHCHT", "terlambat", "2025-09-15", 5],
      ["2025-09", "APBD", "tanpa_tagihan", "2025-10-15", null],
      ["2025-09", "DBHCHT", "lewat_jatuh_tempo", "2025-10-15", 0],
      ["2025-10", "DBHCHT", "belum_jatuh_tempo", "2025-11-15", null]
    ]);
    expect(row("2025-08")).toMatchObject({iuran_dibayar: 1_663_200, iuran_terlambat: 1_663_200, iuran_belum_dibayar: 0});
    expect(row("2025-09")).toMatchObject({iuran_dibayar: 1_008_000, iuran_terlambat: 0, iuran_belum_dibayar: 672_000, tanggal_bayar: "2025-10-10"});
  });
  it("judges no timeliness without payment terms, and reads them from the parameters", () => {
    const noTerms = reconcileInvoices(iuran, peserta, {iuranPerBulan: 16_800, terms: null, tanggalAcuan: "2025-11-05"});
    expect(noTerms.map((r) => r.status)).toEqual(["dibayar", "dibayar", "tanpa_tagihan", "belum_dibayar", "belum_dibayar"]);
    expect(noTerms.every((r) => r.jatuh_tempo === null && r.hari_terlambat === null && r.iuran_terlambat === 0)).toBe(true);
    expect(paymentTermsFrom({jatuh_tempo_hari: 15, jatuh_tempo_bulan: 1})).toEqual(terms);
    expect(paymentTermsFrom({jatuh_tempo_hari: 10})).toEqual({jatuhTempoHari: 10, jatuhTempoBulan: 0});
    expect(paymentTermsFrom({})).toBeNull();
    expect(paymentTermsFrom({jatuh_tempo_hari: 40, jatuh_tempo_bulan: 1})).toBeNull();
  });
  it("never calls an unpaid invoice overdue without a reference date", () => {
    const noDate = reconcileInvoices(iuran, peserta, {iuranPerBulan: 16_800, terms});
    expect(noDate.find((r) => r.bulan === "2025-09" && r.sumber_dana === "DBHCHT")!.status).toBe("belum_jatuh_tempo");
  });
  it("sums up what an auditor asks: amounts off, members not found or not invoiced, late and unpaid", () => {
    const s = summariseReconciliation(rows);
    expect(s.tagihan).toBe(4);
    expect(s.nominalTidakSesuai.map((r) => r.bulan)).toEqual(["2025-08"]);
    expect(s.selisihNominal).toBe(-16_800);
    expect([s.pesertaTidakDitemukan, s.biayaTidakDitemukan]).toEqual([2 + 2 + 3 + 3, 10 * 16_800]);
    expect([s.pesertaTidakDitagih, s.biayaTidakDitagih]).toEqual([5, 84_000]);
    expect(s.terlambat.map((r) => r.bulan)).toEqual(["2025-08"]);
    expect([s.iuranTerlambat, s.hariTerlambatMaks]).toEqual([1_663_200, 5]);
    expect(s.belumDibayar.map((r) => r.bulan)).toEqual(["2025-09", "2025-10"]);
    expect(s.lewatJatuhTempo.map((r) => r.bulan)).toEqual(["2025-09"]);
  });
});

describe("reconcileInvoices: a month whose member gap jumps", () => {
  const series = (gaps: number[], invoiced = 10_000) => {
    const months = gaps.map((_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
    const iuran = months.map((bulan) => ({bulan, sumber_dana: "DBHCHT", tanggal_bayar: null, peserta_ditagih: invoiced, iuran_ditagih: invoiced * 16_800}));
    const peserta = months.map((bulan, i) => ({bulan, sumber_dana: "DBHCHT", terdaftar: invoiced - gaps[i], aktif: invoiced - gaps[i]}));
    return reconcileInvoices(iuran, peserta, {iuranPerBulan: 16_800, terms: {jatuhTempoHari: 15, jatuhTempoBulan: 1}}).map((r) => r.lonjakan);
  };
  it("flags a gap 27 above both neighbours (threshold: 0.1% of 10,000 = 10) and estimates the excess as 30 − round(2.5) = 27", () => {
    expect(series([2, 2, 30, 3, 2])).toEqual([null, null, 27, null, null]);
  });
  it("does not flag a lasting step, such as a new tranche of rejected rows", () => {
    expect(series([2, 2, 40, 41, 41])).toEqual([null, null, null, null, null]);
  });
  it("flags a dip (enrolled members left out of one invoice) as a negative excess", () => {
    expect(series([20, 20, 0, 20], 1000)).toEqual([null, null, -20, null]);
  });
  it("lets small numbers move by the minimum of 5 members without a flag", () => {
    expect(series([0, 5, 0], 100)).toEqual([null, null, null]);
    expect(series([0, 6, 0], 100)).toEqual([null, 6, null]);
  });
  it("judges the first and the latest month against the two nearest months on their one side", () => {
    expect(series([30, 2, 2, 3], 1000)).toEqual([28, null, null, null]);
    // A step in the latest month cannot yet be told from a spike: it is flagged until the next month.
    expect(series([2, 2, 2, 40], 1000)).toEqual([null, null, null, 38]);
    expect(series([2, 40], 1000)).toEqual([null, null]);
  });
});

describe("apportion", () => {
  it("splits whole rupiah in proportion and keeps the total exact", () => {
    expect(Object.fromEntries(apportion(1000, new Map([["b", 3], ["a", 1]])))).toEqual({a: 250, b: 750});
    expect(Object.fromEntries(apportion(100, new Map([["c", 1], ["a", 1], ["b", 1]])))).toEqual({a: 34, b: 33, c: 33});
  });
  it("gives nothing when there is no weight", () => {
    expect(apportion(10, new Map([["x", 0]])).size).toBe(0);
  });
});

describe("spendingByKecamatan", () => {
  const peserta: PesertaSumberDana[] = [
    {bulan: "2025-07", sumber_dana: "DBHCHT", kode_kec: "K1", terdaftar: 3, aktif: 3},
    {bulan: "2025-07", sumber_dana: "DBHCHT", kode_kec: "K2", terdaftar: 1, aktif: 1},
    {bulan: "2025-07", sumber_dana: "APBD", kode_kec: "K2", terdaftar: 2, aktif: 2}
  ];
  it("apportions an invoice that names no kecamatan by the month's members of the same source", () => {
    const iuran: IuranRinci[] = [{bulan: "2025-07", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: "2025-08-10", peserta_ditagih: 4, iuran_ditagih: 67_200}];
    const {rows, cara, tidakTerbagi} = spendingByKecamatan(iuran, peserta);
    expect(cara).toBe("dibagi");
    expect(tidakTerbagi).toBe(0);
    expect(rows).toEqual([
      {kode_kec: "K1", iuran_ditagih: 50_400, iuran_dibayar: 50_400, langsung: 0, dibagi: 50_400, bulan_peserta: 3},
      {kode_kec: "K2", iuran_ditagih: 16_800, iuran_dibayar: 16_800, langsung: 0, dibagi: 16_800, bulan_peserta: 3}
    ]);
  });
  it("keeps a named kecamatan's invoice there, and reports what cannot be placed", () => {
    const iuran: IuranRinci[] = [
      {bulan: "2025-07", sumber_dana: "APBD", kode_kec: "K3", tanggal_bayar: null, peserta_ditagih: 2, iuran_ditagih: 33_600},
      {bulan: "2025-08", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: null, peserta_ditagih: 4, iuran_ditagih: 67_200}
    ];
    const {rows, cara, tidakTerbagi} = spendingByKecamatan(iuran, peserta);
    expect(cara).toBe("campuran");
    expect(tidakTerbagi).toBe(67_200);
    expect(rows.find((r) => r.kode_kec === "K3")).toEqual({kode_kec: "K3", iuran_ditagih: 33_600, iuran_dibayar: 0, langsung: 33_600, dibagi: 0, bulan_peserta: 0});
  });
  it("falls back on all sources' members when the invoice's source has none that month", () => {
    const iuran: IuranRinci[] = [{bulan: "2025-07", sumber_dana: "DAK", kode_kec: null, tanggal_bayar: null, peserta_ditagih: 6, iuran_ditagih: 600}];
    const {rows} = spendingByKecamatan(iuran, peserta);
    expect(rows.map((r) => [r.kode_kec, r.dibagi])).toEqual([
      ["K1", 300],
      ["K2", 300]
    ]);
  });
});

describe("what families received", () => {
  const klaim = [
    {bulan: "2025-03", kode_kec: "K1", jenis: "JKM", jumlah: 1, nominal: 42e6, beasiswa: 0},
    {bulan: "2025-03", kode_kec: null, jenis: "JKK", jumlah: 1, nominal: 70e6, beasiswa: null},
    {bulan: "2025-05", kode_kec: "K1", jenis: "JKM", jumlah: 2, nominal: 52e6, beasiswa: 87e6},
    {bulan: "2024-12", kode_kec: "K1", jenis: "JKM", jumlah: 1, nominal: 42e6, beasiswa: 0}
  ];
  const iuran = [
    {bulan: "2025-03", iuran_ditagih: 50e6, iuran_dibayar: 50e6},
    {bulan: "2025-04", iuran_ditagih: 50e6, iuran_dibayar: 50e6},
    {bulan: "2025-05", iuran_ditagih: 50e6, iuran_dibayar: 0}
  ];
  it("puts benefits by type and scholarships beside the contributions paid, month by month", () => {
    expect(benefitsByMonth(klaim, iuran, ["2025-03", "2025-04", "2025-05"])).toEqual([
      {bulan: "2025-03", klaim: 2, jkm: 42e6, jkk: 70e6, lainnya: 0, beasiswa: 0, santunan: 112e6, iuran_dibayar: 50e6},
      {bulan: "2025-04", klaim: 0, jkm: 0, jkk: 0, lainnya: 0, beasiswa: 0, santunan: 0, iuran_dibayar: 50e6},
      {bulan: "2025-05", klaim: 2, jkm: 52e6, jkk: 0, lainnya: 0, beasiswa: 87e6, santunan: 139e6, iuran_dibayar: 0}
    ]);
  });
  it("sums claims by kecamatan, the unplaced last", () => {
    expect(benefitsByKecamatan(klaim)).toEqual([
      {kode_kec: "K1", klaim: 4, santunan: 42e6 + 139e6 + 42e6},
      {kode_kec: null, klaim: 1, santunan: 70e6}
    ]);
  });
  it("compares years: cost per member-month and benefits per rupiah of contribution paid", () => {
    const rows = yearsCompared(
      {
        anggaran: [{tahun: 2025, sumber_dana: "DBHCHT", pagu: 200e6, pagu_perubahan: 300e6, pagu_berlaku: 300e6}],
        iuran: iuran.map((r) => ({...r, peserta_ditagih: 2500})),
        rencana: [],
        peserta: [
          {bulan: "2025-03", sumber_dana: "DBHCHT", kode_kec: "K1", terdaftar: 2000, aktif: 2000},
          {bulan: "2025-04", sumber_dana: "DBHCHT", kode_kec: "K1", terdaftar: 2000, aktif: 2000},
          {bulan: "2025-05", sumber_dana: "DBHCHT", kode_kec: "K1", terdaftar: 2000, aktif: 2000}
        ],
        klaim
      },
      "2025-05"
    );
    expect(rows).toEqual([
      {
        tahun: 2025,
        pagu: 200e6,
        pagu_perubahan: 300e6,
        pagu_berlaku: 300e6,
        realisasi: 150e6,
        dibayar: 100e6,
        serapan: 0.5,
        sampai: "2025-05",
        bulan_peserta: 6000,
        peserta_ditagih: 7500,
        biaya_per_bulan_peserta: 25_000,
        biaya_per_tahun_peserta: 300_000,
        klaim: 4,
        santunan: 251e6,
        manfaat_per_rupiah: 2.51
      }
    ]);
  });
});

// The pipeline keeps an invoice or budget line whose funding-source text is unusable under the label
// "Tidak valid" (docs/ARCHITECTURE.md, row rejections): no enrolment row and no other line carries it.
describe("money under the source 'Tidak valid'", () => {
  const iuran: IuranRinci[] = [
    {bulan: "2025-07", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: "2025-08-10", peserta_ditagih: 4, iuran_ditagih: 67_200},
    {bulan: "2025-07", sumber_dana: "Tidak valid", kode_kec: null, tanggal_bayar: null, peserta_ditagih: 1, iuran_ditagih: 16_800}
  ];
  const peserta: PesertaSumberDana[] = [
    {bulan: "2025-07", sumber_dana: "DBHCHT", kode_kec: "K1", terdaftar: 3, aktif: 3},
    {bulan: "2025-07", sumber_dana: "DBHCHT", kode_kec: "K2", terdaftar: 1, aktif: 1}
  ];

  it("is reconciled as a source of its own: every member it invoices is unmatched", () => {
    const rows = reconcileInvoices(iuran, peserta, {iuranPerBulan: 16_800, terms: null});
    expect(rows.map((r) => [r.sumber_dana, r.peserta_ditagih, r.aktif, r.selisih_peserta, r.status])).toEqual([
      ["DBHCHT", 4, 4, 0, "dibayar"],
      ["Tidak valid", 1, 0, 1, "belum_dibayar"]
    ]);
  });

  it("is spread over the kecamatan by all sources' members, so spending still adds up to the realisation", () => {
    const {rows, tidakTerbagi} = spendingByKecamatan(iuran, peserta);
    expect(tidakTerbagi).toBe(0);
    expect(rows.reduce((s, r) => s + r.iuran_ditagih, 0)).toBe(84_000);
  });

  it("is listed among the year's funding sources, with no allocation of its own unless a budget line has the label", () => {
    const anggaran = [{tahun: 2025, sumber_dana: "DBHCHT", pagu: 1_000_000, pagu_perubahan: null, pagu_berlaku: 1_000_000}];
    const bulanan = [
      {bulan: "2025-07", sumber_dana: "DBHCHT", peserta_ditagih: 4, iuran_ditagih: 67_200, iuran_dibayar: 67_200},
      {bulan: "2025-07", sumber_dana: "Tidak valid", peserta_ditagih: 1, iuran_ditagih: 16_800, iuran_dibayar: 0}
    ];
    const rows = fundingSources({anggaran, iuran: bulanan, rencana: []}, 2025, "2025-07");
    expect(rows.map((r) => [r.sumber_dana, r.pagu])).toEqual([["DBHCHT", 1_000_000], ["Tidak valid", null]]);
  });
});
