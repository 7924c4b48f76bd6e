// The roadmap (peta jalan): the one-year planner's model chained over several years. Year 1 is exactly
// `runScenario` on the as-of state; each later year starts from the members the year before left at the
// start of December (`stateAfterYear`), so the rules (deaths, ageing, age-out, enrolment, the fit to an
// allocation) live once, in model.ts. Pure, no DOM; browser-safe.
//
// What a year adds to the one-year model:
// - a coverage target per group from a path: hold today's rate, linear to a target in a target year,
//   typed per year, or as far as the year's envelope reaches (mode "pagu", the planner's fit order);
// - the eligible population per group × (1 + annual change), default 0%: with people 55–64 taken as
//   spread evenly over the ages and the cohorts as stable, those reaching usia_min replace those reaching
//   usia_maks and those who die, so the group's size stays; the parameter changes it;
// - the year's envelope and contribution per member-month (a yearly change in %, or typed per year).

import {ratio} from "../overview.js";
import {NOT_ITEMISED} from "../suppression.js";
import {
  membersAt,
  runScenario,
  stateAfterYear,
  trancheMonths,
  type Assumptions,
  type CurrentState,
  type FitOrder,
  type Interval,
  type Scenario,
  type ScenarioParameters,
  type ScenarioResult
} from "./model.js";

export type PathKind = "tetap" | "linear" | "per_tahun" | "pagu";
export const PATH_KINDS: readonly PathKind[] = ["tetap", "linear", "per_tahun", "pagu"];

/** One coverage path over the horizon. Rates are fractions 0..1. */
export interface RoadmapPath {
  jenis: PathKind;
  /** The groups the path widens: sectors × kecamatan (ignored by "tetap", which holds every group). */
  sektor: readonly string[];
  kecamatan: readonly string[];
  /** "linear": the rate reached in `tahunTarget`; "pagu": the rate the fit enrols groups up to. */
  target: number;
  /** "linear": the year the target is reached (clamped to the horizon). */
  tahunTarget: number;
  /** "per_tahun": the rate for each year of the horizon (the last one repeats if short). */
  targetTahun: readonly number[];
  /** Groups not chosen: hold today's rate, or enrol no one. */
  lainnya: "tahan" | "tanpa";
  /** Month settings as in the one-year planner. */
  danaAwal: number;
  danaBulan: number;
  mulai: number;
  tahap: number;
  jarakTahap: number;
  urutan: FitOrder;
}

export interface RoadmapAssumptions {
  /** The first planned year (after the as-of year) and the number of years (1..10). */
  tahunAwal: number;
  horizon: number;
  /** The envelope per year, rupiah (length ≥ horizon). */
  pagu: readonly number[];
  /** Contribution per member-month per year, rupiah. */
  iuran: readonly number[];
  /** Annual change of each group's eligible people, a fraction (0 = stable). */
  sasaranPerubahan: number;
  pengali: number;
  porsiJkk: number;
  kemiskinan?: ReadonlyMap<string, number> | null;
}

export interface CoverageCell {
  kode: string;
  /** Members after December. */
  akhir: number;
  sasaran: number | null;
  cakupan: number | null;
  /** New members enrolled in the year. */
  baru: number;
}

export interface RoadmapYear {
  tahun: number;
  scenario: Scenario;
  assumptions: Assumptions;
  /** The year's one-year run, as the planner gives it. */
  result: ScenarioResult;
  /** Eligible people in the year (groups with a sasaran). */
  sasaran: number;
  /** Members at the start of January, before the year's enrolment. */
  awal: number;
  /** New members enrolled in the year. */
  baru: number;
  /** Of which replacing the year's leavers (min(new, leavers)) and growth (the rest). */
  pengganti: number;
  pertumbuhan: number;
  /** Members after December. */
  akhir: number;
  /** Members in the month of the year's last enrolment tranche, once it is in: coverage is highest then and falls until the next year's. */
  sesudahDaftar: number;
  /** Leavers: deaths (covered and uncovered months) and age-outs (awal + baru − akhir − meninggal). */
  keluar: number;
  meninggal: number;
  keluarUsia: number;
  bulanPeserta: number;
  /** Contributions, integer rupiah; the envelope; envelope − contributions. */
  iuran: number;
  pagu: number;
  selisih: number;
  kematian: Interval;
  santunan: Interval;
  keluarga: number;
  /** Coverage after December, by kecamatan and by sector (new members by kecamatan: the socialisation list). */
  kecamatan: CoverageCell[];
  sektor: CoverageCell[];
}

export interface Roadmap {
  /** Today (the as-of month): members, eligible, rate. */
  kini: {bulan: string; aktif: number; sasaran: number; cakupan: number | null};
  years: RoadmapYear[];
}

const groupKey = (g: {kode_kec: string; sektor: string}) => `${g.kode_kec}|${g.sektor}`;
const clamp01 = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
const yearKey = (tahun: number, month: number) => `${tahun}-${String(month).padStart(2, "0")}`;

/** A yearly series of integer rupiah: `awal` changing by `persen` a year, or typed per year. */
export function yearlySeries(horizon: number, spec: {mode: "persen"; awal: number; persen: number} | {mode: "tahun"; nilai: readonly number[]}): number[] {
  return Array.from({length: horizon}, (_, i) => {
    if (spec.mode === "tahun") return Math.max(0, Math.round(spec.nilai[Math.min(i, spec.nilai.length - 1)] ?? 0));
    return Math.max(0, Math.round(spec.awal * Math.pow(1 + spec.persen, i)));
  });
}

/** Today's coverage of each group with eligible people (active ÷ eligible in the as-of month). */
export function todaysRates(state: CurrentState): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of state.groups) if (g.sasaran != null && g.sasaran > 0) out.set(groupKey(g), Math.min(1, g.aktif / g.sasaran));
  return out;
}

/** The rate a chosen group is taken to in year `tahun` (asOfYear: the year of today's rate). */
function pathRate(path: RoadmapPath, today: number, tahun: number, index: number, asOfYear: number): number {
  if (path.jenis === "tetap") return today;
  if (path.jenis === "pagu") return clamp01(path.target);
  if (path.jenis === "per_tahun") return clamp01(path.targetTahun[Math.min(index, path.targetTahun.length - 1)] ?? today);
  const span = path.tahunTarget - asOfYear;
  const frac = span <= 0 ? 1 : Math.min(1, (tahun - asOfYear) / span);
  // At the target year the rate is the target itself (no rounding error from today + (target − today)).
  return frac >= 1 ? clamp01(path.target) : today + (clamp01(path.target) - today) * frac;
}

/** The one-year scenario a path gives for year `index` (0 = the first planned year). */
export function yearScenario(path: RoadmapPath, state: CurrentState, today: ReadonlyMap<string, number>, tahun: number, index: number, asOfYear: number): Scenario {
  const chosenSektor = new Set(path.sektor);
  const chosenKec = new Set(path.kecamatan);
  const holdOthers = path.jenis === "tetap" || path.lainnya === "tahan";
  const targetKelompok: Record<string, number> = {};
  const allSektor = new Set<string>();
  const allKec = new Set<string>();
  for (const g of state.groups) {
    const key = groupKey(g);
    const rate = today.get(key);
    if (rate === undefined) continue;
    allSektor.add(g.sektor);
    allKec.add(g.kode_kec);
    const chosen = path.jenis === "tetap" || (chosenSektor.has(g.sektor) && chosenKec.has(g.kode_kec));
    if (chosen) targetKelompok[key] = pathRate(path, rate, tahun, index, asOfYear);
    else if (holdOthers) targetKelompok[key] = rate;
  }
  return {
    sektor: holdOthers ? [...allSektor] : path.sektor.slice(),
    kecamatan: holdOthers ? [...allKec] : path.kecamatan.slice(),
    target: clamp01(path.target),
    targetSektor: {},
    targetKelompok,
    danaAwal: path.danaAwal,
    danaBulan: path.danaBulan,
    mulai: path.mulai,
    tahap: path.tahap,
    jarakTahap: path.jarakTahap,
    mode: path.jenis === "pagu" ? "pagu" : "target",
    urutan: path.urutan
  };
}

function withEligibleChange(state: CurrentState, factor: number): CurrentState {
  if (factor === 1) return state;
  return {...state, groups: state.groups.map((g) => (g.sasaran == null ? g : {...g, sasaran: g.sasaran * factor}))};
}

function coverageBy(
  state: CurrentState,
  end: readonly number[],
  result: ScenarioResult,
  key: (g: {kode_kec: string; sektor: string}) => string
): CoverageCell[] {
  const by = new Map<string, CoverageCell>();
  state.groups.forEach((g, i) => {
    const k = key(g);
    let cell = by.get(k);
    if (!cell) by.set(k, (cell = {kode: k, akhir: 0, sasaran: null, cakupan: null, baru: 0}));
    cell.akhir += end[i];
    cell.baru += result.kelompok[i].baru;
    if (g.sasaran != null) cell.sasaran = (cell.sasaran ?? 0) + g.sasaran;
  });
  return [...by.values()].map((c) => ({...c, cakupan: ratio(c.akhir, c.sasaran)}));
}

const sum = (values: readonly number[]) => values.reduce((t, v) => t + v, 0);

/** Runs a path over the horizon from the as-of state. */
export function runRoadmap(state: CurrentState, path: RoadmapPath, a: RoadmapAssumptions, p: ScenarioParameters): Roadmap {
  const asOfYear = +state.asOf.slice(0, 4);
  if (a.tahunAwal <= asOfYear) throw new Error(`tahun awal ${a.tahunAwal} harus sesudah bulan data ${state.asOf}`);
  const horizon = Math.min(10, Math.max(1, Math.round(a.horizon)));
  const today = todaysRates(state);
  const factor = 1 + (Number.isFinite(a.sasaranPerubahan) ? a.sasaranPerubahan : 0);
  const years: RoadmapYear[] = [];
  let current = state;
  let awal = sum(membersAt(state, p, a.pengali, yearKey(a.tahunAwal, 1)));
  for (let i = 0; i < horizon; i++) {
    const tahun = a.tahunAwal + i;
    const scenario = yearScenario(path, current, today, tahun, i, asOfYear);
    const assumptions: Assumptions = {
      tahun,
      pagu: a.pagu[Math.min(i, a.pagu.length - 1)] ?? 0,
      iuran: a.iuran[Math.min(i, a.iuran.length - 1)] ?? 0,
      diskon: false,
      pengali: a.pengali,
      porsiJkk: a.porsiJkk,
      kemiskinan: a.kemiskinan ?? null
    };
    const result = runScenario(current, scenario, assumptions, p);
    const next = stateAfterYear(current, scenario, assumptions, p, result);
    const end = membersAt(next, p, a.pengali, yearKey(tahun + 1, 1));
    const akhir = sum(end);
    const baru = result.pesertaBaru;
    const meninggal = result.kematian.harapan + result.kematianTakTerlindungi;
    const keluar = awal + baru - akhir;
    const pengganti = Math.min(baru, keluar);
    years.push({
      tahun,
      scenario,
      assumptions,
      result,
      sasaran: sum(current.groups.map((g) => g.sasaran ?? 0)),
      awal,
      baru,
      pengganti,
      pertumbuhan: baru - pengganti,
      akhir,
      sesudahDaftar: result.bulan[trancheMonths(scenario).at(-1)! - 1].terdaftar,
      keluar,
      meninggal,
      keluarUsia: keluar - meninggal,
      bulanPeserta: result.bulanPeserta,
      iuran: result.biayaTahun,
      pagu: assumptions.pagu,
      selisih: result.selisihPagu,
      kematian: result.kematian,
      santunan: result.santunan,
      keluarga: result.keluargaTerlindungi,
      kecamatan: coverageBy(current, end, result, (g) => g.kode_kec),
      sektor: coverageBy(current, end, result, (g) => g.sektor)
    });
    current = withEligibleChange(next, factor);
    awal = akhir;
  }
  const aktif = sum(state.groups.map((g) => g.aktif));
  const sasaran = sum(state.groups.map((g) => g.sasaran ?? 0));
  return {kini: {bulan: state.asOf, aktif, sasaran, cakupan: ratio(aktif, sasaran)}, years};
}

/**
 * runRoadmap for one state, keeping the latest results by their inputs: when a planner changes one of
 * the compared paths, only that path is recomputed (the others come back unchanged, the same objects).
 */
export function roadmapCache(state: CurrentState, p: ScenarioParameters, size = 12): (path: RoadmapPath, a: RoadmapAssumptions) => Roadmap {
  const cache = new Map<string, Roadmap>();
  return (path, a) => {
    const key = JSON.stringify([path, a, a.kemiskinan ? [...a.kemiskinan] : null]);
    let roadmap = cache.get(key);
    if (roadmap) cache.delete(key);
    else roadmap = runRoadmap(state, path, a, p);
    cache.set(key, roadmap);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return roadmap;
  };
}

/** Rows kecamatan × year of new enrolments (where to enrol how many), in the reference order. */
export function enrolmentByKecamatan(roadmap: Roadmap, kecamatan: readonly {kode: string; nama: string}[]): {kode_kec: string; nama: string; baru: number[]; jumlah: number}[] {
  const order = kecamatan.map((k) => k.kode);
  const names = new Map(kecamatan.map((k) => [k.kode, k.nama]));
  for (const y of roadmap.years) for (const c of y.kecamatan) if (!order.includes(c.kode)) order.push(c.kode);
  return order
    .map((kode_kec) => {
      const baru = roadmap.years.map((y) => y.kecamatan.find((c) => c.kode === kode_kec)?.baru ?? 0);
      return {kode_kec, nama: names.get(kode_kec) ?? kode_kec, baru, jumlah: sum(baru)};
    })
    .filter((r) => r.kode_kec !== NOT_ITEMISED || r.jumlah > 0);
}
