// The planner page's inputs: presets, up to three scenarios side by side, and every input in the URL
// (src/lib/urlState.ts) so a scenario can be shared as a link. Pure; the page owns history.replaceState.
import {readState, writeState, type State} from "../urlState.js";
import type {FitOrder, Scenario} from "./model.js";

export type PresetId = "status_quo" | "bupati" | "pagu" | "kustom";
export const PRESETS: readonly {id: PresetId; label: string}[] = [
  {id: "status_quo", label: "Status quo"},
  {id: "bupati", label: "Perluasan Bupati"},
  {id: "pagu", label: "Sesuai pagu"},
  {id: "kustom", label: "Kustom"}
];

/** Whether the region states an expansion (parameter.json `skenario_perluasan` with known sectors). */
export function statesExpansion(ctx: PresetContext): boolean {
  return ctx.sektorPerluasan.length > 0;
}

/**
 * The presets a region offers. "Perluasan Bupati" and "Sesuai pagu" are the stated expansion (and its
 * fit to the allocation): without one they would add nobody under the regent's name, so they are left out.
 */
export function presetsFor(ctx: PresetContext): readonly {id: PresetId; label: string}[] {
  return statesExpansion(ctx) ? PRESETS : PRESETS.filter((p) => p.id === "status_quo" || p.id === "kustom");
}

export const SLOTS = ["a", "b", "c"] as const;
export type Slot = (typeof SLOTS)[number];
export const SLOT_LABELS: Record<Slot, string> = {a: "Skenario A", b: "Skenario B", c: "Skenario C"};

/** One scenario as the form holds it: percentages as whole numbers, kecamatan as codes. */
export interface ScenarioInput {
  preset: PresetId;
  sektor: string[];
  kecamatan: string[];
  /** Coverage target, percent 0..100. */
  target: number;
  /** Per-sector targets, percent, overriding `target`. */
  targetSektor: Record<string, number>;
  danaAwal: number;
  danaBulan: number;
  mulai: number;
  tahap: number;
  jarakTahap: number;
  mode: Scenario["mode"];
  urutan: FitOrder;
}

export interface PageState {
  tahun: number;
  /** Allocation, rupiah. */
  pagu: number;
  iuran: number;
  diskon: boolean;
  pengali: number;
  /** How many scenarios are compared (1..3). */
  jumlah: number;
  /** The scenario the form edits. */
  edit: Slot;
  slots: Record<Slot, ScenarioInput>;
}

/** What the presets and defaults are made of, all read from the pipeline's outputs. */
export interface PresetContext {
  /** Every kecamatan code of the region, in reference order. */
  kecamatan: string[];
  /** Every sector code, in reference order. */
  sektor: string[];
  /** The regent's stated expansion (parameter.json `skenario_perluasan`). */
  sektorPerluasan: string[];
  /** Its coverage target, percent. */
  targetPerluasan: number;
  /** Funded months of the current year (from the cash plan): first month and count. */
  danaAwal: number;
  danaBulan: number;
}

/** The inputs of a preset (for "kustom": the regent's sectors, for a planner to edit). */
export function presetInput(id: PresetId, ctx: PresetContext): ScenarioInput {
  const base: ScenarioInput = {
    preset: id,
    sektor: [],
    kecamatan: ctx.kecamatan.slice(),
    target: ctx.targetPerluasan,
    targetSektor: {},
    danaAwal: ctx.danaAwal,
    danaBulan: ctx.danaBulan,
    mulai: ctx.danaAwal,
    tahap: 1,
    jarakTahap: 3,
    mode: "target",
    urutan: "terbanyak"
  };
  if (id === "status_quo") return base;
  if (id === "bupati" || id === "kustom") return {...base, sektor: ctx.sektorPerluasan.slice()};
  return {...base, sektor: ctx.sektorPerluasan.slice(), mode: "pagu"};
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The preset an input equals (ignoring its label), else "kustom". */
export function matchPreset(input: ScenarioInput, ctx: PresetContext): PresetId {
  for (const {id} of presetsFor(ctx)) {
    if (id === "kustom") continue;
    const p = presetInput(id, ctx);
    if (
      sameSet(p.sektor, input.sektor) &&
      sameSet(p.kecamatan, input.kecamatan) &&
      (p.sektor.length === 0 || (p.target === input.target && Object.keys(input.targetSektor).length === 0)) &&
      p.danaAwal === input.danaAwal &&
      p.danaBulan === input.danaBulan &&
      (p.sektor.length === 0 || (p.mulai === input.mulai && p.tahap === input.tahap && (p.tahap === 1 || p.jarakTahap === input.jarakTahap))) &&
      p.mode === input.mode &&
      (p.mode === "target" || p.urutan === input.urutan)
    )
      return id;
  }
  return "kustom";
}

/** The model's scenario for a form input (percent → fraction). */
export function toScenario(input: ScenarioInput): Scenario {
  const targetSektor: Record<string, number> = {};
  for (const [k, v] of Object.entries(input.targetSektor)) targetSektor[k] = v / 100;
  return {
    sektor: input.sektor.slice(),
    kecamatan: input.kecamatan.slice(),
    target: input.target / 100,
    targetSektor,
    danaAwal: input.danaAwal,
    danaBulan: input.danaBulan,
    mulai: input.mulai,
    tahap: input.tahap,
    jarakTahap: input.jarakTahap,
    mode: input.mode,
    urutan: input.urutan
  };
}

/**
 * The page's defaults: A status quo, B the regent's expansion, C the same fitted to the allocation.
 * A region that states no expansion starts from the status quo alone; B and C are custom, to be filled in.
 */
export function defaultState(ctx: PresetContext, assumptions: {tahun: number; pagu: number; iuran: number; pengali: number}): PageState {
  if (!statesExpansion(ctx))
    return {
      ...assumptions,
      diskon: false,
      jumlah: 1,
      edit: "a",
      slots: {a: presetInput("status_quo", ctx), b: presetInput("kustom", ctx), c: presetInput("kustom", ctx)}
    };
  return {
    ...assumptions,
    diskon: false,
    jumlah: 3,
    edit: "b",
    slots: {a: presetInput("status_quo", ctx), b: presetInput("bupati", ctx), c: presetInput("pagu", ctx)}
  };
}

// ---- the URL ---------------------------------------------------------------------------------

const ALL = "semua";

function flatten(state: PageState, ctx: PresetContext): State {
  const flat: State = {
    tahun: state.tahun,
    pagu: state.pagu,
    iuran: state.iuran,
    diskon: state.diskon,
    pengali: state.pengali,
    n: state.jumlah,
    edit: state.edit
  };
  for (const slot of SLOTS) {
    const s = state.slots[slot];
    flat[`${slot}_preset`] = s.preset;
    flat[`${slot}_sektor`] = s.sektor.slice();
    flat[`${slot}_kec`] = sameSet(s.kecamatan, ctx.kecamatan) ? [ALL] : s.kecamatan.slice();
    flat[`${slot}_target`] = s.target;
    flat[`${slot}_ts`] = Object.entries(s.targetSektor)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}:${v}`);
    flat[`${slot}_dana1`] = s.danaAwal;
    flat[`${slot}_dana`] = s.danaBulan;
    flat[`${slot}_mulai`] = s.mulai;
    flat[`${slot}_tahap`] = s.tahap;
    flat[`${slot}_jarak`] = s.jarakTahap;
    flat[`${slot}_mode`] = s.mode;
    flat[`${slot}_urut`] = s.urutan;
  }
  return flat;
}

/** The query string for `state`: only what differs from `defaults`, so the default page has a bare URL. */
export function encodeState(state: PageState, defaults: PageState, ctx: PresetContext): string {
  return writeState(flatten(state, ctx), flatten(defaults, ctx));
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));
const oneOf = <T extends string>(value: unknown, options: readonly T[], fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** Reads a query string into a page state, falling back to `defaults` for anything missing or invalid. */
export function decodeState(search: string, defaults: PageState, ctx: PresetContext): PageState {
  const flatDefaults = flatten(defaults, ctx);
  const f = readState(search, flatDefaults);
  const slots = {} as Record<Slot, ScenarioInput>;
  for (const slot of SLOTS) {
    const d = defaults.slots[slot];
    const kec = f[`${slot}_kec`] as string[];
    const targetSektor: Record<string, number> = {};
    for (const item of f[`${slot}_ts`] as string[]) {
      const [k, v] = item.split(":");
      if (ctx.sektor.includes(k) && v !== undefined && v.trim() !== "" && Number.isFinite(Number(v))) targetSektor[k] = clamp(Number(v), 0, 100);
    }
    const input: ScenarioInput = {
      preset: oneOf(f[`${slot}_preset`], presetsFor(ctx).map((p) => p.id), d.preset),
      sektor: (f[`${slot}_sektor`] as string[]).filter((k) => ctx.sektor.includes(k)),
      kecamatan: kec.includes(ALL) ? ctx.kecamatan.slice() : kec.filter((k) => ctx.kecamatan.includes(k)),
      target: clamp(f[`${slot}_target`] as number, 0, 100),
      targetSektor,
      danaAwal: clamp(f[`${slot}_dana1`] as number, 1, 12),
      danaBulan: clamp(f[`${slot}_dana`] as number, 0, 12),
      mulai: clamp(f[`${slot}_mulai`] as number, 1, 12),
      tahap: clamp(f[`${slot}_tahap`] as number, 1, 3),
      jarakTahap: clamp(f[`${slot}_jarak`] as number, 1, 11),
      mode: oneOf(f[`${slot}_mode`], ["target", "pagu"] as const, d.mode),
      urutan: oneOf(f[`${slot}_urut`], ["terbanyak", "celah", "termiskin"] as const, d.urutan)
    };
    input.danaBulan = Math.min(input.danaBulan, 13 - input.danaAwal);
    slots[slot] = input;
  }
  return {
    tahun: Math.round(f.tahun as number),
    pagu: Math.max(0, Math.round(f.pagu as number)),
    iuran: Math.max(0, Math.round(f.iuran as number)),
    diskon: f.diskon as boolean,
    pengali: Math.min(2.5, Math.max(1, f.pengali as number)),
    jumlah: clamp(f.n as number, 1, 3),
    edit: oneOf(f.edit, SLOTS, defaults.edit),
    slots
  };
}
