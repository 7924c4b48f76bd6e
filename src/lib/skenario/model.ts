// The expansion scenario model: from the program's state in the as-of month (members by kecamatan ×
// sector × sex × age band, eligible people by kecamatan × sector) to next year's members, contributions,
// deaths and benefits under a scenario (which sectors and kecamatan to add, the coverage target, the
// months funded, the enrolment tranches). Pure, no DOM; browser-safe.
//
// Method (explained on the page and in docs/ARCHITECTURE.md):
// - Members sit in cells sex × age band. Each month a member dies with probability qx × multiplier / 12
//   (qx: TMI IV 2019 averaged over the band's ages, the sample generator's convention), and of the
//   survivors 1 / (12 × band width) move to the next band — or, from the top band, reach the maximum
//   age and leave. That is the age-out approximation: ages are taken as evenly spread within a band.
// - Everything is linear in the members present at a start month, so the model precomputes what one
//   member in each cell at each start month (the as-of month, each tranche) becomes, and every output
//   is a sum of those responses. The fit-to-budget search and the final figures use the same sums in
//   the same order, so the figure the fit checked is the figure shown.
// - Money is integer rupiah: each month's contribution is rounded once (members × contribution).

import {ratio} from "../overview.js";
import {NOT_ITEMISED} from "../suppression.js";

export type Sex = "L" | "P";
export const SEXES: readonly Sex[] = ["L", "P"];

export interface AgeBand {
  kode: string;
  dari: number;
  sampai: number;
}

/** PP 50/2025's temporary 50% cut of BPU JKK + JKM contributions (parameter.json `diskon_pp50_2025`). */
export interface Pp50Discount {
  /** Share of the contribution waived, 0..1. */
  persen: number;
  /** First and last contribution month the cut applies to ("YYYY-MM"). */
  mulai: string;
  akhir: string;
  /** Whether members whose contributions an APBD pays get the cut (reported: they do not). */
  berlaku_untuk_apbd?: boolean;
  catatan?: string;
  perlu_verifikasi?: boolean;
}

/** The program rules the model reads (a subset of parameter.json / referensi.json `parameter`). */
export interface ScenarioParameters {
  iuran_per_bulan: number;
  usia_maks: number;
  santunan_jkm: number;
  santunan_jkm_sebelum_3_bulan: number;
  santunan_jkk_meninggal: number;
  tmi_iv_2019: {usia_mulai: number; laki_laki: number[]; perempuan: number[]};
  kelompok_umur: AgeBand[];
  diskon_pp50_2025?: Pp50Discount | null;
}

/**
 * A row of anggota_bulanan.arrow (only the columns the model reads). Public build: `aktif` is null when
 * suppressed, and remainder rows (`sisa`) carry the hidden members with the finer columns null.
 */
export interface MemberRow {
  bulan: string;
  kode_kec: string | null;
  sektor?: string | null;
  jenis_kelamin?: string | null;
  kelompok_umur?: string | null;
  aktif: number | null;
  sisa?: boolean | null;
}

/** A row of sasaran.arrow. */
export interface EligibleRow {
  kode_kec: string;
  sektor?: string | null;
  jumlah: number;
}

/** One kecamatan × sector: the unit a planner enrols. */
export interface Group {
  kode_kec: string;
  sektor: string;
  /** Eligible people; null when sasaran has no row for the group. */
  sasaran: number | null;
  /** Active members in the as-of month. */
  aktif: number;
  /** Active members in the as-of month by cell (see `cellIndex`). */
  cells: number[];
  /** Sex × age shares assumed for new members (sasaran has no sex or age split). */
  mix: number[];
  /** Where `mix` comes from: the group's own active members, or the whole region's. */
  mixFrom: "kelompok" | "wilayah";
  /** Public build: the group's active members are suppressed (too few); `aktif` is 0 and they are in a remainder group. */
  ditekan?: true;
}

export interface CurrentState {
  asOf: string;
  bands: AgeBand[];
  /** Cell labels, in cell order: sex-major, then band. */
  cells: {sex: Sex; band: string}[];
  groups: Group[];
  regionMix: number[];
  /** Active members whose sex or age band is unknown, spread over cells by the region's mix. */
  unclassified: number;
  /**
   * Active members a public build does not place in a kecamatan × sector (suppressed small groups,
   * published only as a kecamatan's or the region's remainder). They are kept, as groups with sector
   * (and, region-wide, kecamatan) NOT_ITEMISED and no sasaran: they cost contributions and die or age
   * out like everyone, but are never enrolment targets. 0 when internal.
   */
  notItemised: number;
  /** A group needs at least this many active members for its own mix to be used. */
  minMixMembers: number;
}

const num = (value: unknown): number => {
  const n = typeof value === "bigint" ? Number(value) : Number(value);
  return Number.isFinite(n) ? n : 0;
};

/** Index of the cell for a sex and band: sex-major. */
export function cellIndex(sex: number, band: number, bandCount: number): number {
  return sex * bandCount + band;
}

/**
 * The program in the as-of month, by kecamatan × sector: active members by cell and eligible people.
 * A group with at least `minMixMembers` active members lends its own sex × age mix to its new
 * members; a smaller one (or a new sector) takes the region's mix.
 */
export function currentState(
  anggota: readonly MemberRow[],
  sasaran: readonly EligibleRow[],
  asOf: string,
  bands: readonly AgeBand[],
  options: {minMixMembers?: number} = {}
): CurrentState {
  const minMixMembers = options.minMixMembers ?? 30;
  const nb = bands.length;
  const nc = SEXES.length * nb;
  const bandOf = new Map(bands.map((b, i) => [b.kode, i]));
  const groups = new Map<string, {kode_kec: string; sektor: string; sasaran: number | null; aktif: number; cells: number[]; unknown: number}>();
  const group = (kode_kec: string, sektor: string) => {
    const key = `${kode_kec}|${sektor}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = {kode_kec, sektor, sasaran: null, aktif: 0, cells: new Array(nc).fill(0), unknown: 0}));
    return g;
  };
  const region = new Array(nc).fill(0);
  let unclassified = 0;
  let notItemised = 0;
  const hidden = new Set<string>();
  for (const row of anggota) {
    if (row.bulan !== asOf) continue;
    if (row.aktif === null && row.kode_kec != null) hidden.add(`${row.kode_kec}|${row.sektor ?? "lainnya"}`);
    const n = num(row.aktif);
    if (!n) continue;
    // A remainder with no sector (or no kecamatan): its own group, not "lainnya" (a sector of its own).
    const unplaced = row.kode_kec == null || (row.sisa === true && row.sektor == null);
    if (unplaced) notItemised += n;
    const g = unplaced ? group(row.kode_kec ?? NOT_ITEMISED, NOT_ITEMISED) : group(row.kode_kec!, row.sektor ?? "lainnya");
    g.aktif += n;
    const s = SEXES.indexOf(row.jenis_kelamin as Sex);
    const b = row.kelompok_umur == null ? undefined : bandOf.get(row.kelompok_umur);
    if (s < 0 || b === undefined) {
      g.unknown += n;
      unclassified += n;
      continue;
    }
    g.cells[cellIndex(s, b, nb)] += n;
    region[cellIndex(s, b, nb)] += n;
  }
  for (const row of sasaran) {
    if (row.kode_kec == null) continue;
    const g = group(row.kode_kec, row.sektor ?? "lainnya");
    g.sasaran = (g.sasaran ?? 0) + num(row.jumlah);
  }
  const regionTotal = region.reduce((s, v) => s + v, 0);
  // With no classified member at all, assume an even spread (stated on the page as the region's mix).
  const regionMix = regionTotal > 0 ? region.map((v) => v / regionTotal) : new Array(nc).fill(1 / nc);
  const out: Group[] = [...groups.values()]
    .sort((a, b) => (a.kode_kec < b.kode_kec ? -1 : a.kode_kec > b.kode_kec ? 1 : a.sektor < b.sektor ? -1 : a.sektor > b.sektor ? 1 : 0))
    .map((g) => {
      const cells = g.cells.map((v, i) => v + g.unknown * regionMix[i]);
      const known = g.cells.reduce((s, v) => s + v, 0);
      const own = known >= minMixMembers && known > 0;
      const suppressed = g.aktif === 0 && hidden.has(`${g.kode_kec}|${g.sektor}`);
      return {
        kode_kec: g.kode_kec,
        sektor: g.sektor,
        sasaran: g.sasaran,
        aktif: g.aktif,
        cells,
        mix: own ? g.cells.map((v) => v / known) : regionMix.slice(),
        mixFrom: own ? ("kelompok" as const) : ("wilayah" as const),
        ...(suppressed ? {ditekan: true as const} : {})
      };
    });
  return {
    asOf,
    bands: bands.slice(),
    cells: SEXES.flatMap((sex) => bands.map((b) => ({sex, band: b.kode}))),
    groups: out,
    regionMix,
    unclassified,
    notItemised,
    minMixMembers
  };
}

export type FitOrder = "terbanyak" | "celah" | "termiskin";

/** What a planner chooses. Months are 1..12 of the planned year. */
export interface Scenario {
  /** Sectors to widen the net to (enrol up to the target). Empty: the status quo. */
  sektor: string[];
  /** Kecamatan where the net is widened. */
  kecamatan: string[];
  /** Coverage target for the chosen groups, 0..1 (active ÷ eligible). */
  target: number;
  /** A sector's own target, overriding `target`. */
  targetSektor?: Readonly<Record<string, number>>;
  /** A group's own target ("kode_kec|sektor"), overriding `targetSektor` and `target` (the roadmap's "hold today's rate"). */
  targetKelompok?: Readonly<Record<string, number>>;
  /** First funded month (1..12) and number of months funded (0..12): a funding gap is a coverage gap. */
  danaAwal: number;
  danaBulan: number;
  /** Month the first tranche of new members is enrolled (1..12). */
  mulai: number;
  /** Number of equal enrolment tranches (1..3) and months between them. */
  tahap: number;
  jarakTahap: number;
  /** "target": enrol every chosen group up to its target; "pagu": enrol groups in order while the allocation lasts. */
  mode: "target" | "pagu";
  /** The order of enrolment when fitting to the allocation. */
  urutan: FitOrder;
}

/** Assumptions shared by the scenarios compared side by side. */
export interface Assumptions {
  /** The planned year; after the as-of month's year. */
  tahun: number;
  /** The allocation (pagu) the cost is set against, rupiah. */
  pagu: number;
  /** Contribution per member-month before any discount, rupiah. */
  iuran: number;
  /** Apply PP 50/2025's temporary discount in the months it covers. */
  diskon: boolean;
  /** Mortality multiplier on TMI IV (insured lives understate deaths among poor workers). */
  pengali: number;
  /** Share of deaths that are work accidents (JKK), e.g. from the claims. */
  porsiJkk: number;
  /** A poverty indicator per kecamatan (higher = poorer), for the "termiskin" order; none available → null. */
  kemiskinan?: ReadonlyMap<string, number> | null;
}

export interface MonthResult {
  bulan: string;
  didanai: boolean;
  /** Expected members enrolled at the start of the month (covered or not). */
  terdaftar: number;
  /** Members covered: enrolled and the month funded. */
  aktif: number;
  /** Of which enrolled in this scenario's tranches. */
  aktifBaru: number;
  /** Contribution for the month, integer rupiah (0 when unfunded). */
  iuran: number;
  iuranKumulatif: number;
  /** Expected deaths among covered members in the month. */
  kematian: number;
}

export interface GroupResult {
  kode_kec: string;
  sektor: string;
  sasaran: number | null;
  /** Active in the as-of month. */
  aktifAwal: number;
  /** New members enrolled by this scenario (people). */
  baru: number;
  /** Expected members in the reference month (the last funded month). */
  aktifAcuan: number;
  cakupan: number | null;
  /** Target coverage applied (null: the group is not widened). */
  target: number | null;
  mixFrom: "kelompok" | "wilayah";
}

export interface KecamatanCoverage {
  kode_kec: string;
  aktif: number;
  sasaran: number | null;
  rate: number | null;
}

export interface FitStep {
  kode_kec: string;
  sektor: string;
  baru: number;
  /** The group's contribution for the year, rupiah (expected). */
  biaya: number;
  dipilih: boolean;
  /** Cost of the whole scenario after this step (selected groups only). */
  biayaKumulatif: number;
  /** Why it is where it is: the ordering key in words, or why it was skipped. */
  alasan: string;
}

export interface Interval {
  harapan: number;
  bawah: number;
  atas: number;
}

export interface ScenarioResult {
  tahun: number;
  bulan: MonthResult[];
  /** The month coverage is reported for: the last funded month (December when none is funded). */
  bulanAcuan: string;
  biayaTahun: number;
  /** pagu − biayaTahun: positive = room left, negative = shortfall. */
  selisihPagu: number;
  /** Status-quo cost (existing members only) for the same months. */
  biayaStatusQuo: number;
  pesertaBaru: number;
  /** Expected members covered in at least one funded month (one member = one family). */
  keluargaTerlindungi: number;
  biayaPerKeluarga: number | null;
  /** Member-months covered. */
  bulanPeserta: number;
  /** Expected deaths among covered members, with a 95% Poisson interval. */
  kematian: Interval;
  /** Expected deaths in unfunded months: families who receive nothing. */
  kematianTakTerlindungi: number;
  /** Expected benefits paid by BPJS Ketenagakerjaan to families (not an APBD cost), 95% interval. */
  santunan: Interval & {jkm: number; jkk: number};
  /** Coverage after expansion in `bulanAcuan`. */
  kecamatan: KecamatanCoverage[];
  kelompok: GroupResult[];
  /** The fit's order and choices (mode "pagu"), else null. */
  urutan: FitStep[] | null;
  /** What the rest of the allocation would buy in the first group the fit skipped. */
  sisa: {rupiah: number; kode_kec: string; sektor: string; orang: number} | null;
  /** Months of the year that get the PP 50/2025 discount. */
  bulanDiskon: number;
}

// ---- months -----------------------------------------------------------------------------------

function monthNumber(key: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(key);
  if (!m) throw new Error(`bulan tidak valid: ${key}`);
  return +m[1] * 12 + (+m[2] - 1);
}

function monthKey(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/** The funded months of a scenario as a 12-long mask (index 0 = January). */
export function fundedMask(s: Pick<Scenario, "danaAwal" | "danaBulan">): boolean[] {
  const first = clampInt(s.danaAwal, 1, 12);
  const count = clampInt(s.danaBulan, 0, 12);
  return Array.from({length: 12}, (_, i) => i + 1 >= first && i + 1 < first + count);
}

/** The months (1..12) tranches start, each within the year, without repeats. */
export function trancheMonths(s: Pick<Scenario, "mulai" | "tahap" | "jarakTahap">): number[] {
  const start = clampInt(s.mulai, 1, 12);
  const count = clampInt(s.tahap, 1, 3);
  const gap = clampInt(s.jarakTahap, 1, 11);
  const months: number[] = [];
  for (let k = 0; k < count; k++) if (start + k * gap <= 12) months.push(start + k * gap);
  return months;
}

function clampInt(value: number, lo: number, hi: number): number {
  const n = Math.round(Number.isFinite(value) ? value : lo);
  return Math.min(hi, Math.max(lo, n));
}

/** Splits `n` people into `k` tranches as evenly as whole people allow, earlier tranches first. */
export function splitTranches(n: number, k: number): number[] {
  const base = Math.floor(n / k);
  const out = new Array<number>(k);
  for (let i = 0; i < k; i++) out[i] = base + (i < n - base * k ? 1 : 0);
  return out;
}

// ---- the cell dynamics ---------------------------------------------------------------------------

interface Dynamics {
  nc: number;
  nb: number;
  /** Monthly death probability per cell. */
  death: number[];
  /** Monthly share of survivors moving up a band (or out, from the top band). */
  up: number[];
}

/** Annual death probability (TMI IV qx averaged over the band's ages) and band width, per cell. */
export function cellRates(p: ScenarioParameters, bands: readonly AgeBand[]): {qx: number[]; ages: number[]} {
  const tmi = p.tmi_iv_2019;
  const qx: number[] = [];
  const ages: number[] = [];
  for (const sex of SEXES) {
    const table = sex === "L" ? tmi.laki_laki : tmi.perempuan;
    for (const band of bands) {
      // Members are younger than usia_maks: a band written "60-65" holds ages 60..64.
      const last = Math.min(band.sampai, p.usia_maks - 1);
      const qs: number[] = [];
      for (let age = band.dari; age <= last; age++) qs.push(table[Math.min(table.length - 1, Math.max(0, age - tmi.usia_mulai))]);
      qx.push(qs.length ? qs.reduce((s, v) => s + v, 0) / qs.length : 0);
      ages.push(qs.length);
    }
  }
  return {qx, ages};
}

function dynamics(p: ScenarioParameters, bands: readonly AgeBand[], multiplier: number): Dynamics {
  const {qx, ages} = cellRates(p, bands);
  return {
    nc: qx.length,
    nb: bands.length,
    death: qx.map((q) => Math.min(1, (q * multiplier) / 12)),
    up: ages.map((n) => (n ? 1 / (12 * n) : 1))
  };
}

/** One month on: deaths first, then survivors age up a band (out of the program from the top band). */
function step(d: Dynamics, v: Float64Array, next: Float64Array): number {
  let deaths = 0;
  next.fill(0);
  for (let s = 0; s < SEXES.length; s++) {
    for (let b = 0; b < d.nb; b++) {
      const c = s * d.nb + b;
      const dead = v[c] * d.death[c];
      deaths += dead;
      const alive = v[c] - dead;
      const moving = alive * d.up[c];
      next[c] += alive - moving;
      if (b + 1 < d.nb) next[c + 1] += moving;
    }
  }
  return deaths;
}

/**
 * What one member in cell c at month index `start` becomes in each of the 12 planned months:
 * members at the start of the month, and deaths during it. Month index 0 is the as-of month.
 */
interface Response {
  members: Float64Array; // [cell * 12 + month]
  deaths: Float64Array;
}

function response(d: Dynamics, start: number, firstPlanned: number): Response {
  const members = new Float64Array(d.nc * 12);
  const deaths = new Float64Array(d.nc * 12);
  const v = new Float64Array(d.nc);
  const next = new Float64Array(d.nc);
  for (let c = 0; c < d.nc; c++) {
    v.fill(0);
    v[c] = 1;
    for (let t = start; t < firstPlanned + 12; t++) {
      const total = v.reduce((s, x) => s + x, 0);
      const dead = step(d, v, next);
      if (t >= firstPlanned) {
        members[c * 12 + t - firstPlanned] = total;
        deaths[c * 12 + t - firstPlanned] = dead;
      }
      v.set(next);
    }
  }
  return {members, deaths};
}

// ---- the scenario -----------------------------------------------------------------------------

/** The target a group is widened to, or null when the scenario does not widen it. */
function groupTarget(g: Group, s: Scenario, sektor: ReadonlySet<string>, kecamatan: ReadonlySet<string>): number | null {
  if (!sektor.has(g.sektor) || !kecamatan.has(g.kode_kec) || g.sasaran == null || g.sasaran <= 0) return null;
  const t = s.targetKelompok?.[`${g.kode_kec}|${g.sektor}`] ?? s.targetSektor?.[g.sektor] ?? s.target;
  return Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
}

/**
 * Everything the model needs for one scenario's months: responses of one member per cell from the
 * as-of month and from each tranche month, the funded mask and the contribution of each month.
 */
interface Plan {
  d: Dynamics;
  months: string[];
  funded: boolean[];
  iuran: number[];
  tranches: number[];
  existing: Response;
  cohorts: Response[];
  /** Per cohort and cell: expected members at the first funded month at or after enrolment. */
  familiesPerCohort: Float64Array[];
  /** Per cohort, per cell, per month: deaths within the cohort's first 3 funded months (lower JKM). */
  earlyDeaths: Float64Array[];
  familiesExisting: Float64Array;
  refIndex: number;
}

function plan(state: CurrentState, s: Scenario, a: Assumptions, p: ScenarioParameters): Plan {
  const d = dynamics(p, state.bands, a.pengali);
  const asOf = monthNumber(state.asOf);
  const first = a.tahun * 12;
  if (first <= asOf) throw new Error(`tahun rencana ${a.tahun} harus sesudah bulan data ${state.asOf}`);
  const firstPlanned = first - asOf; // month index of January of the planned year
  const months = Array.from({length: 12}, (_, i) => monthKey(first + i));
  const funded = fundedMask(s);
  const discount = a.diskon ? p.diskon_pp50_2025 ?? null : null;
  const iuran = months.map((m) => (discount && m >= discount.mulai && m <= discount.akhir ? a.iuran * (1 - discount.persen) : a.iuran));
  const tranches = trancheMonths(s);
  const existing = response(d, 0, firstPlanned);
  const cohorts = tranches.map((m) => response(d, firstPlanned + m - 1, firstPlanned));
  const firstFundedFrom = (m: number) => {
    for (let i = m; i < 12; i++) if (funded[i]) return i;
    return -1;
  };
  const families = (r: Response, from: number) => {
    const out = new Float64Array(d.nc);
    const f = firstFundedFrom(from);
    if (f >= 0) for (let c = 0; c < d.nc; c++) out[c] = r.members[c * 12 + f];
    return out;
  };
  const earlyDeaths = cohorts.map((r, k) => {
    const out = new Float64Array(d.nc * 12);
    let seen = 0;
    for (let i = tranches[k] - 1; i < 12 && seen < 3; i++) {
      if (!funded[i]) continue;
      seen++;
      for (let c = 0; c < d.nc; c++) out[c * 12 + i] = r.deaths[c * 12 + i];
    }
    return out;
  });
  let refIndex = 11;
  for (let i = 11; i >= 0; i--) if (funded[i]) {
    refIndex = i;
    break;
  }
  return {
    d,
    months,
    funded,
    iuran,
    tranches,
    existing,
    cohorts,
    familiesPerCohort: cohorts.map((r, k) => families(r, tranches[k] - 1)),
    earlyDeaths,
    familiesExisting: families(existing, 0),
    refIndex
  };
}

/** The members a plan holds, as coefficients on the responses: existing by cell, new by cohort × cell. */
interface Holdings {
  existing: Float64Array;
  cohorts: Float64Array[];
}

function emptyHoldings(pl: Plan): Holdings {
  return {existing: new Float64Array(pl.d.nc), cohorts: pl.tranches.map(() => new Float64Array(pl.d.nc))};
}

function addGroupNew(h: Holdings, pl: Plan, mix: readonly number[], people: number): void {
  const parts = splitTranches(people, pl.tranches.length);
  for (let k = 0; k < parts.length; k++) for (let c = 0; c < pl.d.nc; c++) h.cohorts[k][c] += parts[k] * mix[c];
}

/** Members (covered or not) in each month from holdings. */
function membersByMonth(pl: Plan, h: Holdings): {all: Float64Array; fresh: Float64Array} {
  const all = new Float64Array(12);
  const fresh = new Float64Array(12);
  const nc = pl.d.nc;
  for (let c = 0; c < nc; c++) {
    const e = h.existing[c];
    if (e) for (let m = 0; m < 12; m++) all[m] += e * pl.existing.members[c * 12 + m];
  }
  h.cohorts.forEach((coef, k) => {
    const start = pl.tranches[k] - 1;
    for (let c = 0; c < nc; c++) {
      const n = coef[c];
      if (!n) continue;
      for (let m = start; m < 12; m++) fresh[m] += n * pl.cohorts[k].members[c * 12 + m];
    }
  });
  for (let m = 0; m < 12; m++) all[m] += fresh[m];
  return {all, fresh};
}

/** The year's contributions: each funded month's members × contribution, rounded once per month. */
function yearCost(pl: Plan, all: Float64Array): number {
  let total = 0;
  for (let m = 0; m < 12; m++) if (pl.funded[m]) total += Math.round(all[m] * pl.iuran[m]);
  return total;
}

/** A group's new members by month: `people` split over the tranches, each with the group's mix. */
function groupMonthly(pl: Plan, mix: readonly number[], people: number): Float64Array {
  const out = new Float64Array(12);
  const parts = splitTranches(people, pl.tranches.length);
  for (let k = 0; k < parts.length; k++) {
    if (!parts[k]) continue;
    const members = pl.cohorts[k].members;
    for (let c = 0; c < pl.d.nc; c++) {
      const w = parts[k] * mix[c];
      if (!w) continue;
      for (let m = pl.tranches[k] - 1; m < 12; m++) out[m] += w * members[c * 12 + m];
    }
  }
  return out;
}

/** People a group needs to reach its target, counting the existing members still there at enrolment. */
function newPeople(pl: Plan, g: Group, target: number): number {
  const want = Math.round(target * (g.sasaran ?? 0));
  const at = pl.tranches[0] - 1;
  let still = 0;
  for (let c = 0; c < pl.d.nc; c++) still += g.cells[c] * pl.existing.members[c * 12 + at];
  return Math.max(0, want - Math.round(still));
}

interface Candidate {
  g: Group;
  target: number;
  baru: number;
  /** The group's new members by month (covered or not). */
  monthly: Float64Array;
  /** Expected contribution of the group's new members alone (for ordering and the explanation). */
  biaya: number;
}

function fitOrder(cands: Candidate[], urutan: FitOrder, kemiskinan: ReadonlyMap<string, number> | null | undefined): Candidate[] {
  const byKey = (a: Candidate, b: Candidate) =>
    a.g.kode_kec < b.g.kode_kec ? -1 : a.g.kode_kec > b.g.kode_kec ? 1 : a.g.sektor < b.g.sektor ? -1 : a.g.sektor > b.g.sektor ? 1 : 0;
  const rate = (g: Group) => (g.sasaran ? g.aktif / g.sasaran : 1);
  if (urutan === "celah") return cands.slice().sort((a, b) => rate(a.g) - rate(b.g) || b.baru - a.baru || byKey(a, b));
  if (urutan === "termiskin") {
    if (!kemiskinan || !kemiskinan.size) throw new Error("urutan termiskin memerlukan indikator kemiskinan per kecamatan");
    const poor = (g: Group) => kemiskinan.get(g.kode_kec) ?? -Infinity;
    return cands.slice().sort((a, b) => poor(b.g) - poor(a.g) || b.baru - a.baru || byKey(a, b));
  }
  return cands.slice().sort((a, b) => b.baru - a.baru || byKey(a, b));
}

/** Runs one scenario. Throws only on inputs no page can produce (a planned year not after the data). */
export function runScenario(state: CurrentState, s: Scenario, a: Assumptions, p: ScenarioParameters): ScenarioResult {
  const pl = plan(state, s, a, p);
  const nc = pl.d.nc;
  const h = emptyHoldings(pl);
  for (const g of state.groups) for (let c = 0; c < nc; c++) h.existing[c] += g.cells[c];
  // Members by month: the existing ones, then each enrolled group's added in enrolment order. The fit
  // checks exactly these sums, so the cost it accepted is the cost reported.
  const all = membersByMonth(pl, h).all;
  const fresh = new Float64Array(12);
  const biayaStatusQuo = yearCost(pl, all);

  // Candidates: every chosen group below its target, in a stable order.
  const sektor = new Set(s.sektor);
  const kecamatan = new Set(s.kecamatan);
  // Each group's target, once (the roadmap gives every group its own: a key lookup per group).
  const targets = state.groups.map((g) => groupTarget(g, s, sektor, kecamatan));
  const cands: Candidate[] = [];
  for (const [i, g] of state.groups.entries()) {
    const target = targets[i];
    if (target === null) continue;
    const baru = newPeople(pl, g, target);
    if (baru <= 0) continue;
    const monthly = groupMonthly(pl, g.mix, baru);
    cands.push({g, target, baru, monthly, biaya: yearCost(pl, monthly)});
  }

  const chosen = new Map<Group, Candidate>();
  const enrol = (cand: Candidate) => {
    addGroupNew(h, pl, cand.g.mix, cand.baru);
    chosen.set(cand.g, cand);
    for (let m = 0; m < 12; m++) fresh[m] += cand.monthly[m];
  };
  let urutan: FitStep[] | null = null;
  let sisa: ScenarioResult["sisa"] = null;
  if (s.mode === "pagu") {
    urutan = [];
    let cost = biayaStatusQuo;
    const trial = new Float64Array(12);
    let firstSkipped: Candidate | null = null;
    for (const cand of fitOrder(cands, s.urutan, a.kemiskinan)) {
      for (let m = 0; m < 12; m++) trial[m] = all[m] + cand.monthly[m];
      const trialCost = yearCost(pl, trial);
      const fits = trialCost <= a.pagu;
      if (fits) {
        all.set(trial);
        cost = trialCost;
        enrol(cand);
      } else if (!firstSkipped) firstSkipped = cand;
      urutan.push({
        kode_kec: cand.g.kode_kec,
        sektor: cand.g.sektor,
        baru: cand.baru,
        biaya: cand.biaya,
        dipilih: fits,
        biayaKumulatif: cost,
        alasan: fits ? "masuk pagu" : biayaStatusQuo > a.pagu ? "pagu tidak cukup untuk peserta yang ada" : "tidak muat dalam sisa pagu"
      });
    }
    if (firstSkipped && a.pagu > cost && firstSkipped.biaya > 0) {
      const perPerson = firstSkipped.biaya / firstSkipped.baru;
      sisa = {rupiah: a.pagu - cost, kode_kec: firstSkipped.g.kode_kec, sektor: firstSkipped.g.sektor, orang: Math.floor((a.pagu - cost) / perPerson)};
    }
  } else {
    for (const cand of cands) {
      for (let m = 0; m < 12; m++) all[m] += cand.monthly[m];
      enrol(cand);
    }
  }

  return summarise(state, a, p, pl, h, {all, fresh}, chosen, targets, biayaStatusQuo, urutan, sisa);
}

function summarise(
  state: CurrentState,
  a: Assumptions,
  p: ScenarioParameters,
  pl: Plan,
  h: Holdings,
  members: {all: Float64Array; fresh: Float64Array},
  chosen: Map<Group, Candidate>,
  targets: readonly (number | null)[],
  biayaStatusQuo: number,
  urutan: FitStep[] | null,
  sisa: ScenarioResult["sisa"]
): ScenarioResult {
  const nc = pl.d.nc;
  const {all, fresh} = members;
  const deaths = new Float64Array(12);
  const earlyDeaths = new Float64Array(12);
  for (let c = 0; c < nc; c++) {
    const e = h.existing[c];
    for (let m = 0; m < 12; m++) deaths[m] += e * pl.existing.deaths[c * 12 + m];
  }
  h.cohorts.forEach((coef, k) => {
    for (let c = 0; c < nc; c++) {
      const n = coef[c];
      if (!n) continue;
      for (let m = pl.tranches[k] - 1; m < 12; m++) {
        deaths[m] += n * pl.cohorts[k].deaths[c * 12 + m];
        earlyDeaths[m] += n * pl.earlyDeaths[k][c * 12 + m];
      }
    }
  });

  let cumulative = 0;
  let covered = 0;
  let uncovered = 0;
  let early = 0;
  let memberMonths = 0;
  const bulan: MonthResult[] = pl.months.map((key, m) => {
    const didanai = pl.funded[m];
    const iuran = didanai ? Math.round(all[m] * pl.iuran[m]) : 0;
    cumulative += iuran;
    if (didanai) {
      covered += deaths[m];
      early += earlyDeaths[m];
      memberMonths += all[m];
    } else uncovered += deaths[m];
    return {
      bulan: key,
      didanai,
      terdaftar: all[m],
      aktif: didanai ? all[m] : 0,
      aktifBaru: didanai ? fresh[m] : 0,
      iuran,
      iuranKumulatif: cumulative,
      kematian: didanai ? deaths[m] : 0
    };
  });
  const biayaTahun = cumulative;

  let families = 0;
  for (let c = 0; c < nc; c++) {
    families += h.existing[c] * pl.familiesExisting[c];
    h.cohorts.forEach((coef, k) => (families += coef[c] * pl.familiesPerCohort[k][c]));
  }

  // Benefits: a share of deaths are work accidents (JKK); the rest JKM, at the lower amount when a new
  // member dies within their first three funded months. Scholarships are left out (see the page).
  const porsiJkk = Math.min(1, Math.max(0, a.porsiJkk));
  const jkk = covered * porsiJkk * p.santunan_jkk_meninggal;
  const jkm = (covered - early) * (1 - porsiJkk) * p.santunan_jkm + early * (1 - porsiJkk) * p.santunan_jkm_sebelum_3_bulan;
  const perDeath = covered > 0 ? (jkk + jkm) / covered : 0;
  const [lo, hi] = poissonInterval(covered);

  // Coverage in the reference month, by group and by kecamatan.
  const ref = pl.refIndex;
  const kelompok: GroupResult[] = state.groups.map((g, i) => {
    let aktifAcuan = 0;
    for (let c = 0; c < nc; c++) aktifAcuan += g.cells[c] * pl.existing.members[c * 12 + ref];
    const cand = chosen.get(g);
    const baru = cand?.baru ?? 0;
    if (cand) aktifAcuan += cand.monthly[ref];
    return {
      kode_kec: g.kode_kec,
      sektor: g.sektor,
      sasaran: g.sasaran,
      aktifAwal: g.aktif,
      baru,
      aktifAcuan,
      cakupan: ratio(aktifAcuan, g.sasaran),
      target: targets[i],
      mixFrom: g.mixFrom
    };
  });
  const byKec = new Map<string, KecamatanCoverage>();
  for (const r of kelompok) {
    let k = byKec.get(r.kode_kec);
    if (!k) byKec.set(r.kode_kec, (k = {kode_kec: r.kode_kec, aktif: 0, sasaran: null, rate: null}));
    k.aktif += r.aktifAcuan;
    if (r.sasaran != null) k.sasaran = (k.sasaran ?? 0) + r.sasaran;
  }
  const kecamatan = [...byKec.values()].map((k) => ({...k, rate: ratio(k.aktif, k.sasaran)}));

  const pesertaBaru = [...chosen.values()].reduce((t, c) => t + c.baru, 0);
  return {
    tahun: a.tahun,
    bulan,
    bulanAcuan: pl.months[ref],
    biayaTahun,
    selisihPagu: a.pagu - biayaTahun,
    biayaStatusQuo,
    pesertaBaru,
    keluargaTerlindungi: families,
    biayaPerKeluarga: families > 0 ? Math.round(biayaTahun / families) : null,
    bulanPeserta: memberMonths,
    kematian: {harapan: covered, bawah: lo, atas: hi},
    kematianTakTerlindungi: uncovered,
    santunan: {harapan: Math.round(jkk + jkm), bawah: Math.round(lo * perDeath), atas: Math.round(hi * perDeath), jkm: Math.round(jkm), jkk: Math.round(jkk)},
    kecamatan,
    kelompok,
    urutan,
    sisa,
    bulanDiskon: pl.funded.filter((f, i) => f && pl.iuran[i] !== a.iuran).length
  };
}

// ---- chaining years (the roadmap) ------------------------------------------------------------------

/** Where one member in each cell is after `steps` months: [from cell × nc + to cell], by the same `step`. */
function transition(d: Dynamics, steps: number): Float64Array {
  const out = new Float64Array(d.nc * d.nc);
  const v = new Float64Array(d.nc);
  const next = new Float64Array(d.nc);
  for (let c = 0; c < d.nc; c++) {
    v.fill(0);
    v[c] = 1;
    for (let t = 0; t < steps; t++) {
      step(d, v, next);
      v.set(next);
    }
    out.set(v, c * d.nc);
  }
  return out;
}

function addThrough(m: Float64Array, nc: number, from: readonly number[], weight: number, into: number[]): void {
  for (let c = 0; c < nc; c++) {
    const n = from[c] * weight;
    if (!n) continue;
    for (let k = 0; k < nc; k++) into[k] += n * m[c * nc + k];
  }
}

/**
 * The state a year ends in, as the next year's starting point: each group's members by cell at the
 * start of December of `a.tahun` (its existing members and the `result`'s new members, split over the
 * tranches with the group's mix as `runScenario` enrols them), aged by the same month `step`. Its
 * `asOf` is December, so `runScenario` for the next year steps once through December into January.
 * Eligible people, mixes and group order are carried over unchanged.
 */
export function stateAfterYear(state: CurrentState, s: Scenario, a: Assumptions, p: ScenarioParameters, result: ScenarioResult): CurrentState {
  if (result.kelompok.length !== state.groups.length) throw new Error("hasil skenario tidak sesuai keadaan awal");
  const d = dynamics(p, state.bands, a.pengali);
  const firstPlanned = a.tahun * 12 - monthNumber(state.asOf);
  if (firstPlanned <= 0) throw new Error(`tahun rencana ${a.tahun} harus sesudah bulan data ${state.asOf}`);
  const existing = transition(d, firstPlanned + 11);
  const tranches = trancheMonths(s);
  const cohorts = tranches.map((m) => transition(d, 12 - m));
  let notItemised = 0;
  const groups: Group[] = state.groups.map((g, i) => {
    const cells = new Array<number>(d.nc).fill(0);
    addThrough(existing, d.nc, g.cells, 1, cells);
    const parts = splitTranches(result.kelompok[i].baru, tranches.length);
    parts.forEach((n, k) => n && addThrough(cohorts[k], d.nc, g.mix, n, cells));
    const aktif = cells.reduce((t, v) => t + v, 0);
    if (g.sektor === NOT_ITEMISED) notItemised += aktif;
    return {...g, cells, aktif, mix: g.mix.slice()};
  });
  return {...state, asOf: monthKey(a.tahun * 12 + 11), groups, unclassified: 0, notItemised};
}

/** Each group's members at the start of `month` ("YYYY-MM", not before the state's month) with no one enrolled. */
export function membersAt(state: CurrentState, p: ScenarioParameters, pengali: number, month: string): number[] {
  const steps = monthNumber(month) - monthNumber(state.asOf);
  if (steps < 0) throw new Error(`bulan ${month} sebelum bulan data ${state.asOf}`);
  const d = dynamics(p, state.bands, pengali);
  const m = transition(d, steps);
  const stay = new Float64Array(d.nc);
  for (let c = 0; c < d.nc; c++) for (let k = 0; k < d.nc; k++) stay[c] += m[c * d.nc + k];
  return state.groups.map((g) => g.cells.reduce((t, v, c) => t + v * stay[c], 0));
}

/**
 * The central `level` interval of a Poisson count with mean `mean`: the smallest k whose CDF reaches
 * (1 − level)/2, and the smallest whose CDF reaches (1 + level)/2. Summed in log space, so a mean in
 * the thousands (a province) does not underflow.
 */
export function poissonInterval(mean: number, level = 0.95): [number, number] {
  if (!(mean > 0)) return [0, 0];
  const lowP = (1 - level) / 2;
  const highP = (1 + level) / 2;
  const logMean = Math.log(mean);
  let logP = -mean; // log P(0)
  let cdf = 0;
  let lo = -1;
  const limit = Math.ceil(mean + 20 * Math.sqrt(mean) + 50);
  for (let k = 0; k <= limit; k++) {
    if (k > 0) logP += logMean - Math.log(k);
    cdf += Math.exp(logP);
    if (lo < 0 && cdf >= lowP) lo = k;
    if (cdf >= highP) return [lo, k];
  }
  return [Math.max(0, lo), limit];
}
