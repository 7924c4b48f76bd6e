import {Bool, Dictionary, Float64, Int32, Int64, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {arrowRows} from "../../src/lib/arrow.ts";

describe("arrowRows", () => {
  it("turns an Arrow table into plain rows, keeping nulls (toArray() would make them 0)", () => {
    const table = new Table({
      bulan: vectorFromArray(["2025-03", "2025-04"], new Utf8()),
      kode_desa: vectorFromArray([null, "33.27.01.2001"], new Utf8()),
      aktif: vectorFromArray([5, 7], new Int32()),
      pagu_perubahan: vectorFromArray([null, 2.1e9], new Float64())
    });
    const rows = arrowRows(tableFromIPC(tableToIPC(table)));
    expect(rows).toEqual([
      {bulan: "2025-03", kode_desa: null, aktif: 5, pagu_perubahan: null},
      {bulan: "2025-04", kode_desa: "33.27.01.2001", aktif: 7, pagu_perubahan: 2.1e9}
    ]);
  });
  it("turns Int64 bigints into numbers", () => {
    const table = new Table({n: vectorFromArray([1n, 2_215_680_000n], new Int64())});
    expect(arrowRows(table)).toEqual([{n: 1}, {n: 2_215_680_000}]);
    expect(typeof arrowRows<{n: number}>(table)[0].n).toBe("number");
  });
  it("returns no rows for an empty table", () => {
    expect(arrowRows(new Table({a: vectorFromArray([], new Utf8())}))).toEqual([]);
  });
  it("reads dictionary columns (the pipeline's text columns) with their nulls, across record batches", () => {
    const dict = () => new Dictionary(new Utf8(), new Int32());
    const batch = (kec: (string | null)[], aktif: (number | null)[], ditekan: boolean[]) =>
      new Table({kode_kec: vectorFromArray(kec, dict()), aktif: vectorFromArray(aktif, new Int32()), ditekan: vectorFromArray(ditekan, new Bool())});
    const table = batch(["33.27.01", null, "33.27.02"], [4, null, 9], [false, true, false]).concat(batch(["33.27.02", "33.27.01"], [1, 2], [false, false]));
    const read = tableFromIPC(tableToIPC(table));
    expect(read.batches.length).toBe(2);
    expect(arrowRows(read)).toEqual([
      {kode_kec: "33.27.01", aktif: 4, ditekan: false},
      {kode_kec: null, aktif: null, ditekan: true},
      {kode_kec: "33.27.02", aktif: 9, ditekan: false},
      {kode_kec: "33.27.02", aktif: 1, ditekan: false},
      {kode_kec: "33.27.01", aktif: 2, ditekan: false}
    ]);
  });
  it("gives what apache-arrow's own accessor gives, for a slice too", () => {
    const table = new Table({
      sektor: vectorFromArray(["A", "B", null, "A", "C"], new Dictionary(new Utf8(), new Int32())),
      n: vectorFromArray([1n, null, 3n, 4n, 5n], new Int64()),
      x: vectorFromArray([0.5, 1.5, null, 3, 4], new Float64()),
      b: vectorFromArray([true, null, false, true, true], new Bool()),
      s: vectorFromArray(["x", null, "z", "", "w"], new Utf8())
    });
    for (const t of [tableFromIPC(tableToIPC(table)), table.slice(1, 4)]) {
      const expected = t.toArray().map((r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : (v ?? null)])));
      expect(arrowRows(t)).toEqual(expected);
    }
  });
});
