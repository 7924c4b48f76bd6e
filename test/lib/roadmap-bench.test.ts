// The roadmap must feel instant too (aim: a regency over 5 years under 16 ms, a province of 35
// regencies under 100 ms). A benchmark, not a timed test: these runs keep the measuring code working
// and print the medians; the figures go to docs/BENCHMARKS.md ("Peta jalan").
import {describe, expect, it} from "vitest";
import {currentState, type ScenarioParameters} from "../../src/lib/skenario/model.ts";
import {runRoadmap, type RoadmapAssumptions, type RoadmapPath} from "../../src/lib/skenario/roadmap.ts";
import {syntheticRegion} from "./skenario-fixture.ts";
import parameter from "../../data/program/parameter.json" with {type: "json"};

const P = parameter as unknown as ScenarioParameters;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds for the page's three default paths (hold, the regent's phased in, fit to the envelope) over `years` years. */
export function timeRoadmaps(kec: number, years: number, runs: number, count = 3): {ms: number; groups: number} {
  const region = syntheticRegion(kec);
  const state = currentState(region.rows, region.sasaran, "2026-10", P.kelompok_umur);
  const sektor = ["rumahan", "tani", "harian"];
  const base: RoadmapPath = {jenis: "tetap", sektor: [], kecamatan: region.kecamatan, target: 1, tahunTarget: 2026 + years, targetTahun: [], lainnya: "tahan", danaAwal: 1, danaBulan: 12, mulai: 1, tahap: 1, jarakTahap: 3, urutan: "terbanyak"};
  const paths: RoadmapPath[] = [base, {...base, jenis: "linear" as const, sektor}, {...base, jenis: "pagu" as const, sektor}].slice(0, count);
  const aktif = state.groups.reduce((t, g) => t + g.aktif, 0);
  // The envelope: today's members for a year and a half again as many (the fit then has work to do).
  const a: RoadmapAssumptions = {tahunAwal: 2027, horizon: years, pagu: [Math.round(aktif * 1.5 * 12 * 16800)], iuran: [16800], sasaranPerubahan: 0, pengali: 1.5, porsiJkk: 0.03};
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (const p of paths) runRoadmap(state, p, a, P);
    times.push(performance.now() - t0);
  }
  return {ms: median(times), groups: state.groups.length};
}

describe("roadmap speed", () => {
  it("measures three paths over 5 years for one regency (14 kecamatan × 8 sectors)", () => {
    const {ms, groups} = timeRoadmaps(14, 5, 41);
    console.log(`[bench] peta jalan kabupaten: ${groups} kelompok, 3 jalur × 5 tahun, median ${ms.toFixed(2)} ms`);
    const one = timeRoadmaps(14, 5, 41, 1);
    console.log(`[bench] peta jalan kabupaten: 1 jalur × 5 tahun, median ${one.ms.toFixed(2)} ms`);
    expect(groups).toBe(14 * 8);
  });

  it("measures three paths over 5 years for a province (35 regencies × 16 kecamatan)", () => {
    const {ms, groups} = timeRoadmaps(35 * 16, 5, 7);
    console.log(`[bench] peta jalan provinsi: ${groups} kelompok, 3 jalur × 5 tahun, median ${ms.toFixed(2)} ms`);
    const one = timeRoadmaps(35 * 16, 5, 7, 1);
    console.log(`[bench] peta jalan provinsi: 1 jalur × 5 tahun, median ${one.ms.toFixed(2)} ms`);
    expect(groups).toBe(35 * 16 * 8);
  });
});
