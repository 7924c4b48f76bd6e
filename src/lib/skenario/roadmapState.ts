// The roadmap page's inputs: presets, up to three paths side by side, and every input in the URL
// (src/lib/urlState.ts). Percentages are whole numbers (or one decimal for yearly changes) as the form
// holds them; `toPath` and `toAssumptions` turn them into the model's fractions and rupiah. Pure.
import {readState, writeState, type State} from "../urlState.js";
import type {FitOrder} from "./model.js";
import {PATH_KINDS, yearlySeries, type PathKind, type RoadmapAssumptions, type RoadmapPath} from "./roadmap.js";
import {SLOTS, type Slot} from "./state.js";

export {SLOTS, type Slot};
export const PATH_LABELS: Record<Slot, string> = {a: "Jalur A", b: "Jalur B", c: "Jalur C"};

export type RoadmapPresetId = "tetap" | "bupati" | "pagu" | "kustom";
export const ROADMAP_PRESETS: readonly {id: RoadmapPresetId; label: string}[] = [
  {id: "tetap", label: "Pertahankan cakupan kini"},
  {id: "bupati", label: "Perluasan Bupati bertahap"},
  {id: "pagu", label: "Sesuai pagu tiap tahun"},
  {id: "kustom", label: "Kustom"}
];

export const KIND_LABELS: Record<PathKind, string> = {
  tetap: "Tetap: cakupan tiap kelompok seperti kini",
  linear: "Naik rata sampai target di tahun target",
  per_tahun: "Target diisi per tahun",
  pagu: "Sejauh pagu tiap tahun mencukupi"
};

export interface PathInput {
  preset: RoadmapPresetId;
  jenis: PathKind;
  sektor: string[];
  kecamatan: string[];
  /** Target coverage, percent 0..100. */
  target: number;
  /** The year the linear path reaches its target. */
  tahunTarget: number;
  /** Percent per year of the horizon. */
  targetTahun: number[];
  lainnya: RoadmapPath["lainnya"];
  danaAwal: number;
  danaBulan: number;
  mulai: number;
  tahap: number;
  jarakTahap: number;
  urutan: FitOrder;
}

/** A yearly money series as the form holds it: a first-year amount and a yearly change, or typed per year. */
export interface SeriesInput {
  mode: "persen" | "tahun";
  awal: number;
  /** Yearly change, percent (may be negative, one decimal). */
  persen: number;
  /** Typed per year (rupiah), one per year of the longest horizon. */
  tahun: number[];
}

export interface RoadmapPageState {
  /** Years after the as-of year (1..10). */
  horizon: number;
  pagu: SeriesInput;
  iuran: SeriesInput;
  /** Annual change of the eligible population, percent. */
  sasaranPersen: number;
  pengali: number;
  jumlah: number;
  edit: Slot;
  slots: Record<Slot, PathInput>;
}

export const MAX_HORIZON = 10;

export interface RoadmapContext {
  kecamatan: string[];
  sektor: string[];
  /** The regent's stated expansion, or null when the region's parameters have none (then no such preset). */
  sektorPerluasan: string[] | null;
  /** Its target, percent (100 without one). */
  targetPerluasan: number;
  /** The first planned year (the as-of year + 1). */
  tahunAwal: number;
  /** Today's coverage of the region, percent (the default start of typed paths). */
  cakupanKini: number;
  danaAwal: number;
  danaBulan: number;
}

/** The presets a region offers: the regent's only when its parameters state one. */
export function availablePresets(ctx: RoadmapContext): typeof ROADMAP_PRESETS {
  return ROADMAP_PRESETS.filter((p) => p.id !== "bupati" || (ctx.sektorPerluasan !== null && ctx.sektorPerluasan.length > 0));
}

const lastYear = (ctx: RoadmapContext, horizon: number) => ctx.tahunAwal + horizon - 1;

/** A ramp from today's rate to `target` over the horizon, whole percents. */
function ramp(ctx: RoadmapContext, target: number, horizon: number): number[] {
  return Array.from({length: MAX_HORIZON}, (_, i) => Math.round(ctx.cakupanKini + ((target - ctx.cakupanKini) * Math.min(i + 1, horizon)) / horizon));
}

export function presetPath(id: RoadmapPresetId, ctx: RoadmapContext, horizon: number): PathInput {
  const sektor = ctx.sektorPerluasan?.length ? ctx.sektorPerluasan.slice() : ctx.sektor.slice();
  const base: PathInput = {
    preset: id,
    jenis: "tetap",
    sektor: [],
    kecamatan: ctx.kecamatan.slice(),
    target: ctx.targetPerluasan,
    tahunTarget: lastYear(ctx, horizon),
    targetTahun: ramp(ctx, ctx.targetPerluasan, horizon),
    lainnya: "tahan",
    danaAwal: ctx.danaAwal,
    danaBulan: ctx.danaBulan,
    mulai: ctx.danaAwal,
    tahap: 1,
    jarakTahap: 3,
    urutan: "terbanyak"
  };
  if (id === "tetap") return base;
  if (id === "pagu") return {...base, jenis: "pagu", sektor};
  return {...base, jenis: "linear", sektor, preset: id};
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameList = (a: readonly number[], b: readonly number[], n: number) => a.slice(0, n).every((v, i) => v === b[i]);

/** The preset a path equals, else "kustom". */
export function matchPathPreset(input: PathInput, ctx: RoadmapContext, horizon: number): RoadmapPresetId {
  for (const {id} of availablePresets(ctx)) {
    if (id === "kustom") continue;
    const p = presetPath(id, ctx, horizon);
    const widens = p.jenis !== "tetap";
    if (
      p.jenis === input.jenis &&
      (!widens || (sameSet(p.sektor, input.sektor) && sameSet(p.kecamatan, input.kecamatan) && p.target === input.target && p.lainnya === input.lainnya)) &&
      (p.jenis !== "linear" || p.tahunTarget === input.tahunTarget) &&
      (p.jenis !== "per_tahun" || sameList(p.targetTahun, input.targetTahun, horizon)) &&
      (p.jenis !== "pagu" || p.urutan === input.urutan) &&
      p.danaAwal === input.danaAwal &&
      p.danaBulan === input.danaBulan &&
      p.mulai === input.mulai &&
      p.tahap === input.tahap &&
      (p.tahap === 1 || p.jarakTahap === input.jarakTahap)
    )
      return id;
  }
  return "kustom";
}

export function defaultRoadmapState(ctx: RoadmapContext, assumptions: {pagu: number; iuran: number; pengali: number}): RoadmapPageState {
  const horizon = 5;
  const presets = availablePresets(ctx).map((p) => p.id);
  const ids: RoadmapPresetId[] = presets.includes("bupati") ? ["tetap", "bupati", "pagu"] : ["tetap", "pagu", "kustom"];
  return {
    horizon,
    pagu: {mode: "persen", awal: assumptions.pagu, persen: 0, tahun: new Array(MAX_HORIZON).fill(assumptions.pagu)},
    iuran: {mode: "persen", awal: assumptions.iuran, persen: 0, tahun: new Array(MAX_HORIZON).fill(assumptions.iuran)},
    sasaranPersen: 0,
    pengali: assumptions.pengali,
    jumlah: presets.includes("bupati") ? 3 : 2,
    edit: "b",
    slots: {a: presetPath(ids[0], ctx, horizon), b: presetPath(ids[1], ctx, horizon), c: presetPath(ids[2], ctx, horizon)}
  };
}

/** The model's path for a form input (percent → fraction, target year clamped to the horizon). */
export function toPath(input: PathInput, ctx: RoadmapContext, horizon: number): RoadmapPath {
  return {
    jenis: input.jenis,
    sektor: input.sektor.slice(),
    kecamatan: input.kecamatan.slice(),
    target: input.target / 100,
    tahunTarget: Math.min(lastYear(ctx, horizon), Math.max(ctx.tahunAwal, input.tahunTarget)),
    targetTahun: input.targetTahun.slice(0, horizon).map((v) => v / 100),
    lainnya: input.lainnya,
    danaAwal: input.danaAwal,
    danaBulan: input.danaBulan,
    mulai: input.mulai,
    tahap: input.tahap,
    jarakTahap: input.jarakTahap,
    urutan: input.urutan
  };
}

/** The model's assumptions for the page state. */
export function toAssumptions(state: RoadmapPageState, ctx: RoadmapContext, risk: {porsiJkk: number; kemiskinan?: ReadonlyMap<string, number> | null}): RoadmapAssumptions {
  const series = (s: SeriesInput) =>
    s.mode === "tahun" ? yearlySeries(state.horizon, {mode: "tahun", nilai: s.tahun}) : yearlySeries(state.horizon, {mode: "persen", awal: s.awal, persen: s.persen / 100});
  return {
    tahunAwal: ctx.tahunAwal,
    horizon: state.horizon,
    pagu: series(state.pagu),
    iuran: series(state.iuran),
    sasaranPerubahan: state.sasaranPersen / 100,
    pengali: state.pengali,
    porsiJkk: risk.porsiJkk,
    kemiskinan: risk.kemiskinan ?? null
  };
}

// ---- the URL ---------------------------------------------------------------------------------

const ALL = "semua";

function flatten(state: RoadmapPageState, ctx: RoadmapContext): State {
  const flat: State = {
    h: state.horizon,
    pagu: state.pagu.awal,
    pagu_cara: state.pagu.mode,
    pagu_pct: state.pagu.persen,
    pagu_th: state.pagu.tahun.map(String),
    iuran: state.iuran.awal,
    iuran_cara: state.iuran.mode,
    iuran_pct: state.iuran.persen,
    iuran_th: state.iuran.tahun.map(String),
    sasaran_pct: state.sasaranPersen,
    pengali: state.pengali,
    n: state.jumlah,
    edit: state.edit
  };
  for (const slot of SLOTS) {
    const s = state.slots[slot];
    flat[`${slot}_preset`] = s.preset;
    flat[`${slot}_jenis`] = s.jenis;
    flat[`${slot}_sektor`] = s.sektor.slice();
    flat[`${slot}_kec`] = sameSet(s.kecamatan, ctx.kecamatan) ? [ALL] : s.kecamatan.slice();
    flat[`${slot}_target`] = s.target;
    flat[`${slot}_thn`] = s.tahunTarget;
    flat[`${slot}_tt`] = s.targetTahun.map(String);
    flat[`${slot}_lain`] = s.lainnya;
    flat[`${slot}_dana1`] = s.danaAwal;
    flat[`${slot}_dana`] = s.danaBulan;
    flat[`${slot}_mulai`] = s.mulai;
    flat[`${slot}_tahap`] = s.tahap;
    flat[`${slot}_jarak`] = s.jarakTahap;
    flat[`${slot}_urut`] = s.urutan;
  }
  return flat;
}

/** The query string for `state`: only what differs from `defaults`, so the default page has a bare URL. */
export function encodeRoadmapState(state: RoadmapPageState, defaults: RoadmapPageState, ctx: RoadmapContext): string {
  return writeState(flatten(state, ctx), flatten(defaults, ctx));
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));
const clampTenth = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n * 10) / 10));
const oneOf = <T extends string>(value: unknown, options: readonly T[], fallback: T): T => (options.includes(value as T) ? (value as T) : fallback);

/** A list of numbers from the URL, one per year of the longest horizon: bad or missing entries take the default's. */
function numbers(raw: unknown, fallback: readonly number[], lo: number, hi: number): number[] {
  const items = raw as string[];
  return fallback.map((d, i) => {
    const text = items[i];
    const n = text === undefined || text.trim() === "" ? NaN : Number(text);
    return Number.isFinite(n) ? clamp(n, lo, hi) : d;
  });
}

/** Reads a query string into a page state, falling back to `defaults` for anything missing or invalid. */
export function decodeRoadmapState(search: string, defaults: RoadmapPageState, ctx: RoadmapContext): RoadmapPageState {
  const f = readState(search, flatten(defaults, ctx));
  const horizon = clamp(f.h as number, 1, MAX_HORIZON);
  const presets = availablePresets(ctx).map((p) => p.id);
  const slots = {} as Record<Slot, PathInput>;
  for (const slot of SLOTS) {
    const d = defaults.slots[slot];
    const kec = f[`${slot}_kec`] as string[];
    const input: PathInput = {
      preset: oneOf(f[`${slot}_preset`], presets, d.preset),
      jenis: oneOf(f[`${slot}_jenis`], PATH_KINDS, d.jenis),
      sektor: (f[`${slot}_sektor`] as string[]).filter((k) => ctx.sektor.includes(k)),
      kecamatan: kec.includes(ALL) ? ctx.kecamatan.slice() : kec.filter((k) => ctx.kecamatan.includes(k)),
      target: clamp(f[`${slot}_target`] as number, 0, 100),
      tahunTarget: clamp(f[`${slot}_thn`] as number, ctx.tahunAwal, ctx.tahunAwal + MAX_HORIZON - 1),
      targetTahun: numbers(f[`${slot}_tt`], d.targetTahun, 0, 100),
      lainnya: oneOf(f[`${slot}_lain`], ["tahan", "tanpa"] as const, d.lainnya),
      danaAwal: clamp(f[`${slot}_dana1`] as number, 1, 12),
      danaBulan: clamp(f[`${slot}_dana`] as number, 0, 12),
      mulai: clamp(f[`${slot}_mulai`] as number, 1, 12),
      tahap: clamp(f[`${slot}_tahap`] as number, 1, 3),
      jarakTahap: clamp(f[`${slot}_jarak`] as number, 1, 11),
      urutan: oneOf(f[`${slot}_urut`], ["terbanyak", "celah", "termiskin"] as const, d.urutan)
    };
    input.danaBulan = Math.min(input.danaBulan, 13 - input.danaAwal);
    slots[slot] = input;
  }
  const series = (key: "pagu" | "iuran", d: SeriesInput): SeriesInput => ({
    mode: oneOf(f[`${key}_cara`], ["persen", "tahun"] as const, d.mode),
    awal: Math.max(0, Math.round(f[key] as number)),
    persen: clampTenth(f[`${key}_pct`] as number, -50, 100),
    tahun: numbers(f[`${key}_th`], d.tahun, 0, 1e15)
  });
  return {
    horizon,
    pagu: series("pagu", defaults.pagu),
    iuran: series("iuran", defaults.iuran),
    sasaranPersen: clampTenth(f.sasaran_pct as number, -20, 20),
    pengali: Math.min(2.5, Math.max(1, f.pengali as number)),
    jumlah: clamp(f.n as number, 1, 3),
    edit: oneOf(f.edit, SLOTS, defaults.edit),
    slots
  };
}
