// The planner's tables (beside its charts, each with a CSV of exactly what it shows): captions, file
// names and columns as functions of the compared scenarios. The page renders them with dataTable(rows, spec).
import type {DataTableOptions} from "../../components/dataTable.js";
import {formatDecimal, formatInteger, formatMonth, formatPeople, formatPercent, formatRupiah} from "../format.js";
import {NOT_ITEMISED, NOT_ITEMISED_NAME} from "../suppression.js";
import type {ComparedScenario} from "./comparison.js";
import type {FitStep, GroupResult} from "./model.js";
import {comparisonRows, kecamatanRows, type ComparisonRow, type KecamatanRow, type MonthRow, type Unit} from "./report.js";
import type {PlannerStart} from "./start.js";

export type TableSpec<T> = DataTableOptions<T>;

const formatBy: Record<Unit, (v: number | null) => string> = {rupiah: formatRupiah, orang: formatInteger, persen: formatPercent, kematian: (v) => formatDecimal(v, 1)};
/** A CSV figure: two decimals at most (expected deaths, rates), blank when missing. */
const raw = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

export interface TextRow {
  ukuran: string;
  satuan: "teks";
  values: string[];
}

/** The comparison's rows: each scenario's inputs in words, then the measures (comparisonRows). */
export function comparisonLines(compared: readonly ComparedScenario[], eligible: number | null): (TextRow | ComparisonRow)[] {
  return [{ukuran: "Isi skenario", satuan: "teks", values: compared.map((c) => c.description)}, ...comparisonRows(compared, eligible)];
}

export function comparisonTableSpec(compared: readonly ComparedScenario[], ctx: {tahun: number; pagu: number}): TableSpec<TextRow | ComparisonRow> {
  return {
    name: "perbandingan",
    download: `jaring-skenario-${ctx.tahun}`,
    caption: `Perbandingan skenario, ${ctx.tahun} (pagu ${formatRupiah(ctx.pagu)})`,
    captionHidden: true,
    columns: [
      {label: "Ukuran", value: (r) => r.ukuran},
      ...compared.map((c, i) => ({
        label: c.label,
        value: (r: TextRow | ComparisonRow) => (r.satuan === "teks" ? r.values[i] : formatBy[r.satuan](r.values[i])),
        csv: (r: TextRow | ComparisonRow) => (r.satuan === "teks" ? r.values[i] : raw(r.values[i])),
        numeric: true
      }))
    ],
    rowClass: (r) => (r.satuan === "teks" ? "sk-text-row" : r.ukuran.startsWith("…") ? "sk-sub-row" : null)
  };
}

/** The year's contributions per scenario: existing members, new ones, total, the allocation and what is left. */
export function costTableSpec(ctx: {tahun: number; pagu: number}): TableSpec<ComparedScenario> {
  return {
    name: "biaya",
    download: `jaring-skenario-biaya-${ctx.tahun}`,
    caption: `Biaya iuran setahun per skenario dan pagu, ${ctx.tahun}`,
    captionHidden: true,
    columns: [
      {label: "Skenario", value: (c) => c.label},
      {label: "Peserta yang ada", value: (c) => formatRupiah(c.result.biayaStatusQuo), csv: (c) => c.result.biayaStatusQuo, numeric: true},
      {label: "Peserta baru", value: (c) => formatRupiah(c.result.biayaTahun - c.result.biayaStatusQuo), csv: (c) => c.result.biayaTahun - c.result.biayaStatusQuo, numeric: true},
      {label: "Jumlah", value: (c) => formatRupiah(c.result.biayaTahun), csv: (c) => c.result.biayaTahun, numeric: true},
      {label: "Pagu", value: () => formatRupiah(ctx.pagu), csv: () => ctx.pagu, numeric: true},
      {label: "Sisa pagu", value: (c) => formatRupiah(c.result.selisihPagu), csv: (c) => c.result.selisihPagu, numeric: true}
    ]
  };
}

/** Month by month (monthRows): each scenario's protected members, contributions and running total. */
export function monthTableSpec(compared: readonly ComparedScenario[], ctx: {tahun: number}): TableSpec<MonthRow> {
  return {
    name: "bulanan",
    download: `jaring-skenario-bulanan-${ctx.tahun}`,
    caption: `Peserta terlindungi dan iuran per bulan, ${ctx.tahun}`,
    columns: [
      {label: "Bulan", value: (m) => formatMonth(m.bulan), csv: (m) => m.bulan},
      ...compared.flatMap((c, i) => [
        {label: `${c.label}: terlindungi`, value: (m: MonthRow) => (m.didanai[i] ? formatInteger(m.aktif[i]) : "tidak didanai"), csv: (m: MonthRow) => raw(m.aktif[i]), numeric: true},
        {label: `${c.label}: iuran`, value: (m: MonthRow) => formatRupiah(m.iuran[i]), csv: (m: MonthRow) => m.iuran[i], numeric: true},
        {label: `${c.label}: kumulatif`, value: (m: MonthRow) => formatRupiah(m.kumulatif[i]), csv: (m: MonthRow) => m.kumulatif[i], numeric: true}
      ])
    ]
  };
}

/** Coverage by kecamatan now and after each scenario (kecamatanRows), the remainder line named "Tidak dirinci". */
export function kecamatanLines(compared: readonly ComparedScenario[], kecamatan: readonly {kode: string; nama: string}[]): KecamatanRow[] {
  return kecamatanRows(compared, kecamatan).map((r) => (r.kode_kec === NOT_ITEMISED ? {...r, nama: NOT_ITEMISED_NAME} : r));
}

export function kecamatanTableSpec(compared: readonly ComparedScenario[], ctx: {tahun: number; asOf: string}): TableSpec<KecamatanRow> {
  return {
    name: "cakupan-kecamatan",
    download: `jaring-skenario-cakupan-${ctx.tahun}`,
    caption: "Cakupan per kecamatan: kini dan sesudah tiap skenario (bulan terakhir didanai)",
    captionHidden: true,
    columns: [
      {label: "Kecamatan", value: (r) => r.nama},
      {label: "Sasaran", value: (r) => formatInteger(r.sasaran), csv: (r) => r.sasaran, numeric: true},
      {label: `Kini (${formatMonth(ctx.asOf)})`, value: (r) => formatPercent(r.cakupanKini), csv: (r) => raw(r.cakupanKini), numeric: true},
      ...compared.map((c, i) => ({label: c.label, value: (r: KecamatanRow) => formatPercent(r.cakupan[i]), csv: (r: KecamatanRow) => raw(r.cakupan[i]), numeric: true}))
    ],
    rowClass: (r) => (r.sasaran === null ? "nodata" : null)
  };
}

/** The groups a table of one scenario lists: those with an eligible figure or members. */
export function groupLines(result: {kelompok: GroupResult[]}): GroupResult[] {
  return result.kelompok.filter((g) => g.sasaran !== null || g.aktifAwal > 0);
}

/** One scenario's kecamatan × sector groups; a group a public build suppresses keeps its count hidden. */
export function groupTableSpec(c: ComparedScenario, ctx: Pick<PlannerStart, "keadaan" | "sektorNama" | "kecamatanNama" | "asOf"> & {tahun: number}): TableSpec<GroupResult> {
  // Groups whose members a public build suppresses: the model counts them in a remainder group instead.
  const suppressed = new Set(ctx.keadaan.groups.filter((g) => g.ditekan).map((g) => `${g.kode_kec}|${g.sektor}`));
  const hidden = (g: GroupResult) => suppressed.has(`${g.kode_kec}|${g.sektor}`);
  return {
    name: "kelompok",
    download: `jaring-skenario-${c.slot}-kelompok-${ctx.tahun}`,
    caption: `${c.label}: cakupan per kecamatan × sektor, ${formatMonth(c.result.bulanAcuan)}`,
    columns: [
      {label: "Kecamatan", value: (g) => ctx.kecamatanNama.get(g.kode_kec) ?? g.kode_kec},
      {label: "Sektor", value: (g) => ctx.sektorNama.get(g.sektor) ?? g.sektor},
      {label: "Sasaran", value: (g) => formatInteger(g.sasaran), csv: (g) => g.sasaran, numeric: true},
      {label: `Aktif ${formatMonth(ctx.asOf)}`, value: (g) => (hidden(g) ? formatPeople(null) : formatInteger(g.aktifAwal)), csv: (g) => (hidden(g) ? null : g.aktifAwal), numeric: true},
      {label: "Target", value: (g) => formatPercent(g.target, 0), csv: (g) => g.target, numeric: true},
      {label: "Peserta baru", value: (g) => formatInteger(g.baru), csv: (g) => g.baru, numeric: true},
      {label: "Terlindungi", value: (g) => formatInteger(g.aktifAcuan), csv: (g) => raw(g.aktifAcuan), numeric: true},
      {label: "Cakupan", value: (g) => formatPercent(g.cakupan), csv: (g) => raw(g.cakupan), numeric: true},
      {label: "Campuran umur/jenis kelamin", value: (g) => (g.mixFrom === "kelompok" ? "kelompok ini" : "wilayah")}
    ]
  };
}

/** A fitted scenario's order: every group tried, in or skipped and why, with the running cost. */
export function fitTableSpec(c: ComparedScenario, ctx: Pick<PlannerStart, "sektorNama" | "kecamatanNama"> & {tahun: number}): TableSpec<FitStep> {
  return {
    name: `urutan-${c.slot}`,
    download: `jaring-skenario-${c.slot}-urutan-${ctx.tahun}`,
    caption: `${c.label}: urutan pendaftaran sesuai pagu`,
    columns: [
      {label: "No.", value: (s, i) => formatInteger(i + 1), csv: (s, i) => i + 1, numeric: true},
      {label: "Kecamatan", value: (s) => ctx.kecamatanNama.get(s.kode_kec) ?? s.kode_kec, rowHeader: true},
      {label: "Sektor", value: (s) => ctx.sektorNama.get(s.sektor) ?? s.sektor},
      {label: "Peserta baru", value: (s) => formatInteger(s.baru), csv: (s) => s.baru, numeric: true},
      {label: "Biaya kelompok", value: (s) => formatRupiah(s.biaya), csv: (s) => s.biaya, numeric: true},
      {label: "Keputusan", value: (s) => (s.dipilih ? "masuk" : `dilewati: ${s.alasan}`)},
      {label: "Biaya skenario kumulatif", value: (s) => formatRupiah(s.biayaKumulatif), csv: (s) => s.biayaKumulatif, numeric: true}
    ],
    rowClass: (s) => (s.dipilih ? null : "nodata")
  };
}
