// The planner page's shaping (src/lib/skenario/start.ts, comparison.ts, notes.ts, tables.ts): its
// defaults read from the data, the comparison run by the model, its sentences and tables.
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {packParameters} from "../../loaders/pack.ts";
import {toCsv} from "../../src/lib/csv.ts";
import {regentExpansion} from "../../src/lib/publik.ts";
import {compareScenarios} from "../../src/lib/skenario/comparison.ts";
import {calibrationNote, discountNote, fitSummary, noExpansionNote, paguNote} from "../../src/lib/skenario/notes.ts";
import {claimsMultiplier, discountMonths, envelopeYear, fundedMonths, initialState, plannerStart, type PlannerData} from "../../src/lib/skenario/start.ts";
import {encodeState} from "../../src/lib/skenario/state.ts";
import {comparisonLines, comparisonTableSpec, costTableSpec, fitTableSpec, groupLines, groupTableSpec, kecamatanLines, kecamatanTableSpec} from "../../src/lib/skenario/tables.ts";
import {NOT_ITEMISED} from "../../src/lib/suppression.ts";
import {syntheticRegion} from "./skenario-fixture.ts";

const parameter = packParameters(fileURLToPath(new URL("../../data/regions/33.27", import.meta.url))) as any;
const region = syntheticRegion(3);
const perluasan = {sektor: ["tani", "harian", "tidak_ada"], target_cakupan: 0.8};
// As publik.test.ts: funded March–December this year (the cash plan), pagu budgeted for 2026 only.
const data: PlannerData = {
  asOf: "2026-10",
  referensi: {
    wilayah: {nama: "Kabupaten Contoh"},
    parameter: {...parameter, skenario_perluasan: perluasan},
    kecamatan: region.kecamatan.map((kode, i) => ({kode, nama: `Kec ${i + 1}`})),
    sektor: region.sektor.map((kode) => ({kode, nama: kode.toUpperCase()}))
  },
  anggota: region.rows,
  sasaran: region.sasaran,
  klaim: [],
  anggaran: [
    {tahun: 2026, sumber_dana: "DBHCHT", pagu: 2e9, pagu_berlaku: 2.4e9},
    {tahun: 2025, sumber_dana: "APBD", pagu: 1e9, pagu_berlaku: 1e9}
  ],
  rencanaKas: Array.from({length: 10}, (_, i) => ({bulan: `2026-${String(i + 3).padStart(2, "0")}`, rencana: 2e8}))
};
const start = plannerStart(data);

describe("the planner's starting point", () => {
  it("plans next year with this year's funded months and the latest allocation up to it", () => {
    expect(start).toMatchObject({tahunAwal: 2027, years: [2027, 2028], tahunPagu: 2026, namaWilayah: "Kabupaten Contoh"});
    expect(start.paguAcuan?.pagu_berlaku).toBe(2.4e9);
    expect(start.ctx).toMatchObject({danaAwal: 3, danaBulan: 10, sektorPerluasan: ["tani", "harian"], targetPerluasan: 80});
    expect(start.defaults).toMatchObject({tahun: 2027, pagu: 2.4e9, iuran: parameter.iuran_per_bulan, jumlah: 3});
    expect(start.totalSasaran).toBe(region.sasaran.reduce((s, r) => s + r.jumlah, 0));
  });
  it("funds the whole year without a cash plan, and finds no envelope without a budget", () => {
    expect(fundedMonths([], 2026)).toEqual({danaAwal: 1, danaBulan: 12});
    expect(envelopeYear([], 2027)).toBeNull();
    expect(envelopeYear([{tahun: 2028}, {tahun: 2024}, {tahun: 2026}], 2027)).toBe(2026);
  });
  it("takes the multiplier from at least 10 claimed deaths, to one decimal within 1–2.5", () => {
    expect(claimsMultiplier({klaim: 9, pengali: 1.7})).toBeNull();
    expect(claimsMultiplier({klaim: 10, pengali: 1.74})).toBe(1.7);
    expect(claimsMultiplier({klaim: 40, pengali: 0.6})).toBe(1);
    expect(claimsMultiplier({klaim: 40, pengali: 4})).toBe(2.5);
    expect(claimsMultiplier({klaim: 40, pengali: null})).toBeNull();
  });
  it("counts the months of a year PP 50/2025's discount covers", () => {
    const diskon = parameter.diskon_pp50_2025;
    expect(discountMonths(diskon, 2026)).toBe(9);
    expect(discountMonths(diskon, 2027)).toBe(0);
    expect(discountMonths(null, 2026)).toBe(0);
  });
  it("reads a link within what is offered: a planned year, no discount where none applies, no order without its data", () => {
    const ok = initialState("?tahun=2028&a_urutan=celah", start);
    expect(ok.tahun).toBe(2028);
    const bad = initialState("?tahun=2031&diskon=1&a_urutan=termiskin", start);
    expect(bad.tahun).toBe(2027);
    expect(bad.diskon).toBe(false);
    expect(bad.slots.a.urutan).toBe("terbanyak");
    expect(initialState(encodeState(start.defaults, start.defaults, start.ctx), start)).toEqual(start.defaults);
  });
});

describe("the comparison", () => {
  const compared = compareScenarios(start.defaults, start);

  it("runs the shown slots with the page's defaults: the regent's expansion costs what Transparansi says", () => {
    expect(compared.map((c) => [c.slot, c.label, c.preset])).toEqual([
      ["a", "Skenario A", "Status quo"],
      ["b", "Skenario B", "Perluasan Bupati"],
      ["c", "Skenario C", "Sesuai pagu"]
    ]);
    const outlook = regentExpansion({...data, kecamatan: data.referensi!.kecamatan!, sektor: data.referensi!.sektor!, bands: parameter.kelompok_umur, parameter: data.referensi!.parameter!})!;
    expect(compared[0].result).toEqual(outlook.statusQuo);
    expect(compared[1].result).toEqual(outlook.perluasan);
    expect(compareScenarios({...start.defaults, jumlah: 1}, start)).toHaveLength(1);
  });
  it("never exceeds the allocation when fitted to it, and says how it chose", () => {
    const fitted = compared[2];
    expect(fitted.result.urutan).not.toBeNull();
    expect(fitted.result.selisihPagu).toBeGreaterThanOrEqual(0);
    expect(fitSummary(fitted.input, fitted.result, start)).toMatch(/^Kelompok \(kecamatan × sektor\) yang perlu peserta baru terbanyak didahulukan.*Hasil: \d+ dari \d+ kelompok/);
    expect(fitTableSpec(fitted, {...start, tahun: 2027}).columns.map((c) => c.label)).toEqual([
      "No.",
      "Kecamatan",
      "Sektor",
      "Peserta baru",
      "Biaya kelompok",
      "Keputusan",
      "Biaya skenario kumulatif"
    ]);
  });
  it("tabulates the comparison with each scenario's inputs in words first, raw numbers in the CSV", () => {
    const rows = comparisonLines(compared, start.totalSasaran);
    expect(rows[0]).toEqual({ukuran: "Isi skenario", satuan: "teks", values: compared.map((c) => c.description)});
    const spec = comparisonTableSpec(compared, {tahun: 2027, pagu: 2.4e9});
    const cost = toCsv(rows, spec.columns).split("\r\n").find((l) => l.startsWith("Biaya iuran setahun,"))!;
    expect(cost.split(",").slice(1).map(Number)).toEqual(compared.map((c) => c.result.biayaTahun));
    expect(spec.rowClass!(rows[0])).toBe("sk-text-row");
    expect(toCsv(compared, costTableSpec({tahun: 2027, pagu: 2.4e9}).columns).split("\r\n")[1]).toBe(
      `Skenario A,${compared[0].result.biayaStatusQuo},0,${compared[0].result.biayaTahun},2400000000,${compared[0].result.selisihPagu}`
    );
  });
  it("lists coverage per kecamatan and the edited scenario's groups, a suppressed group's count hidden", () => {
    const kec = kecamatanLines(compared, start.kecamatan);
    expect(kec.map((r) => r.nama)).toEqual(["Kec 1", "Kec 2", "Kec 3"]);
    expect(kecamatanTableSpec(compared, {tahun: 2027, asOf: "2026-10"}).columns.map((c) => c.label)).toEqual(["Kecamatan", "Sasaran", "Kini (Oktober 2026)", "Skenario A", "Skenario B", "Skenario C"]);
    const groups = groupLines(compared[1].result);
    const spec = groupTableSpec(compared[1], {...start, tahun: 2027});
    const aktif = spec.columns.find((c) => c.label === "Aktif Oktober 2026")!;
    expect(aktif.value(groups[0], 0)).not.toBe("ditekan");
    const hiddenStart = {...start, keadaan: {...start.keadaan, groups: start.keadaan.groups.map((g) => ({...g, ditekan: true as const}))}};
    const hidden = groupTableSpec(compared[1], {...hiddenStart, tahun: 2027}).columns.find((c) => c.label === "Aktif Oktober 2026")!;
    expect([hidden.value(groups[0], 0), hidden.csv!(groups[0], 0)]).toEqual(["ditekan", null]);
    expect(start.kecamatanNama.get(NOT_ITEMISED)).toBe("Tidak dirinci");
  });
});

describe("the planner's sentences", () => {
  it("says why there is no regent's preset: none stated, or its sectors unknown", () => {
    expect(noExpansionNote(start)).toBeNull();
    const none = plannerStart({...data, referensi: {...data.referensi, parameter: {...parameter, skenario_perluasan: null}}});
    expect(noExpansionNote(none)).toMatch(/^Data referensi Kabupaten Contoh tidak menyatakan rencana perluasan/);
    const unknown = plannerStart({...data, referensi: {...data.referensi, parameter: {...parameter, skenario_perluasan: {sektor: ["kayu"]}}}});
    expect(noExpansionNote(unknown)).toMatch(/^Sektor rencana perluasan di data referensi tidak dikenal/);
  });
  it("names where the defaults come from", () => {
    expect(paguNote(start)).toBe("Bawaan: pagu berlaku 2026 (DBHCHT Rp2,4 miliar)");
    expect(paguNote({...start, paguAcuan: null})).toBe("Belum ada pagu dalam data anggaran");
    expect(calibrationNote(start)).toBe("Klaim terlalu sedikit untuk kalibrasi");
    expect(discountNote(parameter.diskon_pp50_2025)).toMatch(/^Potongan 50% iuran JKK \+ JKM untuk iuran April 2026–Desember 2026\. Menurut pemberitaan/);
    expect(discountNote(null)).toBe("Parameter potongan tidak tersedia.");
  });
});
