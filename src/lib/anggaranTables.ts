// The tables of the budget page (src/anggaran.md), as options for dataTable (src/components/dataTable.ts):
// caption, columns (the text shown and the raw value for the CSV), footer and row flags. The table
// beside every chart is its accessible alternative: the same numbers, and a CSV of exactly those.
// Pure: the page renders them.
import type {DataTableOptions} from "../components/dataTable.js";
import type {BenefitMonth, BudgetMonth, FundingRow, InvoiceCheck, YearEnd, YearRow} from "./anggaran.js";
import {formatDate, formatInteger, formatMoney, formatMonth, formatMonthShort, formatPeople, formatPercent, formatPerRupiah, formatRupiah, formatSigned, MISSING} from "./format.js";
import {PAYMENT_STATUS} from "./reconciliationYear.js";
import type {MoneyByKecamatan, KecamatanMoneyRow, KecamatanMoneyTotal} from "./moneyByKecamatan.js";
import {benefitTotals} from "./familyBenefits.js";

/** Cumulative realisation less the cumulative plan; null where either is missing. */
const aheadOfPlan = (m: BudgetMonth) => (m.realisasi_kumulatif === null || m.rencana_kumulatif === null ? null : m.realisasi_kumulatif - m.rencana_kumulatif);

export function budgetMonthsTable(tahun: number): DataTableOptions<BudgetMonth> {
  return {
    name: "anggaran-bulanan",
    download: `jaring-anggaran-bulanan-${tahun}`,
    caption: `Rencana kas, realisasi dan pembayaran per bulan, ${tahun}`,
    columns: [
      {label: "Bulan", value: (m) => formatMonthShort(m.bulan), csv: (m) => m.bulan},
      {label: "Rencana kas", value: (m) => formatRupiah(m.rencana), csv: (m) => m.rencana, numeric: true},
      {label: "Ditagihkan (realisasi)", value: (m) => formatRupiah(m.realisasi), csv: (m) => m.realisasi, numeric: true},
      {label: "Sudah dibayar", value: (m) => formatRupiah(m.dibayar), csv: (m) => m.dibayar, numeric: true},
      {label: "Realisasi kumulatif", value: (m) => formatRupiah(m.realisasi_kumulatif), csv: (m) => m.realisasi_kumulatif, numeric: true},
      {label: "Rencana kumulatif", value: (m) => formatRupiah(m.rencana_kumulatif), csv: (m) => m.rencana_kumulatif, numeric: true},
      {label: "Realisasi − rencana (kumulatif)", value: (m) => formatRupiah(aheadOfPlan(m)), csv: aheadOfPlan, numeric: true}
    ]
  };
}

export interface ProjectionRow {
  metode: string;
  nilai: number | null;
  gap: YearEnd["selisihRunRate"];
}

/** The two year-end projections, by the run-rate and by the cash plan. */
export function projectionRows(akhir: YearEnd): ProjectionRow[] {
  return [
    {metode: akhir.runRate ? `Laju realisasi (${formatMoney(akhir.runRate.perBulan)}/bulan)` : "Laju realisasi", nilai: akhir.proyeksiRunRate, gap: akhir.selisihRunRate},
    {metode: "Rencana kas", nilai: akhir.proyeksiRencana, gap: akhir.selisihRencana}
  ];
}

export function projectionTable(akhir: YearEnd, tahun: number): DataTableOptions<ProjectionRow> {
  return {
    name: "proyeksi",
    download: `jaring-proyeksi-${tahun}`,
    caption: akhir.bulanTersisa
      ? `Perkiraan realisasi akhir tahun ${tahun} dibandingkan pagu berlaku ${formatMoney(akhir.alokasi)}`
      : `Tahun ${tahun} sudah lengkap: realisasi akhir dibandingkan pagu berlaku ${formatMoney(akhir.alokasi)}`,
    columns: [
      {label: "Menurut", value: (r) => r.metode},
      {label: "Perkiraan akhir tahun", value: (r) => formatMoney(r.nilai), csv: (r) => r.nilai, numeric: true},
      {label: "Selisih dengan pagu", value: (r) => (r.gap ? formatSigned(r.gap.selisih, formatMoney) : MISSING), csv: (r) => r.gap?.selisih, numeric: true},
      {label: "% pagu", value: (r) => (r.gap ? formatSigned(r.gap.proporsi, formatPercent) : MISSING), csv: (r) => r.gap?.proporsi, numeric: true}
    ]
  };
}

export function fundingSourcesTable(tahun: number): DataTableOptions<FundingRow> {
  return {
    name: "sumber-dana",
    download: `jaring-sumber-dana-${tahun}`,
    caption: `Pagu, realisasi dan perkiraan per sumber dana, ${tahun}`,
    columns: [
      {label: "Sumber dana", value: (r) => r.sumber_dana},
      {label: "Pagu awal", value: (r) => formatRupiah(r.pagu), csv: (r) => r.pagu, numeric: true},
      {label: "Pagu perubahan", value: (r) => formatRupiah(r.pagu_perubahan), csv: (r) => r.pagu_perubahan, numeric: true},
      {label: "Pagu berlaku", value: (r) => formatRupiah(r.alokasi), csv: (r) => r.alokasi, numeric: true},
      {label: "Realisasi (ditagihkan)", value: (r) => formatRupiah(r.realisasi), csv: (r) => r.realisasi, numeric: true},
      {label: "Sudah dibayar", value: (r) => formatRupiah(r.dibayar), csv: (r) => r.dibayar, numeric: true},
      {label: "Penyerapan", value: (r) => formatPercent(r.serapan), csv: (r) => r.serapan, numeric: true},
      {label: "Perkiraan akhir tahun (laju)", value: (r) => formatRupiah(r.proyeksiRunRate), csv: (r) => r.proyeksiRunRate, numeric: true},
      {label: "Selisih dengan pagu (laju)", value: (r) => (r.selisihRunRate ? formatSigned(r.selisihRunRate.selisih, formatRupiah) : MISSING), csv: (r) => r.selisihRunRate?.selisih, numeric: true},
      {label: "Perkiraan akhir tahun (rencana kas)", value: (r) => formatRupiah(r.proyeksiRencana), csv: (r) => r.proyeksiRencana, numeric: true},
      {label: "Selisih dengan pagu (rencana kas)", value: (r) => (r.selisihRencana ? formatSigned(r.selisihRencana.selisih, formatRupiah) : MISSING), csv: (r) => r.selisihRencana?.selisih, numeric: true}
    ]
  };
}

export const yearSourcesTable: DataTableOptions<FundingRow & {tahun: number}> = {
  name: "tahun-sumber-dana",
  download: "jaring-realisasi-tahun-sumber-dana",
  caption: "Pagu berlaku dan realisasi per tahun dan sumber dana",
  columns: [
    {label: "Tahun", value: (r) => String(r.tahun), csv: (r) => r.tahun},
    {label: "Sumber dana", value: (r) => r.sumber_dana},
    {label: "Pagu berlaku", value: (r) => formatRupiah(r.alokasi), csv: (r) => r.alokasi, numeric: true},
    {label: "Realisasi", value: (r) => formatRupiah(r.realisasi), csv: (r) => r.realisasi, numeric: true},
    {label: "Penyerapan", value: (r) => formatPercent(r.serapan), csv: (r) => r.serapan, numeric: true}
  ]
};

/** One measure of the years compared: a row of the table, its value in each year's column. */
export interface YearMeasure {
  label: string;
  key: Exclude<keyof YearRow, "tahun">;
  format: (value: never) => string;
}

const measure = <K extends Exclude<keyof YearRow, "tahun">>(label: string, key: K, format: (value: YearRow[K]) => string): YearMeasure => ({label, key, format: format as YearMeasure["format"]});

/** The rows of the years compared (one per measure, one column per year: it reads on a phone, too). */
export const YEAR_MEASURES: readonly YearMeasure[] = [
  measure("Pagu awal", "pagu", formatRupiah),
  measure("Pagu perubahan", "pagu_perubahan", formatRupiah),
  measure("Pagu berlaku", "pagu_berlaku", formatRupiah),
  measure("Realisasi (iuran ditagihkan)", "realisasi", formatRupiah),
  measure("Iuran sudah dibayar", "dibayar", formatRupiah),
  measure("Penyerapan", "serapan", formatPercent),
  measure("Data sampai bulan", "sampai", formatMonth),
  measure("Bulan-peserta aktif", "bulan_peserta", formatInteger),
  measure("Bulan-peserta ditagih", "peserta_ditagih", formatInteger),
  measure("Biaya per bulan-peserta aktif", "biaya_per_bulan_peserta", formatRupiah),
  measure("Biaya per peserta per tahun", "biaya_per_tahun_peserta", formatRupiah),
  measure("Klaim santunan", "klaim", formatInteger),
  measure("Santunan diterima keluarga", "santunan", formatRupiah),
  measure("Santunan per Rp1 iuran dibayar", "manfaat_per_rupiah", formatPerRupiah)
];

export function yearsTable(yearRows: readonly YearRow[]): DataTableOptions<YearMeasure> {
  return {
    name: "antar-tahun",
    download: "jaring-anggaran-antar-tahun",
    caption: "Perbandingan antar tahun",
    columns: [
      {label: "Ukuran", value: (m) => m.label},
      ...yearRows.map((y) => ({label: String(y.tahun), value: (m: YearMeasure) => m.format(y[m.key] as never), csv: (m: YearMeasure) => y[m.key], numeric: true}))
    ]
  };
}

export function reconciliationTable(tahun: number, iuranPerBulan: number | null): DataTableOptions<InvoiceCheck> {
  return {
    name: "rekonsiliasi",
    download: `jaring-rekonsiliasi-${tahun}`,
    caption: `Rekonsiliasi tagihan iuran per bulan dan sumber dana, ${tahun}`,
    columns: [
      {label: "Bulan", value: (r) => formatMonthShort(r.bulan), csv: (r) => r.bulan},
      {label: "Sumber dana", value: (r) => r.sumber_dana},
      {label: "Peserta ditagih", value: (r) => formatInteger(r.peserta_ditagih), csv: (r) => r.peserta_ditagih, numeric: true},
      {label: "Nominal ditagihkan", value: (r) => formatRupiah(r.iuran_ditagih), csv: (r) => r.iuran_ditagih, numeric: true},
      {label: `Peserta × ${formatRupiah(iuranPerBulan)}`, value: (r) => formatRupiah(r.iuran_seharusnya), csv: (r) => r.iuran_seharusnya, numeric: true},
      {label: "Selisih nominal", value: (r) => (r.selisih_nominal ? formatRupiah(r.selisih_nominal) : "0"), csv: (r) => r.selisih_nominal, numeric: true},
      {label: "Peserta aktif di data kepesertaan", value: (r) => formatInteger(r.aktif), csv: (r) => r.aktif, numeric: true},
      {label: "Selisih peserta (ditagih − aktif)", value: (r) => formatSigned(r.selisih_peserta), csv: (r) => r.selisih_peserta, numeric: true},
      {label: "Nilai selisih peserta", value: (r) => formatRupiah(r.biaya_selisih_peserta), csv: (r) => r.biaya_selisih_peserta, numeric: true},
      {label: "Lonjakan (perkiraan)", value: (r) => (r.lonjakan === null ? "" : formatSigned(r.lonjakan)), csv: (r) => r.lonjakan, numeric: true}
    ],
    // A wrong amount or a jump is what an auditor asks about.
    rowClass: (r) => (r.selisih_nominal !== 0 || r.lonjakan !== null ? "flagged" : null)
  };
}

/** The invoices the timeliness table lists: a month × source with no invoice has no payment to judge. */
export const invoicedChecks = (checks: readonly InvoiceCheck[]): InvoiceCheck[] => checks.filter((r) => r.status !== "tanpa_tagihan");

export function paymentsTable(tahun: number): DataTableOptions<InvoiceCheck> {
  return {
    name: "pembayaran",
    download: `jaring-ketepatan-bayar-${tahun}`,
    caption: `Tanggal bayar dan jatuh tempo per tagihan, ${tahun}`,
    columns: [
      {label: "Bulan", value: (r) => formatMonthShort(r.bulan), csv: (r) => r.bulan},
      {label: "Sumber dana", value: (r) => r.sumber_dana},
      {label: "Nominal ditagihkan", value: (r) => formatRupiah(r.iuran_ditagih), csv: (r) => r.iuran_ditagih, numeric: true},
      {label: "Jatuh tempo", value: (r) => formatDate(r.jatuh_tempo), csv: (r) => r.jatuh_tempo},
      {label: "Tanggal bayar", value: (r) => formatDate(r.tanggal_bayar), csv: (r) => r.tanggal_bayar},
      {label: "Terlambat (hari)", value: (r) => (r.hari_terlambat ? formatInteger(r.hari_terlambat) : r.hari_terlambat === 0 ? "0" : MISSING), csv: (r) => r.hari_terlambat, numeric: true},
      {label: "Status", value: (r) => PAYMENT_STATUS[r.status] ?? r.status, csv: (r) => r.status}
    ],
    rowClass: (r) => (r.status === "terlambat" || r.status === "lewat_jatuh_tempo" ? "flagged" : null)
  };
}

type KecamatanMoneyLine = KecamatanMoneyRow | (KecamatanMoneyTotal & {ditekan?: undefined});

export function moneyByKecamatanTable(money: MoneyByKecamatan, tahun: number): DataTableOptions<KecamatanMoneyLine> {
  return {
    name: "kecamatan",
    download: `jaring-anggaran-kecamatan-${tahun}`,
    caption: `Iuran dan santunan per kecamatan, ${tahun}`,
    columns: [
      {label: "Kecamatan", value: (r) => r.nama},
      {label: "Bulan-peserta aktif", value: (r) => formatInteger(r.bulan_peserta), csv: (r) => r.bulan_peserta, numeric: true},
      {label: money.cara === "dibagi" ? "Iuran ditagihkan (dibagi)" : "Iuran ditagihkan", value: (r) => formatRupiah(r.iuran_ditagih), csv: (r) => r.iuran_ditagih, numeric: true},
      {label: "Iuran dibayar", value: (r) => formatRupiah(r.iuran_dibayar), csv: (r) => r.iuran_dibayar, numeric: true},
      {label: "Klaim", value: (r) => (r.ditekan ? formatPeople(null) : formatInteger(r.klaim)), csv: (r) => (r.ditekan ? null : r.klaim), numeric: true},
      {label: "Santunan keluarga", value: (r) => (r.ditekan || r.santunan === null ? formatPeople(null) : formatRupiah(r.santunan)), csv: (r) => (r.ditekan ? null : r.santunan), numeric: true},
      {label: "Santunan per Rp1 iuran", value: (r) => formatPerRupiah(r.manfaat), csv: (r) => r.manfaat, numeric: true}
    ],
    footer: money.total
  };
}

export function benefitsTable(months: readonly BenefitMonth[], tahun: number): DataTableOptions<BenefitMonth> {
  return {
    name: "manfaat",
    download: `jaring-manfaat-${tahun}`,
    caption: `Santunan yang diterima keluarga per bulan kejadian dan iuran yang dibayar, ${tahun}`,
    columns: [
      {label: "Bulan", value: (m) => formatMonthShort(m.bulan), csv: (m) => m.bulan},
      {label: "Klaim", value: (m) => formatInteger(m.klaim), csv: (m) => m.klaim, numeric: true},
      {label: "JKM", value: (m) => formatRupiah(m.jkm), csv: (m) => m.jkm, numeric: true},
      {label: "JKK", value: (m) => formatRupiah(m.jkk), csv: (m) => m.jkk, numeric: true},
      {label: "Beasiswa", value: (m) => formatRupiah(m.beasiswa), csv: (m) => m.beasiswa, numeric: true},
      {label: "Diterima keluarga", value: (m) => formatRupiah(m.santunan), csv: (m) => m.santunan, numeric: true},
      {label: "Iuran dibayar", value: (m) => formatRupiah(m.iuran_dibayar), csv: (m) => m.iuran_dibayar, numeric: true}
    ],
    footer: months.length ? benefitTotals(months) : null
  };
}
