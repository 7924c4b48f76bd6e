// The scenarios the planner compares: each slot's inputs run through the model with the page's shared
// assumptions, labelled and described. Pure.
import {runScenario, type ScenarioResult} from "./model.js";
import {describeScenario} from "./report.js";
import {PRESETS, SLOTS, SLOT_LABELS, toScenario, type PageState, type ScenarioInput, type Slot} from "./state.js";
import type {PlannerStart} from "./start.js";

export interface ComparedScenario {
  slot: Slot;
  label: string;
  /** The preset's label ("" for none). */
  preset: string;
  input: ScenarioInput;
  result: ScenarioResult;
  /** The inputs in one sentence (describeScenario). */
  description: string;
}

/** The shown slots (`jumlah` of them), each run with the same year, allocation, contribution, discount and risks. */
export function compareScenarios(state: PageState, start: Pick<PlannerStart, "keadaan" | "parameter" | "porsiJkk" | "kemiskinan" | "sektorNama" | "ctx">): ComparedScenario[] {
  const assumptions = {
    tahun: state.tahun,
    pagu: state.pagu,
    iuran: state.iuran,
    diskon: state.diskon,
    pengali: state.pengali,
    porsiJkk: start.porsiJkk,
    kemiskinan: start.kemiskinan
  };
  return SLOTS.slice(0, state.jumlah).map((slot) => {
    const input = state.slots[slot];
    return {
      slot,
      label: SLOT_LABELS[slot],
      preset: PRESETS.find((p) => p.id === input.preset)?.label ?? "",
      input,
      result: runScenario(start.keadaan, toScenario(input), assumptions, start.parameter),
      description: describeScenario(input, {sektorNama: start.sektorNama, kecamatanCount: start.ctx.kecamatan.length})
    };
  });
}
