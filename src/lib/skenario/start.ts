// The planner's starting point, read from the pipeline's outputs: the program in the as-of month, what
// the claims say, the allocation and funded months of the plan, and the presets — every default of the
// Skenario page (and of a kecamatan profile's "what widening costs here"). Pure and browser-safe.
import {allocationFor, type Allocation, type AnggaranTahunan, type RencanaKas} from "../anggaran.js";
import {NOT_ITEMISED, NOT_ITEMISED_NAME} from "../suppression.js";
import {calibrateFromClaims, type Calibration, type ClaimRow} from "./calibration.js";
import {currentState, type AgeBand, type CurrentState, type EligibleRow, type MemberRow, type Pp50Discount, type ScenarioParameters} from "./model.js";
import {SLOTS, decodeState, defaultState, type PageState, type PresetContext} from "./state.js";

/** The regent's stated expansion (parameter.json `skenario_perluasan`). */
export interface StatedExpansion {
  sektor?: string[];
  target_cakupan?: number;
  catatan?: string;
}

export type PlannerParameters = ScenarioParameters & {
  skenario_perluasan?: StatedExpansion | null;
  pengali_mortalitas?: number;
  usia_min?: number;
};

export interface PlannerData {
  asOf: string;
  referensi: {
    wilayah?: {nama?: string; nama_pendek?: string};
    parameter?: PlannerParameters;
    kecamatan?: {kode: string; nama: string}[];
    sektor?: {kode: string; nama: string}[];
    kelompok_umur?: AgeBand[];
  } | null;
  anggota: readonly MemberRow[];
  sasaran: readonly EligibleRow[];
  anggaran: readonly AnggaranTahunan[];
  rencanaKas: readonly RencanaKas[];
  klaim: readonly ClaimRow[];
}

/** Too few claims say little about the multiplier: from 10 deaths, the claims' multiplier to one decimal, within 1–2.5; else null (the parameter's value stands). */
export function claimsMultiplier(kalibrasi: Pick<Calibration, "klaim" | "pengali">): number | null {
  return kalibrasi.klaim >= 10 && kalibrasi.pengali !== null ? Math.min(2.5, Math.max(1, Math.round(kalibrasi.pengali * 10) / 10)) : null;
}

/** The envelope's year: the planned year when budgeted, else the latest budgeted year before it; null without a budget. */
export function envelopeYear(anggaran: readonly Pick<AnggaranTahunan, "tahun">[], tahun: number): number | null {
  return [...new Set(anggaran.map((r) => +r.tahun))].filter((y) => y <= tahun).sort((a, b) => a - b).at(-1) ?? null;
}

/** Funded months: those of the year's cash plan (first to last, as month 1–12 and a count), else the whole year. */
export function fundedMonths(rencanaKas: readonly RencanaKas[], tahun: number): {danaAwal: number; danaBulan: number} {
  const planned = rencanaKas.filter((r) => r.bulan.startsWith(`${tahun}-`) && r.rencana > 0).map((r) => +r.bulan.slice(5, 7));
  const danaAwal = planned.length ? Math.min(...planned) : 1;
  return {danaAwal, danaBulan: planned.length ? Math.max(...planned) - danaAwal + 1 : 12};
}

/** How many months of `tahun` PP 50/2025's discount covers (0 without the parameter). */
export function discountMonths(diskon: Pp50Discount | null | undefined, tahun: number): number {
  if (!diskon) return 0;
  let n = 0;
  for (let m = 1; m <= 12; m++) {
    const key = `${tahun}-${String(m).padStart(2, "0")}`;
    if (key >= diskon.mulai && key <= diskon.akhir) n++;
  }
  return n;
}

export interface PlannerStart {
  asOf: string;
  namaWilayah: string;
  parameter: PlannerParameters;
  kecamatan: {kode: string; nama: string}[];
  sektor: {kode: string; nama: string}[];
  /** Names by code, "Tidak dirinci" for the remainder groups of a public build. */
  sektorNama: ReadonlyMap<string, string>;
  kecamatanNama: ReadonlyMap<string, string>;
  keadaan: CurrentState;
  totalSasaran: number;
  totalAktif: number;
  /** Groups with an eligible figure whose new members take the region's mix (too few members of their own). */
  mixWilayah: number;
  kalibrasi: Calibration;
  /** claimsMultiplier's value, null when the claims are too few. */
  pengaliKlaim: number | null;
  /** The work-accident share of deaths, from the claims (0 without). */
  porsiJkk: number;
  /** The planned year (the one after the as-of month's) and the years offered. */
  tahunAwal: number;
  years: number[];
  tahunPagu: number | null;
  paguAcuan: Allocation | null;
  /** The envelope year's budget lines. */
  paguLines: AnggaranTahunan[];
  perluasan: StatedExpansion | null;
  ctx: PresetContext;
  defaults: PageState;
  diskon: Pp50Discount | null;
  /**
   * A poverty indicator per kecamatan: the region pack has none (the regional statistics give poverty
   * for the regency as a whole only), so the "poorest first" order is offered but switched off.
   */
  kemiskinan: null;
}

/** Everything the planner starts from; every default is read from the data, none written in code. */
export function plannerStart(d: PlannerData): PlannerStart {
  const {asOf, referensi} = d;
  const wilayah = referensi?.wilayah ?? {};
  const parameter = referensi?.parameter ?? ({} as PlannerParameters);
  const kecamatan = referensi?.kecamatan ?? [];
  const sektor = referensi?.sektor ?? [];
  // NOT_ITEMISED: members of suppressed small groups (public build), kept as a group of their own.
  const sektorNama = new Map([...sektor.map((s) => [s.kode, s.nama] as const), [NOT_ITEMISED, NOT_ITEMISED_NAME] as const]);
  const kecamatanNama = new Map([...kecamatan.map((k) => [k.kode, k.nama] as const), [NOT_ITEMISED, NOT_ITEMISED_NAME] as const]);
  const bands = parameter.kelompok_umur ?? referensi?.kelompok_umur ?? [];
  const asOfYear = +asOf.slice(0, 4);

  const keadaan = currentState(d.anggota, d.sasaran, asOf, bands);
  const kalibrasi = calibrateFromClaims(d.anggota, d.klaim, asOf, parameter, bands);
  const pengaliKlaim = claimsMultiplier(kalibrasi);

  // The envelope: the planned year's allocation when budgeted, else the latest year's.
  const tahunAwal = asOfYear + 1;
  const tahunPagu = envelopeYear(d.anggaran, tahunAwal);
  const paguAcuan = allocationFor(d.anggaran, tahunPagu);
  const {danaAwal, danaBulan} = fundedMonths(d.rencanaKas, asOfYear);

  // The regent's stated expansion, when parameter.json has one; without it no preset speaks for the regent.
  const perluasan = parameter.skenario_perluasan ?? null;
  const ctx: PresetContext = {
    kecamatan: kecamatan.map((k) => k.kode),
    sektor: sektor.map((s) => s.kode),
    sektorPerluasan: (perluasan?.sektor ?? []).filter((k) => sektorNama.has(k)),
    targetPerluasan: Math.round((perluasan?.target_cakupan ?? 1) * 100),
    danaAwal,
    danaBulan
  };
  const defaults = defaultState(ctx, {
    tahun: tahunAwal,
    pagu: paguAcuan?.pagu_berlaku ?? 0,
    iuran: parameter.iuran_per_bulan,
    pengali: pengaliKlaim ?? parameter.pengali_mortalitas ?? 1
  });
  return {
    asOf,
    namaWilayah: wilayah.nama ?? wilayah.nama_pendek ?? "wilayah ini",
    parameter,
    kecamatan,
    sektor,
    sektorNama,
    kecamatanNama,
    keadaan,
    totalSasaran: keadaan.groups.reduce((s, g) => s + (g.sasaran ?? 0), 0),
    totalAktif: keadaan.groups.reduce((s, g) => s + g.aktif, 0),
    mixWilayah: keadaan.groups.filter((g) => g.mixFrom === "wilayah" && g.sasaran).length,
    kalibrasi,
    pengaliKlaim,
    porsiJkk: kalibrasi.porsiJkk ?? 0,
    tahunAwal,
    years: [tahunAwal, tahunAwal + 1],
    tahunPagu,
    paguAcuan,
    paguLines: tahunPagu === null ? [] : d.anggaran.filter((r) => +r.tahun === tahunPagu),
    perluasan,
    ctx,
    defaults,
    diskon: parameter.diskon_pp50_2025 ?? null,
    kemiskinan: null
  };
}

/** The state a link asks for, within what the planner offers: a year it plans, a discount only where it applies, no order without its data. */
export function initialState(search: string, start: PlannerStart): PageState {
  const s = decodeState(search, start.defaults, start.ctx);
  if (!start.years.includes(s.tahun)) s.tahun = start.defaults.tahun;
  if (discountMonths(start.diskon, s.tahun) === 0) s.diskon = false;
  for (const slot of SLOTS) if (s.slots[slot].urutan === "termiskin" && !start.kemiskinan) s.slots[slot].urutan = "terbanyak";
  return s;
}
