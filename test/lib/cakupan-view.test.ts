// The Cakupan page's view (src/lib/cakupanView.ts), its sentences and tables, and the per-kecamatan
// derivations a profile calls (src/lib/cakupan.ts), on a hand-checked fixture like cakupan.test.ts's.
import {describe, expect, it} from "vitest";
import {
  NO_FILTER,
  activeChange,
  coverageByPlace,
  coverageRank,
  cubeHasDesa,
  desaCoverage,
  kecamatanCoverage,
  kecamatanActiveByMonth,
  largestGapsFirst,
  type Filter,
  type Perubahan
} from "../../src/lib/cakupan.ts";
import {changeSubtitle, describeFilter, tranchesNote, unsplitNote} from "../../src/lib/cakupanText.ts";
import {ageSexTableSpec, changeTableSpec, gapTableSpec, monthlyTableSpec, placeTableSpec, sectorTableSpec} from "../../src/lib/cakupanTables.ts";
import {VIEW_DEFAULTS, ageSexDrawn, coverageView, initialView, monthlyWide, regionOf, viewFilter} from "../../src/lib/cakupanView.ts";
import {toCsv} from "../../src/lib/csv.ts";
import {bandName, sexName} from "../../src/lib/kelompok.ts";
import {NOT_ITEMISED} from "../../src/lib/suppression.ts";

const referensi = {
  kecamatan: [
    {kode: "K1", nama: "Alpha"},
    {kode: "K2", nama: "Beta"}
  ],
  desa: [
    {kode: "D11", nama: "Satu", kode_kec: "K1"},
    {kode: "D12", nama: "Dua", kode_kec: "K1"},
    {kode: "D21", nama: "Tiga", kode_kec: "K2"}
  ],
  sektor: [
    {kode: "tani", nama: "Buruh tani"},
    {kode: "nel", nama: "Nelayan"}
  ],
  kelompok_umur: [{kode: "55-59"}, {kode: "60-65"}]
};
const region = regionOf(referensi);
const a = (bulan: string, kode_kec: string, kode_desa: string | null, sektor: string, jenis_kelamin: string, kelompok_umur: string, aktif: number | null) => ({
  bulan,
  kode_kec,
  kode_desa,
  sektor,
  jenis_kelamin,
  kelompok_umur,
  terdaftar: aktif,
  aktif
});
// K1: September 6, October 9 (D11 7, D12 2); K2: 3 then 5. A year before October: 2024-10, K1 2.
const anggota = [
  a("2024-10", "K1", "D11", "tani", "L", "55-59", 2),
  a("2025-09", "K1", "D11", "tani", "L", "55-59", 4),
  a("2025-09", "K1", "D12", "nel", "P", "60-65", 2),
  a("2025-09", "K2", "D21", "tani", "P", "55-59", 3),
  a("2025-10", "K1", "D11", "tani", "L", "55-59", 6),
  a("2025-10", "K1", "D11", "tani", "P", "60-65", 1),
  a("2025-10", "K1", "D12", "nel", "P", "60-65", 2),
  a("2025-10", "K2", "D21", "tani", "P", "55-59", 3),
  a("2025-10", "K2", "D21", "nel", "L", "60-65", 2)
];
// A public build's member cube: no desa (anggota_desa gives the desa totals).
const publicCube = anggota.map((r) => ({...r, kode_desa: null}));
const anggotaDesa = [
  {bulan: "2025-10", kode_kec: "K1", kode_desa: "D11", terdaftar: 7, aktif: 7},
  {bulan: "2025-10", kode_kec: "K1", kode_desa: "D12", terdaftar: 2, aktif: 2},
  {bulan: "2025-10", kode_kec: "K2", kode_desa: "D21", terdaftar: 5, aktif: 5}
];
const sasaran = [
  {kode_kec: "K1", kode_desa: "D11", sektor: "tani", jumlah: 20},
  {kode_kec: "K1", kode_desa: "D12", sektor: "nel", jumlah: 10},
  {kode_kec: "K2", kode_desa: "D21", sektor: "tani", jumlah: 6},
  {kode_kec: "K2", kode_desa: "D21", sektor: "nel", jumlah: 4}
];
const perubahan: Perubahan[] = [
  {bulan: "2025-10", kode_kec: "K1", sektor: "tani", jenis_kelamin: "L", baru: 3, keluar_meninggal: 1, keluar_usia: 0, keluar_lainnya: 0},
  {bulan: "2025-10", kode_kec: "K1", sektor: "tani", jenis_kelamin: "P", baru: 1, keluar_meninggal: 0, keluar_usia: 0, keluar_lainnya: 0},
  {bulan: "2025-10", kode_kec: "K2", sektor: "nel", jenis_kelamin: "L", baru: 2, keluar_meninggal: 0, keluar_usia: 0, keluar_lainnya: 0}
];
const oct = "2025-10";
const filter = (f: Partial<Filter>): Filter => ({...NO_FILTER, ...f});
const data = {anggota, anggotaDesa, sasaran, perubahan};

describe("the view's state", () => {
  it("keeps from a link only what the data offer; the month falls back to the latest", () => {
    const asked = {...VIEW_DEFAULTS, kec: "K9", sektor: ["tani", "kayu"], jk: "X", umur: "60-65", bulan: "1999-01", peta: "gap"};
    expect(initialView(asked, region, {months: [oct, "2025-09"], latest: oct})).toEqual({kec: "", sektor: ["tani"], jk: "", umur: "60-65", bulan: oct, peta: "gap"});
    expect(initialView({...VIEW_DEFAULTS, kec: "K2", peta: "warna"}, region, {months: [oct], latest: oct})).toMatchObject({kec: "K2", peta: "rate"});
  });
  it("counts every sector ticked as no sector filter (and so keeps the link short)", () => {
    expect(viewFilter(filter({sektor: ["tani", "nel"]}), 2).sektor).toEqual([]);
    expect(viewFilter(filter({sektor: ["nel"]}), 2).sektor).toEqual(["nel"]);
  });
  it("reads an absent reference as an empty region", () => {
    expect(regionOf(null)).toEqual({kecamatan: [], desa: [], sectors: [], bands: []});
  });
});

describe("one kecamatan (what a profile shows)", () => {
  it("gives its coverage within a sector, sex and age filter", () => {
    // K1 in October: 9 active of 30 eligible; tani only: 7 of 20.
    expect(kecamatanCoverage(anggota, sasaran, "K1", {bulan: oct})).toEqual({aktif: 9, sasaran: 30, rate: 0.3, gap: 21});
    expect(kecamatanCoverage(anggota, sasaran, "K1", {bulan: oct, filter: filter({sektor: ["tani"]})})).toEqual({aktif: 7, sasaran: 20, rate: 0.35, gap: 13});
    expect(kecamatanCoverage(anggota, sasaran, "K1", {bulan: oct, filter: filter({jk: "P"})})).toEqual({aktif: 3, sasaran: 30, rate: null, gap: null});
  });
  it("lists its desa from the cube when it has desa, from anggota_desa (unsplit) when it has not", () => {
    const internal = desaCoverage(anggota, anggotaDesa, sasaran, region.desa, {bulan: oct, filter: filter({kec: "K1", sektor: ["tani"]})});
    expect(internal.followsFilter).toBe(true);
    expect(internal.rows.map((r) => [r.nama, r.aktif, r.sasaran])).toEqual([["Satu", 7, 20], ["Dua", 0, null]]);
    const published = desaCoverage(publicCube, anggotaDesa, sasaran, region.desa, {bulan: oct, filter: filter({kec: "K1", sektor: ["tani"]})});
    expect(published.followsFilter).toBe(false);
    expect(published.rows.map((r) => [r.nama, r.aktif, r.sasaran])).toEqual([["Satu", 7, 20], ["Dua", 2, 10]]);
    expect(cubeHasDesa(publicCube)).toBe(false);
  });
  it("puts the desa with the largest gaps first, the ones without a gap last", () => {
    const rows = desaCoverage(publicCube, anggotaDesa, sasaran, region.desa, {bulan: oct, filter: filter({kec: "K1"})}).rows;
    // Satu: 20 − 7 = 13; Dua: 10 − 2 = 8.
    expect(largestGapsFirst([...rows].reverse()).map((r) => [r.nama, r.gap])).toEqual([["Satu", 13], ["Dua", 8]]);
    const hidden = [{kode: "X", nama: "Empat", aktif: null, sasaran: 5, rate: null, gap: null}, ...rows];
    expect(largestGapsFirst(hidden).map((r) => r.nama)).toEqual(["Satu", "Dua", "Empat"]);
  });
  it("ranks it by coverage among the region's kecamatan", () => {
    const places = coverageByPlace(anggota, sasaran, region.kecamatan, {bulan: oct, level: "kecamatan", filter: NO_FILTER});
    // K2: 5 ÷ 10 = 50% first; K1: 30% second.
    expect(coverageRank(places, "K2")).toEqual({rank: 1, of: 2});
    expect(coverageRank(places, "K1")).toEqual({rank: 2, of: 2});
    expect(coverageRank(places, "K9")).toBeNull();
  });
  it("gives its trend by month, every month of the data", () => {
    expect(kecamatanActiveByMonth(anggota, "K2", {asOf: oct})).toEqual([
      {bulan: "2024-10", aktif: 0},
      {bulan: "2025-09", aktif: 3},
      {bulan: oct, aktif: 5}
    ]);
  });
  it("gives the change since last month and since a year ago from the active counts", () => {
    expect(activeChange(anggota, {bulan: oct, months: 1, filter: filter({kec: "K1"})})).toEqual({bulan: oct, sejak: "2025-09", aktif: 9, aktif_sebelumnya: 6, neto: 3});
    expect(activeChange(anggota, {bulan: oct, months: 12, filter: filter({kec: "K1"})})).toEqual({bulan: oct, sejak: "2024-10", aktif: 9, aktif_sebelumnya: 2, neto: 7});
    // Before the data begin there is no figure to compare with (not a zero).
    expect(activeChange(anggota, {bulan: "2025-09", months: 12}).aktif_sebelumnya).toBeNull();
    const hidden = anggota.map((r) => (r.kode_kec === "K2" ? {...r, aktif: null} : r));
    expect(activeChange(hidden, {bulan: oct, months: 1, filter: filter({kec: "K2"})})).toMatchObject({aktif: null, neto: null});
  });
});

describe("coverageView", () => {
  const options = {bulan: oct, peta: "gap", asOf: oct};

  it("shows every kecamatan with their total when nothing is chosen", () => {
    const view = coverageView(data, region, {...options, filter: NO_FILTER});
    expect(view.places.map((p) => [p.nama, p.aktif, p.sasaran])).toEqual([["Alpha", 9, 30], ["Beta", 5, 10]]);
    expect(view.total).toEqual({aktif: 14, sasaran: 40, rate: 0.35, gap: 26});
    expect(view).toMatchObject({metric: "gap", placeWord: "kecamatan", gapLevel: "kecamatan", before: "2025-09", changesItemised: true, unknownDesa: null});
    expect(view.changeTotal).toMatchObject({aktif_sebelumnya: 9, aktif: 14, baru: 6, keluar_meninggal: 1, neto: 5});
  });

  it("drills into a kecamatan: its desa, its own headline, its sectors' changes", () => {
    const view = coverageView(data, region, {...options, filter: filter({kec: "K1"})});
    expect(view.places.map((p) => p.nama)).toEqual(["Satu", "Dua"]);
    expect(view.total).toEqual(kecamatanCoverage(anggota, sasaran, "K1", {bulan: oct}));
    expect(view.changes.map((c) => [c.nama, c.aktif_sebelumnya, c.aktif])).toEqual([["Buruh tani", 4, 7], ["Nelayan", 2, 2]]);
    expect(view.gapLevel).toBe("desa");
  });

  it("colours the map by active members when the filter splits people; a public build cannot split desa so", () => {
    const view = coverageView({...data, anggota: publicCube}, region, {...options, filter: filter({kec: "K1", jk: "P"})});
    expect(view).toMatchObject({people: true, metric: "aktif", desaSplit: false, gapLevel: "kecamatan"});
    // The headline follows the filter even though the desa cannot.
    expect(view.total.aktif).toBe(3);
    expect(view.places.reduce((s, p) => s + (p.aktif ?? 0), 0)).toBe(9);
  });

  it("draws age × sex without the lines a remainder cannot place", () => {
    const rows = [
      {kelompok_umur: "55-59", jenis_kelamin: "L", aktif: 3},
      {kelompok_umur: NOT_ITEMISED, jenis_kelamin: "L", aktif: 5},
      {kelompok_umur: "55-59", jenis_kelamin: NOT_ITEMISED, aktif: 5}
    ];
    expect(ageSexDrawn(rows)).toEqual([rows[0]]);
  });

  it("widens the monthly series to one row per kecamatan", () => {
    const view = coverageView(data, region, {...options, filter: NO_FILTER});
    const wide = monthlyWide(view.monthly, region.kecamatan);
    expect(wide.months).toEqual(["2024-10", "2025-09", oct]);
    expect(wide.rows.map((r) => [r.nama, r.values.get(oct)])).toEqual([["Alpha", 9], ["Beta", 5]]);
  });
});

describe("the view in words", () => {
  const names = {kecName: new Map(region.kecamatan.map((k) => [k.kode, k.nama])), sectorName: new Map(region.sectors.map((s) => [s.kode, s.nama]))};
  it("describes the filter: place · sectors · sex · age · month", () => {
    expect(describeFilter(NO_FILTER, oct, names)).toBe("semua kecamatan · semua sektor · Oktober 2025");
    expect(describeFilter(filter({kec: "K1", sektor: ["tani", "nel"], jk: "P", umur: "60-65"}), oct, names)).toBe(
      "Kecamatan Alpha · sektor Buruh tani, Nelayan · perempuan · usia 60–65 tahun · Oktober 2025"
    );
  });
  it("names sexes and age bands as the tables print them", () => {
    expect([sexName("L"), sexName("P"), sexName("X")]).toEqual(["Laki-laki", "Perempuan", "X"]);
    expect(bandName("55-59")).toBe("55–59 tahun");
  });
  it("says nothing about members it can split, and counts those it cannot", () => {
    expect(unsplitNote(0, "sektor", "x")).toBe("");
    expect(unsplitNote(1234, "sektor", "mereka tidak masuk grafik")).toBe("1.234 peserta tidak dirinci menurut sektor karena kelompoknya kecil; mereka tidak masuk grafik.");
    expect(tranchesNote([])).toBe("");
    expect(tranchesNote([{bulan: "2025-03", baru: 4118, aktif: 9000}])).toBe(" (Mar 2025: 4.118 baru)");
  });
  it("explains missing entries and exits: suppressed, or published region-wide only", () => {
    const total = {kode: "", nama: "Jumlah", aktif_sebelumnya: 9, aktif: 14, baru: null, keluar_meninggal: null, keluar_usia: null, keluar_lainnya: null, keluar: null, neto: 5};
    expect(changeSubtitle(total, {itemised: true, umur: ""})).toBe("Rincian peserta baru dan keluar ditekan (angka kecil; lihat catatan di bawah).");
    expect(changeSubtitle(total, {itemised: false, umur: "55-59"})).toMatch(/^Peserta baru dan keluar terbit hanya untuk seluruh kabupaten.*jumlah peserta aktif\. Perubahan tidak dirinci menurut kelompok umur/);
    expect(changeSubtitle({...total, baru: 6, keluar_meninggal: 1, keluar_usia: 0, keluar_lainnya: 0}, {itemised: true, umur: ""})).toMatch(/^6 peserta baru; keluar 1 meninggal, 0 mencapai batas usia, 0 lainnya/);
  });
});

describe("the tables", () => {
  const view = coverageView(data, region, {bulan: oct, peta: "rate", asOf: oct, filter: NO_FILTER});
  const ctx = {kec: "", bulan: oct, people: false, describeFilter: "semua kecamatan · semua sektor · Oktober 2025"};

  it("the place table: one row per kecamatan, the total in the footer, raw numbers in the CSV", () => {
    const spec = placeTableSpec(view.places, ctx);
    expect(spec.download).toBe("jaring-cakupan-kecamatan-2025-10");
    expect(spec.columns.map((c) => c.label)).toEqual(["Kecamatan", "Aktif", "Sasaran", "Cakupan", "Celah"]);
    expect(spec.footer).toMatchObject({nama: "Jumlah", aktif: 14, sasaran: 40, gap: 26});
    expect(toCsv(view.places, spec.columns)).toBe("Kecamatan,Aktif,Sasaran,Cakupan,Celah\r\nAlpha,9,30,0.3,21\r\nBeta,5,10,0.5,5\r\n");
  });
  it("has no rate or gap columns when the filter splits people, and says the eligible count is unsplit", () => {
    const spec = placeTableSpec(view.places, {...ctx, people: true});
    expect(spec.columns.map((c) => c.label)).toEqual(["Kecamatan", "Aktif", "Sasaran (semua jenis kelamin dan umur)"]);
    expect(sectorTableSpec({...ctx, people: true}).columns.map((c) => c.label)).toEqual(["Sektor", "Peserta aktif"]);
  });
  it("keeps a suppressed count's rate and gap hidden ('ditekan')", () => {
    const spec = placeTableSpec([], ctx);
    const hidden = {kode: "K1", nama: "Alpha", aktif: null, sasaran: 30, rate: null, gap: null};
    expect(spec.columns.slice(1).map((c) => c.value(hidden, 0))).toEqual(["ditekan", "30", "ditekan", "ditekan"]);
  });
  it("names the desa, gap, sector, age × sex, monthly and change tables' files by the view", () => {
    expect(placeTableSpec([], {...ctx, kec: "K1"}).download).toBe("jaring-cakupan-desa-K1-2025-10");
    expect(gapTableSpec({kec: "K1", bulan: oct, gapLevel: "desa"}).columns[0].label).toBe("Desa");
    expect(ageSexTableSpec({kec: "", bulan: oct, describeFilter: "x"}).download).toBe("jaring-umur-jenis-kelamin-kabupaten-2025-10");
    const monthly = monthlyTableSpec({months: ["2025-09", oct], trancheMonths: [oct]});
    expect(monthly.columns.map((c) => c.label)).toEqual(["Kecamatan", "Sep 2025", "Okt 2025 *"]);
    const change = changeTableSpec({kec: "K1", bulan: oct, before: "2025-09", total: view.changeTotal});
    expect(change.columns.map((c) => c.label)).toEqual(["Sektor", "Aktif Sep 2025", "Baru", "Meninggal", "Batas usia", "Keluar lainnya", "Bersih", `Aktif Okt 2025`]);
    expect(change.columns[6].value({...view.changeTotal, neto: 5}, 0)).toBe("+5");
  });
});
