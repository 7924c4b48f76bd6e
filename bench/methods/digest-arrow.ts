// Digest of the pipeline's anggota_bulanan.arrow in the canonical form of bench/spec.ts (not timed).
// The pipeline writes the rows sorted by the same keys, so they are digested as they come; rows out
// of that order (which would be a pipeline bug) fail the digest rather than being silently re-sorted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { compareRows, ResultSummary, type ResultRow } from "../spec.ts";

const out = process.argv[2]!;
const table = tableFromIPC(readFileSync(join(out, "anggota_bulanan.arrow")));
const names = ["bulan", "kode_kec", "kode_desa", "sektor", "jenis_kelamin", "kelompok_umur", "aktif"] as const;
const cols = names.map((n) => table.getChild(n)!);
const summary = new ResultSummary();
let previous: ResultRow | null = null;
for (let i = 0; i < table.numRows; i++) {
  const row: ResultRow = {
    bulan: cols[0]!.get(i), kode_kec: cols[1]!.get(i), kode_desa: cols[2]!.get(i) ?? null, sektor: cols[3]!.get(i),
    jenis_kelamin: cols[4]!.get(i), kelompok_umur: cols[5]!.get(i), aktif: Number(cols[6]!.get(i)),
  };
  if (previous && compareRows(previous, row) >= 0) throw new Error(`anggota_bulanan.arrow: row ${i} is not in key order`);
  previous = row;
  summary.add(row);
}
console.log(JSON.stringify(summary.done()));
