// The tables of the overview page (src/index.md), as options for dataTable (src/components/dataTable.ts);
// the kecamatan coverage columns are Transparansi's too. Pure: the page renders them.
import type {Column, DataTableOptions} from "../components/dataTable.js";
import type {BudgetMonth} from "./anggaran.js";
import {formatInteger, formatMonth, formatMonthShort, formatPeople, formatPercent, formatRupiah} from "./format.js";
import {ratio, type ClaimMonth, type CoverageRow, type MemberMonth} from "./overview.js";
import {NOT_ITEMISED} from "./suppression.js";

type CoverageLine = Pick<CoverageRow, "nama" | "aktif" | "sasaran" | "rate">;

/** Kecamatan, active members, eligible, coverage: a suppressed count prints "ditekan", and so does its rate. */
export const coverageColumns: readonly Column<CoverageLine>[] = [
  {label: "Kecamatan", value: (r) => r.nama},
  {label: "Peserta aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true},
  {label: "Sasaran", value: (r) => formatInteger(r.sasaran), csv: (r) => r.sasaran, numeric: true},
  {label: "Cakupan", value: (r) => (r.aktif === null ? formatPeople(null) : formatPercent(r.rate)), csv: (r) => r.rate, numeric: true}
];

/** The columns with the first (the place's name) drawn by `cell` (e.g. a link to its profile); unchanged without one. */
export function withNameCell<T extends CoverageLine>(columns: readonly Column<CoverageLine>[], cell?: (row: T) => Node): Column<T>[] {
  return columns.map((c, i) => (i === 0 && cell ? {...c, cell} : c)) as Column<T>[];
}

/** The footer of the coverage table: every row summed (the "Tidak dirinci" line included), and its rate. */
export function coverageTotal(rows: readonly CoverageRow[]): CoverageRow {
  const aktif = rows.reduce((s, r) => s + (r.aktif ?? 0), 0);
  const sasaran = rows.reduce((s, r) => s + (r.sasaran ?? 0), 0);
  return {kode_kec: "", nama: "Jumlah", aktif, sasaran, rate: ratio(aktif, sasaran)};
}

/** Kecamatan the reference lists without an eligible figure (greyed in the table). */
export const withoutTarget = (r: Pick<CoverageRow, "kode_kec" | "sasaran">): boolean => r.sasaran === null && r.kode_kec !== NOT_ITEMISED;

/** The coverage table by kecamatan, its footer the total; without `download` (the printed copy). */
export function coverageTable(rows: readonly CoverageRow[], asOf: string | null, nameCell?: (row: CoverageRow) => Node): DataTableOptions<CoverageRow> {
  return {
    name: "coverage",
    caption: `Peserta aktif, sasaran dan cakupan per kecamatan, ${formatMonth(asOf)}`,
    captionHidden: true,
    columns: withNameCell(coverageColumns, nameCell),
    footer: coverageTotal(rows),
    rowClass: (r) => (withoutTarget(r) ? "nodata" : null)
  };
}

/** Registered and active members by month, the newest first; coverage against today's eligible. */
export function membersTable(eligible: number | null | undefined): DataTableOptions<MemberMonth> {
  return {
    name: "members",
    download: "jaring-members",
    caption: "Peserta terdaftar dan aktif per bulan",
    columns: [
      {label: "Bulan", value: (m) => formatMonth(m.bulan), csv: (m) => m.bulan},
      {label: "Terdaftar", value: (m) => formatInteger(m.terdaftar), csv: (m) => m.terdaftar, numeric: true},
      {label: "Aktif", value: (m) => formatInteger(m.aktif), csv: (m) => m.aktif, numeric: true},
      {label: "Cakupan", value: (m) => formatPercent(ratio(m.aktif, eligible)), numeric: true}
    ]
  };
}

export function budgetTable(tahun: number | null): DataTableOptions<BudgetMonth> {
  return {
    name: "budget",
    download: "jaring-budget",
    caption: `Realisasi dan rencana kas per bulan, ${tahun ?? ""}`,
    columns: [
      {label: "Bulan", value: (m) => formatMonthShort(m.bulan), csv: (m) => m.bulan},
      {label: "Ditagihkan", value: (m) => formatRupiah(m.realisasi), csv: (m) => m.realisasi, numeric: true},
      {label: "Sudah dibayar", value: (m) => formatRupiah(m.dibayar), csv: (m) => m.dibayar, numeric: true},
      {label: "Realisasi kumulatif", value: (m) => formatRupiah(m.realisasi_kumulatif), csv: (m) => m.realisasi_kumulatif, numeric: true},
      {label: "Rencana kas kumulatif", value: (m) => formatRupiah(m.rencana_kumulatif), csv: (m) => m.rencana_kumulatif, numeric: true}
    ]
  };
}

export const claimsTable: DataTableOptions<ClaimMonth> = {
  name: "claims",
  download: "jaring-claims",
  caption: "Klaim dan santunan per bulan kejadian",
  columns: [
    {label: "Bulan", value: (c) => formatMonth(c.bulan), csv: (c) => c.bulan},
    {label: "Jenis", value: (c) => c.jenis},
    {label: "Klaim", value: (c) => formatInteger(c.jumlah), csv: (c) => c.jumlah, numeric: true},
    {label: "Santunan", value: (c) => formatRupiah(c.nominal), csv: (c) => c.nominal, numeric: true},
    {label: "Beasiswa", value: (c) => formatRupiah(c.beasiswa), csv: (c) => c.beasiswa, numeric: true}
  ]
};
