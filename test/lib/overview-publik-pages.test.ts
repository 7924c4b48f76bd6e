// What Ringkasan (src/index.md) and Transparansi (src/publik.md) derive beyond the shared functions:
// the kecamatan order and extremes, the gap and claims wording, figures by sex, the expansion's
// sentence, and the tables' cells (src/lib/overviewTables.ts, publikTables.ts).
import {describe, expect, it} from "vitest";
import {byPlaceName, claimsPeriod, coverageByName, coverageExtremes, coverageGap, coverageGapText} from "../../src/lib/overview.ts";
import {coverageColumns, coverageTable, coverageTotal, membersTable, withoutTarget} from "../../src/lib/overviewTables.ts";
import {expansionAgainstPagu, membersBySex, namedRates, openDataRows, sectorNames} from "../../src/lib/publik.ts";
import * as publikTables from "../../src/lib/publikTables.ts";
import {toCsv} from "../../src/lib/csv.ts";
import {formatList, formatPerRupiah, formatSigned, formatMoney} from "../../src/lib/format.ts";

const kecamatan = [
  {kode: "K1", nama: "Watukumpul"},
  {kode: "K2", nama: "Belik"},
  {kode: "K3", nama: "Ampelgading"}
];
const anggota = [
  {bulan: "2026-01", kode_kec: "K1", jenis_kelamin: "L", terdaftar: 30, aktif: 30},
  {bulan: "2026-01", kode_kec: "K2", jenis_kelamin: "P", terdaftar: 20, aktif: 20},
  {bulan: "2026-01", kode_kec: "K3", jenis_kelamin: "L", terdaftar: null, aktif: null, ditekan: true},
  {bulan: "2026-01", kode_kec: null as unknown as string, terdaftar: 4, aktif: 4, sisa: true}
];
const sasaran = [
  {kode_kec: "K1", jumlah: 100},
  {kode_kec: "K2", jumlah: 40}
];

describe("kecamatan in the tables' order", () => {
  const rows = coverageByName(anggota, sasaran, kecamatan, "2026-01");
  it("go by name in Indonesian collation, the 'Tidak dirinci' line last", () => {
    expect(rows.map((r) => r.nama)).toEqual(["Ampelgading", "Belik", "Watukumpul", "Tidak dirinci"]);
    expect([{kode_kec: "*", nama: "A"}, {kode_kec: "K", nama: "Z"}].sort(byPlaceName).map((r) => r.nama)).toEqual(["Z", "A"]);
  });
  it("give the lowest and highest coverage, leaving out those without a rate", () => {
    expect(coverageExtremes(rows, 3).map((r) => r.nama)).toEqual(["Watukumpul", "Belik"]);
    expect(coverageExtremes(rows, 1, true).map((r) => r.nama)).toEqual(["Belik"]);
  });
  it("grey a kecamatan without an eligible figure, never the 'Tidak dirinci' line", () => {
    expect(rows.filter(withoutTarget).map((r) => r.nama)).toEqual(["Ampelgading"]);
  });
  it("total every row, the hidden members included, in the footer", () => {
    expect(coverageTotal(rows)).toEqual({kode_kec: "", nama: "Jumlah", aktif: 54, sasaran: 140, rate: 54 / 140});
    const options = coverageTable(rows, "2026-01");
    expect(options.rowClass!(rows[0])).toBe("nodata");
    expect(options.caption).toBe("Peserta aktif, sasaran dan cakupan per kecamatan, Januari 2026");
  });
  it("print a suppressed count, and its rate, as 'ditekan'; the CSV keeps the raw numbers", () => {
    expect(coverageColumns.map((c) => c.value(rows[0], 0))).toEqual(["Ampelgading", "ditekan", "–", "ditekan"]);
    expect(toCsv(rows.slice(1, 2), coverageColumns).split("\r\n")[1]).toBe("Belik,20,40,0.5");
  });
});

describe("the overview's wording", () => {
  it("states the coverage gap, or that everyone is covered", () => {
    expect(coverageGapText(coverageGap({eligible: 12_000, members_active: 11_482}))).toBe("518 orang sasaran belum terlindungi");
    expect(coverageGapText(coverageGap({eligible: 10, members_active: 12}))).toBe("seluruh sasaran sudah terlindungi");
    expect(coverageGapText(coverageGap({eligible: null, members_active: 12}))).toBe("");
  });
  it("names the period summary.json's claims count covers, when it can be told", () => {
    const klaim = [
      {bulan: "2025-06", jenis: "JKM", jumlah: 2, nominal: 84e6},
      {bulan: "2026-01", jenis: "JKM", jumlah: 1, nominal: 42e6}
    ];
    expect(claimsPeriod({claims_count: 1}, klaim, 2026)).toBe("tahun 2026");
    expect(claimsPeriod({claims_count: 3}, klaim, 2026)).toBe("sejak awal data");
    expect(claimsPeriod({claims_count: 7}, klaim, 2026)).toBe("");
    expect(claimsPeriod({claims_count: null}, klaim, 2026)).toBe("");
  });
  it("sets each month's members against today's eligible in the members table", () => {
    const options = membersTable(200);
    expect(options.columns.map((c) => c.value({bulan: "2026-01", terdaftar: 120, aktif: 100}, 0))).toEqual(["Januari 2026", "120", "100", "50,0%"]);
  });
});

describe("Transparansi's wording", () => {
  it("counts members by sex, and those the public build does not split by sex", () => {
    expect(membersBySex(anggota, "2026-01", 58)).toEqual({L: 30, P: 20, tidakDirinci: 8});
  });
  it("names kecamatan with their coverage, and the regent's sectors by their reference names", () => {
    expect(namedRates([{nama: "Belik", rate: 0.5}])).toEqual([{bold: "Belik", rest: " (50,0%)"}]);
    expect(sectorNames(["tani", "nelayan", "x"], [{kode: "tani", nama: "Petani"}, {kode: "nelayan", nama: "Nelayan"}])).toBe("petani, nelayan dan x");
  });
  it("sets the expansion's cost against the pagu, over or under", () => {
    const outlook = (biayaTahun: number, pagu: number | null) => ({pagu, tahunPagu: 2026, perluasan: {biayaTahun}}) as never;
    expect(expansionAgainstPagu(outlook(3e9, 2.4e9))).toBe("; dengan pagu 2026 sebesar Rp2,4 miliar, biaya seluruhnya melebihi pagu Rp600 juta");
    expect(expansionAgainstPagu(outlook(2e9, 2.4e9))).toBe("; dengan pagu 2026 sebesar Rp2,4 miliar, biaya seluruhnya masih di bawah pagu (sisa Rp400 juta)");
    expect(expansionAgainstPagu(outlook(2e9, null))).toBe("");
  });
  it("gives each open-data file its download links, and names them in the CSV", () => {
    const file = {nama: "sasaran", judul: "Sasaran", arti: "…", arrow: true, baris: 3, rincian: [], kolom: []};
    const rows = openDataRows([file, {...file, nama: "desa", arrow: false}], {sasaran: {csv: "a.csv", arrow: "a.arrow"}});
    expect(rows.map((r) => r.files)).toEqual([{csv: "a.csv", arrow: "a.arrow"}, {}]);
    const options = publikTables.openDataTable(() => null as never);
    expect(options.columns.at(-1)!.value(rows[0], 0)).toBe("sasaran.csv sasaran.arrow");
  });
  it("says how far a running year's figures go", () => {
    const year = {tahun: 2026, sampai: "2026-10"} as never;
    expect(publikTables.yearTable.columns[0].value(year, 0)).toBe("2026 (s.d. Oktober 2026)");
    expect(publikTables.yearTable.columns[0].value({tahun: 2025, sampai: "2025-12"} as never, 0)).toBe("2025");
  });
  it("footers the kecamatan table with summary.json's region-wide figures", () => {
    expect(publikTables.coverageTable({members_active: 11_482, eligible: 30_000, coverage_rate: 0.38}, "2026-10").footer).toEqual({kode_kec: "", nama: "Jumlah", aktif: 11_482, sasaran: 30_000, rate: 0.38});
  });
});

describe("formatters the pages share", () => {
  it("sign a change", () => {
    expect([formatSigned(12), formatSigned(-3), formatSigned(0), formatSigned(5e6, formatMoney)]).toEqual(["+12", "-3", "0", "+Rp5 juta"]);
  });
  it("list items in a sentence", () => {
    expect([formatList([]), formatList(["A"]), formatList(["A", "B"]), formatList(["A", "B", "C"])]).toEqual(["", "A", "A dan B", "A, B dan C"]);
  });
  it("print benefits per rupiah of contribution", () => {
    expect([formatPerRupiah(1.234), formatPerRupiah(null), formatPerRupiah(undefined)]).toEqual(["Rp1,23", "–", "–"]);
  });
});

describe("kecamatan names in the coverage tables", () => {
  it("are drawn by the cell a page gives (a link to the profile), the total and the columns unchanged", () => {
    const cell = () => ({}) as Node;
    const plain = publikTables.coverageTable({members_active: 1, eligible: 2, coverage_rate: 0.5}, "2026-10");
    const linked = publikTables.coverageTable({members_active: 1, eligible: 2, coverage_rate: 0.5}, "2026-10", cell);
    expect(plain.columns[0].cell).toBeUndefined();
    expect(linked.columns[0].cell).toBe(cell);
    expect(linked.columns.map((c) => c.label)).toEqual(plain.columns.map((c) => c.label));
    expect(linked.footer).toEqual(plain.footer);
  });
});
