import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDatabase, runPipeline} from "../../loaders/pipeline.ts";
import {runSqlFile} from "../../loaders/sql/run.ts";
import {fixture, referenceDir, root, tempDir} from "./helpers.ts";

// members.sql counts one-period NIKs from the steps of their periods instead of exploding them into
// months. The month-by-month view `bulan_peserta` is the definition; the counts must equal counting it.
const byDefinition = `
  SELECT m.bulan, m.kode_kec, m.kode_desa, m.sektor, m.jk, coalesce(u.kode, 'lainnya') AS kelompok_umur, count(*) AS terdaftar
  FROM bulan_peserta m LEFT JOIN umur_kelompok u ON u.usia = j_age(m.lahir, m.bulan)
  GROUP BY ALL
  UNION ALL
  SELECT bulan, kode_kec, NULL, NULL, NULL, sumber_dana, count(*) FROM bulan_peserta GROUP BY ALL`;
const counted = `
  SELECT h.bulan, s.kode_kec, s.kode_desa, s.sektor, s.jk, u.kode AS kelompok_umur, h.terdaftar
  FROM bulan_peserta_hitung h JOIN sel_peserta s ON s.sel = h.kunci JOIN (SELECT DISTINCT urutan, kode FROM umur_rentang) u ON u.urutan = h.umur
  WHERE h.rincian = 'sel'
  UNION ALL
  SELECT h.bulan, d.kode_kec, NULL, NULL, NULL, d.sumber_dana, h.terdaftar
  FROM bulan_peserta_hitung h JOIN sel_dana d ON d.dana = h.kunci WHERE h.rincian = 'dana'`;

async function differences(conn: DuckDBConnection): Promise<{missing: number; extra: number; rows: number}> {
  const n = async (sql: string) => Number((await conn.runAndReadAll(`SELECT count(*) FROM (${sql})`)).getRowsJS()[0][0]);
  return {
    missing: await n(`(${byDefinition}) EXCEPT ALL (${counted})`),
    extra: await n(`(${counted}) EXCEPT ALL (${byDefinition})`),
    rows: await n(counted),
  };
}

describe.each([
  ["the sample", join(root, "data/extracts")],
  ["the hand-worked fixture", fixture("kecil")],
])("member-month counts on %s", (_, extracts) => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    conn = await openDatabase();
    await runPipeline({extracts, reference: referenceDir, out: await tempDir(), audience: "internal", conn});
  });
  afterAll(() => conn.closeSync());

  it("equal counting bulan_peserta month by month", async () => {
    const d = await differences(conn);
    expect(d.rows).toBeGreaterThan(0);
    expect(d).toMatchObject({missing: 0, extra: 0});
  });

  it("still equal with age bands that leave gaps and overlap nothing", async () => {
    // Ages between and around the bands fall to 'lainnya'; the cut points move every period's pieces.
    await conn.run(`CREATE OR REPLACE TABLE ref_kelompok_umur AS SELECT * FROM (VALUES ('56-57', 56, 57), ('60', 60, 60), ('62-70', 62, 70)) v(kode, dari, sampai)`);
    await runSqlFile(conn, "members.sql");
    const d = await differences(conn);
    expect(d).toMatchObject({missing: 0, extra: 0});
    const bands = (await conn.runAndReadAll(`SELECT DISTINCT kelompok_umur FROM out_anggota_bulanan ORDER BY 1`)).getColumnsJS()[0];
    expect(bands).toContain("lainnya");
  });

  it("still equal with no age bands at all (everyone 'lainnya')", async () => {
    await conn.run(`DELETE FROM ref_kelompok_umur`);
    await runSqlFile(conn, "members.sql");
    expect(await differences(conn)).toMatchObject({missing: 0, extra: 0});
    const bands = (await conn.runAndReadAll(`SELECT DISTINCT kelompok_umur FROM out_anggota_bulanan`)).getColumnsJS()[0];
    expect(bands).toEqual(["lainnya"]);
  });
});
