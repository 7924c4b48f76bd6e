// The tables of a kecamatan profile (src/kecamatan/[kode].md), as options for dataTable
// (src/components/dataTable.ts). Pure: the page renders them. Columns as on the Cakupan page.
import type {DataTableOptions} from "../components/dataTable.js";
import type {AgeSexRow, PlaceCoverage, SectorCoverage} from "./cakupan.js";
import {formatInteger, formatMonth, formatPeople, formatPercent, formatRupiah} from "./format.js";
import {bandName, sexName} from "./kelompok.js";
import type {KecamatanYear} from "./moneyByKecamatan.js";
import {NOT_ITEMISED, NOT_ITEMISED_NAME} from "./suppression.js";

interface Context {
  kode: string;
  nama: string;
  asOf: string;
}

/** A suppressed count keeps its rate and gap hidden too (they would give it back). */
const hiddenWith = (r: {aktif: number | null}, text: string) => (r.aktif === null ? formatPeople(null) : text);

export function desaTable({kode, nama, asOf}: Context): DataTableOptions<PlaceCoverage> {
  return {
    name: "desa",
    download: `jaring-profil-desa-${kode}-${asOf}`,
    caption: `Desa di Kecamatan ${nama}, celah terbesar dahulu, ${formatMonth(asOf)}`,
    captionHidden: true,
    maxHeight: "30rem",
    columns: [
      {label: "Desa", value: (r) => r.nama},
      {label: "Celah", value: (r) => hiddenWith(r, formatInteger(r.gap)), csv: (r) => r.gap, numeric: true},
      {label: "Aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true},
      {label: "Sasaran", value: (r) => formatInteger(r.sasaran), csv: (r) => r.sasaran, numeric: true},
      {label: "Cakupan", value: (r) => hiddenWith(r, formatPercent(r.rate)), csv: (r) => r.rate, numeric: true}
    ]
  };
}

export function sectorTable({kode, nama, asOf}: Context): DataTableOptions<SectorCoverage> {
  return {
    name: "sektor",
    download: `jaring-profil-sektor-${kode}-${asOf}`,
    caption: `Sasaran dan peserta aktif per sektor, Kecamatan ${nama}, ${formatMonth(asOf)}`,
    columns: [
      {label: "Sektor", value: (r) => r.nama},
      {label: "Sasaran", value: (r) => formatInteger(r.sasaran), csv: (r) => r.sasaran, numeric: true},
      {label: "Peserta aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true},
      {label: "Cakupan", value: (r) => hiddenWith(r, formatPercent(r.rate)), csv: (r) => r.rate, numeric: true}
    ]
  };
}

export function ageSexTable({kode, nama, asOf}: Context): DataTableOptions<AgeSexRow> {
  return {
    name: "umur-jk",
    download: `jaring-profil-umur-jk-${kode}-${asOf}`,
    caption: `Peserta aktif per kelompok umur dan jenis kelamin, Kecamatan ${nama}, ${formatMonth(asOf)}`,
    columns: [
      {label: "Kelompok umur", value: (r) => (r.kelompok_umur === NOT_ITEMISED ? NOT_ITEMISED_NAME : bandName(r.kelompok_umur)), csv: (r) => r.kelompok_umur},
      {label: "Jenis kelamin", value: (r) => (r.jenis_kelamin === NOT_ITEMISED ? NOT_ITEMISED_NAME : sexName(r.jenis_kelamin)), csv: (r) => r.jenis_kelamin},
      {label: "Peserta aktif", value: (r) => formatPeople(r.aktif), csv: (r) => r.aktif, numeric: true}
    ]
  };
}

export function trendTable({kode, nama}: Context): DataTableOptions<{bulan: string; terdaftar: number; aktif: number}> {
  return {
    name: "bulanan",
    download: `jaring-profil-bulanan-${kode}`,
    caption: `Peserta terdaftar dan aktif per bulan, Kecamatan ${nama}`,
    columns: [
      {label: "Bulan", value: (m) => formatMonth(m.bulan), csv: (m) => m.bulan},
      {label: "Terdaftar", value: (m) => formatInteger(m.terdaftar), csv: (m) => m.terdaftar, numeric: true},
      {label: "Aktif", value: (m) => formatInteger(m.aktif), csv: (m) => m.aktif, numeric: true}
    ]
  };
}

/** Claims by year (a year with hidden claims says so); the money column only where the build publishes it (an internal one). */
export function claimsTable({kode, nama}: Context, years: readonly KecamatanYear[]): DataTableOptions<KecamatanYear> {
  const money = years.some((r) => r.santunan !== null && !r.ditekan && r.klaim > 0);
  const claims = (r: KecamatanYear) => (!r.ditekan ? formatInteger(r.klaim) : r.klaim ? `${formatInteger(r.klaim)} + ${formatPeople(null)}` : formatPeople(null));
  return {
    name: "santunan",
    download: `jaring-profil-klaim-${kode}`,
    caption: `Klaim santunan keluarga peserta per tahun, Kecamatan ${nama}`,
    captionHidden: true,
    columns: [
      {label: "Tahun", value: (r) => String(r.tahun), csv: (r) => r.tahun},
      {label: "Klaim", value: claims, csv: (r) => (r.ditekan ? null : r.klaim), numeric: true},
      ...(money ? [{label: "Santunan dan beasiswa", value: (r: KecamatanYear) => (r.ditekan ? formatPeople(null) : formatRupiah(r.santunan)), csv: (r: KecamatanYear) => (r.ditekan ? null : r.santunan), numeric: true}] : [])
    ]
  };
}
