// The roadmap (peta jalan): one-year runs of the scenario model chained over the years. Hand-worked
// cases on a one-band toy program (formulas in the comments), then the properties issue 15 asks for on
// a region-sized synthetic state.
import {describe, expect, it} from "vitest";
import {
  currentState,
  membersAt,
  runScenario,
  stateAfterYear,
  type AgeBand,
  type CurrentState,
  type MemberRow,
  type ScenarioParameters
} from "../../src/lib/skenario/model.ts";
import {presetInput, toScenario, type PresetContext} from "../../src/lib/skenario/state.ts";
import {enrolmentByKecamatan, roadmapCache, runRoadmap, todaysRates, yearScenario, yearlySeries, type RoadmapAssumptions, type RoadmapPath} from "../../src/lib/skenario/roadmap.ts";
import {syntheticRegion} from "./skenario-fixture.ts";
import parameter from "../../data/program/parameter.json" with {type: "json"};

const P = parameter as unknown as ScenarioParameters;

// One band of ten ages (55..64): each month 1/120 of the survivors turn 65 and leave.
const ONE_BAND: AgeBand[] = [{kode: "55-64", dari: 55, sampai: 64}];
function toyParameters(q: number): ScenarioParameters {
  return {
    iuran_per_bulan: 16800,
    usia_maks: 65,
    santunan_jkm: 42_000_000,
    santunan_jkm_sebelum_3_bulan: 10_000_000,
    santunan_jkk_meninggal: 70_000_000,
    tmi_iv_2019: {usia_mulai: 55, laki_laki: new Array(11).fill(q), perempuan: new Array(11).fill(q)},
    kelompok_umur: ONE_BAND
  };
}

function toyState(existing: number, eligible: Record<string, number>, asOf = "2026-12"): CurrentState {
  const anggota: MemberRow[] = existing ? [{bulan: asOf, kode_kec: "K1", sektor: "tani", jenis_kelamin: "L", kelompok_umur: "55-64", aktif: existing}] : [];
  const sasaran = Object.entries(eligible).map(([key, jumlah]) => {
    const [kode_kec, sektor] = key.split("/");
    return {kode_kec, sektor, jumlah};
  });
  return currentState(anggota, sasaran, asOf, ONE_BAND);
}

const path = (p: Partial<RoadmapPath> = {}): RoadmapPath => ({
  jenis: "tetap",
  sektor: [],
  kecamatan: [],
  target: 1,
  tahunTarget: 2031,
  targetTahun: [],
  lainnya: "tanpa",
  danaAwal: 1,
  danaBulan: 12,
  mulai: 1,
  tahap: 1,
  jarakTahap: 3,
  urutan: "terbanyak",
  ...p
});
const assumptions = (a: Partial<RoadmapAssumptions> = {}): RoadmapAssumptions => ({
  tahunAwal: 2027,
  horizon: 5,
  pagu: [10_000_000_000],
  iuran: [16800],
  sasaranPerubahan: 0,
  pengali: 1,
  porsiJkk: 0,
  ...a
});
const noEnrolment = path({jenis: "linear", sektor: [], kecamatan: [], lainnya: "tanpa"});

describe("hand-worked: a net with no new enrolment", () => {
  it("1,200 members, no deaths: 1/120 a month turn 65; January holds 1,190, each year ends ×(119/120)^12", () => {
    const state = toyState(1200, {"K1/tani": 2400});
    const r = runRoadmap(state, noEnrolment, assumptions({horizon: 3}), toyParameters(0));
    const k = 119 / 120;
    // As-of December 2026 → one step into January 2027: 1,200 × 119/120 = 1,190.
    expect(r.years[0].awal).toBeCloseTo(1190, 9);
    expect(r.years[0].akhir).toBeCloseTo(1200 * k ** 13, 9);
    expect(r.years[0].keluarUsia).toBeCloseTo(1190 - 1200 * k ** 13, 9);
    expect(r.years[0].meninggal).toBe(0);
    expect(r.years[2].akhir).toBeCloseTo(1200 * k ** 37, 9);
    // About one in ten leaves a year by turning 65 (DOMAIN.md): 1 − (119/120)^12 = 9.54%.
    expect(1 - r.years[1].akhir / r.years[1].awal).toBeCloseTo(1 - k ** 12, 12);
    // Contributions: each month's members × Rp16,800, rounded once a month.
    let cost = 0;
    for (let m = 0; m < 12; m++) cost += Math.round(1200 * k ** (13 + m) * 16800);
    expect(r.years[1].iuran).toBe(cost);
    expect(r.years.every((y) => y.baru === 0 && y.pengganti === 0 && y.pertumbuhan === 0)).toBe(true);
  });

  it("deaths at qx 0.012 (0.1% a month) come before ageing: leavers split into deaths and age-outs", () => {
    const state = toyState(1000, {"K1/tani": 2000});
    const r = runRoadmap(state, noEnrolment, assumptions({horizon: 1}), toyParameters(0.012));
    // One month: × (1 − 0.001) survive, of whom × (1 − 1/120) stay.
    const keep = (1 - 0.001) * (119 / 120);
    const y = r.years[0];
    expect(y.awal).toBeCloseTo(1000 * keep, 9);
    expect(y.akhir).toBeCloseTo(1000 * keep ** 13, 9);
    let deaths = 0;
    for (let m = 0; m < 12; m++) deaths += 1000 * keep ** (1 + m) * 0.001;
    expect(y.meninggal).toBeCloseTo(deaths, 9);
    expect(y.keluarUsia).toBeCloseTo(y.awal - y.akhir - deaths, 9);
  });
});

describe("hand-worked: holding and widening", () => {
  it("holds a group at today's 50%: January enrolment replaces who left since, integer people", () => {
    const state = toyState(1000, {"K1/tani": 2000});
    const r = runRoadmap(state, path({jenis: "tetap"}), assumptions({horizon: 3}), toyParameters(0));
    // Year 1: 1,000 × 119/120 = 991.67 still there in January → round(1000 − 991.67) = 8 new.
    expect(r.years[0].baru).toBe(8);
    // Year 2: after a year the group holds (991.67 + 8) × (119/120)^12 = 904.3 + … → 1000 − 904 = 96 new.
    const end1 = r.years[0].akhir;
    expect(r.years[1].baru).toBe(1000 - Math.round(end1));
    expect(Math.abs(r.years[1].baru - r.years[0].keluar)).toBeLessThanOrEqual(1);
    expect(Math.abs(r.years[2].baru - r.years[1].keluar)).toBeLessThanOrEqual(1);
  });

  it("linear to 100% by the third year: a third of the way from 50% each year", () => {
    const state = toyState(1000, {"K1/tani": 2000});
    const r = runRoadmap(state, path({jenis: "linear", sektor: ["tani"], kecamatan: ["K1"], target: 1, tahunTarget: 2029}), assumptions({horizon: 4}), toyParameters(0));
    expect(r.years.map((y) => y.scenario.targetKelompok!["K1|tani"])).toEqual([0.5 + 0.5 * (1 / 3), 0.5 + 0.5 * (2 / 3), 1, 1]);
    // Members right after January's enrolment = the year's target × 2,000 (within a person).
    for (const y of r.years) expect(Math.abs(y.awal + y.baru - 2000 * y.scenario.targetKelompok!["K1|tani"])).toBeLessThanOrEqual(1);
  });

  it("typed per year, and the eligible population growing 10% a year", () => {
    const state = toyState(0, {"K1/tani": 1000});
    const r = runRoadmap(
      state,
      path({jenis: "per_tahun", sektor: ["tani"], kecamatan: ["K1"], targetTahun: [0.1, 0.2]}),
      assumptions({horizon: 3, sasaranPerubahan: 0.1}),
      toyParameters(0)
    );
    expect(r.years.map((y) => y.sasaran)).toEqual([1000, 1100, 1000 * 1.1 * 1.1]);
    expect(r.years[0].baru).toBe(100);
    // The last typed rate repeats.
    expect(r.years.map((y) => y.scenario.targetKelompok!["K1|tani"])).toEqual([0.1, 0.2, 0.2]);
    // 100 joined an empty group; growth is what the year's 9.5 leavers (1 − (119/120)^12 of them) did not use up.
    expect(r.years[0].pengganti).toBeCloseTo(r.years[0].keluar, 12);
    expect(r.years[0].pertumbuhan).toBeCloseTo(100 - 100 * (1 - (119 / 120) ** 12), 9);
  });

  it("yearly series: a yearly change compounds and rounds to rupiah; typed values repeat the last", () => {
    expect(yearlySeries(3, {mode: "persen", awal: 1_000_000, persen: 0.05})).toEqual([1_000_000, 1_050_000, 1_102_500]);
    expect(yearlySeries(3, {mode: "persen", awal: 16800, persen: 0.03})).toEqual([16800, 17304, 17823]);
    expect(yearlySeries(3, {mode: "tahun", nilai: [5, 7]})).toEqual([5, 7, 7]);
  });
});

// ---- properties on a region ------------------------------------------------------------------

const region = syntheticRegion(14);
const STATE = currentState(region.rows, region.sasaran, "2026-10", P.kelompok_umur);
const SEKTOR = ["rumahan", "tani", "harian"];
const A = assumptions({pagu: [3_000_000_000], pengali: 1.5, porsiJkk: 0.03});

describe("stateAfterYear", () => {
  it("holds each group's members at the start of December, the year's December figure, and ages on by the same step", () => {
    const s = yearScenario(path({jenis: "linear", sektor: SEKTOR, kecamatan: region.kecamatan, tahunTarget: 2028}), STATE, todaysRates(STATE), 2027, 0, 2026);
    const a = {tahun: 2027, pagu: 1e10, iuran: 16800, diskon: false, pengali: 1.5, porsiJkk: 0};
    const r = runScenario(STATE, {...s, tahap: 3, mulai: 2, jarakTahap: 4}, a, P);
    const next = stateAfterYear(STATE, {...s, tahap: 3, mulai: 2, jarakTahap: 4}, a, P, r);
    expect(next.asOf).toBe("2027-12");
    const total = next.groups.reduce((t, g) => t + g.aktif, 0);
    expect(total).toBeCloseTo(r.bulan[11].terdaftar, 6);
    // The next year's run starts from it: existing members in January = December's × one month.
    const jan = membersAt(next, P, 1.5, "2028-01").reduce((t, v) => t + v, 0);
    const r2 = runScenario(next, {...s, sektor: [], kecamatan: []}, {...a, tahun: 2028}, P);
    expect(r2.bulan[0].terdaftar).toBeCloseTo(jan, 6);
  });
});

describe("properties", () => {
  const ctx: PresetContext = {kecamatan: region.kecamatan, sektor: region.sektor, sektorPerluasan: SEKTOR, targetPerluasan: 100, danaAwal: 1, danaBulan: 12};

  it("year 1 equals the one-year planner for the same inputs (the regent's expansion, and fitted to the allocation)", () => {
    for (const id of ["bupati", "pagu"] as const) {
      const input = presetInput(id, ctx);
      const roadmap = runRoadmap(
        STATE,
        path({jenis: id === "pagu" ? "pagu" : "linear", sektor: input.sektor, kecamatan: input.kecamatan, target: input.target / 100, tahunTarget: 2027, lainnya: "tanpa"}),
        {...A, horizon: 2},
        P
      );
      const planner = runScenario(STATE, toScenario(input), {tahun: 2027, pagu: 3_000_000_000, iuran: 16800, diskon: false, pengali: 1.5, porsiJkk: 0.03, kemiskinan: null}, P);
      expect(roadmap.years[0].result).toEqual(planner);
    }
  });

  it("year 1 is runScenario on the as-of state, whatever the path", () => {
    for (const jenis of ["tetap", "linear", "per_tahun", "pagu"] as const) {
      const p = path({jenis, sektor: SEKTOR, kecamatan: region.kecamatan, target: 0.8, targetTahun: [0.5, 0.6], lainnya: "tahan", mulai: 4, danaAwal: 3, danaBulan: 9});
      const r = runRoadmap(STATE, p, A, P);
      const y = r.years[0];
      expect(y.result).toEqual(runScenario(STATE, y.scenario, y.assumptions, P));
    }
  });

  it("with no new enrolment members only fall, month by month and year by year", () => {
    const r = runRoadmap(STATE, noEnrolment, {...A, horizon: 10}, P);
    expect(r.years).toHaveLength(10);
    let last = r.kini.aktif;
    for (const y of r.years) {
      expect(y.baru).toBe(0);
      expect(y.awal).toBeLessThanOrEqual(last);
      // January's members are the year's start (the same figure, summed another way).
      expect(y.result.bulan[0].terdaftar).toBeCloseTo(y.awal, 6);
      last = y.awal;
      for (const m of y.result.bulan.slice(1)) {
        expect(m.terdaftar).toBeLessThan(last);
        last = m.terdaftar;
      }
      expect(y.akhir).toBeLessThan(last);
      last = y.akhir;
    }
  });

  it("holding today's coverage needs new enrolment equal to the leavers (within a person per group)", () => {
    const r = runRoadmap(STATE, path({jenis: "tetap"}), {...A, horizon: 6}, P);
    const groups = STATE.groups.filter((g) => g.sasaran).length;
    for (let i = 1; i < r.years.length; i++) {
      // January's enrolment replaces last year's leavers.
      expect(Math.abs(r.years[i].baru - r.years[i - 1].keluar)).toBeLessThanOrEqual(groups);
      expect(r.years[i].baru).toBeGreaterThan(0);
    }
    // And coverage stays at today's: members after each January's enrolment = today's members.
    for (const y of r.years) {
      expect(Math.abs(y.awal + y.baru - r.kini.aktif)).toBeLessThanOrEqual(groups);
      expect(y.sesudahDaftar).toBeCloseTo(y.awal + y.baru, 6);
    }
    // Over the years nearly all of it is replacement.
    const replaced = r.years.slice(1).reduce((t, y) => t + y.pengganti, 0);
    const grown = r.years.slice(1).reduce((t, y) => t + y.pertumbuhan, 0);
    expect(grown).toBeLessThan(replaced * 0.02);
  });

  it("people are conserved: start + new − deaths − age-outs = end, and each year starts where the last ended", () => {
    for (const jenis of ["tetap", "linear", "pagu"] as const) {
      const r = runRoadmap(STATE, path({jenis, sektor: SEKTOR, kecamatan: region.kecamatan, target: 0.9, lainnya: "tahan", tahap: 2, mulai: 3}), A, P);
      r.years.forEach((y, i) => {
        expect(y.awal + y.baru - y.meninggal - y.keluarUsia).toBeCloseTo(y.akhir, 6);
        expect(y.keluarUsia).toBeGreaterThan(0);
        expect(y.meninggal).toBeGreaterThan(0);
        expect(y.pengganti + y.pertumbuhan).toBe(y.baru);
        if (i > 0) expect(y.awal).toBe(r.years[i - 1].akhir);
        expect(y.kecamatan.reduce((t, c) => t + c.baru, 0)).toBe(y.baru);
        expect(y.kecamatan.reduce((t, c) => t + c.akhir, 0)).toBeCloseTo(y.akhir, 6);
        expect(y.sektor.reduce((t, c) => t + c.akhir, 0)).toBeCloseTo(y.akhir, 6);
      });
    }
  });

  it("cost rises with the target, every year", () => {
    const costs = [0.4, 0.6, 0.8, 1].map((target) =>
      runRoadmap(STATE, path({jenis: "linear", sektor: SEKTOR, kecamatan: region.kecamatan, target, tahunTarget: 2029, lainnya: "tahan"}), A, P).years.map((y) => y.iuran)
    );
    for (let k = 1; k < costs.length; k++) for (let i = 0; i < 5; i++) expect(costs[k][i]).toBeGreaterThanOrEqual(costs[k - 1][i]);
    expect(costs[3].reduce((t, v) => t + v, 0)).toBeGreaterThan(costs[0].reduce((t, v) => t + v, 0));
  });

  it("the envelope fit never exceeds a year's envelope, in any order, whatever the envelope path", () => {
    const base = runRoadmap(STATE, noEnrolment, {...A, horizon: 1}, P).years[0].iuran;
    for (const urutan of ["terbanyak", "celah"] as const)
      for (const persen of [-0.05, 0, 0.1])
        for (const extra of [1.05, 1.3, 2]) {
          const pagu = yearlySeries(5, {mode: "persen", awal: base * extra, persen});
          const r = runRoadmap(STATE, path({jenis: "pagu", sektor: SEKTOR, kecamatan: region.kecamatan, target: 1, urutan, lainnya: "tahan"}), {...A, pagu}, P);
          r.years.forEach((y, i) => {
            expect(y.pagu).toBe(pagu[i]);
            if (y.result.biayaStatusQuo <= y.pagu) expect(y.iuran).toBeLessThanOrEqual(y.pagu);
            else expect(y.baru).toBe(0);
          });
        }
  });

  it("a larger envelope buys at least as many new members in the first year", () => {
    const run = (pagu: number) => runRoadmap(STATE, path({jenis: "pagu", sektor: SEKTOR, kecamatan: region.kecamatan, target: 1}), {...A, pagu: [pagu]}, P).years[0].baru;
    expect(run(4e9)).toBeGreaterThanOrEqual(run(3e9));
  });

  it("lists new enrolments by kecamatan and year, adding up to each year's total", () => {
    const r = runRoadmap(STATE, path({jenis: "linear", sektor: SEKTOR, kecamatan: region.kecamatan.slice(0, 4), tahunTarget: 2029}), A, P);
    const rows = enrolmentByKecamatan(r, region.kecamatan.map((k) => ({kode: k, nama: `Kec ${k}`})));
    expect(rows.map((x) => x.kode_kec)).toEqual(region.kecamatan);
    r.years.forEach((y, i) => expect(rows.reduce((t, x) => t + x.baru[i], 0)).toBe(y.baru));
    // Only the four chosen kecamatan enrol (the others: no enrolment).
    expect(rows.slice(4).every((x) => x.jumlah === 0)).toBe(true);
    expect(rows.slice(0, 4).every((x) => x.jumlah > 0)).toBe(true);
  });

  it("refuses a first year that is not after the data", () => {
    expect(() => runRoadmap(STATE, noEnrolment, {...A, tahunAwal: 2026}, P)).toThrow(/sesudah/);
  });
});

// ---- page state, URL and report rows ------------------------------------------------------------

import {
  availablePresets,
  decodeRoadmapState,
  defaultRoadmapState,
  encodeRoadmapState,
  matchPathPreset,
  presetPath,
  toAssumptions,
  toPath,
  type RoadmapContext
} from "../../src/lib/skenario/roadmapState.ts";
import {describePath, measureRows, placeYearRows} from "../../src/lib/skenario/roadmapReport.ts";

const RCTX: RoadmapContext = {
  kecamatan: region.kecamatan,
  sektor: region.sektor,
  sektorPerluasan: SEKTOR,
  targetPerluasan: 100,
  tahunAwal: 2027,
  cakupanKini: 30,
  danaAwal: 4,
  danaBulan: 9
};
const RDEF = defaultRoadmapState(RCTX, {pagu: 2_400_000_000, iuran: 16800, pengali: 1.3});

describe("roadmap page state and URL", () => {
  it("the default page has a bare URL: A holds today's coverage, B the regent's expansion by the last year, C fits the envelope", () => {
    expect(encodeRoadmapState(RDEF, RDEF, RCTX)).toBe("");
    expect(RDEF.horizon).toBe(5);
    expect([RDEF.slots.a.jenis, RDEF.slots.b.jenis, RDEF.slots.c.jenis]).toEqual(["tetap", "linear", "pagu"]);
    expect(RDEF.slots.b.tahunTarget).toBe(2031);
    expect(RDEF.slots.b.sektor).toEqual(SEKTOR);
  });

  it("without a stated expansion the regent's preset is not offered", () => {
    const ctx = {...RCTX, sektorPerluasan: null};
    expect(availablePresets(ctx).map((p) => p.id)).toEqual(["tetap", "pagu", "kustom"]);
    const d = defaultRoadmapState(ctx, {pagu: 1e9, iuran: 16800, pengali: 1});
    expect(Object.values(d.slots).map((s) => s.preset)).not.toContain("bupati");
    expect(d.jumlah).toBe(2);
    // A link naming the preset falls back to the default.
    expect(decodeRoadmapState("?b_preset=bupati", d, ctx).slots.b.preset).toBe(d.slots.b.preset);
  });

  it("round-trips every input through the query string", () => {
    const s = structuredClone(RDEF);
    s.horizon = 7;
    s.pagu = {mode: "tahun", awal: 2_500_000_000, persen: 2.5, tahun: [1e9, 2e9, 3e9, 3e9, 3e9, 3e9, 3e9, 3e9, 3e9, 3e9]};
    s.iuran = {mode: "persen", awal: 17000, persen: 3, tahun: RDEF.iuran.tahun.slice()};
    s.sasaranPersen = -1.5;
    s.pengali = 1.7;
    s.jumlah = 2;
    s.edit = "a";
    s.slots.b = {...s.slots.b, preset: "kustom", jenis: "per_tahun", targetTahun: [35, 40, 45, 50, 55, 60, 65, 70, 75, 80], kecamatan: region.kecamatan.slice(0, 3), lainnya: "tanpa", tahap: 2, jarakTahap: 4, mulai: 2};
    s.slots.c = {...s.slots.c, preset: "kustom", urutan: "celah", target: 80, danaAwal: 1, danaBulan: 12};
    const q = encodeRoadmapState(s, RDEF, RCTX);
    expect(q).toContain("h=7");
    expect(q).toContain("b_jenis=per_tahun");
    expect(decodeRoadmapState(q, RDEF, RCTX)).toEqual(s);
  });

  it("drops unknown codes and clamps out-of-range numbers", () => {
    const s = decodeRoadmapState("?h=40&b_sektor=tani,zzz&b_kec=K001,X9&b_target=250&sasaran_pct=99&pengali=9&b_tt=10,abc,300&a_jenis=nonsense", RDEF, RCTX);
    expect(s.horizon).toBe(10);
    expect(s.slots.b.sektor).toEqual(["tani"]);
    expect(s.slots.b.kecamatan).toEqual(["K001"]);
    expect(s.slots.b.target).toBe(100);
    expect(s.sasaranPersen).toBe(20);
    expect(s.pengali).toBe(2.5);
    expect(s.slots.b.targetTahun.slice(0, 3)).toEqual([10, RDEF.slots.b.targetTahun[1], 100]);
    expect(s.slots.a.jenis).toBe("tetap");
  });

  it("an edited preset becomes custom; a preset's target year follows the horizon", () => {
    const b = {...RDEF.slots.b, target: 80};
    expect(matchPathPreset(b, RCTX, 5)).toBe("kustom");
    expect(matchPathPreset(RDEF.slots.b, RCTX, 5)).toBe("bupati");
    expect(presetPath("bupati", RCTX, 3).tahunTarget).toBe(2029);
    expect(toPath({...RDEF.slots.b, tahunTarget: 2036}, RCTX, 3).tahunTarget).toBe(2029);
  });

  it("turns percents into fractions and the envelope into a yearly series", () => {
    const s = structuredClone(RDEF);
    s.pagu.persen = 10;
    const a = toAssumptions(s, RCTX, {porsiJkk: 0.02});
    expect(a.pagu).toEqual([2_400_000_000, 2_640_000_000, 2_904_000_000, 3_194_400_000, 3_513_840_000]);
    expect(a.iuran).toEqual([16800, 16800, 16800, 16800, 16800]);
    expect(toPath(RDEF.slots.b, RCTX, 5).target).toBe(1);
  });
});

describe("roadmap report rows", () => {
  const r = runRoadmap(STATE, toPath(RDEF.slots.b, RCTX, 5), toAssumptions(RDEF, RCTX, {porsiJkk: 0.03}), P);

  it("lists every yearly measure, a value per year", () => {
    const rows = measureRows(r);
    expect(rows.every((row) => row.values.length === 5)).toBe(true);
    const get = (key: string) => rows.find((row) => row.key === key)!.values;
    expect(get("iuran")).toEqual(r.years.map((y) => y.iuran));
    expect(get("baru")[0]).toBe((get("pengganti")[0] ?? 0) + (get("pertumbuhan")[0] ?? 0));
  });

  it("gives coverage by kecamatan and sector per year, in reference order", () => {
    const rows = placeYearRows(r, "sektor", region.sektor.map((k) => ({kode: k, nama: k.toUpperCase()})));
    expect(rows.map((x) => x.kode)).toEqual(region.sektor);
    expect(rows[0].cakupan).toHaveLength(5);
    // The regent's sectors reach 100% by the last year (members after December, a little under).
    const tani = rows.find((x) => x.kode === "tani")!;
    expect(tani.cakupan[4]!).toBeGreaterThan(0.9);
  });

  it("says what a path does in one sentence", () => {
    const names = {sektor: new Map([["rumahan", "Industri rumahan"], ["tani", "Buruh tani"], ["harian", "Buruh harian"]])};
    expect(describePath(RDEF.slots.a, RCTX, names, 5)).toMatch(/^Cakupan tiap kelompok .* dipertahankan seperti kini; iuran didanai 9 bulan setahun\.$/);
    expect(describePath(RDEF.slots.b, RCTX, names, 5)).toBe(
      "Perluasan ke industri rumahan, buruh tani dan buruh harian di semua kecamatan, naik rata sampai 100% pada 2031; kelompok lain dipertahankan seperti kini; iuran didanai 9 bulan setahun."
    );
  });
});

describe("the page's roadmap cache", () => {
  it("gives runRoadmap's result, and recomputes only a path whose inputs changed", () => {
    const state = toyState(300, {"K1/tani": 1000});
    const p = toyParameters(0.01);
    const hitung = roadmapCache(state, p);
    const hold = path({jenis: "tetap", lainnya: "tahan"});
    const first = hitung(hold, assumptions());
    expect(first).toEqual(runRoadmap(state, hold, assumptions(), p));
    expect(hitung(path({jenis: "tetap", lainnya: "tahan"}), assumptions())).toBe(first);
    const widened = hitung(path({jenis: "linear", sektor: ["tani"], kecamatan: ["K1"], target: 0.6}), assumptions());
    expect(widened).not.toBe(first);
    expect(hitung(hold, assumptions({horizon: 3}))).not.toBe(first);
    expect(hitung(hold, assumptions())).toBe(first);
  });
});
