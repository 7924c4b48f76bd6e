import {describe, expect, it} from "vitest";
import {claimsByMonth, coverageByKecamatan, membersByMonth, ratio} from "../../src/lib/overview.ts";

const kecamatan = [
  {kode: "01", nama: "Alpha"},
  {kode: "02", nama: "Beta"},
  {kode: "03", nama: "Gamma"}
];

describe("coverageByKecamatan", () => {
  const anggota = [
    {bulan: "2025-09", kode_kec: "01", terdaftar: 9, aktif: 9},
    {bulan: "2025-10", kode_kec: "01", terdaftar: 10, aktif: 10},
    {bulan: "2025-10", kode_kec: "01", terdaftar: 5, aktif: 5},
    {bulan: "2025-10", kode_kec: "03", terdaftar: 7, aktif: 0}
  ];
  const sasaran = [
    {kode_kec: "01", jumlah: 30},
    {kode_kec: "01", jumlah: 20},
    {kode_kec: "03", jumlah: 0}
  ];
  const rows = coverageByKecamatan(anggota, sasaran, kecamatan, "2025-10");

  it("counts only the as-of month's active members and sums the eligible over sectors", () => {
    expect(rows[0]).toEqual({kode_kec: "01", nama: "Alpha", aktif: 15, sasaran: 50, rate: 0.3});
  });
  it("keeps every kecamatan of the region, with no rate where there is no target population", () => {
    expect(rows.map((r) => r.kode_kec)).toEqual(["01", "02", "03"]);
    expect(rows[1]).toEqual({kode_kec: "02", nama: "Beta", aktif: 0, sasaran: null, rate: null});
  });
  it("gives no rate for a zero target population instead of dividing by zero", () => {
    expect(rows[2].rate).toBeNull();
    expect(rows[2].sasaran).toBe(0);
  });
  it("keeps a code the reference lacks, named by its code", () => {
    const extra = coverageByKecamatan([{bulan: "2025-10", kode_kec: "99", terdaftar: 1, aktif: 1}], [], kecamatan, "2025-10");
    expect(extra.at(-1)).toEqual({kode_kec: "99", nama: "99", aktif: 1, sasaran: null, rate: null});
  });
});

describe("membersByMonth", () => {
  it("sums registered and active members per month, in month order", () => {
    expect(
      membersByMonth([
        {bulan: "2025-02", kode_kec: "01", terdaftar: 3, aktif: 0},
        {bulan: "2025-01", kode_kec: "01", terdaftar: 2, aktif: 2},
        {bulan: "2025-02", kode_kec: "02", terdaftar: 4, aktif: 0}
      ])
    ).toEqual([
      {bulan: "2025-01", terdaftar: 2, aktif: 2},
      {bulan: "2025-02", terdaftar: 7, aktif: 0}
    ]);
  });
});

describe("claimsByMonth", () => {
  it("sums claims by month and type over kecamatan; families receive benefit plus scholarship", () => {
    expect(
      claimsByMonth([
        {bulan: "2025-03", kode_kec: "01", jenis: "JKM", jumlah: 1, nominal: 42e6, beasiswa: 0},
        {bulan: "2025-03", kode_kec: "02", jenis: "JKM", jumlah: 2, nominal: 52e6, beasiswa: 87e6},
        {bulan: "2025-03", kode_kec: null, jenis: "JKK", jumlah: 1, nominal: 70e6, beasiswa: null}
      ])
    ).toEqual([
      {bulan: "2025-03", jenis: "JKK", jumlah: 1, nominal: 70e6, beasiswa: 0, total: 70e6},
      {bulan: "2025-03", jenis: "JKM", jumlah: 3, nominal: 94e6, beasiswa: 87e6, total: 181e6}
    ]);
  });
});

describe("ratio", () => {
  it("divides safely", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
  });
});
