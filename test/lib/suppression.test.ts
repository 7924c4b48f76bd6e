// The pages' data shaping on a public build's tables: suppressed rows (counts null, `ditekan`) and
// remainder rows (`sisa`, finer dimensions null), as loaders/suppression.ts writes them. Every answer
// below is worked out by hand from the rows listed here.
import {describe, expect, it} from "vitest";
import {NOT_ITEMISED, NOT_ITEMISED_NAME, Totals, addMaybe, suppressionNote} from "../../src/lib/suppression.ts";
import {coverageByKecamatan, membersByMonth, claimsByMonth, type AnggotaBulanan} from "../../src/lib/overview.ts";
import {
  NO_FILTER,
  byAgeSex,
  changeSincePrevious,
  changeTotal,
  coverageByPlace,
  coverageBySector,
  gapRanking,
  monthlyByKecamatan,
  notItemised,
  totalCoverage,
  type Perubahan
} from "../../src/lib/cakupan.ts";
import {benefitsByKecamatan} from "../../src/lib/anggaran.ts";
import {currentState} from "../../src/lib/skenario/model.ts";
import {SUPPRESSED, formatPeople} from "../../src/lib/format.ts";

const oct = "2026-10";
const sep = "2026-09";
const kecamatan = [
  {kode: "K1", nama: "Alpha"},
  {kode: "K2", nama: "Beta"},
  {kode: "K3", nama: "Gamma"}
];
const sectors = [
  {kode: "tani", nama: "Buruh tani"},
  {kode: "nel", nama: "Nelayan"},
  {kode: "jasa", nama: "Jasa"}
];
const hidden = {terdaftar: null, aktif: null, ditekan: true, sisa: false};
const shown = (n: number) => ({terdaftar: n, aktif: n, ditekan: false, sisa: false});
const rest = (n: number) => ({terdaftar: n, aktif: n, ditekan: false, sisa: true});
const cell = (kode_kec: string | null, sektor: string | null, jenis_kelamin: string | null, kelompok_umur: string | null) =>
  ({bulan: oct, kode_kec, kode_desa: null, sektor, jenis_kelamin, kelompok_umur}) as unknown as AnggotaBulanan;

// October: K1 has 61 members: tani L 55-59 40 and tani P 55-59 8 shown, two tani cells hidden into a
// tani remainder of 7, nelayan and jasa hidden whole into K1's remainder of 6. K3 has 3 members (too
// few: hidden whole), so K2 (35, the next smallest kecamatan) hides with it: region remainder 38.
// September: K1 60 in one cell, K2 and K3 likewise hidden into a region remainder of 37.
const anggota: AnggotaBulanan[] = [
  {...cell("K1", "tani", "L", "55-59"), ...shown(40)},
  {...cell("K1", "tani", "P", "55-59"), ...shown(8)},
  {...cell("K1", "tani", "L", "60-65"), ...hidden},
  {...cell("K1", "tani", "P", "60-65"), ...hidden},
  {...cell("K1", "tani", null, null), ...rest(7)},
  {...cell("K1", "nel", "L", "55-59"), ...hidden},
  {...cell("K1", "jasa", "P", "60-65"), ...hidden},
  {...cell("K1", null, null, null), ...rest(6)},
  {...cell("K2", "tani", "L", "55-59"), ...hidden},
  {...cell("K2", "tani", "P", "55-59"), ...hidden},
  {...cell("K3", "nel", "L", "60-65"), ...hidden},
  {...cell(null, null, null, null), ...rest(38)},
  {...cell("K1", "tani", "L", "55-59"), bulan: sep, ...shown(60)},
  {...cell("K2", "tani", "L", "55-59"), bulan: sep, ...hidden},
  {...cell(null, null, null, null), bulan: sep, ...rest(37)}
];
const sasaran = [
  {kode_kec: "K1", kode_desa: "D1", sektor: "tani", jumlah: 100},
  {kode_kec: "K1", kode_desa: "D2", sektor: "nel", jumlah: 10},
  {kode_kec: "K2", kode_desa: "D5", sektor: "tani", jumlah: 50}
];

describe("Totals and formatPeople", () => {
  it("sums visible figures, gives null for a key that saw only hidden ones, 0 for an unknown key", () => {
    const t = new Totals();
    t.add("a", 3);
    t.add("a", null);
    t.add("b", null);
    expect([t.get("a"), t.get("b"), t.get("c")]).toEqual([3, null, 0]);
    expect(t.keys()).toEqual(["a", "b"]);
    expect([addMaybe(null, null), addMaybe(2, null), addMaybe(2, 3)]).toEqual([null, 2, 5]);
  });
  it("says in the source note, for a public build only, that counts under the threshold are hidden", () => {
    expect(suppressionNote({audience: "public", suppression_threshold: 5})).toContain("di bawah 5");
    expect(suppressionNote({audience: "public", suppression_threshold: 10})).toContain("di bawah 10");
    expect(suppressionNote({audience: "internal", suppression_threshold: 5})).toBe("");
    expect(suppressionNote(null)).toBe("");
  });
  it("prints a suppressed count as one word, whatever the reason it was hidden", () => {
    expect(formatPeople(null)).toBe(SUPPRESSED);
    expect(formatPeople(11482)).toBe("11.482");
    expect(formatPeople(0)).toBe("0");
  });
});

describe("overview on a public build", () => {
  it("kecamatan: K1 exact (61), K2 and K3 suppressed, their 38 members in a 'Tidak dirinci' row; the rows add up to 99", () => {
    const rows = coverageByKecamatan(anggota, sasaran, kecamatan, oct);
    expect(rows.map((r) => [r.kode_kec, r.aktif, r.rate])).toEqual([
      ["K1", 61, 61 / 110],
      ["K2", null, null],
      ["K3", null, null],
      [NOT_ITEMISED, 38, null]
    ]);
    expect(rows.at(-1)!.nama).toBe(NOT_ITEMISED_NAME);
    expect(rows.reduce((s, r) => s + (r.aktif ?? 0), 0)).toBe(99);
  });
  it("months: remainders keep the region's totals exact", () => {
    expect(membersByMonth(anggota)).toEqual([
      {bulan: sep, terdaftar: 97, aktif: 97},
      {bulan: oct, terdaftar: 99, aktif: 99}
    ]);
  });
  it("claims by month: a hidden kecamatan's claims are in the month's remainder", () => {
    const klaim = [
      {bulan: oct, kode_kec: "K1", jenis: "JKM", jumlah: null, nominal: null, beasiswa: null, ditekan: true, sisa: false},
      {bulan: oct, kode_kec: "K2", jenis: "JKM", jumlah: null, nominal: null, beasiswa: null, ditekan: true, sisa: false},
      {bulan: oct, kode_kec: null, jenis: "JKM", jumlah: 5, nominal: 210e6, beasiswa: 0, ditekan: false, sisa: true}
    ];
    expect(claimsByMonth(klaim)).toEqual([{bulan: oct, jenis: "JKM", jumlah: 5, nominal: 210e6, beasiswa: 0, total: 210e6}]);
  });
});

describe("coverage page on a public build", () => {
  it("places: suppressed kecamatan have no count, rate or gap; the total is exact", () => {
    const rows = coverageByPlace(anggota, sasaran, kecamatan, {bulan: oct, level: "kecamatan", filter: NO_FILTER});
    expect(rows.map((r) => [r.kode, r.aktif, r.sasaran, r.gap])).toEqual([
      ["K1", 61, 110, 49],
      ["K2", null, 50, null],
      ["K3", null, null, null],
      [NOT_ITEMISED, 38, null, null]
    ]);
    expect(totalCoverage(rows, false)).toEqual({aktif: 99, sasaran: 160, rate: 99 / 160, gap: 61});
  });

  it("desa (anggota_desa rows): a suppressed desa shows no count; the kecamatan's remainder is its own line", () => {
    const desaRows = [
      {bulan: oct, kode_kec: "K1", kode_desa: "D1", ...shown(30)},
      {bulan: oct, kode_kec: "K1", kode_desa: "D2", ...shown(25)},
      {bulan: oct, kode_kec: "K1", kode_desa: "D3", ...hidden},
      {bulan: oct, kode_kec: "K1", kode_desa: "D4", ...hidden},
      {bulan: oct, kode_kec: "K1", kode_desa: null, ...rest(6)}
    ] as unknown as AnggotaBulanan[];
    const desa = [1, 2, 3, 4].map((i) => ({kode: `D${i}`, nama: `Desa ${i}`, kode_kec: "K1"}));
    const rows = coverageByPlace(desaRows, sasaran, desa, {bulan: oct, level: "desa", filter: {...NO_FILTER, kec: "K1"}});
    expect(rows.map((r) => [r.kode, r.nama, r.aktif, r.rate])).toEqual([
      ["D1", "Desa 1", 30, 0.3],
      ["D2", "Desa 2", 25, 2.5],
      ["D3", "Desa 3", null, null],
      ["D4", "Desa 4", null, null],
      [NOT_ITEMISED, NOT_ITEMISED_NAME, 6, null]
    ]);
    expect(totalCoverage(rows, false).aktif).toBe(61);
  });

  it("sectors: tani 55 (its own remainder included), nelayan and jasa suppressed, 44 not placed in a sector", () => {
    const rows = coverageBySector(anggota, sasaran, sectors, {bulan: oct, filter: NO_FILTER});
    expect(rows.map((r) => [r.sektor, r.aktif, r.gap])).toEqual([
      ["tani", 55, 95],
      ["nel", null, null],
      ["jasa", null, null],
      [NOT_ITEMISED, 44, null]
    ]);
    expect(notItemised(anggota, {bulan: oct, filter: NO_FILTER, dims: ["sektor"]})).toBe(44);
  });

  it("age × sex: the visible cells, and the 51 in remainders without sex or age on a line of their own", () => {
    const rows = byAgeSex(anggota, ["55-59", "60-65"], {bulan: oct, filter: NO_FILTER});
    expect(rows.map((r) => [r.kelompok_umur, r.jenis_kelamin, r.aktif])).toEqual([
      ["55-59", "L", 40],
      ["55-59", "P", 8],
      ["60-65", "L", null],
      ["60-65", "P", null],
      [NOT_ITEMISED, NOT_ITEMISED, 51]
    ]);
    // Under a sex filter the rows add up to the filter's total: remainders without a sex are not in it.
    expect(byAgeSex(anggota, ["55-59", "60-65"], {bulan: oct, filter: {...NO_FILTER, jk: "P"}}).map((r) => r.aktif)).toEqual([8, null]);
    expect(notItemised(anggota, {bulan: oct, filter: NO_FILTER, dims: ["jenis_kelamin", "kelompok_umur"]})).toBe(51);
    // Within K1 only: its two remainders (7 + 6); the region's does not belong to K1.
    expect(notItemised(anggota, {bulan: oct, filter: {...NO_FILTER, kec: "K1"}, dims: ["jenis_kelamin", "kelompok_umur"]})).toBe(13);
  });

  it("gaps: suppressed groups are not ranked (their gap would give their count away)", () => {
    const rows = gapRanking(anggota, sasaran, kecamatan, sectors, {bulan: oct, level: "kecamatan", filter: NO_FILTER, months: 2});
    expect(rows.map((r) => [r.kode, r.sektor, r.aktif, r.gap, r.trend.map((t) => t.aktif)])).toEqual([["K1", "tani", 55, 45, [60, 55]]]);
    // A kecamatan chosen at kecamatan level (public build: no desa × sector): its sectors only.
    const k2 = gapRanking(anggota, sasaran, kecamatan, sectors, {bulan: oct, level: "kecamatan", filter: {...NO_FILTER, kec: "K2"}, months: 2});
    expect(k2).toEqual([]);
  });

  it("months by kecamatan: suppressed months have no count", () => {
    const rows = monthlyByKecamatan(anggota, kecamatan, {filter: NO_FILTER, asOf: oct});
    expect(rows.map((r) => `${r.kode} ${r.bulan} ${r.aktif}`)).toEqual([
      "K1 2026-09 60",
      "K1 2026-10 61",
      "K2 2026-09 null",
      "K2 2026-10 null",
      "K3 2026-09 0",
      "K3 2026-10 null"
    ]);
  });

  it("change: K1 itemised (its remainder), K2 and K3 suppressed, the region's remainder on its own line; the total balances", () => {
    const flows = (baru: number | null, m: number | null, u: number | null, l: number | null) => ({baru, keluar_meninggal: m, keluar_usia: u, keluar_lainnya: l});
    const perubahan: Perubahan[] = [
      {bulan: oct, kode_kec: "K1", sektor: "tani", jenis_kelamin: "L", ...flows(null, null, null, null), ditekan: true, sisa: false},
      {bulan: oct, kode_kec: "K1", sektor: null as unknown as string, jenis_kelamin: null as unknown as string, ...flows(7, 0, 6, 0), ditekan: false, sisa: true},
      {bulan: oct, kode_kec: "K2", sektor: "tani", jenis_kelamin: "P", ...flows(null, null, null, null), ditekan: true, sisa: false},
      {bulan: oct, kode_kec: null as unknown as string, sektor: null as unknown as string, jenis_kelamin: null as unknown as string, ...flows(4, 2, 0, 1), ditekan: false, sisa: true}
    ];
    const rows = changeSincePrevious(perubahan, anggota, kecamatan, {bulan: oct, filter: NO_FILTER, by: "kecamatan"});
    expect(rows.map((r) => [r.kode, r.aktif_sebelumnya, r.aktif, r.baru, r.keluar, r.neto])).toEqual([
      ["K1", 60, 61, 7, 6, 1],
      ["K2", null, null, null, null, null],
      ["K3", 0, null, 0, 0, null],
      [NOT_ITEMISED, 37, 38, 4, 3, null]
    ]);
    const total = changeTotal(rows);
    expect([total.aktif_sebelumnya, total.aktif, total.baru, total.keluar, total.neto]).toEqual([97, 99, 11, 9, 2]);
    expect(total.baru! - total.keluar!).toBe(total.neto);
    // Without the line that holds the suppressed flows, their totals are unknown, not 0.
    const partial = changeTotal(rows.filter((r) => r.kode !== NOT_ITEMISED));
    expect([partial.baru, partial.keluar, partial.aktif, partial.neto]).toEqual([null, null, 61, 1]);
  });

  it("change published region-wide only: every kecamatan's flows are hidden, the region's sit on the remainder line", () => {
    const perubahan: Perubahan[] = [
      {bulan: oct, kode_kec: null as unknown as string, sektor: null as unknown as string, jenis_kelamin: null as unknown as string, baru: 11, keluar_meninggal: 2, keluar_usia: 6, keluar_lainnya: 1, ditekan: false, sisa: true}
    ];
    const rows = changeSincePrevious(perubahan, anggota, kecamatan, {bulan: oct, filter: NO_FILTER, by: "kecamatan"});
    expect(rows.map((r) => [r.kode, r.aktif_sebelumnya, r.aktif, r.baru, r.keluar, r.neto])).toEqual([
      ["K1", 60, 61, null, null, 1],
      ["K2", null, null, null, null, null],
      ["K3", 0, null, null, null, null],
      [NOT_ITEMISED, 37, 38, 11, 9, null]
    ]);
    const total = changeTotal(rows);
    expect([total.baru, total.keluar, total.neto]).toEqual([11, 9, 2]);
    // Within one kecamatan, or for one sector, nothing of the region's flows can be placed: unknown, not 0.
    const k1 = changeSincePrevious(perubahan, anggota, sectors, {bulan: oct, filter: {...NO_FILTER, kec: "K1"}, by: "sektor"});
    expect(k1.every((r) => r.baru === null && r.keluar === null)).toBe(true);
    expect(changeTotal(k1).baru).toBeNull();
  });
});

describe("budget page on a public build", () => {
  it("benefits by kecamatan: a kecamatan with a hidden month is marked, and the rows still add up", () => {
    const rows = benefitsByKecamatan([
      {bulan: "2026-01", kode_kec: "K1", jenis: "JKM", jumlah: 6, nominal: 252e6, beasiswa: 0, ditekan: false, sisa: false},
      {bulan: "2026-02", kode_kec: "K1", jenis: "JKM", jumlah: null, nominal: null, beasiswa: null, ditekan: true, sisa: false},
      {bulan: "2026-02", kode_kec: "K2", jenis: "JKM", jumlah: null, nominal: null, beasiswa: null, ditekan: true, sisa: false},
      {bulan: "2026-02", kode_kec: null, jenis: "JKM", jumlah: 5, nominal: 210e6, beasiswa: 0, ditekan: false, sisa: true}
    ]);
    expect(rows).toEqual([
      {kode_kec: "K1", klaim: 6, santunan: 252e6, ditekan: true},
      {kode_kec: "K2", klaim: 0, santunan: 0, ditekan: true},
      {kode_kec: NOT_ITEMISED, klaim: 5, santunan: 210e6}
    ]);
    expect(rows.reduce((s, r) => s + r.klaim, 0)).toBe(11);
  });
});

describe("scenario state on a public build", () => {
  it("keeps members a remainder does not place in a kecamatan × sector as groups of their own, so costs and kecamatan totals stay exact", () => {
    const state = currentState(anggota, sasaran, oct, [
      {kode: "55-59", dari: 55, sampai: 59},
      {kode: "60-65", dari: 60, sampai: 65}
    ]);
    const of = (kec: string, sektor: string) => state.groups.find((g) => g.kode_kec === kec && g.sektor === sektor);
    // K1 tani: 40 + 8 shown + 7 in its remainder (sex and age unknown, spread by the region's mix).
    expect(of("K1", "tani")).toMatchObject({aktif: 55, sasaran: 100});
    expect(of("K1", "tani")!.ditekan).toBeUndefined();
    // K1's remainder of 6 and the region's 38: groups with no sasaran, never an enrolment target.
    expect(of("K1", NOT_ITEMISED)).toMatchObject({aktif: 6, sasaran: null});
    expect(of(NOT_ITEMISED, NOT_ITEMISED)).toMatchObject({aktif: 38, sasaran: null});
    // Suppressed groups with an eligible population: no members known, marked.
    expect(of("K1", "nel")).toMatchObject({aktif: 0, sasaran: 10, ditekan: true});
    expect(of("K2", "tani")).toMatchObject({aktif: 0, sasaran: 50, ditekan: true});
    expect(state.notItemised).toBe(44);
    expect(state.unclassified).toBe(51);
    expect(state.groups.reduce((s, g) => s + g.aktif, 0)).toBe(99);
  });
});
