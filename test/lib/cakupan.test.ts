import {describe, expect, it} from "vitest";
import {
  NO_FILTER,
  availableMonths,
  byAgeSex,
  changeSincePrevious,
  coverageByPlace,
  coverageBySector,
  coverageOf,
  detectTranches,
  gapRanking,
  monthlyByKecamatan,
  monthsEnding,
  previousMonth,
  splitsPeople,
  totalCoverage,
  type Filter,
  type Perubahan
} from "../../src/lib/cakupan.ts";

// A hand-checked fixture: three kecamatan (K3 has no members and no eligible figure), three desa,
// three sectors (jasa has no eligible figure). Every expected number below is worked out in a comment.
const kecamatan = [
  {kode: "K1", nama: "Alpha"},
  {kode: "K2", nama: "Beta"},
  {kode: "K3", nama: "Gamma"}
];
const desa = [
  {kode: "D11", nama: "Satu", kode_kec: "K1"},
  {kode: "D12", nama: "Dua", kode_kec: "K1"},
  {kode: "D21", nama: "Tiga", kode_kec: "K2"}
];
const sectors = [
  {kode: "tani", nama: "Buruh tani"},
  {kode: "nel", nama: "Nelayan"},
  {kode: "jasa", nama: "Jasa"}
];
const a = (bulan: string, kode_kec: string, kode_desa: string | null, sektor: string, jenis_kelamin: string, kelompok_umur: string, aktif: number) => ({
  bulan,
  kode_kec,
  kode_desa,
  sektor,
  jenis_kelamin,
  kelompok_umur,
  terdaftar: aktif,
  aktif
});
const anggota = [
  a("2025-09", "K1", "D11", "tani", "L", "55-59", 4),
  a("2025-09", "K1", "D12", "nel", "P", "60-65", 2),
  a("2025-09", "K2", "D21", "tani", "P", "55-59", 3),
  a("2025-10", "K1", "D11", "tani", "L", "55-59", 5),
  a("2025-10", "K1", "D11", "tani", "P", "60-65", 1),
  a("2025-10", "K1", "D12", "nel", "P", "60-65", 2),
  a("2025-10", "K1", null, "tani", "L", "55-59", 1),
  a("2025-10", "K2", "D21", "tani", "P", "55-59", 3),
  a("2025-10", "K2", "D21", "jasa", "L", "60-65", 2)
];
const sasaran = [
  {kode_kec: "K1", kode_desa: "D11", sektor: "tani", jumlah: 20},
  {kode_kec: "K1", kode_desa: "D12", sektor: "nel", jumlah: 10},
  {kode_kec: "K2", kode_desa: "D21", sektor: "tani", jumlah: 6},
  {kode_kec: "K2", kode_desa: "D21", sektor: "nel", jumlah: 4}
];
const p = (bulan: string, kode_kec: string, sektor: string, jenis_kelamin: string, baru: number, meninggal = 0, usia = 0, lainnya = 0): Perubahan => ({
  bulan,
  kode_kec,
  sektor,
  jenis_kelamin,
  baru,
  keluar_meninggal: meninggal,
  keluar_usia: usia,
  keluar_lainnya: lainnya
});
// October against September, consistent with anggota: K1 6 → 9 = +5 − 2; K2 3 → 5 = +3 − 1.
const perubahan = [
  p("2025-09", "K1", "tani", "L", 4),
  p("2025-10", "K1", "tani", "L", 2),
  p("2025-10", "K1", "tani", "P", 1),
  p("2025-10", "K1", "nel", "P", 2, 1, 0, 1),
  p("2025-10", "K2", "tani", "P", 1, 0, 1, 0),
  p("2025-10", "K2", "jasa", "L", 2)
];
const oct = "2025-10";
const filter = (f: Partial<Filter>): Filter => ({...NO_FILTER, ...f});

describe("months", () => {
  it("steps back across a year boundary", () => {
    expect(previousMonth("2025-01")).toBe("2024-12");
    expect(previousMonth("2025-10")).toBe("2025-09");
    expect(monthsEnding("2025-02", 3)).toEqual(["2024-12", "2025-01", "2025-02"]);
  });
  it("offers the months with data up to the as-of month, newest first", () => {
    expect(availableMonths(anggota, "2025-10")).toEqual(["2025-10", "2025-09"]);
    expect(availableMonths(anggota, "2025-09")).toEqual(["2025-09"]);
  });
});

describe("coverage rate and gap", () => {
  it("rate = active ÷ eligible, gap = eligible − active; none without an eligible figure", () => {
    expect(coverageOf(9, 30, false)).toEqual({aktif: 9, sasaran: 30, rate: 0.3, gap: 21});
    expect(coverageOf(3, null, false)).toEqual({aktif: 3, sasaran: null, rate: null, gap: null});
    expect(coverageOf(12, 10, false).gap).toBe(-2);
    expect(coverageOf(0, 0, false)).toEqual({aktif: 0, sasaran: 0, rate: null, gap: 0});
  });
  it("gives no rate or gap when the filter picks people by sex or age (eligible is not split so)", () => {
    expect(splitsPeople(filter({jk: "P"}))).toBe(true);
    expect(splitsPeople(filter({umur: "60-65"}))).toBe(true);
    expect(splitsPeople(filter({kec: "K1", sektor: ["tani"]}))).toBe(false);
    expect(coverageOf(3, 30, true)).toEqual({aktif: 3, sasaran: 30, rate: null, gap: null});
  });
});

describe("coverageByPlace", () => {
  it("per kecamatan: K1 5+1+2+1 = 9 of 30, K2 3+2 = 5 of 10, K3 no eligible figure", () => {
    expect(coverageByPlace(anggota, sasaran, kecamatan, {bulan: oct, level: "kecamatan", filter: NO_FILTER})).toEqual([
      {kode: "K1", nama: "Alpha", aktif: 9, sasaran: 30, rate: 0.3, gap: 21},
      {kode: "K2", nama: "Beta", aktif: 5, sasaran: 10, rate: 0.5, gap: 5},
      {kode: "K3", nama: "Gamma", aktif: 0, sasaran: null, rate: null, gap: null}
    ]);
  });
  it("filters sectors on both sides: buruh tani K1 5+1+1 = 7 of 20, K2 3 of 6", () => {
    const rows = coverageByPlace(anggota, sasaran, kecamatan, {bulan: oct, level: "kecamatan", filter: filter({sektor: ["tani"]})});
    expect(rows.slice(0, 2)).toEqual([
      {kode: "K1", nama: "Alpha", aktif: 7, sasaran: 20, rate: 0.35, gap: 13},
      {kode: "K2", nama: "Beta", aktif: 3, sasaran: 6, rate: 0.5, gap: 3}
    ]);
  });
  it("with a sex filter counts only those members and gives no rate: women in K1 are 1 + 2", () => {
    const rows = coverageByPlace(anggota, sasaran, kecamatan, {bulan: oct, level: "kecamatan", filter: filter({jk: "P"})});
    expect(rows[0]).toEqual({kode: "K1", nama: "Alpha", aktif: 3, sasaran: 30, rate: null, gap: null});
  });
  it("per desa of the drilled-in kecamatan, with members of unknown desa in a row of their own", () => {
    expect(coverageByPlace(anggota, sasaran, desa, {bulan: oct, level: "desa", filter: filter({kec: "K1"})})).toEqual([
      {kode: "D11", nama: "Satu", aktif: 6, sasaran: 20, rate: 0.3, gap: 14},
      {kode: "D12", nama: "Dua", aktif: 2, sasaran: 10, rate: 0.2, gap: 8},
      {kode: "", nama: "Desa tidak diketahui", aktif: 1, sasaran: null, rate: null, gap: null}
    ]);
  });
  it("totals only the eligible figures that exist: 14 active of 40", () => {
    const rows = coverageByPlace(anggota, sasaran, kecamatan, {bulan: oct, level: "kecamatan", filter: NO_FILTER});
    expect(totalCoverage(rows, false)).toEqual({aktif: 14, sasaran: 40, rate: 0.35, gap: 26});
    expect(totalCoverage(rows.slice(2), false)).toEqual({aktif: 0, sasaran: null, rate: null, gap: null});
  });
});

describe("coverageBySector", () => {
  it("lists every sector: tani 5+1+1+3 = 10 of 20+6, nelayan 2 of 14, jasa with no eligible figure", () => {
    const rows = coverageBySector(anggota, sasaran, sectors, {bulan: oct, filter: NO_FILTER});
    expect(rows.map((r) => [r.sektor, r.aktif, r.sasaran, r.gap])).toEqual([
      ["tani", 10, 26, 16],
      ["nel", 2, 14, 12],
      ["jasa", 2, null, null]
    ]);
    expect(rows[0].rate).toBeCloseTo(10 / 26, 12);
  });
  it("within a kecamatan: K2 tani 3 of 6, nelayan 0 of 4", () => {
    const rows = coverageBySector(anggota, sasaran, sectors, {bulan: oct, filter: filter({kec: "K2"})});
    expect(rows.map((r) => [r.sektor, r.aktif, r.sasaran, r.rate])).toEqual([
      ["tani", 3, 6, 0.5],
      ["nel", 0, 4, 0],
      ["jasa", 2, null, null]
    ]);
  });
});

describe("gapRanking", () => {
  it("ranks kecamatan × sector by gap, with active members over the window as the trend", () => {
    const rows = gapRanking(anggota, sasaran, kecamatan, sectors, {bulan: oct, level: "kecamatan", filter: NO_FILTER, months: 2});
    // K1 tani 20 − 7 = 13; K1 nelayan 10 − 2 = 8; K2 nelayan 4 − 0 = 4; K2 tani 6 − 3 = 3.
    expect(rows.map((r) => [r.nama, r.sektor_nama, r.aktif, r.sasaran, r.gap])).toEqual([
      ["Alpha", "Buruh tani", 7, 20, 13],
      ["Alpha", "Nelayan", 2, 10, 8],
      ["Beta", "Nelayan", 0, 4, 4],
      ["Beta", "Buruh tani", 3, 6, 3]
    ]);
    expect(rows[0].trend).toEqual([
      {bulan: "2025-09", aktif: 4},
      {bulan: "2025-10", aktif: 7}
    ]);
    expect(rows[2].trend.map((t) => t.aktif)).toEqual([0, 0]);
  });
  it("keeps the first `limit` rows and ignores a sex filter (the gap belongs to place and sector)", () => {
    const rows = gapRanking(anggota, sasaran, kecamatan, sectors, {bulan: oct, level: "kecamatan", filter: filter({jk: "P"}), limit: 2});
    expect(rows.map((r) => r.gap)).toEqual([13, 8]);
  });
  it("ranks desa × sector within the drilled-in kecamatan; unknown desa has no eligible figure", () => {
    const rows = gapRanking(anggota, sasaran, desa, sectors, {bulan: oct, level: "desa", filter: filter({kec: "K1"})});
    expect(rows.map((r) => [r.kode, r.sektor, r.aktif, r.gap])).toEqual([
      ["D11", "tani", 6, 14],
      ["D12", "nel", 2, 8]
    ]);
    expect(rows[0].trend).toHaveLength(12);
  });
});

describe("byAgeSex and monthlyByKecamatan", () => {
  it("counts active members by age band × sex: 55–59 L 5+1, P 3; 60–65 L 2, P 1+2", () => {
    expect(byAgeSex(anggota, ["55-59", "60-65"], {bulan: oct, filter: NO_FILTER})).toEqual([
      {kelompok_umur: "55-59", jenis_kelamin: "L", aktif: 6},
      {kelompok_umur: "55-59", jenis_kelamin: "P", aktif: 3},
      {kelompok_umur: "60-65", jenis_kelamin: "L", aktif: 2},
      {kelompok_umur: "60-65", jenis_kelamin: "P", aktif: 3}
    ]);
    expect(byAgeSex(anggota, ["55-59", "60-65"], {bulan: oct, filter: filter({jk: "P", umur: "60-65"})})).toEqual([
      {kelompok_umur: "60-65", jenis_kelamin: "P", aktif: 3}
    ]);
  });
  it("gives every kecamatan every month, zeros kept", () => {
    expect(monthlyByKecamatan(anggota, kecamatan, {filter: NO_FILTER}).map((r) => `${r.kode} ${r.bulan} ${r.aktif}`)).toEqual([
      "K1 2025-09 6",
      "K1 2025-10 9",
      "K2 2025-09 3",
      "K2 2025-10 5",
      "K3 2025-09 0",
      "K3 2025-10 0"
    ]);
  });
});

describe("detectTranches", () => {
  it("finds the months whose intake jumps above the trickle", () => {
    const months = [
      {bulan: "2025-03", baru: 4000, aktif: 4000},
      {bulan: "2025-04", baru: 10, aktif: 3990},
      {bulan: "2025-05", baru: 3800, aktif: 7700},
      {bulan: "2025-06", baru: 5, aktif: 7690},
      {bulan: "2025-07", baru: 3000, aktif: 10600},
      {bulan: "2025-08", baru: 12, aktif: 10550},
      {bulan: "2025-09", baru: 0, aktif: 10500},
      // median intake (12 + 300) / 2 = 156; 300 < 3 × 156, so not a tranche
      {bulan: "2025-10", baru: 300, aktif: 10700}
    ];
    expect(detectTranches(months).map((m) => m.bulan)).toEqual(["2025-03", "2025-05", "2025-07"]);
  });
  it("needs the intake to be a visible share of the members", () => {
    const months = [
      {bulan: "2025-01", baru: 100, aktif: 100},
      {bulan: "2025-02", baru: 0, aktif: 100},
      {bulan: "2025-03", baru: 600, aktif: 100_000},
      {bulan: "2025-04", baru: 0, aktif: 100_000},
      {bulan: "2025-05", baru: 0, aktif: 100_000}
    ];
    // median intake 0: both 100 and 600 jump, but 600 is 0,6% of the members (< 2%)
    expect(detectTranches(months).map((m) => m.bulan)).toEqual(["2025-01"]);
    expect(detectTranches([])).toEqual([]);
  });
});

describe("changeSincePrevious", () => {
  it("per kecamatan: K1 6 → 9 (+5, one death, one other exit), K2 3 → 5 (+3, one at 65), K3 nothing", () => {
    const rows = changeSincePrevious(perubahan, anggota, kecamatan, {bulan: oct, filter: NO_FILTER, by: "kecamatan"});
    expect(rows).toEqual([
      {kode: "K1", nama: "Alpha", aktif_sebelumnya: 6, aktif: 9, baru: 5, keluar_meninggal: 1, keluar_usia: 0, keluar_lainnya: 1, keluar: 2, neto: 3},
      {kode: "K2", nama: "Beta", aktif_sebelumnya: 3, aktif: 5, baru: 3, keluar_meninggal: 0, keluar_usia: 1, keluar_lainnya: 0, keluar: 1, neto: 2},
      {kode: "K3", nama: "Gamma", aktif_sebelumnya: 0, aktif: 0, baru: 0, keluar_meninggal: 0, keluar_usia: 0, keluar_lainnya: 0, keluar: 0, neto: 0}
    ]);
  });
  it("net change equals the change in active members under a sex or sector filter", () => {
    for (const f of [filter({jk: "L"}), filter({jk: "P"}), filter({sektor: ["nel"]}), filter({sektor: ["tani", "jasa"], jk: "L"})]) {
      for (const r of changeSincePrevious(perubahan, anggota, kecamatan, {bulan: oct, filter: f, by: "kecamatan"}))
        // neto is read off the active counts; the flows must agree with it (the pipeline's guarantee).
        expect(r.baru! - r.keluar!, `${JSON.stringify(f)} ${r.kode}`).toBe(r.neto);
    }
    const men = changeSincePrevious(perubahan, anggota, kecamatan, {bulan: oct, filter: filter({jk: "L"}), by: "kecamatan"});
    expect(men.map((r) => [r.kode, r.aktif_sebelumnya, r.aktif, r.baru])).toEqual([
      ["K1", 4, 6, 2],
      ["K2", 0, 2, 2],
      ["K3", 0, 0, 0]
    ]);
  });
  it("per sector within the drilled-in kecamatan: K1 tani 4 → 7, nelayan 2 → 2 (two in, two out)", () => {
    const rows = changeSincePrevious(perubahan, anggota, sectors, {bulan: oct, filter: filter({kec: "K1"}), by: "sektor"});
    expect(rows.map((r) => [r.kode, r.aktif_sebelumnya, r.aktif, r.baru, r.keluar, r.neto])).toEqual([
      ["tani", 4, 7, 3, 0, 3],
      ["nel", 2, 2, 2, 2, 0],
      ["jasa", 0, 0, 0, 0, 0]
    ]);
  });
  it("ignores the age band (members change band as they age), so the balance still holds", () => {
    const all = changeSincePrevious(perubahan, anggota, kecamatan, {bulan: oct, filter: NO_FILTER, by: "kecamatan"});
    expect(changeSincePrevious(perubahan, anggota, kecamatan, {bulan: oct, filter: filter({umur: "55-59"}), by: "kecamatan"})).toEqual(all);
  });
});
