// Small-cell suppression (loaders/suppression.ts) on tables small enough to work out by hand. The
// threshold is 5 throughout: counts 1–4 are small.
import {describe, expect, it} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDatabase} from "../../loaders/pipeline.ts";
import {suppressLinked, suppressTable, type SuppressionSpec} from "../../loaders/suppression.ts";

type Row = Record<string, string | number | boolean | null>;

async function table(conn: DuckDBConnection, name: string, columns: string, rows: readonly (readonly (string | number | null)[])[]): Promise<void> {
  const literal = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v}'`);
  await conn.run(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM (VALUES ${rows.map((r) => `(${r.map(literal).join(", ")})`).join(", ")}) v(${columns})`);
}

async function read(conn: DuckDBConnection, name: string): Promise<Row[]> {
  const rows = (await conn.runAndReadAll(`SELECT * FROM ${name} ORDER BY ALL`)).getRowObjectsJS();
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : (v as Row[string])])));
}

const sum = (rows: readonly Row[], column: string, where: (r: Row) => boolean = () => true) =>
  rows.filter(where).reduce((s, r) => s + ((r[column] as number | null) ?? 0), 0);

// One month, four kecamatan, sectors a–c:
//  K1: 3, 7, 12 → 3 is small; hiding it alone would let 22 − 7 − 12 give it back, so 7 (the next
//      smallest) hides with it: remainder 10 from two cells, 12 stays.
//  K2: 2, 3, 20 → two small cells; their remainder 5 would be two rows of at least 1 each, so each
//      known to be 1–4: 20 hides with them (remainder 25 from three rows, each could be 1 or 23).
//  K3: 1, 2 → everything small, 3 in all: K3 cannot protect itself and goes up a level, where the
//      next smallest kecamatan (K1, 22) hides with it: the month's remainder is 25.
//  K4: 30, 40 → nothing small.
const spec: SuppressionSpec = {groups: ["bulan"], levels: ["kec", "sektor"], counts: ["n"]};
const cells = [
  ["2025-01", "K1", "a", 3],
  ["2025-01", "K1", "b", 7],
  ["2025-01", "K1", "c", 12],
  ["2025-01", "K2", "a", 2],
  ["2025-01", "K2", "b", 3],
  ["2025-01", "K2", "c", 20],
  ["2025-01", "K3", "a", 1],
  ["2025-01", "K3", "b", 2],
  ["2025-01", "K4", "a", 30],
  ["2025-01", "K4", "b", 40],
] as const;

async function suppressed(rows: readonly (readonly (string | number | null)[])[], s = spec, columns = "bulan, kec, sektor, n") {
  const conn = await openDatabase();
  await table(conn, "t", columns, rows);
  const stats = await suppressTable(conn, "t", s, {audience: "public", threshold: 5});
  return {conn, stats, rows: await read(conn, "t")};
}

describe("small-cell suppression on a hand-worked table", () => {
  it("hides 3 and, as secondary suppression, 7 in K1: remainder 10, 12 stays, K1's total unchanged", async () => {
    // K1 alone (as if it were the only kecamatan), so the top level does not touch it.
    const {rows} = await suppressed(cells.filter((c) => c[1] === "K1"));
    expect(rows).toEqual([
      {bulan: "2025-01", kec: "K1", sektor: "a", n: null, ditekan: true, sisa: false},
      {bulan: "2025-01", kec: "K1", sektor: "b", n: null, ditekan: true, sisa: false},
      {bulan: "2025-01", kec: "K1", sektor: "c", n: 12, ditekan: false, sisa: false},
      {bulan: "2025-01", kec: "K1", sektor: null, n: 10, ditekan: false, sisa: true},
    ]);
    expect(sum(rows, "n")).toBe(22);
  });

  it("counts the protection in hidden rows: 2 + 3 = 5 in two rows pins each to 1–4, so 20 hides too", async () => {
    const {rows} = await suppressed(cells.filter((c) => c[1] === "K2"));
    expect(rows.map((r) => [r.sektor, r.n, r.ditekan, r.sisa])).toEqual([
      ["a", null, true, false],
      ["b", null, true, false],
      ["c", null, true, false],
      [null, 25, false, true],
    ]);
  });

  it("keeps a remainder of two rows when each could still hold 5 or more (3 + 7 = 10)", async () => {
    const {rows} = await suppressed([["2025-01", "K1", "a", 3], ["2025-01", "K1", "b", 7], ["2025-01", "K1", "c", 12], ["2025-01", "K1", "d", 1], ["2025-01", "K2", "a", 50], ["2025-01", "K2", "b", 60]]);
    // 1 + 3 = 4 in two rows fails (not even 5 people); 1 + 3 + 7 = 11 in three rows: each could be 9.
    expect(rows.filter((r) => r.kec === "K1").map((r) => [r.sektor, r.n])).toEqual([["a", null], ["b", null], ["c", 12], ["d", null], [null, 11]]);
  });

  it("moves a kecamatan that is small throughout up a level, with the next smallest kecamatan", async () => {
    const {rows, stats} = await suppressed(cells);
    const of = (kec: string) => rows.filter((r) => r.kec === kec);
    // K3 and all of K1 hidden (K1's own remainder merged upwards); K2 and K4 as before.
    expect(of("K3").map((r) => [r.n, r.ditekan])).toEqual([[null, true], [null, true]]);
    expect(of("K1").every((r) => r.ditekan && r.n === null)).toBe(true);
    expect(of("K2").map((r) => r.n)).toEqual([null, null, null, 25]);
    expect(of("K4").map((r) => r.n)).toEqual([30, 40]);
    expect(rows.filter((r) => r.kec === null)).toEqual([{bulan: "2025-01", kec: null, sektor: null, n: 25, ditekan: false, sisa: true}]);
    // Totals are exact: every kecamatan that shows any figure sums to its own, and the month to 120.
    expect(sum(rows, "n")).toBe(120);
    expect(sum(rows, "n", (r) => r.kec === "K2")).toBe(25);
    expect(stats).toMatchObject({cells: 10, hidden: 8, remainders: 2, dropped: 0});
    // Hidden for a neighbour's sake: K1's 7 and 12 (K1's 3 is small itself), and K2's 20.
    expect(stats.secondary).toBe(3);
  });

  it("never publishes a count of 1..4 outside a region-wide remainder", async () => {
    const {rows} = await suppressed(cells);
    for (const r of rows) if (!(r.sisa && r.kec === null)) expect(r.n === null || (r.n as number) >= 5 || r.n === 0, JSON.stringify(r)).toBe(true);
  });

  it("adds a cell when the remainder would pin every hidden cell (five hidden 1s would each be known to be 1)", async () => {
    // Five cells of 1 and one of 9 in a kecamatan: hiding the five gives 5 = five rows × at least 1.
    const rows = [..."abcde"].map((s) => ["2025-01", "K1", s, 1] as const);
    const {rows: out} = await suppressed([...rows, ["2025-01", "K1", "f", 9], ["2025-01", "K2", "a", 50], ["2025-01", "K2", "b", 60]]);
    expect(out.find((r) => r.kec === "K1" && r.sektor === "f")).toMatchObject({n: null, ditekan: true});
    expect(out.find((r) => r.kec === "K1" && r.sisa)).toMatchObject({n: 14});
  });

  it("at the top, publishes the region-wide remainder but drops hidden rows it cannot protect", async () => {
    // One death in one kecamatan in the whole month: the month's total (1) is published, the
    // kecamatan is not named at all (a hidden row would say where that one person lived).
    const claims: SuppressionSpec = {groups: ["bulan", "jenis"], levels: ["kec"], counts: ["jumlah"], money: ["nominal"]};
    const {rows, stats} = await suppressed(
      [
        ["2025-01", "JKK", "K1", 1, 70_000_000],
        ["2025-01", "JKM", "K1", 2, 84_000_000],
        ["2025-01", "JKM", "K2", 3, 126_000_000],
        ["2025-01", "JKM", "K3", 6, 252_000_000],
      ],
      claims,
      "bulan, jenis, kec, jumlah, nominal"
    );
    expect(rows).toEqual([
      {bulan: "2025-01", jenis: "JKK", kec: null, jumlah: 1, nominal: 70_000_000, ditekan: false, sisa: true},
      // JKM: 2 and 3 would be 5 people in 2 rows (each 1–4), so 6 hides with them, money too.
      {bulan: "2025-01", jenis: "JKM", kec: "K1", jumlah: null, nominal: null, ditekan: true, sisa: false},
      {bulan: "2025-01", jenis: "JKM", kec: "K2", jumlah: null, nominal: null, ditekan: true, sisa: false},
      {bulan: "2025-01", jenis: "JKM", kec: "K3", jumlah: null, nominal: null, ditekan: true, sisa: false},
      {bulan: "2025-01", jenis: "JKM", kec: null, jumlah: 11, nominal: 462_000_000, ditekan: false, sisa: true},
    ]);
    expect(stats.dropped).toBe(1);
  });

  it("hides a row when any of its counts is small, and sums every count into the remainder", async () => {
    const flows: SuppressionSpec = {groups: ["bulan"], levels: ["kec", "sektor"], counts: ["baru", "keluar"]};
    const {rows} = await suppressed(
      [
        ["2025-01", "K1", "a", 20, 1],
        ["2025-01", "K1", "b", 8, 5],
        ["2025-01", "K1", "c", 30, 0],
      ],
      flows,
      "bulan, kec, sektor, baru, keluar"
    );
    // a is small (1 exit); with b the exits make 6: remainder baru 28, keluar 6; c stays.
    expect(rows.map((r) => [r.sektor, r.baru, r.keluar, r.ditekan, r.sisa])).toEqual([
      ["a", null, null, true, false],
      ["b", null, null, true, false],
      ["c", 30, 0, false, false],
      [null, 28, 6, false, true],
    ]);
  });

  it("treats a null dimension as a value of its own (an unknown desa is a cell like any other)", async () => {
    const desa: SuppressionSpec = {groups: ["bulan"], levels: ["kec", "desa"], counts: ["n"]};
    const {rows} = await suppressed(
      [
        ["2025-01", "K1", "D1", 40],
        ["2025-01", "K1", "D2", 9],
        ["2025-01", "K1", null, 2],
      ],
      desa,
      "bulan, kec, desa, n"
    );
    expect(rows.map((r) => [r.desa, r.n, r.ditekan, r.sisa])).toEqual([
      ["D1", 40, false, false],
      ["D2", null, true, false],
      [null, 11, false, true],
      [null, null, true, false],
    ]);
  });

  it("is deterministic: the same table gives the same rows whatever its order", async () => {
    const a = (await suppressed(cells)).rows;
    const b = (await suppressed(cells.slice().reverse())).rows;
    expect(b).toEqual(a);
  });

  it("internal mode publishes every cell as it is, with both flags false", async () => {
    const conn = await openDatabase();
    await table(conn, "t", "bulan, kec, sektor, n", cells);
    const stats = await suppressTable(conn, "t", spec, {audience: "internal", threshold: 5});
    const rows = await read(conn, "t");
    expect(rows).toHaveLength(cells.length);
    expect(rows.map((r) => r.n)).toEqual([3, 7, 12, 2, 3, 20, 1, 2, 30, 40]);
    expect(rows.every((r) => r.ditekan === false && r.sisa === false)).toBe(true);
    expect(stats.hidden).toBe(0);
  });

  it("hides in every linked table a kecamatan that one of them hides wholly", async () => {
    // By desa K3's 5 members are 3 + 2 (a safe remainder of 5 from two desa). By sector they are five
    // 1s: five hidden rows of at least 1 making 5 would each be known to be 1, so K3 hides whole
    // there — and must in the desa table too, or K3's desa total (5) would pin them down.
    const conn = await openDatabase();
    await table(conn, "profil", "bulan, kode_kec, sektor, n", [
      ["2025-01", "K1", "a", 30],
      ["2025-01", "K1", "b", 20],
      ["2025-01", "K2", "a", 40],
      ...[..."abcde"].map((s) => ["2025-01", "K3", s, 1] as const),
    ]);
    await table(conn, "desa", "bulan, kode_kec, kode_desa, n", [
      ["2025-01", "K1", "D1", 50],
      ["2025-01", "K2", "D2", 40],
      ["2025-01", "K3", "D3", 3],
      ["2025-01", "K3", "D4", 2],
    ]);
    const options = {audience: "public" as const, threshold: 5};
    await suppressLinked(
      conn,
      [
        {table: "profil", spec: {groups: ["bulan"], levels: ["kode_kec", "sektor"], counts: ["n"]}},
        {table: "desa", spec: {groups: ["bulan"], levels: ["kode_kec", "kode_desa"], counts: ["n"]}},
      ],
      ["bulan", "kode_kec"],
      options
    );
    const desa = await read(conn, "desa");
    expect(desa.filter((r) => r.kode_kec === "K3").every((r) => r.ditekan)).toBe(true);
    // K3 (5) hides with the next smallest kecamatan, K2 (40), in both tables.
    expect(desa.filter((r) => r.sisa)).toEqual([{bulan: "2025-01", kode_kec: null, kode_desa: null, n: 45, ditekan: false, sisa: true}]);
    const profil = await read(conn, "profil");
    expect(profil.filter((r) => r.sisa)).toEqual([{bulan: "2025-01", kode_kec: null, sektor: null, n: 45, ditekan: false, sisa: true}]);
    expect(sum(profil, "n")).toBe(95);
    expect(sum(desa, "n")).toBe(95);
  });
});
