// The scenario model must feel instant (aim: three scenarios in under 16 ms for one regency, under
// 100 ms for a province of 35 regencies). Speed is a benchmark, not a timed test: these runs keep the
// measuring code working and print the medians; the figures go to docs/BENCHMARKS.md ("Perencana skenario").
import {describe, expect, it} from "vitest";
import {currentState, runScenario, type Assumptions, type Scenario, type ScenarioParameters} from "../../src/lib/skenario/model.ts";
import {syntheticRegion} from "./skenario-fixture.ts";
import parameter from "../../data/program/parameter.json" with {type: "json"};

const P = parameter as unknown as ScenarioParameters;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds to run the page's three default scenarios on a region of `kec` kecamatan. */
function timeThreeScenarios(kec: number, runs: number): {ms: number; groups: number} {
  const region = syntheticRegion(kec);
  const state = currentState(region.rows, region.sasaran, "2026-10", P.kelompok_umur);
  const base: Scenario = {
    sektor: [],
    kecamatan: region.kecamatan,
    target: 1,
    danaAwal: 1,
    danaBulan: 12,
    mulai: 1,
    tahap: 1,
    jarakTahap: 3,
    mode: "target",
    urutan: "terbanyak"
  };
  const sektor = ["rumahan", "tani", "harian"];
  const scenarios: Scenario[] = [base, {...base, sektor}, {...base, sektor, mode: "pagu"}];
  // The allocation: the status quo plus a quarter of what the full expansion would add.
  const a: Assumptions = {tahun: 2027, pagu: 0, iuran: 16800, diskon: false, pengali: 1.5, porsiJkk: 0.03};
  const sq = runScenario(state, base, a, P).biayaTahun;
  const full = runScenario(state, scenarios[1], a, P).biayaTahun;
  a.pagu = Math.round(sq + (full - sq) / 4);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (const s of scenarios) runScenario(state, s, a, P);
    times.push(performance.now() - t0);
  }
  return {ms: median(times), groups: state.groups.length};
}

describe("scenario model speed", () => {
  it("measures three scenarios for one regency (14 kecamatan × 8 sectors)", () => {
    const {ms, groups} = timeThreeScenarios(14, 41);
    console.log(`[bench] skenario kabupaten: ${groups} kelompok, 3 skenario, median ${ms.toFixed(2)} ms`);
    expect(groups).toBe(14 * 8);
    expect(ms).toBeGreaterThan(0);
  });

  it("measures three scenarios for a province (35 regencies × 16 kecamatan)", () => {
    const {ms, groups} = timeThreeScenarios(35 * 16, 11);
    console.log(`[bench] skenario provinsi: ${groups} kelompok, 3 skenario, median ${ms.toFixed(2)} ms`);
    expect(groups).toBe(35 * 16 * 8);
    expect(ms).toBeGreaterThan(0);
  });
});
