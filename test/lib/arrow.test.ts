import {Float64, Int32, Int64, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray} from "apache-arrow";
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
});
