// The Transparansi page's shaping (src/lib/publik.ts): the regent's expansion costed with the planner's
// defaults, and the data dictionary as rows.
import {fileURLToPath} from "node:url";
import {packParameters} from "../../loaders/pack.ts";
import {describe, expect, it} from "vitest";
import {dictionaryRows, regentExpansion, type ExpansionInputs} from "../../src/lib/publik.ts";
import {currentState, runScenario} from "../../src/lib/skenario/model.ts";
import {presetInput, toScenario} from "../../src/lib/skenario/state.ts";
import {syntheticRegion} from "./skenario-fixture.ts";

const parameter = packParameters(fileURLToPath(new URL("../../data/regions/33.27", import.meta.url))) as any;
const region = syntheticRegion(3);
const bands = parameter.kelompok_umur;

// Funded March–December this year (the cash plan), pagu budgeted for 2026 only.
const inputs: ExpansionInputs = {
  asOf: "2026-10",
  anggota: region.rows,
  sasaran: region.sasaran,
  klaim: [],
  anggaran: [{tahun: 2026, sumber_dana: "DBHCHT", pagu: 2e9, pagu_berlaku: 2.4e9}],
  rencanaKas: Array.from({length: 10}, (_, i) => ({bulan: `2026-${String(i + 3).padStart(2, "0")}`, rencana: 2e8})),
  kecamatan: region.kecamatan.map((kode) => ({kode})),
  sektor: region.sektor.map((kode) => ({kode})),
  bands,
  parameter: {...parameter, skenario_perluasan: {sektor: ["tani", "harian", "tidak_ada"], target_cakupan: 0.8}}
};

describe("regentExpansion", () => {
  const outlook = regentExpansion(inputs)!;

  it("plans the year after the as-of month, with this year's funded months and the latest pagu up to then", () => {
    expect(outlook).toMatchObject({tahun: 2027, danaAwal: 3, danaBulan: 10, pagu: 2.4e9, tahunPagu: 2026, target: 0.8});
    // Sectors the reference does not know are left out, as on the planner page.
    expect(outlook.sektor).toEqual(["tani", "harian"]);
  });

  it("is the planner's 'Perluasan Bupati' preset against the status quo, run by the same model", () => {
    const ctx = {kecamatan: region.kecamatan, sektor: region.sektor, sektorPerluasan: ["tani", "harian"], targetPerluasan: 80, danaAwal: 3, danaBulan: 10};
    const assumptions = {tahun: 2027, pagu: 2.4e9, iuran: parameter.iuran_per_bulan, diskon: false, pengali: parameter.pengali_mortalitas, porsiJkk: 0, kemiskinan: null};
    const state = currentState(region.rows, region.sasaran, "2026-10", bands);
    expect(outlook.perluasan).toEqual(runScenario(state, toScenario(presetInput("bupati", ctx)), assumptions, parameter));
    expect(outlook.statusQuo.pesertaBaru).toBe(0);
    expect(outlook.perluasan.pesertaBaru).toBeGreaterThan(0);
    expect(outlook.perluasan.biayaTahun).toBeGreaterThan(outlook.statusQuo.biayaTahun);
  });

  it("says nothing without a stated expansion", () => {
    expect(regentExpansion({...inputs, parameter: {...parameter, skenario_perluasan: null}})).toBeNull();
  });
});

describe("dictionaryRows", () => {
  it("lists every column of every file once, as file.csv, with an empty unit where there is none", () => {
    const rows = dictionaryRows([
      {nama: "a", judul: "A", arti: "", arrow: true, baris: 1, rincian: [], kolom: [{nama: "x", arti: "ex", tipe: "teks", satuan: null, hitungan_orang: false}]},
      {nama: "b", judul: "B", arti: "", arrow: false, baris: 1, rincian: [], kolom: [{nama: "n", arti: "en", tipe: "bilangan bulat", satuan: "orang", hitungan_orang: true}]}
    ]);
    expect(rows).toEqual([
      {berkas: "a.csv", kolom: "x", arti: "ex", tipe: "teks", satuan: ""},
      {berkas: "b.csv", kolom: "n", arti: "en", tipe: "bilangan bulat", satuan: "orang"}
    ]);
  });
});
