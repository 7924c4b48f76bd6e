import {readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDatabase} from "../../loaders/pipeline.ts";
import {copyColumn, newBuffer, writeArrowFile, type ArrowSchema} from "../../loaders/write/arrow.ts";
import {tempDir} from "./helpers.ts";

// The writer streams a table from DuckDB in record batches; whatever the batch size, a reader must see
// the same rows, types and dictionaries (categories numbered by first appearance, written once).
const schema: ArrowSchema = {bulan: "category", kode: "category", catatan: "text", jumlah: "int32", rupiah: "float64", ditekan: "bool"};
const rows = [
  {bulan: "2025-02", kode: "b", catatan: "satu", jumlah: 3, rupiah: 16800.5, ditekan: false},
  {bulan: "2025-01", kode: null, catatan: null, jumlah: null, rupiah: null, ditekan: null},
  {bulan: "2025-02", kode: "a", catatan: "tiga", jumlah: -7, rupiah: 0, ditekan: true},
  {bulan: "2025-03", kode: "b", catatan: "empat", jumlah: 2147483647, rupiah: 1e12, ditekan: false},
  {bulan: "2025-01", kode: "c", catatan: "", jumlah: 0, rupiah: -1.25, ditekan: true},
];

let conn: DuckDBConnection;
let dir: string;
beforeAll(async () => {
  conn = await openDatabase();
  dir = await tempDir("jaring-arrow-");
  const literal = (v: unknown) => (v === null ? "NULL" : typeof v === "string" ? `'${v}'` : String(v));
  const values = rows.map((r) => `(${Object.values(r).map(literal).join(", ")})`).join(", ");
  await conn.run(`CREATE TABLE t (bulan VARCHAR, kode VARCHAR, catatan VARCHAR, jumlah BIGINT, rupiah DOUBLE, ditekan BOOLEAN)`);
  await conn.run(`INSERT INTO t VALUES ${values}`);
  await conn.run(`CREATE TABLE kosong AS SELECT * FROM t LIMIT 0`);
  await conn.run(`CREATE TABLE besar AS SELECT 9999999999 AS jumlah`);
});
afterAll(() => conn.closeSync());

const read = (path: string) => tableFromIPC(readFileSync(path));

describe("writeArrowFile", () => {
  for (const batchRows of [1, 2, 5, 1000]) {
    it(`gives the same rows and types in batches of ${batchRows}`, async () => {
      const path = join(dir, `t-${batchRows}.arrow`);
      expect(await writeArrowFile(conn, "t", schema, path, batchRows)).toBe(rows.length);
      const table = read(path);
      expect(table.batches.length).toBe(Math.ceil(rows.length / batchRows));
      expect(table.toArray().map((r) => r.toJSON())).toEqual(rows);
      expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
        "bulan:Dictionary<Int32, Utf8>",
        "kode:Dictionary<Int32, Utf8>",
        "catatan:Utf8",
        "jumlah:Int32",
        "rupiah:Float64",
        "ditekan:Bool",
      ]);
      // First appearance: 2025-02 is index 0; NULL is not a dictionary value.
      expect([...table.getChild("bulan")!.data[0].dictionary!]).toEqual(["2025-02", "2025-01", "2025-03"]);
      expect([...table.getChild("kode")!.data[0].dictionary!]).toEqual(["b", "a", "c"]);
    });
  }

  it("writes the same bytes twice (deterministic)", async () => {
    await writeArrowFile(conn, "t", schema, join(dir, "a.arrow"), 2);
    await writeArrowFile(conn, "t", schema, join(dir, "b.arrow"), 2);
    expect(readFileSync(join(dir, "a.arrow")).equals(readFileSync(join(dir, "b.arrow")))).toBe(true);
  });

  it("writes an empty table with its schema", async () => {
    const path = join(dir, "kosong.arrow");
    expect(await writeArrowFile(conn, "kosong", schema, path)).toBe(0);
    const table = read(path);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(Object.keys(schema));
  });

  it("stops on a count beyond Int32, naming the table and column", async () => {
    await expect(writeArrowFile(conn, "besar", {jumlah: "int32"}, join(dir, "besar.arrow"))).rejects.toThrow(/besar\.jumlah: nilai melebihi Int32/);
  });

  it("copies numbers the same way whether it can read DuckDB's arrays whole or only value by value", async () => {
    const result = await conn.run(`SELECT CASE WHEN i % 5 = 0 THEN NULL ELSE i * 3 END::INTEGER AS n, CASE WHEN i % 7 = 0 THEN NULL ELSE i / 4 END::DOUBLE AS x FROM range(3000) r(i)`);
    for (const [column, type] of [[0, "int32"], [1, "float64"]] as const) {
      const fast = newBuffer(type, 3000);
      const slow = newBuffer(type, 3000);
      let at = 0;
      for (let k = 0; k < result.chunkCount; k++) {
        const vector = result.getChunk(k).getColumnVector(column);
        // Only getItem: what the writer falls back to when @duckdb/node-api keeps its arrays otherwise.
        const plain = {getItem: (i: number) => vector.getItem(i)} as unknown as typeof vector;
        copyColumn(vector, 0, vector.itemCount, fast, at, type);
        copyColumn(plain, 0, vector.itemCount, slow, at, type);
        at += vector.itemCount;
      }
      expect(at).toBe(3000);
      expect(fast.nulls.length).toBeGreaterThan(0);
      expect(fast.nulls).toEqual(slow.nulls);
      expect([...fast.numbers!]).toEqual([...slow.numbers!]);
    }
  });
});
