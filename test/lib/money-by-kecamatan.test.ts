// Money by kecamatan (src/lib/moneyByKecamatan.ts): the budget page's kecamatan table and its total, the
// method note, and one kecamatan's figures year by year (for its profile) equal to that table's row.
import {describe, expect, it} from "vitest";
import type {IuranRinci, PesertaSumberDana} from "../../src/lib/anggaran.ts";
import {moneyByKecamatan, moneyOfKecamatan, moneyOfKecamatanByYear, spendingChartRows, spendingMethodNote, type KlaimTahunan, type MoneyData} from "../../src/lib/moneyByKecamatan.ts";
import {moneyByKecamatanTable} from "../../src/lib/anggaranTables.ts";
import {NOT_ITEMISED} from "../../src/lib/suppression.ts";

const kecamatan = [
  {kode: "K1", nama: "Watukumpul"},
  {kode: "K2", nama: "Belik"}
];
const peserta: PesertaSumberDana[] = ["2025-12", "2026-01"].flatMap((bulan) => [
  {bulan, sumber_dana: "DBHCHT", kode_kec: "K1", terdaftar: 30, aktif: 30},
  {bulan, sumber_dana: "DBHCHT", kode_kec: "K2", terdaftar: 10, aktif: 10}
]);
// No invoice names its kecamatan: each is apportioned 3 : 1 by active member-months.
const iuranRinci: IuranRinci[] = [
  {bulan: "2025-12", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: "2026-01-10", peserta_ditagih: 40, iuran_ditagih: 672_000},
  {bulan: "2026-01", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: null, peserta_ditagih: 40, iuran_ditagih: 672_000}
];
const internal: KlaimTahunan[] = [
  {tahun: 2025, kode_kec: "K1", jenis: "JKM", jumlah: 1, nominal: 42e6, beasiswa: 0},
  {tahun: 2026, kode_kec: "K2", jenis: "JKK", jumlah: 1, nominal: 70e6, beasiswa: 0},
  {tahun: 2026, kode_kec: null, jenis: "JKM", jumlah: 1, nominal: 42e6, beasiswa: 0}
];
const data = (klaimTahunan: KlaimTahunan[]): MoneyData => ({
  iuranRinci,
  pesertaSumber: peserta,
  klaimTahunan,
  klaim: [{bulan: "2026-01", jenis: "JKM", jumlah: 3, nominal: 154e6, beasiswa: 0}],
  iuran: [{bulan: "2026-01", iuran_ditagih: 672_000, iuran_dibayar: 0}],
  kecamatan
});

describe("money by kecamatan, internal build", () => {
  const money = moneyByKecamatan(data(internal), 2026, "2026-01");
  it("lists every kecamatan by name with its apportioned contributions and its families' benefits", () => {
    expect(money.rows).toEqual([
      {kode_kec: "K2", nama: "Belik", bulan_peserta: 10, iuran_ditagih: 168_000, iuran_dibayar: 0, klaim: 1, santunan: 70e6, ditekan: false, manfaat: null},
      {kode_kec: "K1", nama: "Watukumpul", bulan_peserta: 30, iuran_ditagih: 504_000, iuran_dibayar: 0, klaim: 0, santunan: 0, ditekan: false, manfaat: null}
    ]);
    expect(money.cara).toBe("dibagi");
    expect(money.santunanPerKecamatan).toBe(true);
  });
  it("totals the rows; a claim placed nowhere is in the note, not in the table", () => {
    expect(money.total).toEqual({nama: "Jumlah", bulan_peserta: 40, iuran_ditagih: 672_000, iuran_dibayar: 0, klaim: 1, santunan: 70e6, manfaat: null});
    expect(money.klaimTanpaKec).toEqual({klaim: 1, santunan: 42e6});
    expect(spendingMethodNote(money)).toBe(
      "Iuran per kecamatan dibagi menurut bulan-peserta aktif tiap kecamatan (ekstrak iuran tidak memuat kecamatan). 1 klaim (Rp42 juta) tidak dapat ditempatkan di kecamatan mana pun. Santunan dihitung menurut kecamatan tempat peserta terdaftar."
    );
  });
  it("counts only the year's months up to the as-of month", () => {
    expect(moneyByKecamatan(data(internal), 2026, "2025-12").total.iuran_ditagih).toBe(0);
  });
});

describe("money by kecamatan, public build", () => {
  // klaim_tahunan without money; K1's claims hidden in a remainder.
  const published: KlaimTahunan[] = [
    {tahun: 2026, kode_kec: "K1", jenis: null, jumlah: null, nominal: null, beasiswa: null, ditekan: true, sisa: false},
    {tahun: 2026, kode_kec: "K2", jenis: null, jumlah: 5, nominal: null, beasiswa: null, ditekan: false, sisa: false},
    {tahun: 2026, kode_kec: null, jenis: null, jumlah: 2, nominal: null, beasiswa: null, ditekan: false, sisa: true}
  ];
  const money = moneyByKecamatan(data(published), 2026, "2026-01");
  it("prints no benefit money per kecamatan, puts hidden claims on the 'Tidak dirinci' line, and totals from the region's monthly claims", () => {
    expect(money.rows.map((r) => [r.nama, r.klaim, r.santunan, r.ditekan])).toEqual([
      ["Belik", 5, null, false],
      ["Watukumpul", 0, 0, true],
      ["Tidak dirinci", 2, null, false]
    ]);
    expect(money.santunanPerKecamatan).toBe(false);
    expect(money.total.santunan).toBe(154e6);
  });
  it("shows 'ditekan' in the table and draws no benefit dot for a kecamatan with hidden claims", () => {
    const options = moneyByKecamatanTable(money, 2026);
    const klaim = options.columns.find((c) => c.label === "Klaim")!;
    const santunan = options.columns.find((c) => c.label === "Santunan keluarga")!;
    expect(money.rows.map((r) => klaim.value(r, 0))).toEqual(["5", "ditekan", "2"]);
    expect(money.rows.map((r) => santunan.value(r, 0))).toEqual(["ditekan", "ditekan", "ditekan"]);
    expect(options.columns[2].label).toBe("Iuran ditagihkan (dibagi)");
    expect(spendingChartRows(money).map((r) => [r.kode_kec, r.santunan])).toEqual([
      ["K2", null],
      ["K1", null]
    ]);
    expect(spendingChartRows(money).some((r) => r.kode_kec === NOT_ITEMISED)).toBe(false);
  });
});

describe("one kecamatan's money (its profile)", () => {
  it("is the budget page's row for it, year by year", () => {
    const years = moneyOfKecamatanByYear(data(internal), "K1", "2026-01");
    expect(years.map((y) => [y.tahun, y.iuran_ditagih, y.iuran_dibayar, y.klaim, y.santunan, y.cara])).toEqual([
      [2025, 504_000, 504_000, 1, 42e6, "dibagi"],
      [2026, 504_000, 0, 0, 0, "dibagi"]
    ]);
    for (const y of years) expect(y).toMatchObject(moneyOfKecamatan(moneyByKecamatan(data(internal), y.tahun, "2026-01"), "K1")!);
  });
  it("is null for a code the region does not have", () => {
    expect(moneyOfKecamatan(moneyByKecamatan(data(internal), 2026, null), "K9")).toBeNull();
  });
});
