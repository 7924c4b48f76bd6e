// The tables of the Transparansi page (src/publik.md), as options for dataTable (src/components/dataTable.ts):
// readable, downloadable lists beside the plain-language text. Pure: the page renders them (and gives
// the open-data list its link cells).
import type {Column, DataTableOptions} from "../components/dataTable.js";
import type {YearRow} from "./anggaran.js";
import type {SectorCoverage} from "./cakupan.js";
import {formatInteger, formatMoney, formatMonth, formatPeople, formatPercent} from "./format.js";
import type {CoverageRow, Summary} from "./overview.js";
import {coverageColumns, withNameCell} from "./overviewTables.js";
import type {KamusFile, OutlookRow} from "./publik.js";

export function sectorTable(asOf: string | null): DataTableOptions<SectorCoverage> {
  return {
    name: "publik-sektor",
    download: "jaring-peserta-per-sektor",
    caption: `Peserta aktif dan sasaran per sektor pekerjaan, ${formatMonth(asOf)}`,
    columns: [
      {label: "Sektor", value: (r) => r.nama},
      {label: "Peserta aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true},
      {label: "Sasaran", value: (r) => formatInteger(r.sasaran), csv: (r) => r.sasaran, numeric: true},
      {label: "Cakupan", value: (r) => (r.aktif === null ? formatPeople(null) : formatPercent(r.rate)), csv: (r) => r.rate, numeric: true}
    ]
  };
}

/** Coverage by kecamatan; the footer is summary.json's region-wide figures (never suppressed). */
export function coverageTable(
  summary: Summary,
  asOf: string | null,
  nameCell?: (row: Pick<CoverageRow, "kode_kec" | "nama" | "aktif" | "sasaran" | "rate">) => Node
): DataTableOptions<Pick<CoverageRow, "kode_kec" | "nama" | "aktif" | "sasaran" | "rate">> {
  return {
    name: "publik-kecamatan",
    download: "jaring-peserta-per-kecamatan",
    caption: `Peserta aktif, sasaran dan cakupan per kecamatan, ${formatMonth(asOf)}`,
    columns: withNameCell(coverageColumns, nameCell),
    footer: {kode_kec: "", nama: "Jumlah", aktif: summary.members_active as number | null, sasaran: summary.eligible as number | null, rate: summary.coverage_rate as number | null}
  };
}

export const yearTable: DataTableOptions<YearRow> = {
  name: "publik-tahun",
  download: "jaring-anggaran-per-tahun",
  caption: "Anggaran, realisasi dan santunan per tahun",
  captionHidden: true,
  columns: [
    // A year still running says how far its figures go.
    {label: "Tahun", value: (r) => String(r.tahun) + (r.sampai && !r.sampai.endsWith("-12") ? ` (s.d. ${formatMonth(r.sampai)})` : ""), csv: (r) => r.tahun},
    {label: "Pagu", value: (r) => formatMoney(r.pagu_berlaku), csv: (r) => r.pagu_berlaku, numeric: true},
    {label: "Realisasi", value: (r) => formatMoney(r.realisasi), csv: (r) => r.realisasi, numeric: true},
    {label: "Penyerapan", value: (r) => formatPercent(r.serapan), csv: (r) => r.serapan, numeric: true},
    {label: "Keluarga menerima santunan", value: (r) => formatInteger(r.klaim), csv: (r) => r.klaim, numeric: true},
    {label: "Santunan", value: (r) => formatMoney(r.santunan), csv: (r) => r.santunan, numeric: true}
  ]
};

type OpenDataRow = KamusFile & {files: {csv?: string; arrow?: string}};

/** The open-data files; `links` renders a row's download links (the CSV gets their file names). */
export function openDataTable(links: NonNullable<Column<OpenDataRow>["cell"]>): DataTableOptions<OpenDataRow> {
  return {
    name: "data-terbuka",
    download: "jaring-daftar-data-terbuka",
    caption: "Berkas data terbuka",
    captionHidden: true,
    columns: [
      {label: "Data", value: (r) => r.judul, csv: (r) => r.nama},
      {label: "Isi", value: (r) => r.arti},
      {label: "Baris", value: (r) => formatInteger(r.baris), csv: (r) => r.baris, numeric: true},
      {label: "Unduh", value: (r) => [r.files.csv ? `${r.nama}.csv` : "", r.files.arrow ? `${r.nama}.arrow` : ""].filter(Boolean).join(" "), cell: links}
    ]
  };
}

export function outlookTable(tahun: number): DataTableOptions<OutlookRow> {
  return {
    name: "publik-rencana",
    download: `jaring-rencana-perluasan-${tahun}`,
    caption: `Perluasan yang dinyatakan Bupati dibandingkan dengan tanpa perluasan, ${tahun}`,
    columns: [
      {label: "Perkiraan", value: (r) => r.ukuran},
      {label: "Tanpa perluasan", value: (r) => r.format(r.kini), csv: (r) => Math.round(r.kini), numeric: true},
      {label: "Dengan perluasan", value: (r) => r.format(r.perluasan), csv: (r) => Math.round(r.perluasan), numeric: true}
    ]
  };
}

export const dictionaryTable: DataTableOptions<{berkas: string; kolom: string; arti: string; tipe: string; satuan: string}> = {
  name: "kamus-data",
  download: "jaring-kamus-data",
  caption: "Kamus data: arti setiap kolom",
  maxHeight: "32rem",
  columns: [
    {label: "Berkas", value: (r) => r.berkas},
    {label: "Kolom", value: (r) => r.kolom},
    {label: "Arti", value: (r) => r.arti},
    {label: "Tipe", value: (r) => r.tipe},
    {label: "Satuan", value: (r) => r.satuan}
  ]
};
