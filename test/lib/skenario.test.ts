// The expansion scenario model: hand-worked cases on a one-band toy program (numbers checked by hand
// and in a calculator; the formulas are in the comments), then properties on a region-sized state.
import {describe, expect, it} from "vitest";
import {calibrateFromClaims} from "../../src/lib/skenario/calibration.ts";
import {
  currentState,
  fundedMask,
  poissonInterval,
  runScenario,
  splitTranches,
  trancheMonths,
  type AgeBand,
  type Assumptions,
  type CurrentState,
  type MemberRow,
  type Scenario,
  type ScenarioParameters
} from "../../src/lib/skenario/model.ts";
import {
  decodeState,
  defaultState,
  encodeState,
  matchPreset,
  presetInput,
  presetsFor,
  statesExpansion,
  PRESETS,
  toScenario,
  type PresetContext
} from "../../src/lib/skenario/state.ts";
import {syntheticRegion} from "./skenario-fixture.ts";
import {comparisonRows, describeScenario, kecamatanRows, monthRows} from "../../src/lib/skenario/report.ts";

// One band of ten ages (55..64): each month 1/120 of the survivors turn 65 and leave.
const ONE_BAND: AgeBand[] = [{kode: "55-64", dari: 55, sampai: 64}];
function toyParameters(q: number, extra: Partial<ScenarioParameters> = {}): ScenarioParameters {
  return {
    iuran_per_bulan: 16800,
    usia_maks: 65,
    santunan_jkm: 42_000_000,
    santunan_jkm_sebelum_3_bulan: 10_000_000,
    santunan_jkk_meninggal: 70_000_000,
    tmi_iv_2019: {usia_mulai: 55, laki_laki: new Array(11).fill(q), perempuan: new Array(11).fill(q)},
    kelompok_umur: ONE_BAND,
    ...extra
  };
}

const AS_OF = "2026-12";
const scenario = (s: Partial<Scenario> = {}): Scenario => ({
  sektor: [],
  kecamatan: ["K1", "K2"],
  target: 0.5,
  danaAwal: 1,
  danaBulan: 12,
  mulai: 1,
  tahap: 1,
  jarakTahap: 3,
  mode: "target",
  urutan: "terbanyak",
  ...s
});
const assumptions = (a: Partial<Assumptions> = {}): Assumptions => ({
  tahun: 2027,
  pagu: 10_000_000_000,
  iuran: 16800,
  diskon: false,
  pengali: 1,
  porsiJkk: 0,
  ...a
});

/** A toy state: `existing` men in K1/tani at the as-of month, and the eligible counts given. */
function toyState(existing: number, eligible: Record<string, number>): CurrentState {
  const anggota: MemberRow[] = existing
    ? [{bulan: AS_OF, kode_kec: "K1", sektor: "tani", jenis_kelamin: "L", kelompok_umur: "55-64", aktif: existing}]
    : [];
  const sasaran = Object.entries(eligible).map(([key, jumlah]) => {
    const [kode_kec, sektor] = key.split("/");
    return {kode_kec, sektor, jumlah};
  });
  return currentState(anggota, sasaran, AS_OF, ONE_BAND);
}

describe("hand-worked: contributions", () => {
  it("status quo: 1,200 members leave at 1/120 a month; each month's contribution rounded once", () => {
    // January is one month after the as-of month: 1200 × 119/120 = 1190 members × Rp16,800.
    const result = runScenario(toyState(1200, {"K1/tani": 3000}), scenario(), assumptions(), toyParameters(0));
    expect(result.bulan.map((m) => m.iuran)).toEqual([
      19_992_000, 19_825_400, 19_660_188, 19_496_353, 19_333_884, 19_172_768, 19_012_995, 18_854_553, 18_697_432, 18_541_620,
      18_387_107, 18_233_881
    ]);
    expect(result.bulan[0].aktif).toBeCloseTo(1190, 9);
    expect(result.bulan[11].aktif).toBeCloseTo(1200 * (119 / 120) ** 12, 9); // 1,085.35
    expect(result.biayaTahun).toBe(result.bulan.reduce((s, m) => s + m.iuran, 0));
    expect(result.biayaStatusQuo).toBe(result.biayaTahun);
    expect(result.pesertaBaru).toBe(0);
    expect(result.bulanAcuan).toBe("2027-12");
  });

  it("funds only January–June: six months of contributions, the rest of the year uncovered", () => {
    const result = runScenario(toyState(1200, {"K1/tani": 3000}), scenario({danaAwal: 1, danaBulan: 6}), assumptions(), toyParameters(0));
    expect(result.biayaTahun).toBe(117_480_593); // Σ t=1..6 round(1200 (119/120)^t × 16800)
    expect(result.bulan.filter((m) => m.didanai).map((m) => m.bulan)).toEqual(["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"]);
    expect(result.bulan[6]).toMatchObject({didanai: false, aktif: 0, iuran: 0});
    expect(result.bulan[6].terdaftar).toBeGreaterThan(0);
    expect(result.bulanAcuan).toBe("2027-06");
  });

  it("a new sector at 50% of 1,000 eligible: 500 people from March, Rp80,918,989 for the year", () => {
    // Nobody in K1/dagang yet: target 0.5 × 1000 = 500 enrolled at the start of March, then 1/120 a month leave.
    const state = toyState(0, {"K1/dagang": 1000});
    const result = runScenario(state, scenario({sektor: ["dagang"], mulai: 3}), assumptions(), toyParameters(0));
    expect(result.pesertaBaru).toBe(500);
    expect(result.bulan.map((m) => m.iuran)).toEqual([
      0, 0, 8_400_000, 8_330_000, 8_260_583, 8_191_745, 8_123_481, 8_055_785, 7_988_653, 7_922_081, 7_856_064, 7_790_597
    ]);
    expect(result.biayaTahun).toBe(80_918_989);
    expect(result.keluargaTerlindungi).toBeCloseTo(500, 9);
    expect(result.biayaPerKeluarga).toBe(Math.round(80_918_989 / 500));
    const group = result.kelompok.find((g) => g.sektor === "dagang")!;
    expect(group).toMatchObject({baru: 500, target: 0.5, mixFrom: "wilayah"});
    expect(group.aktifAcuan).toBeCloseTo(500 * (119 / 120) ** 9, 9);
  });

  it("tops a group up to its target, counting the members still there at enrolment", () => {
    // 1200 now; at January 1190 remain; target 0.5 × 3000 = 1500 → 310 new.
    const result = runScenario(toyState(1200, {"K1/tani": 3000}), scenario({sektor: ["tani"]}), assumptions(), toyParameters(0));
    expect(result.pesertaBaru).toBe(310);
    expect(result.bulan[0].aktif).toBeCloseTo(1500, 9);
  });

  it("a sector's own target overrides the overall one", () => {
    const state = toyState(0, {"K1/dagang": 1000, "K1/tani": 1000});
    const result = runScenario(state, scenario({sektor: ["dagang", "tani"], target: 0.5, targetSektor: {tani: 0.2}}), assumptions(), toyParameters(0));
    expect(result.kelompok.map((g) => [g.sektor, g.baru])).toEqual([
      ["dagang", 500],
      ["tani", 200]
    ]);
  });

  it("enrols in tranches: 500 people in 2 tranches from March, 3 months apart", () => {
    const result = runScenario(toyState(0, {"K1/dagang": 1000}), scenario({sektor: ["dagang"], mulai: 3, tahap: 2, jarakTahap: 3}), assumptions(), toyParameters(0));
    expect(result.bulan[2].aktif).toBeCloseTo(250, 9);
    expect(result.bulan[5].aktif).toBeCloseTo(250 * (119 / 120) ** 3 + 250, 9);
  });

  it("PP 50/2025's discount halves contributions in its months only", () => {
    const p = toyParameters(0, {diskon_pp50_2025: {persen: 0.5, mulai: "2027-04", akhir: "2027-12"}});
    const full = runScenario(toyState(1200, {"K1/tani": 3000}), scenario(), assumptions(), p);
    const cut = runScenario(toyState(1200, {"K1/tani": 3000}), scenario(), assumptions({diskon: true}), p);
    expect(cut.bulan.slice(0, 3).map((m) => m.iuran)).toEqual(full.bulan.slice(0, 3).map((m) => m.iuran));
    expect(cut.bulan[3].iuran).toBe(Math.round(1200 * (119 / 120) ** 4 * 8400)); // April: members × Rp8,400
    expect(cut.bulanDiskon).toBe(9);
    expect(full.bulanDiskon).toBe(0);
  });
});

describe("hand-worked: deaths and benefits", () => {
  it("1,000 members at qx 0.012: 0.1% die a month; 11.30 expected deaths, Rp474.5 million to families", () => {
    // Each month: deaths = members × 0.012/12, then 1/120 of survivors age out: f = 0.999 × 119/120.
    // Deaths in 2027 = Σ t=1..12 1000 f^t × 0.001 = 11.2969…; benefits = deaths × Rp42 million.
    const result = runScenario(toyState(1000, {"K1/tani": 3000}), scenario(), assumptions(), toyParameters(0.012));
    expect(result.bulan[0].aktif).toBeCloseTo(990.675, 9);
    expect(result.kematian.harapan).toBeCloseTo(11.296949154485, 9);
    expect(result.santunan.harapan).toBe(Math.round(11.296949154485118 * 42e6)); // 474,471,864
    expect(result.santunan.jkk).toBe(0);
    expect(result.kematian.bawah).toBe(poissonInterval(11.296949154485118)[0]);
    expect(result.kematian.atas).toBe(poissonInterval(11.296949154485118)[1]);
  });

  it("a new member's death in the first three funded months pays Rp10 million, later ones Rp42 million", () => {
    // 1,200 enrolled in March: deaths in Mar–May 1200 × 0.001 × (1 + f + f²) = 3.5665; Jun–Dec 7.9422.
    const result = runScenario(toyState(0, {"K1/dagang": 2400}), scenario({sektor: ["dagang"], mulai: 3}), assumptions(), toyParameters(0.012));
    expect(result.kematian.harapan).toBeCloseTo(3.56653434675 + 7.942235195084196, 9);
    expect(result.santunan.harapan).toBe(369_239_222);
  });

  it("the mortality multiplier scales deaths; work-accident deaths pay the JKK amount", () => {
    const base = runScenario(toyState(1000, {"K1/tani": 3000}), scenario(), assumptions(), toyParameters(0.006));
    const doubled = runScenario(toyState(1000, {"K1/tani": 3000}), scenario(), assumptions({pengali: 2}), toyParameters(0.006));
    const q012 = runScenario(toyState(1000, {"K1/tani": 3000}), scenario(), assumptions(), toyParameters(0.012));
    expect(doubled.kematian.harapan).toBeCloseTo(q012.kematian.harapan, 12);
    expect(doubled.kematian.harapan).toBeGreaterThan(base.kematian.harapan * 1.9);
    const withJkk = runScenario(toyState(1000, {"K1/tani": 3000}), scenario(), assumptions({porsiJkk: 0.1}), toyParameters(0.012));
    const d = withJkk.kematian.harapan;
    expect(withJkk.santunan.jkk).toBe(Math.round(d * 0.1 * 70e6));
    expect(withJkk.santunan.jkm).toBe(Math.round(d * 0.9 * 42e6));
  });

  it("deaths in unfunded months are counted as families left without a benefit", () => {
    const result = runScenario(toyState(1000, {"K1/tani": 3000}), scenario({danaBulan: 0}), assumptions(), toyParameters(0.012));
    expect(result.biayaTahun).toBe(0);
    expect(result.kematian.harapan).toBe(0);
    expect(result.kematianTakTerlindungi).toBeCloseTo(11.296949154485118, 9);
    expect(result.keluargaTerlindungi).toBe(0);
    expect(result.biayaPerKeluarga).toBeNull();
  });
});

describe("poissonInterval", () => {
  it("hand-checked quantiles: mean 1 → 0..3, mean 10 → 4..17", () => {
    expect(poissonInterval(0)).toEqual([0, 0]);
    expect(poissonInterval(1)).toEqual([0, 3]); // CDF(2) = 0.920, CDF(3) = 0.981
    expect(poissonInterval(10)).toEqual([4, 17]); // CDF(3) = 0.010, CDF(4) = 0.029; CDF(16) = 0.973, CDF(17) = 0.986
  });
  it("a province-sized mean does not underflow and sits near mean ± 1.96 √mean", () => {
    const [lo, hi] = poissonInterval(5000);
    expect(Math.abs(lo - (5000 - 1.96 * Math.sqrt(5000)))).toBeLessThan(3);
    expect(Math.abs(hi - (5000 + 1.96 * Math.sqrt(5000)))).toBeLessThan(3);
  });
});

describe("months and tranches", () => {
  it("funds a contiguous run of months within the year", () => {
    expect(fundedMask({danaAwal: 3, danaBulan: 4}).map((f, i) => (f ? i + 1 : 0)).filter(Boolean)).toEqual([3, 4, 5, 6]);
    expect(fundedMask({danaAwal: 10, danaBulan: 12}).filter(Boolean).length).toBe(3);
  });
  it("drops tranches past December and splits people as evenly as whole people allow", () => {
    expect(trancheMonths({mulai: 7, tahap: 3, jarakTahap: 4})).toEqual([7, 11]);
    expect(splitTranches(10, 3)).toEqual([4, 3, 3]);
  });
});

describe("currentState", () => {
  const bands: AgeBand[] = [
    {kode: "55-59", dari: 55, sampai: 59},
    {kode: "60-65", dari: 60, sampai: 65}
  ];
  const rows: MemberRow[] = [
    {bulan: "2026-10", kode_kec: "A", sektor: "tani", jenis_kelamin: "L", kelompok_umur: "55-59", aktif: 30},
    {bulan: "2026-10", kode_kec: "A", sektor: "tani", jenis_kelamin: "P", kelompok_umur: "60-65", aktif: 10},
    {bulan: "2026-10", kode_kec: "B", sektor: "tani", jenis_kelamin: "P", kelompok_umur: "55-59", aktif: 5},
    {bulan: "2026-10", kode_kec: "B", sektor: "tani", jenis_kelamin: null, kelompok_umur: null, aktif: 9},
    {bulan: "2026-09", kode_kec: "A", sektor: "tani", jenis_kelamin: "L", kelompok_umur: "55-59", aktif: 99}
  ];
  const state = currentState(rows, [{kode_kec: "A", sektor: "tani", jumlah: 100}, {kode_kec: "C", sektor: "jasa", jumlah: 7}], "2026-10", bands);

  it("takes the as-of month's members, a group's own mix when it has 30 classified members, else the region's", () => {
    // Region (classified): L55-59 30, P55-59 5, P60-65 10 of 45. Cells: L55-59, L60-65, P55-59, P60-65.
    expect(state.regionMix).toEqual([30 / 45, 0, 5 / 45, 10 / 45]);
    const a = state.groups.find((g) => g.kode_kec === "A")!;
    expect(a).toMatchObject({aktif: 40, sasaran: 100, mixFrom: "kelompok", mix: [0.75, 0, 0, 0.25]});
    const b = state.groups.find((g) => g.kode_kec === "B")!;
    expect(b).toMatchObject({aktif: 14, sasaran: null, mixFrom: "wilayah"});
    // The 9 of unknown sex and age are spread by the region's mix.
    expect(b.cells[0]).toBeCloseTo(9 * (30 / 45), 12);
    expect(b.cells[2]).toBeCloseTo(5 + 9 * (5 / 45), 12);
    expect(state.unclassified).toBe(9);
    expect(state.groups.find((g) => g.kode_kec === "C")).toMatchObject({aktif: 0, sasaran: 7, mixFrom: "wilayah"});
  });
});

// ---- properties on a region-sized state ------------------------------------------------------

const REAL: ScenarioParameters = {
  iuran_per_bulan: 16800,
  usia_maks: 65,
  santunan_jkm: 42_000_000,
  santunan_jkm_sebelum_3_bulan: 10_000_000,
  santunan_jkk_meninggal: 70_000_000,
  tmi_iv_2019: {
    usia_mulai: 55,
    laki_laki: [0.00789, 0.00847, 0.00898, 0.00939, 0.00971, 0.00999, 0.01024, 0.01046, 0.01071, 0.01104, 0.01146],
    perempuan: [0.00483, 0.00524, 0.00563, 0.00601, 0.00636, 0.00671, 0.00707, 0.00746, 0.00788, 0.00833, 0.00883]
  },
  kelompok_umur: [
    {kode: "55-59", dari: 55, sampai: 59},
    {kode: "60-65", dari: 60, sampai: 65}
  ]
};

const region = syntheticRegion(14);
const regionState = currentState(region.rows, region.sasaran, "2026-10", REAL.kelompok_umur);
const wide = (s: Partial<Scenario> = {}): Scenario => scenario({kecamatan: region.kecamatan, sektor: ["rumahan", "tani", "harian"], ...s});
const asm = (a: Partial<Assumptions> = {}) => assumptions({pengali: 1.5, porsiJkk: 0.03, pagu: 2_400_000_000, ...a});

describe("properties", () => {
  it("cost rises with the coverage target", () => {
    const costs = [0.3, 0.5, 0.7, 0.9, 1].map((target) => runScenario(regionState, wide({target}), asm(), REAL).biayaTahun);
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeGreaterThan(costs[i - 1]);
  });

  it("cost rises with the months funded", () => {
    const costs = [0, 3, 6, 9, 12].map((danaBulan) => runScenario(regionState, wide({danaBulan}), asm(), REAL).biayaTahun);
    expect(costs[0]).toBe(0);
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeGreaterThan(costs[i - 1]);
  });

  it("cost falls the later enrolment starts", () => {
    const costs = [1, 4, 7, 10].map((mulai) => runScenario(regionState, wide({mulai}), asm(), REAL).biayaTahun);
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeLessThan(costs[i - 1]);
  });

  it("zero expansion reproduces the status quo, however it is written", () => {
    const statusQuo = runScenario(regionState, wide({sektor: []}), asm(), REAL);
    const variants = [
      wide({kecamatan: []}),
      wide({target: 0}),
      wide({sektor: ["tidak_ada"]}),
      wide({sektor: [], mode: "pagu"})
    ].map((s) => runScenario(regionState, s, asm(), REAL));
    for (const v of variants) {
      expect(v.bulan).toEqual(statusQuo.bulan);
      expect(v.biayaTahun).toBe(statusQuo.biayaTahun);
      expect(v.kematian).toEqual(statusQuo.kematian);
      expect(v.kelompok.map((g) => g.aktifAcuan)).toEqual(statusQuo.kelompok.map((g) => g.aktifAcuan));
    }
    expect(statusQuo.biayaTahun).toBe(statusQuo.biayaStatusQuo);
    expect(statusQuo.pesertaBaru).toBe(0);
  });

  it("the fit never exceeds the allocation, in any order, at any allocation", () => {
    const statusQuo = runScenario(regionState, wide({sektor: []}), asm(), REAL).biayaTahun;
    const full = runScenario(regionState, wide({target: 1}), asm(), REAL).biayaTahun;
    const kemiskinan = new Map(region.kecamatan.map((k, i) => [k, (i * 37) % 11]));
    for (const urutan of ["terbanyak", "celah", "termiskin"] as const) {
      for (let i = 0; i <= 20; i++) {
        const pagu = Math.round(statusQuo + ((full - statusQuo) * i) / 20) + (i % 3) - 1;
        const result = runScenario(regionState, wide({target: 1, mode: "pagu", urutan}), asm({pagu, kemiskinan}), REAL);
        if (pagu < statusQuo) {
          // The members already enrolled are not dropped: nobody new, and the shortfall shows.
          expect(result.pesertaBaru).toBe(0);
          expect(result.biayaTahun).toBe(statusQuo);
          continue;
        }
        expect(result.biayaTahun, `${urutan} pagu ${pagu}`).toBeLessThanOrEqual(pagu);
        expect(result.selisihPagu).toBeGreaterThanOrEqual(0);
        // Each group the fit left out would not have fitted in what was left.
        const left = pagu - result.biayaTahun;
        for (const step of result.urutan!.filter((s) => !s.dipilih)) expect(step.biaya).toBeGreaterThan(left - 20);
      }
    }
  });

  it("with room for everything the fit enrols what the target mode does", () => {
    const target = runScenario(regionState, wide({target: 0.8}), asm({pagu: 1e13}), REAL);
    const fit = runScenario(regionState, wide({target: 0.8, mode: "pagu"}), asm({pagu: 1e13}), REAL);
    expect(fit.pesertaBaru).toBe(target.pesertaBaru);
    expect(fit.biayaTahun).toBe(target.biayaTahun);
  });

  it("enrols no one new when the allocation does not cover the existing members, and says why", () => {
    const result = runScenario(regionState, wide({mode: "pagu"}), asm({pagu: 1000}), REAL);
    expect(result.pesertaBaru).toBe(0);
    expect(result.selisihPagu).toBeLessThan(0);
    expect(result.urutan!.every((s) => !s.dipilih && s.alasan === "pagu tidak cukup untuk peserta yang ada")).toBe(true);
  });

  it("orders the fit: largest groups first, lowest coverage first, poorest first", () => {
    const most = runScenario(regionState, wide({mode: "pagu"}), asm(), REAL).urutan!;
    for (let i = 1; i < most.length; i++) expect(most[i].baru).toBeLessThanOrEqual(most[i - 1].baru);
    const gap = runScenario(regionState, wide({mode: "pagu", urutan: "celah"}), asm(), REAL).urutan!;
    const rate = (s: {kode_kec: string; sektor: string}) => {
      const g = regionState.groups.find((x) => x.kode_kec === s.kode_kec && x.sektor === s.sektor)!;
      return g.aktif / g.sasaran!;
    };
    for (let i = 1; i < gap.length; i++) expect(rate(gap[i])).toBeGreaterThanOrEqual(rate(gap[i - 1]));
    const kemiskinan = new Map(region.kecamatan.map((k, i) => [k, i]));
    const poor = runScenario(regionState, wide({mode: "pagu", urutan: "termiskin"}), asm({kemiskinan}), REAL).urutan!;
    for (let i = 1; i < poor.length; i++) expect(kemiskinan.get(poor[i].kode_kec)!).toBeLessThanOrEqual(kemiskinan.get(poor[i - 1].kode_kec)!);
    expect(() => runScenario(regionState, wide({mode: "pagu", urutan: "termiskin"}), asm(), REAL)).toThrow(/indikator kemiskinan/);
  });

  it("coverage by kecamatan adds up to the groups, and expansion only raises it", () => {
    const sq = runScenario(regionState, wide({sektor: []}), asm(), REAL);
    const ex = runScenario(regionState, wide({target: 0.9}), asm(), REAL);
    const sum = (rows: {aktif: number}[]) => rows.reduce((s, r) => s + r.aktif, 0);
    expect(sum(ex.kecamatan)).toBeCloseTo(ex.kelompok.reduce((s, g) => s + g.aktifAcuan, 0), 6);
    expect(sum(ex.kecamatan)).toBeCloseTo(ex.bulan[11].aktif, 6);
    ex.kecamatan.forEach((k, i) => expect(k.rate!).toBeGreaterThanOrEqual(sq.kecamatan[i].rate! - 1e-12));
  });

  it("refuses a planned year that is not after the data", () => {
    expect(() => runScenario(regionState, wide(), asm({tahun: 2026}), REAL)).toThrow(/tahun rencana/);
  });
});

describe("calibrateFromClaims", () => {
  it("observed deaths ÷ TMI IV's expectation over covered member-months; JKK share of claims", () => {
    // 1,200 member-months of men 55–59: qx averaged over 55..59 = 0.008888; expected 1200 × 0.008888 / 12 = 0.8888.
    const rows: MemberRow[] = [
      {bulan: "2026-01", kode_kec: "A", sektor: "tani", jenis_kelamin: "L", kelompok_umur: "55-59", aktif: 600},
      {bulan: "2026-02", kode_kec: "A", sektor: "tani", jenis_kelamin: "L", kelompok_umur: "55-59", aktif: 600},
      {bulan: "2026-03", kode_kec: "A", sektor: "tani", jenis_kelamin: "L", kelompok_umur: "55-59", aktif: 600}
    ];
    const claims = [
      {bulan: "2026-01", jenis: "JKM", jumlah: 1},
      {bulan: "2026-02", jenis: "JKK", jumlah: 1},
      {bulan: "2026-03", jenis: "JKM", jumlah: 5}
    ];
    const c = calibrateFromClaims(rows, claims, "2026-02", REAL, REAL.kelompok_umur);
    const qx = (0.00789 + 0.00847 + 0.00898 + 0.00939 + 0.00971) / 5;
    expect(c.harapan).toBeCloseTo((1200 * qx) / 12, 12);
    expect(c.klaim).toBe(2);
    expect(c.pengali).toBeCloseTo(2 / ((1200 * qx) / 12), 12);
    expect(c.porsiJkk).toBe(0.5);
    expect(c).toMatchObject({dari: "2026-01", sampai: "2026-02", bulanPeserta: 1200});
  });
  it("says nothing without members or claims", () => {
    expect(calibrateFromClaims([], [], "2026-02", REAL, REAL.kelompok_umur)).toMatchObject({pengali: null, porsiJkk: null});
  });
});

describe("page state and URL", () => {
  const ctx: PresetContext = {
    kecamatan: ["K1", "K2", "K3"],
    sektor: ["tani", "dagang", "rumahan", "harian"],
    sektorPerluasan: ["rumahan", "tani", "harian"],
    targetPerluasan: 100,
    danaAwal: 1,
    danaBulan: 12
  };
  const defaults = defaultState(ctx, {tahun: 2027, pagu: 2_400_000_000, iuran: 16800, pengali: 1.4});

  it("the default page has a bare URL; presets A status quo, B the regent's, C fitted to the allocation", () => {
    expect(encodeState(defaults, defaults, ctx)).toBe("");
    expect(defaults.slots.a.sektor).toEqual([]);
    expect(toScenario(defaults.slots.b)).toMatchObject({sektor: ["rumahan", "tani", "harian"], target: 1, mode: "target"});
    expect(toScenario(defaults.slots.c)).toMatchObject({mode: "pagu", urutan: "terbanyak"});
    for (const slot of ["a", "b", "c"] as const) expect(matchPreset(defaults.slots[slot], ctx)).toBe(defaults.slots[slot].preset);
  });

  it("round-trips every input through the query string", () => {
    const state = structuredClone(defaults);
    Object.assign(state, {tahun: 2028, pagu: 3_000_000_000, diskon: true, pengali: 2, jumlah: 2, edit: "a"});
    state.slots.a = {...presetInput("kustom", ctx), kecamatan: ["K2"], target: 60, targetSektor: {tani: 40}, danaAwal: 3, danaBulan: 9, mulai: 4, tahap: 2, jarakTahap: 2, mode: "pagu", urutan: "celah"};
    const query = encodeState(state, defaults, ctx);
    expect(query).toContain("a_kec=K2");
    expect(query).toContain("a_ts=tani%3A40");
    expect(decodeState(query, defaults, ctx)).toEqual(state);
  });

  it("writes 'all kecamatan' as semua and drops unknown codes and out-of-range numbers", () => {
    const state = structuredClone(defaults);
    state.slots.a.sektor = ["tani"];
    expect(encodeState(state, defaults, ctx)).toBe("?a_sektor=tani");
    const read = decodeState("?a_kec=K9,K1&a_sektor=tani,zzz&a_target=250&a_dana1=11&a_dana=12&n=7&pengali=9&a_mode=x", defaults, ctx);
    expect(read.slots.a).toMatchObject({kecamatan: ["K1"], sektor: ["tani"], target: 100, danaAwal: 11, danaBulan: 2, mode: "target"});
    expect(read.jumlah).toBe(3);
    expect(read.pengali).toBe(2.5);
  });

  it("an edited preset becomes custom", () => {
    expect(matchPreset({...defaults.slots.b, target: 80}, ctx)).toBe("kustom");
    expect(matchPreset({...defaults.slots.a, target: 80}, ctx)).toBe("status_quo"); // no sectors: the target is moot
  });
});

describe("a region that states no expansion (no skenario_perluasan)", () => {
  const ctx: PresetContext = {kecamatan: ["K1", "K2"], sektor: ["tani", "dagang"], sektorPerluasan: [], targetPerluasan: 100, danaAwal: 1, danaBulan: 12};
  const defaults = defaultState(ctx, {tahun: 2027, pagu: 2_400_000_000, iuran: 16800, pengali: 1});

  it("offers no regent's expansion and no fit of it: only status quo and custom", () => {
    expect(statesExpansion(ctx)).toBe(false);
    expect(presetsFor(ctx).map((p) => p.id)).toEqual(["status_quo", "kustom"]);
  });

  it("starts from the status quo alone, with a bare URL", () => {
    expect(defaults.jumlah).toBe(1);
    expect(defaults.slots.a.preset).toBe("status_quo");
    expect(encodeState(defaults, defaults, ctx)).toBe("");
  });

  it("reads a link's regent's preset as the default, and an edited scenario as custom", () => {
    expect(decodeState("?n=2&b_preset=bupati", defaults, ctx).slots.b.preset).toBe("kustom");
    expect(matchPreset({...defaults.slots.b, sektor: ["tani"]}, ctx)).toBe("kustom");
  });
});

describe("a region that states an expansion", () => {
  it("offers all four presets", () => {
    const ctx: PresetContext = {kecamatan: ["K1"], sektor: ["tani"], sektorPerluasan: ["tani"], targetPerluasan: 100, danaAwal: 1, danaBulan: 12};
    expect(presetsFor(ctx).map((p) => p.id)).toEqual(PRESETS.map((p) => p.id));
  });
});

describe("report rows", () => {
  const ctx: PresetContext = {kecamatan: ["K1", "K2"], sektor: ["tani", "dagang"], sektorPerluasan: ["dagang"], targetPerluasan: 50, danaAwal: 3, danaBulan: 6};
  const state = toyState(1200, {"K1/tani": 3000, "K2/dagang": 1000});
  const items = [presetInput("status_quo", ctx), presetInput("bupati", ctx)].map((input, i) => ({
    label: `S${i}`,
    input,
    result: runScenario(state, toScenario(input), assumptions({pagu: 200_000_000}), toyParameters(0))
  }));

  it("compares cost, the gap to the allocation and coverage in the last funded month", () => {
    const rows = comparisonRows(items, 4000);
    const row = (key: string) => rows.find((r) => r.key === key)!.values;
    expect(row("biaya")).toEqual(items.map((i) => i.result.biayaTahun));
    expect(row("biaya_perluasan")[0]).toBe(0);
    expect(row("selisih")).toEqual(items.map((i) => 200_000_000 - i.result.biayaTahun));
    expect(row("baru")).toEqual([0, 500]);
    // August (the last of March–August): 1200 × (119/120)^8 existing, + 500 × (119/120)^5 new.
    expect(row("aktif_acuan")[0]).toBeCloseTo(1200 * (119 / 120) ** 8, 9);
    expect(row("cakupan")[1]).toBeCloseTo((1200 * (119 / 120) ** 8 + 500 * (119 / 120) ** 5) / 4000, 12);
  });

  it("lists the twelve months and the kecamatan in reference order", () => {
    const months = monthRows(items);
    expect(months.map((m) => m.bulan)[0]).toBe("2027-01");
    expect(months[0]).toMatchObject({didanai: [false, false], iuran: [0, 0]});
    expect(months[2].iuran[1]).toBe(Math.round((1200 * (119 / 120) ** 3 + 500) * 16800));
    const kec = kecamatanRows(items, [{kode: "K2", nama: "Dua"}, {kode: "K1", nama: "Satu"}]);
    expect(kec.map((k) => [k.nama, k.sasaran, k.aktifKini])).toEqual([["Dua", 1000, 0], ["Satu", 3000, 1200]]);
    expect(kec[0].cakupan[1]).toBeCloseTo((500 * (119 / 120) ** 5) / 1000, 12);
  });

  it("says what a scenario does in one sentence", () => {
    const names = {sektorNama: new Map([["dagang", "Pedagang kecil"], ["tani", "Buruh tani"]]), kecamatanCount: 2};
    expect(describeScenario(items[0].input, names)).toBe("Peserta yang ada saja, tanpa pendaftaran baru; iuran didanai 6 bulan (Maret–Agustus).");
    expect(describeScenario({...items[1].input, sektor: ["dagang", "tani"], targetSektor: {tani: 20}, kecamatan: ["K1"], tahap: 2, mode: "pagu", urutan: "celah"}, names)).toBe(
      "Perluas ke pedagang kecil dan buruh tani (20%) di 1 kecamatan sampai cakupan 50%, sebanyak yang muat dalam pagu (urutan: celah terbesar dulu (cakupan terendah)); pendaftaran dalam 2 tahap mulai Maret, berjarak 3 bulan; iuran didanai 6 bulan (Maret–Agustus)."
    );
  });
});
