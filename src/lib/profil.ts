// One kecamatan's profile (src/kecamatan/[kode].md): the region pages' own derivations, called for one
// kecamatan, so a profile's figures are the figures Ringkasan, Cakupan and Anggaran show for it. Pure,
// browser-safe; the page only loads the data and lays these out.
import {benefitsByKecamatan, spendingByKecamatan, type IuranRinci, type KecamatanSpending, type PesertaSumberDana, type SpendingMethod} from "./anggaran.js";
import {
  NO_FILTER,
  byAgeSex,
  coverageByPlace,
  coverageBySector,
  monthlyByKecamatan,
  previousMonth,
  type AgeSexRow,
  type Filter,
  type Place,
  type PlaceCoverage,
  type SectorCoverage
} from "./cakupan.js";
import type {AnggotaBulanan, KlaimBulanan, Sasaran} from "./overview.js";
import {NOT_ITEMISED} from "./suppression.js";

/** A kecamatan's code as its profile's URL segment: the Kemendagri code without dots ("12.34.05" → "123405"). */
export function profileSlug(kode: string): string {
  return kode.replaceAll(".", "");
}

/** The kecamatan a URL segment names, or null. */
export function kecamatanOfSlug<K extends {kode: string}>(kecamatan: readonly K[], slug: string): K | null {
  return kecamatan.find((k) => profileSlug(k.kode) === slug) ?? null;
}

/** The profile's path below the site's root, for links (relative to a page at the root). */
export function profileHref(kode: string, from: "root" | "profile" = "root"): string {
  return `${from === "root" ? "./kecamatan/" : "./"}${profileSlug(kode)}`;
}

/** The month `n` months before `bulan` ("YYYY-MM"). */
export function monthsBefore(bulan: string, n: number): string {
  let m = bulan;
  for (let i = 0; i < n; i++) m = previousMonth(m);
  return m;
}

export interface Change {
  bulan: string;
  /** Active members then; null when not published (suppressed) or before the data begins. */
  aktif: number | null;
  /** Now minus then; null when either is unknown. */
  selisih: number | null;
}

export interface Headline {
  kode: string;
  nama: string;
  bulan: string;
  aktif: number | null;
  sasaran: number | null;
  rate: number | null;
  gap: number | null;
  /** Rank by coverage among the region's kecamatan with a coverage (1 = highest), and how many have one. */
  peringkat: number | null;
  dari: number;
  bulanLalu: Change;
  tahunLalu: Change;
}

const kecamatanFilter = (kode: string): Filter => ({...NO_FILTER, kec: kode});

/** The kecamatan's coverage row for a month, as Cakupan's kecamatan table shows it. */
function rowFor(anggota: readonly AnggotaBulanan[], sasaran: readonly Sasaran[], kecamatan: readonly Place[], bulan: string): PlaceCoverage[] {
  return coverageByPlace(anggota, sasaran, kecamatan, {bulan, level: "kecamatan", filter: NO_FILTER});
}

/** Headline figures: coverage and gap, rank among the region's kecamatan, change since last month and a year ago. */
export function kecamatanHeadline(
  anggota: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  kecamatan: readonly Place[],
  kode: string,
  bulan: string
): Headline {
  const rows = rowFor(anggota, sasaran, kecamatan, bulan);
  const own = rows.find((r) => r.kode === kode);
  const ranked = rows.filter((r) => r.kode !== NOT_ITEMISED && r.rate !== null).sort((a, b) => b.rate! - a.rate! || a.nama.localeCompare(b.nama, "id"));
  const place = ranked.findIndex((r) => r.kode === kode);
  const months = new Set(anggota.map((r) => r.bulan));
  const change = (then: string): Change => {
    const aktif = months.has(then) ? rowFor(anggota, sasaran, kecamatan, then).find((r) => r.kode === kode)?.aktif ?? 0 : null;
    const now = own?.aktif ?? null;
    return {bulan: then, aktif, selisih: aktif === null || now === null ? null : now - aktif};
  };
  return {
    kode,
    nama: own?.nama ?? kecamatan.find((k) => k.kode === kode)?.nama ?? kode,
    bulan,
    aktif: own?.aktif ?? 0,
    sasaran: own?.sasaran ?? null,
    rate: own?.rate ?? null,
    gap: own?.gap ?? null,
    peringkat: place >= 0 ? place + 1 : null,
    dari: ranked.length,
    bulanLalu: change(monthsBefore(bulan, 1)),
    tahunLalu: change(monthsBefore(bulan, 12))
  };
}

/**
 * The kecamatan's desa, largest gap first (the socialisation list): from anggota_desa, all sectors,
 * sexes and ages, as Cakupan's desa table. Desa without eligible people and the unknown-desa line last.
 */
export function desaByGap(anggotaDesa: readonly AnggotaBulanan[], sasaran: readonly Sasaran[], desa: readonly Place[], kode: string, bulan: string): PlaceCoverage[] {
  const rows = coverageByPlace(anggotaDesa, sasaran, desa, {bulan, level: "desa", filter: kecamatanFilter(kode)});
  const key = (r: PlaceCoverage) => (r.gap === null ? -1 : r.gap);
  return rows.slice().sort((a, b) => key(b) - key(a) || a.nama.localeCompare(b.nama, "id"));
}

/** The kecamatan's sectors (members in no itemised sector are left to the note, as on Cakupan). */
export function kecamatanSectors(anggota: readonly AnggotaBulanan[], sasaran: readonly Sasaran[], sektor: readonly Place[], kode: string, bulan: string): SectorCoverage[] {
  return coverageBySector(anggota, sasaran, sektor, {bulan, filter: kecamatanFilter(kode)}).filter((r) => r.sektor !== NOT_ITEMISED);
}

export function kecamatanAgeSex(anggota: readonly AnggotaBulanan[], bands: readonly string[], kode: string, bulan: string): AgeSexRow[] {
  return byAgeSex(anggota, bands, {bulan, filter: kecamatanFilter(kode)});
}

/** Registered and active members of the kecamatan by month, up to the as-of month. */
export function kecamatanTrend(anggota: readonly AnggotaBulanan[], kode: string, asOf: string | null): {bulan: string; terdaftar: number; aktif: number}[] {
  const active = monthlyByKecamatan(anggota, [], {filter: kecamatanFilter(kode), asOf}).filter((r) => r.kode === kode);
  const registered = new Map<string, number>();
  for (const row of anggota) {
    if (row.kode_kec !== kode || (asOf && row.bulan > asOf)) continue;
    registered.set(row.bulan, (registered.get(row.bulan) ?? 0) + Number(row.terdaftar ?? 0));
  }
  return active.map((r) => ({bulan: r.bulan, terdaftar: registered.get(r.bulan) ?? 0, aktif: r.aktif ?? 0}));
}

export interface KecamatanMoney {
  /** Contributions attributed to the kecamatan in the year (Anggaran's method), or null when none. */
  iuran: KecamatanSpending | null;
  cara: SpendingMethod;
  /** Claims of its members' families by year; money only where the build publishes it. */
  santunan: {tahun: number; klaim: number; santunan: number | null; ditekan: boolean}[];
}

/** Money for one kecamatan: Anggaran's attribution of contributions, and claims by year from klaim_tahunan. */
export function kecamatanMoney(
  iuranRinci: readonly IuranRinci[],
  peserta: readonly PesertaSumberDana[],
  klaimTahunan: readonly (KlaimBulanan & {tahun: number})[],
  kode: string,
  tahun: number
): KecamatanMoney {
  const inYear = (bulan: string) => bulan.startsWith(`${tahun}-`);
  const spending = spendingByKecamatan(iuranRinci.filter((r) => inYear(r.bulan)), peserta.filter((r) => inYear(r.bulan)));
  const years = [...new Set(klaimTahunan.map((r) => Number(r.tahun)))].sort((a, b) => a - b);
  const santunan = years.map((y) => {
    const b = benefitsByKecamatan(klaimTahunan.filter((r) => Number(r.tahun) === y)).find((r) => r.kode_kec === kode);
    return {tahun: y, klaim: b?.klaim ?? 0, santunan: b ? b.santunan : 0, ditekan: b?.ditekan === true};
  });
  return {iuran: spending.rows.find((r) => r.kode_kec === kode) ?? null, cara: spending.cara, santunan};
}
