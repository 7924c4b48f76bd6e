// One kecamatan's profile (src/kecamatan/[kode].md): the region pages' own derivations, called for one
// kecamatan, so a profile's figures are the figures Ringkasan, Cakupan and Anggaran show for it. Pure,
// browser-safe; the page only loads the data and lays these out.
// Money per kecamatan is moneyByKecamatan.ts's (moneyOfKecamatanByYear), called by the page directly.
import {
  NO_FILTER,
  activeChange,
  byAgeSex,
  coverageByPlace,
  coverageBySector,
  coverageRank,
  desaCoverage,
  kecamatanActiveByMonth,
  largestGapsFirst,
  type AgeSexRow,
  type Filter,
  type Place,
  type PlaceCoverage,
  type SectorCoverage
} from "./cakupan.js";
import type {AnggotaBulanan, Sasaran} from "./overview.js";
import {NOT_ITEMISED} from "./suppression.js";

/** A kecamatan's code as its profile's URL segment: the Kemendagri code without dots ("12.34.05" → "123405"). */
export function profileSlug(kode: string): string {
  return kode.replaceAll(".", "");
}

/** The kecamatan a URL segment names, or null. */
export function kecamatanOfSlug<K extends {kode: string}>(kecamatan: readonly K[], slug: string): K | null {
  return kecamatan.find((k) => profileSlug(k.kode) === slug) ?? null;
}

/** The planner with this kecamatan chosen: in the regent's expansion and its fit (B, C), else a custom A. */
export function scenarioHref(kode: string, expansionStated: boolean): string {
  const query = expansionStated ? `b_kec=${kode}&c_kec=${kode}` : `edit=a&a_preset=kustom&a_kec=${kode}`;
  return `../skenario?${query}`;
}

/** The profile's path below the site's root, for links (relative to a page at the root). */
export function profileHref(kode: string, from: "root" | "profile" = "root"): string {
  return `${from === "root" ? "./kecamatan/" : "./"}${profileSlug(kode)}`;
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
  /** Rank by coverage among the region's kecamatan with a coverage (1 = highest; ties share it), and how many have one. */
  peringkat: number | null;
  dari: number;
  bulanLalu: Change;
  tahunLalu: Change;
}

const kecamatanFilter = (kode: string): Filter => ({...NO_FILTER, kec: kode});

/** Headline figures: coverage and gap, rank among the region's kecamatan, change since last month and a year ago. */
export function kecamatanHeadline(
  anggota: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  kecamatan: readonly Place[],
  kode: string,
  bulan: string
): Headline {
  const rows = coverageByPlace(anggota, sasaran, kecamatan, {bulan, level: "kecamatan", filter: NO_FILTER});
  const own = rows.find((r) => r.kode === kode);
  const rank = coverageRank(rows, kode);
  const change = (months: number): Change => {
    const c = activeChange(anggota, {bulan, months, filter: kecamatanFilter(kode)});
    return {bulan: c.sejak, aktif: c.aktif_sebelumnya, selisih: c.neto};
  };
  return {
    kode,
    nama: own?.nama ?? kecamatan.find((k) => k.kode === kode)?.nama ?? kode,
    bulan,
    aktif: own?.aktif ?? 0,
    sasaran: own?.sasaran ?? null,
    rate: own?.rate ?? null,
    gap: own?.gap ?? null,
    peringkat: rank?.rank ?? null,
    dari: rank?.of ?? rows.filter((r) => r.rate !== null && r.kode !== NOT_ITEMISED).length,
    bulanLalu: change(1),
    tahunLalu: change(12)
  };
}

/**
 * The kecamatan's desa, largest gap first (the socialisation list): Cakupan's desa table for the
 * kecamatan with every sector, sex and age (anggota_desa in a public build).
 */
export function desaByGap(
  anggota: readonly AnggotaBulanan[],
  anggotaDesa: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  desa: readonly Place[],
  kode: string,
  bulan: string
): PlaceCoverage[] {
  return largestGapsFirst(desaCoverage(anggota, anggotaDesa, sasaran, desa, {bulan, filter: kecamatanFilter(kode)}).rows);
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
  const active = kecamatanActiveByMonth(anggota, kode, {asOf});
  const registered = new Map<string, number>();
  for (const row of anggota) {
    if (row.kode_kec !== kode || (asOf && row.bulan > asOf)) continue;
    registered.set(row.bulan, (registered.get(row.bulan) ?? 0) + Number(row.terdaftar ?? 0));
  }
  return active.map((r) => ({bulan: r.bulan, terdaftar: registered.get(r.bulan) ?? 0, aktif: r.aktif ?? 0}));
}
