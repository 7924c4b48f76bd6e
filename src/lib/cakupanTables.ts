// The tables of the Cakupan page (the accessible alternative beside every chart, with a CSV of exactly
// its rows): captions, file names and columns, each a function of the view. The page renders them
// with dataTable(rows, spec); cells other than text (a button, a sparkline) are passed in as renderers.
import type {DataTableOptions} from "../components/dataTable.js";
import type {AgeSexRow, ChangeRow, Coverage, GapRow, Level, PlaceCoverage, SectorCoverage} from "./cakupan.js";
import {totalCoverage} from "./cakupan.js";
import {formatInteger, formatMonth, formatMonthShort, formatPeople, formatPercent} from "./format.js";
import {bandName, sexName} from "./kelompok.js";
import {NOT_ITEMISED, NOT_ITEMISED_NAME} from "./suppression.js";

export type TableSpec<T> = DataTableOptions<T>;

/** What every table of the view names in its caption and file name. */
export interface TableContext {
  /** The kecamatan drilled into, "" for all. */
  kec: string;
  bulan: string;
  /** The filter splits people by sex or age: no rate or gap (splitsPeople). */
  people: boolean;
  /** describeFilter's line. */
  describeFilter: string;
}

/** Cakupan and Celah, or none when the filter splits people; a suppressed count keeps its rate and gap hidden too (they would give it back). */
function rateColumns<T extends Coverage>(people: boolean): TableSpec<T>["columns"] {
  if (people) return [];
  return [
    {label: "Cakupan", value: (r) => (r.aktif === null ? formatPeople(null) : formatPercent(r.rate)), csv: (r) => r.rate, numeric: true},
    {label: "Celah", value: (r) => (r.aktif === null ? formatPeople(null) : formatInteger(r.gap)), csv: (r) => r.gap, numeric: true}
  ];
}

/** Kecamatan (or the chosen kecamatan's desa): active, eligible, rate and gap, with the total. `drill` renders a kecamatan's name as a way in. */
export function placeTableSpec(rows: readonly PlaceCoverage[], ctx: TableContext & {drill?: (row: PlaceCoverage) => Node}): TableSpec<PlaceCoverage> {
  const {kec, bulan, people} = ctx;
  return {
    name: "wilayah",
    download: kec ? `jaring-cakupan-desa-${kec}-${bulan}` : `jaring-cakupan-kecamatan-${bulan}`,
    caption: `Peserta aktif, sasaran${people ? "" : ", cakupan dan celah"} per ${kec ? "desa" : "kecamatan"}, ${ctx.describeFilter}`,
    captionHidden: true,
    columns: [
      {label: kec ? "Desa" : "Kecamatan", value: (r) => r.nama, cell: kec ? undefined : ctx.drill},
      // "Aktif" (not "Peserta aktif"): five columns beside the map must fit a phone.
      {label: "Aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true},
      {label: people ? "Sasaran (semua jenis kelamin dan umur)" : "Sasaran", value: (r) => formatInteger(r.sasaran), csv: (r) => r.sasaran, numeric: true},
      ...rateColumns<PlaceCoverage>(people)
    ],
    footer: {kode: "", nama: "Jumlah", ...totalCoverage(rows, people)},
    rowClass: (r) => (r.sasaran === null && r.kode !== NOT_ITEMISED ? "nodata" : null)
  };
}

/** The largest gaps by place × sector; `trend` renders the 12-month series (a sparkline). */
export function gapTableSpec(ctx: Pick<TableContext, "kec" | "bulan"> & {gapLevel: Level; trend?: (row: GapRow) => Node}): TableSpec<GapRow> {
  const place = ctx.gapLevel === "desa" ? "Desa" : "Kecamatan";
  return {
    name: "celah",
    download: `jaring-celah-terbesar-${ctx.kec || "kabupaten"}-${ctx.bulan}`,
    caption: `Celah terbesar per ${place.toLowerCase()} dan sektor, ${formatMonth(ctx.bulan)}`,
    captionHidden: true,
    columns: [
      {label: place, value: (r) => r.nama},
      {label: "Sektor", value: (r) => r.sektor_nama},
      // The gap first: on a phone the columns after it need a sideways scroll.
      {label: "Celah", value: (r) => formatInteger(r.gap), csv: (r) => r.gap, numeric: true},
      {label: "Cakupan", value: (r) => formatPercent(r.rate), csv: (r) => r.rate, numeric: true},
      {label: "Sasaran", value: (r) => formatInteger(r.sasaran), csv: (r) => r.sasaran, numeric: true},
      {label: "Peserta aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true},
      {
        label: "Peserta aktif, 12 bulan",
        value: (r) => r.trend.map((t) => formatPeople(t.aktif)).join(" "),
        csv: (r) => r.trend.map((t) => t.aktif).join(" "),
        cell: ctx.trend
      }
    ]
  };
}

/** Eligible and active per sector (no eligible column when the filter splits people). */
export function sectorTableSpec(ctx: TableContext): TableSpec<SectorCoverage> {
  return {
    name: "sektor",
    download: `jaring-sektor-${ctx.kec || "kabupaten"}-${ctx.bulan}`,
    caption: `Sasaran dan peserta aktif per sektor, ${ctx.describeFilter}`,
    columns: [
      {label: "Sektor", value: (r) => r.nama},
      ...(ctx.people ? [] : [{label: "Sasaran", value: (r: SectorCoverage) => formatInteger(r.sasaran), csv: (r: SectorCoverage) => r.sasaran, numeric: true}]),
      {label: "Peserta aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true},
      ...rateColumns<SectorCoverage>(ctx.people)
    ]
  };
}

/** Active members by age band × sex, remainders as "Tidak dirinci". */
export function ageSexTableSpec(ctx: Omit<TableContext, "people">): TableSpec<AgeSexRow> {
  return {
    name: "umur-jk",
    download: `jaring-umur-jenis-kelamin-${ctx.kec || "kabupaten"}-${ctx.bulan}`,
    caption: `Peserta aktif per kelompok umur dan jenis kelamin, ${ctx.describeFilter}`,
    columns: [
      {label: "Kelompok umur", value: (r) => (r.kelompok_umur === NOT_ITEMISED ? NOT_ITEMISED_NAME : bandName(r.kelompok_umur)), csv: (r) => r.kelompok_umur},
      {label: "Jenis kelamin", value: (r) => (r.jenis_kelamin === NOT_ITEMISED ? NOT_ITEMISED_NAME : sexName(r.jenis_kelamin)), csv: (r) => r.jenis_kelamin},
      {label: "Peserta aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true}
    ]
  };
}

export interface MonthlyWideRow {
  nama: string;
  values: ReadonlyMap<string, number | null>;
}

/** Kecamatan × month (monthlyWide's rows), tranche months marked "*"; a month without members is 0. */
export function monthlyTableSpec(ctx: {months: readonly string[]; trancheMonths: readonly string[]}): TableSpec<MonthlyWideRow> {
  const count = (r: MonthlyWideRow, m: string) => (r.values.has(m) ? r.values.get(m)! : 0);
  return {
    name: "bulanan-kecamatan",
    download: "jaring-peserta-aktif-per-bulan-kecamatan",
    caption: "Peserta aktif per bulan per kecamatan (* tahap pendaftaran)",
    maxHeight: "28rem",
    columns: [
      {label: "Kecamatan", value: (r) => r.nama},
      ...ctx.months.map((m) => ({
        label: `${formatMonthShort(m)}${ctx.trancheMonths.includes(m) ? " *" : ""}`,
        value: (r: MonthlyWideRow) => formatPeople(count(r, m)),
        csv: (r: MonthlyWideRow) => count(r, m),
        numeric: true
      }))
    ]
  };
}

/** Last month's active, entries, exits by reason, the net change and this month's active, with the total. */
export function changeTableSpec(ctx: Pick<TableContext, "kec" | "bulan"> & {before: string; total: ChangeRow}): TableSpec<ChangeRow> {
  const {kec, bulan, before} = ctx;
  return {
    name: "perubahan",
    download: `jaring-perubahan-${kec || "kabupaten"}-${bulan}`,
    caption: `Perubahan peserta aktif dari ${formatMonth(before)} ke ${formatMonth(bulan)} per ${kec ? "sektor" : "kecamatan"}`,
    captionHidden: true,
    columns: [
      {label: kec ? "Sektor" : "Kecamatan", value: (r) => r.nama},
      {label: `Aktif ${formatMonthShort(before)}`, value: (r) => formatPeople(r.aktif_sebelumnya), csv: (r) => r.aktif_sebelumnya, numeric: true},
      {label: "Baru", value: (r) => formatPeople(r.baru), csv: (r) => r.baru, numeric: true},
      {label: "Meninggal", value: (r) => formatPeople(r.keluar_meninggal), csv: (r) => r.keluar_meninggal, numeric: true},
      {label: "Batas usia", value: (r) => formatPeople(r.keluar_usia), csv: (r) => r.keluar_usia, numeric: true},
      {label: "Keluar lainnya", value: (r) => formatPeople(r.keluar_lainnya), csv: (r) => r.keluar_lainnya, numeric: true},
      // The not-itemised line's flows and active counts come from different groups: no net change there.
      {
        label: "Bersih",
        value: (r) => (r.kode === NOT_ITEMISED ? formatInteger(null) : r.neto === null ? formatPeople(null) : (r.neto > 0 ? "+" : "") + formatInteger(r.neto)),
        csv: (r) => r.neto,
        numeric: true
      },
      {label: `Aktif ${formatMonthShort(bulan)}`, value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true}
    ],
    footer: ctx.total
  };
}
