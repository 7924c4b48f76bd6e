// The Cakupan page's sentences that depend on the view (Bahasa Indonesia, as the page prints them):
// what is shown, and why some figures are not split. Pure.
import type {ChangeRow, Filter, MonthIntake} from "./cakupan.js";
import {formatInteger, formatMonth, formatMonthShort, formatPeople} from "./format.js";
import {bandName, sexName} from "./kelompok.js";

/** "Kecamatan <name>" when drilled in, else "semua kecamatan". */
export function placeWhere(kec: string, kecName: ReadonlyMap<string, string>): string {
  return kec ? `Kecamatan ${kecName.get(kec)}` : "semua kecamatan";
}

/** The view in one line: place · sectors · sex · age · month. */
export function describeFilter(filter: Filter, bulan: string, names: {kecName: ReadonlyMap<string, string>; sectorName: ReadonlyMap<string, string>}): string {
  return [
    placeWhere(filter.kec, names.kecName),
    filter.sektor.length ? `sektor ${filter.sektor.map((s) => names.sectorName.get(s)).join(", ")}` : "semua sektor",
    filter.jk ? sexName(filter.jk).toLowerCase() : null,
    filter.umur ? `usia ${bandName(filter.umur)}` : null,
    formatMonth(bulan)
  ]
    .filter(Boolean)
    .join(" · ");
}

export const PEOPLE_NOTE =
  "Sasaran tidak dirinci menurut jenis kelamin atau kelompok umur. Dengan filter ini halaman menampilkan jumlah peserta aktif saja; cakupan dan celah hanya dihitung untuk pilihan wilayah dan sektor.";

export const DESA_UNSPLIT_NOTE =
  "Peta dan tabel desa menampilkan semua sektor, jenis kelamin dan umur: rincian desa menurut pilihan itu tidak diterbitkan di situs publik karena angkanya kecil. Angka utama di atas mengikuti pilihan Anda.";

/** The note under a chart or table that cannot split `n` members by `what`; empty when none. */
export function unsplitNote(n: number, what: string, where: string): string {
  return n > 0 ? `${formatInteger(n)} peserta tidak dirinci menurut ${what} karena kelompoknya kecil; ${where}.` : "";
}

/** "(Jan 25: 1.234 baru; Jul 25: 980 baru)": the enrolment tranches in the small multiples' subtitle; empty when none. */
export function tranchesNote(tranches: readonly MonthIntake[]): string {
  return tranches.length ? ` (${tranches.map((t) => `${formatMonthShort(t.bulan)}: ${formatInteger(t.baru)} baru`).join("; ")})` : "";
}

/**
 * The subtitle of "what changed": the entries and exits when they are published for the view, else
 * why not; and that the age band is not applied (perubahan has no age split).
 */
export function changeSubtitle(total: ChangeRow, options: {itemised: boolean; umur: string}): string {
  const {itemised, umur} = options;
  const flows =
    total.baru === null
      ? itemised
        ? "Rincian peserta baru dan keluar ditekan (angka kecil; lihat catatan di bawah)"
        : "Peserta baru dan keluar terbit hanya untuk seluruh kabupaten: per kecamatan, sektor atau jenis kelamin angkanya dapat dipakai menghitung angka yang ditekan (lihat Metodologi). Perubahan bersih per baris berasal dari jumlah peserta aktif"
      : `${formatPeople(total.baru)} peserta baru; keluar ${formatPeople(total.keluar_meninggal)} meninggal, ${formatPeople(total.keluar_usia)} mencapai batas usia, ${formatPeople(total.keluar_lainnya)} lainnya (masa kepesertaan berakhir, bulan tidak didanai, atau pindah kecamatan/sektor)${itemised ? "" : "; per kecamatan hanya perubahan bersihnya yang terbit (lihat Metodologi)"}`;
  return `${flows}.${umur ? " Perubahan tidak dirinci menurut kelompok umur (peserta berpindah kelompok saat bertambah usia): bagian ini memakai semua umur." : ""}`;
}
