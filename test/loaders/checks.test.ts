import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDatabase, runPipeline} from "../../loaders/pipeline.ts";
import {readWorkbook} from "../support/xlsx.ts";
import {fixture, referenceDir, root, tempDir} from "./helpers.ts";

// test/fixtures/silang: one person per cross-table check, worked out by hand (iuran Mar–May 2025).
//  row 2  P1  Watukumpul/Tlagasana from 2025-03-01                       → no finding
//  rows 3–4 P2  Belik Mar, then Moga from Apr                             → NIK_DUA_KECAMATAN
//  rows 5–6 P3  Taman from Mar (open) and again from Apr (open)           → PERIODE_TUMPANG_TINDIH
//  row 7  P4  born 10/04/1960: 65 on 10/04/2025, period left open        → MELEWATI_BATAS_USIA
//  row 8  P5  Mar only; claim dated 02/05/2025                            → KLAIM_DI_LUAR_KEPESERTAAN
//  row 9  P6  from 2025-02-01; February was never invoiced                → TERDAFTAR_TANPA_TAGIHAN (2025-02)
//  row 10 "Watukumpl"  (rejected) → unmatched kecamatan, suggestion Watukumpul; its claim (klaim row 3)
//         still counts                                                  → KLAIM_PESERTA_DITOLAK
//  row 11 desa "Tlagasan" (warning) → unmatched desa in Watukumpul, suggestion Tlagasana
//  row 12 a NIK in the kecamatan column, row 13 a member's name there (rejected) → counted, text withheld
// Active: Mar P1 P2 P3 P4 P5 P6 P8 = 7, Apr P1 P2 P3 P4 P6 P8 = 6, May P1 P2 P3 P6 P8 = 5;
// invoiced 9, 6, 5 → March is DITAGIH_MELEBIHI_AKTIF.
let result: Awaited<ReturnType<typeof runPipeline>>;
let out: string;

beforeAll(async () => {
  out = await tempDir();
  result = await runPipeline({extracts: fixture("silang"), reference: referenceDir, out, operatorFiles: true, audience: "internal"});
});

describe("cross-table checks", () => {
  it("finds each planted case once, and lists the months of the month-based ones", () => {
    const counts = Object.fromEntries(Object.entries(result.quality.cross_checks).map(([code, c]) => [code, c.count]));
    expect(counts).toEqual({
      DITAGIH_MELEBIHI_AKTIF: 1,
      TERDAFTAR_TANPA_TAGIHAN: 1,
      KLAIM_DI_LUAR_KEPESERTAAN: 1,
      KLAIM_PESERTA_DITOLAK: 1,
      MELEWATI_BATAS_USIA: 1,
      NIK_DUA_KECAMATAN: 1,
      PERIODE_TUMPANG_TINDIH: 1,
    });
    expect(result.quality.cross_checks.DITAGIH_MELEBIHI_AKTIF.months).toEqual(["2025-03"]);
    expect(result.quality.cross_checks.TERDAFTAR_TANPA_TAGIHAN.months).toEqual(["2025-02"]);
    expect(result.quality.cross_checks.NIK_DUA_KECAMATAN).toMatchObject({unit: "peserta", message: "NIK yang tercatat di lebih dari satu kecamatan"});
  });

  it("reports every check, with zero when it found nothing (the hand-worked kecil fixture has no invoice gap)", async () => {
    const kecil = await runPipeline({extracts: fixture("kecil"), reference: referenceDir, out: await tempDir()});
    expect(Object.keys(kecil.quality.cross_checks)).toEqual(Object.keys(result.quality.cross_checks));
    expect(kecil.quality.cross_checks.DITAGIH_MELEBIHI_AKTIF.count).toBe(0);
    expect(kecil.quality.cross_checks.TERDAFTAR_TANPA_TAGIHAN).toMatchObject({count: 0, months: []});
  });

  it("lists the same findings in the public build, whose small cells are suppressed before pemeriksaan.xlsx is written", async () => {
    const pub = await tempDir();
    await runPipeline({extracts: fixture("silang"), reference: referenceDir, out: pub, operatorFiles: true, audience: "public"});
    // Byte for byte: the workbook is dated by the extract, not by the clock.
    expect(readFileSync(join(pub, "pemeriksaan.xlsx")).equals(readFileSync(join(out, "pemeriksaan.xlsx")))).toBe(true);
  });

  it("writes the findings with NIK and source row for the operator only (pemeriksaan.xlsx), a sheet per check", async () => {
    const book = await readWorkbook(join(out, "pemeriksaan.xlsx"));
    expect(Object.keys(book)).toEqual(["Penjelasan", ...Object.entries(result.quality.cross_checks).filter(([, c]) => c.count > 0).map(([code]) => code)]);
    expect(Object.keys(book)).toContain("KLAIM_PESERTA_DITOLAK");
    // The first sheet explains every check with its count.
    expect(book.Penjelasan.rows.map((r) => [r[0], r[1]])).toEqual(Object.entries(result.quality.cross_checks).map(([code, c]) => [code, c.count]));
    const first = (code: string) => Object.fromEntries(book[code].header.map((h, i) => [h, book[code].rows[0][i]]));
    expect(first("MELEWATI_BATAS_USIA")).toMatchObject({NIK: "3327041004609004", Baris: "7", Bulan: "2025-04"});
    expect(first("NIK_DUA_KECAMATAN").Baris).toBe("3 4");
    expect(first("KLAIM_DI_LUAR_KEPESERTAAN").Tabel).toBe("klaim");
    expect(Object.values(first("KLAIM_PESERTA_DITOLAK"))).toEqual(
      ["2025-04", "3327041206629007", "12000000007", "klaim", "3", "baris peserta 10 ditolak (KECAMATAN_TIDAK_DIKENAL); klaim tetap dihitung"]);
    expect(result.summary.claims_count).toBe(2);
    expect(first("DITAGIH_MELEBIHI_AKTIF").Keterangan).toBe("ditagih 9 peserta, aktif 7");
    for (const sheet of Object.values(book)) expect([sheet.frozen, sheet.filtered]).toEqual([true, true]);
  });
});

describe("unmatched kecamatan and desa names", () => {
  it("lists each text with its row count and the closest official names", () => {
    const places = result.quality.unmatched_places.map((p) => [p.table, p.level, p.name, p.nama_kec, p.rows, p.suggestions.map((s) => s.nama)]);
    expect(places).toEqual([
      ["peserta", "kecamatan", "Watukumpl", null, 1, ["Watukumpul"]],
      ["peserta", "kecamatan", null, null, 2, []],
      ["peserta", "desa", "Tlagasan", "Watukumpul", 1, ["Tlagasana"]],
      ["sasaran", "desa", "Tlagasan", "Watukumpul", 1, ["Tlagasana"]],
    ]);
  });

  it("adds up to the rejections and warnings it explains", () => {
    const sum = (table: string, level: string) =>
      result.quality.unmatched_places.filter((p) => p.table === table && p.level === level).reduce((s, p) => s + (p.rows ?? NaN), 0);
    expect(sum("peserta", "kecamatan")).toBe(result.quality.tables.peserta.rejects_by_reason.KECAMATAN_TIDAK_DIKENAL.count);
    expect(sum("peserta", "desa")).toBe(result.quality.tables.peserta.warnings_by_reason.DESA_TIDAK_DIKENAL.count);
  });

  it("in the public build, shows the place texts but not a count of members below the small-cell threshold", async () => {
    const pub = await runPipeline({extracts: fixture("silang"), reference: referenceDir, out: await tempDir(), audience: "public"});
    const rows = pub.quality.unmatched_places.map((p) => [p.table, p.name, p.rows]);
    // peserta counts people (1 or 2 here, under 5): hidden; sasaran rows are estimates, not people
    expect(rows).toEqual([
      ["peserta", "Watukumpl", null],
      ["peserta", null, null],
      ["peserta", "Tlagasan", null],
      ["sasaran", "Tlagasan", 1],
    ]);
  });

  it("withholds a text that is a NIK or a member's name (a swapped column), in every published file", () => {
    const published = ["quality.json", "summary.json", "referensi.json"].map((f) => readFileSync(join(out, f), "utf8")).join("\n");
    for (const secret of ["3327041505629001", "Fiktif Satu", "12000000001"]) expect(published).not.toContain(secret);
  });
});

describe("the operator's reject list (penolakan.xlsx)", () => {
  it("has the row number, NIK, KPJ, column and offending value of every rejected or flagged row", async () => {
    const book = await readWorkbook(join(out, "penolakan.xlsx"));
    expect(Object.keys(book)).toEqual(["Penjelasan", "peserta", "sasaran"]);
    expect(book.peserta.header).toEqual(["Baris", "Jenis", "Kode", "Penjelasan", "Kolom", "Isi sel (seperti tertulis)", "NIK", "KPJ"]);
    const rows = ["peserta", "sasaran"].flatMap((t) => book[t].rows.map((r) => [t, r[0], r[1], r[2], r[4], r[5], r[6], r[7]]));
    expect(rows).toEqual([
      ["peserta", 10, "ditolak", "KECAMATAN_TIDAK_DIKENAL", "kecamatan", "Watukumpl", "3327041206629007", "12000000007"],
      ["peserta", 11, "peringatan", "DESA_TIDAK_DIKENAL", "desa", "Tlagasan", "3327041306629008", "12000000008"],
      ["peserta", 12, "ditolak", "KECAMATAN_TIDAK_DIKENAL", "kecamatan", "3327041505629001", "3327041406629009", "12000000009"],
      ["peserta", 13, "ditolak", "KECAMATAN_TIDAK_DIKENAL", "kecamatan", "Fiktif Satu", "3327041606629010", "12000000010"],
      ["sasaran", 3, "peringatan", "DESA_TIDAK_DIKENAL", "desa", "Tlagasan", null, null],
    ]);
    // Identifiers and values are text cells: a spreadsheet shows them as written.
    expect(book.peserta.text.every((r) => r.slice(1).every(Boolean))).toBe(true);
    // The first sheet: every reason with its count, per table.
    expect(book.Penjelasan.rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ["peserta", "ditolak", "KECAMATAN_TIDAK_DIKENAL", 3],
      ["peserta", "peringatan", "DESA_TIDAK_DIKENAL", 1],
      ["sasaran", "peringatan", "DESA_TIDAK_DIKENAL", 1],
    ]);
    // as many lines as quality.json counts rejections and warnings
    const counted = Object.values(result.quality.tables).reduce(
      (s, t) => s + t.rows_rejected + Object.values(t.warnings_by_reason).reduce((w, r) => w + r.count, 0),
      0
    );
    expect(rows.length).toBe(counted);
  });

  it("is not written unless asked for (the site's loader never asks)", async () => {
    const plain = await runPipeline({extracts: fixture("silang"), reference: referenceDir, out: await tempDir()});
    expect(plain.files.map((f) => f.split("/").pop())).not.toContain("penolakan.xlsx");
    expect(plain.files.map((f) => f.split("/").pop())).not.toContain("pemeriksaan.xlsx");
  });
});

// The checks take shortcuts at scale (loaders/sql/pemeriksaan.sql, wilayah_tak_dikenal.sql); on the
// sample, with its planted defects, each must agree with the plain way of asking the same question.
describe("the checks' shortcuts, against the plain query on the sample", () => {
  let conn: DuckDBConnection;
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  beforeAll(async () => {
    conn = await openDatabase();
    await runPipeline({extracts: join(root, "data/extracts"), reference: referenceDir, out: await tempDir(), conn, audience: "internal"});
  });
  afterAll(() => conn.closeSync());

  it("finds overlapping periods by comparing every pair of a NIK's rows", async () => {
    const pairs = await rows(`SELECT DISTINCT a.nik FROM peserta_ok a JOIN peserta_ok b ON a.nik = b.nik AND a._row < b._row
      WHERE a.mulai <= coalesce(b.akhir, DATE '9999-12-31') AND b.mulai <= coalesce(a.akhir, DATE '9999-12-31') ORDER BY 1`);
    expect(pairs.length).toBeGreaterThan(0);
    expect(await rows("SELECT nik FROM periode_tumpang_tindih ORDER BY 1")).toEqual(pairs);
  });

  it("finds NIKs in two kecamatan among all accepted rows", async () => {
    const all = await rows("SELECT nik FROM peserta_ok GROUP BY nik HAVING count(DISTINCT kode_kec) > 1 ORDER BY 1");
    expect(all.length).toBeGreaterThan(0);
    expect(await rows("SELECT nik FROM nik_dua_kecamatan ORDER BY 1")).toEqual(all);
  });

  it("counts what pemeriksaan.xlsx lists", async () => {
    expect(await rows("SELECT kode, count(*)::INTEGER AS n FROM pemeriksaan_temuan GROUP BY kode ORDER BY kode")).toEqual(
      await rows("SELECT kode, jumlah::INTEGER AS n FROM pemeriksaan_jumlah WHERE jumlah > 0 ORDER BY kode")
    );
  });

  it("keys NIKs, KPJs and names for the lookup exactly as j_key does", async () => {
    const tricky = ["Kec. Moga", "kec moga", "KECAMATAN  Moga", "Kecamatan Moga", "Desa", "desa x", "Ds.Moga", "ds x", "dsx y", "kel 5", "KEL5",
      "O'Neil", "  lead", "trail ", "a  b", "a\tb", "Ña Ño", "İstanbul", "\u212Aelvin", "3327041505629001", "12000000001", "3.32704E+15", "", " "];
    const values = tricky.map((t) => `('${t.replace(/'/g, "''")}')`).join(", ");
    const differ = await rows(`SELECT v FROM (
        SELECT nik AS v FROM raw_peserta UNION ALL SELECT kpj FROM raw_peserta UNION ALL SELECT nama FROM raw_peserta
        UNION ALL SELECT nik FROM raw_klaim UNION ALL SELECT kpj FROM raw_klaim UNION ALL SELECT NULL
        UNION ALL SELECT * FROM (VALUES ${values}))
      WHERE j_key_polos(v) IS DISTINCT FROM j_key(v)`);
    expect(differ).toEqual([]);
  });
});
