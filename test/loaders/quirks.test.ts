// Every quirk of real extracts listed in ../shared/docs/EXTRACTS.md, one test each, through the whole
// pipeline: the hand-worked fixture test/fixtures/kecil is rewritten the way an office PC, a BPJS
// export or another office's register would write it, and must give the same answer.
import {cp, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDatabase, runPipeline} from "../../loaders/pipeline.ts";
import {parseCsv} from "../support/csv.ts";
import {fixture, readArrow, referenceDir, tempDir} from "./helpers.ts";

let conn: DuckDBConnection;
let baseline: Awaited<ReturnType<typeof run>>;
const kecilPeserta = parseCsv(await readFile(join(fixture("kecil"), "peserta.csv"), "utf8"));

/** Runs the pipeline on kecil with some files replaced (null = removed). */
async function run(files: Record<string, string | Uint8Array | null> = {}) {
  const dir = await tempDir("jaring-quirk-");
  await cp(fixture("kecil"), dir, {recursive: true});
  for (const [name, content] of Object.entries(files)) {
    if (content === null) await rm(join(dir, name));
    else await writeFile(join(dir, name), content);
  }
  const out = join(dir, "out");
  // Internal: the aggregates itemised, as the quirks are checked in them (public suppression has its own tests).
  const result = await runPipeline({extracts: dir, reference: referenceDir, out, conn, audience: "internal"});
  const aktif = readArrow(join(out, "anggota_bulanan.arrow")).reduce<Record<string, number>>((m, r) => {
    m[r.bulan as string] = (m[r.bulan as string] ?? 0) + (r.aktif as number);
    return m;
  }, {});
  const reasons = (name: string) => Object.fromEntries(Object.entries(result.quality.tables[name].rejects_by_reason).map(([k, v]) => [k, v.count]));
  return {...result, aktif, reasons, out};
}

/** The kecil peserta rows written back with other delimiters, line ends, encodings. */
function pesertaCsv(delimiter: string, eol = "\n", rows = kecilPeserta): string {
  const field = (v: string) => (v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(field).join(delimiter)).join(eol) + eol;
}

async function workbook(rows: unknown[][], sheetName = "Sheet1"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  rows.forEach((row, i) => {
    if (row.length) sheet.getRow(i + 1).values = row as ExcelJS.CellValue[];
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  conn = await openDatabase();
  baseline = await run();
});

afterAll(() => conn?.closeSync());

/** What must not change whichever way the same extract is written. */
function sameAnswer(result: Awaited<ReturnType<typeof run>>) {
  expect(result.summary).toEqual(baseline.summary);
  expect(result.aktif).toEqual(baseline.aktif);
  expect(result.reasons("peserta")).toEqual(baseline.reasons("peserta"));
}

describe("CSV quirks", () => {
  it("the baseline is the hand-worked answer (3, 4, 3 active)", () => {
    expect(baseline.aktif).toEqual({"2025-03": 3, "2025-04": 4, "2025-05": 3});
  });

  it("reads a ;-delimited file (Excel in an Indonesian locale) like a ,-delimited one", async () => {
    sameAnswer(await run({"peserta.csv": pesertaCsv(";")}));
  });

  it("reads UTF-8 with a byte-order mark", async () => {
    const result = await run({"peserta.csv": "\uFEFF" + pesertaCsv(",")});
    sameAnswer(result);
    expect(result.quality.tables.peserta.rows_read).toBe(9);
  });

  it("reads Windows-1252 (an office PC's 'CSV'): names with é and an en dash survive", async () => {
    const rows = kecilPeserta.map((r, i) => (i === 1 ? r.map((c, j) => (j === 2 ? "Fiktif Séptima – Satu" : c)) : r));
    const sasaran = "kecamatan;desa;sektor;jumlah;sumber\r\nWatukumpul;Tlagasana;Buruh tani;10;DTSEN – desil 1–4\r\nBelik;;Nelayan;5;DTSEN – desil 1–4\r\n33.27.09;;Lainnya;5;DTSEN – desil 1–4\r\n";
    const result = await run({"peserta.csv": iconv.encode(pesertaCsv(";", "\r\n", rows), "win1252"), "sasaran.csv": iconv.encode(sasaran, "win1252")});
    sameAnswer({...result, summary: {...result.summary, eligible_source: baseline.summary.eligible_source}});
    expect(result.summary.eligible_source).toBe("DTSEN – desil 1–4");
  });

  it("reads UTF-16 with a byte-order mark (Excel's 'Unicode Text', tab-separated)", async () => {
    sameAnswer(await run({"peserta.csv": iconv.encode("\uFEFF" + pesertaCsv("\t", "\r\n"), "utf16le")}));
  });

  it("reads CRLF line ends, and the bare CR of old Mac Excel", async () => {
    sameAnswer(await run({"peserta.csv": pesertaCsv(",", "\r\n")}));
    sameAnswer(await run({"peserta.csv": pesertaCsv(",", "\r")}));
  });

  it("keeps quoted delimiters and line breaks inside a cell, and numbers rows as records", async () => {
    const rows = kecilPeserta.map((r, i) => [...r, i === 0 ? "alamat" : i === 1 ? "Jl. Raya, RT 01\nRW 02; Dusun \"Krajan\"" : ""]);
    rows[1][2] = "Satu, Fiktif";
    const result = await run({"peserta.csv": pesertaCsv(",", "\r\n", rows)});
    sameAnswer(result);
    // Row 6 is still the mangled NIK although row 2 spans two lines of the file.
    expect(result.quality.tables.peserta.rejects_by_reason.NIK_RUSAK_EXCEL.rows).toEqual([6]);
  });

  it("takes a quote inside an unquoted cell literally", async () => {
    const rows = kecilPeserta.map((r) => [...r]);
    rows[1][2] = 'Fiktif "Satu"';
    sameAnswer(await run({"peserta.csv": pesertaCsv(",", "\n", rows).replace('"Fiktif ""Satu"""', 'Fiktif "Satu"')}));
  });
});

describe("XLSX quirks", () => {
  it("finds the header below a title row and blank rows, and reports the sheet's own row numbers", async () => {
    const xlsx = await workbook([["Daftar peserta bantuan iuran BPJS TK 2025"], ["Dinas Tenaga Kerja"], [], ...kecilPeserta]);
    const result = await run({"peserta.csv": null, "peserta.xlsx": xlsx});
    sameAnswer({...result, reasons: baseline.reasons} as typeof result);
    expect(result.quality.tables.peserta.file).toBe("peserta.xlsx");
    // Header on sheet row 4, so the mangled NIK (CSV row 6) is sheet row 9.
    expect(result.quality.tables.peserta.rejects_by_reason.NIK_RUSAK_EXCEL.rows).toEqual([9]);
  });

  it("reads dates stored as Excel dates and as bare serial numbers", async () => {
    const mulai = kecilPeserta[0].indexOf("TMT");
    const rows: unknown[][] = kecilPeserta.map((r, i) => {
      if (i === 0) return r;
      const iso = r[mulai].replace(/^(\d{2})[/-](\d{2})[/-](\d{4})$/, "$3-$2-$1");
      const date = new Date(`${iso}T00:00:00Z`);
      // even rows: a date cell; odd rows: the serial number Excel shows for a date cell formatted as a number
      return r.map((c, j) => (j === mulai ? (i % 2 ? date : Math.round(date.getTime() / 86_400_000) + 25_569) : c));
    });
    sameAnswer(await run({"peserta.csv": null, "peserta.xlsx": await workbook(rows)}));
  });

  it("rejects a NIK that Excel stored as a number (3.32704E+15): its last digit is gone", async () => {
    const rows: unknown[][] = kecilPeserta.map((r, i) => (i === 1 ? [Number(r[0]), ...r.slice(1)] : r));
    const result = await run({"peserta.csv": null, "peserta.xlsx": await workbook(rows)});
    expect(result.quality.tables.peserta.rejects_by_reason.NIK_RUSAK_EXCEL.rows).toEqual([2, 6]);
  });

  it("reads money stored as numbers", async () => {
    const xlsx = await workbook([["periode", "jumlah_peserta", "nominal", "tanggal_bayar"], ["2025-03", 3, 50400, new Date(Date.UTC(2025, 3, 15))], ["2025-04", 4, 67200.0, 45792], ["2025-05", 3, 50400, null]]);
    const result = await run({"iuran.csv": null, "iuran.xlsx": xlsx});
    expect(result.summary.realisation).toBe(baseline.summary.realisation);
  });
});

describe("value quirks", () => {
  it("reads every money format: 50400, 50.400, Rp 50.400, Rp50.400,00, Rp. 50.400,-, 50,400", async () => {
    const formats = ["50400", "50.400", "Rp 50.400", "Rp50.400,00", "Rp. 50.400,-", "50,400"];
    const iuran = ["periode;jumlah_peserta;nominal", ...formats.map((f, i) => `2025-${String(i + 1).padStart(2, "0")};3;${f}`)].join("\n");
    const result = await run({"iuran.csv": iuran});
    expect(result.quality.tables.iuran.rows_rejected).toBe(0);
    expect(readArrow(join(result.out, "iuran_bulanan.arrow")).map((r) => r.iuran_ditagih)).toEqual(formats.map(() => 50_400));
  });

  it("matches kecamatan and desa by any case and spacing, prefixes, Kemendagri and BPS codes, and aliases", async () => {
    const variants = ["KEC. WATU KUMPUL", "kecamatan watukumpul", "33.27.04", "332704", "3327040", " Watukumpul "];
    const desa = ["desa  TLAGASANA", "Ds. Tlagasana", "33.27.04.2001", "tlagasana", "Tlaga Sana", "TLAGASANA"];
    const header = "nik,nama,kecamatan,desa,sektor,mulai";
    const rows = variants.map((k, i) => `33270415056090${String(10 + i)},Fiktif ${i},${k},${desa[i]},Buruh tani,2025-03-01`);
    const result = await run({"peserta.csv": [header, ...rows, "3327084107639005,Fiktif H,Kota Pemalang,,Buruh tani,2025-03-01"].join("\n")});
    expect(result.quality.tables.peserta).toMatchObject({rows_read: 7, rows_accepted: 7, warnings_by_reason: {}});
    const march = readArrow(join(result.out, "anggota_bulanan.arrow")).filter((r) => r.bulan === "2025-03");
    expect(march.filter((r) => r.kode_desa === "33.27.04.2001").reduce((s, r) => s + (r.aktif as number), 0)).toBe(6);
    expect(march.some((r) => r.kode_kec === "33.27.08")).toBe(true); // the alias
  });

  it("a desa name is looked up within its kecamatan only", async () => {
    const header = "nik,nama,kecamatan,desa,sektor,mulai";
    // Tlagasana is a desa of Watukumpul, not of Belik: there it is unknown (desa left empty, warned)
    const rows = ["3327041505609001,Fiktif,Belik,Tlagasana,Nelayan,2025-03-01", "3327041505609002,Fiktif,Belik,Tlagasana,Nelayan,2025-03-01"];
    const result = await run({"peserta.csv": [header, ...rows].join("\n")});
    expect(result.quality.tables.peserta.warnings_by_reason.DESA_TIDAK_DIKENAL.count).toBe(2);
    expect(result.quality.unmatched_places).toMatchObject([{table: "peserta", level: "desa", name: "Tlagasana", nama_kec: "Belik", rows: 2}]);
  });

  it("maps an unknown job to 'lainnya' with a warning, never dropping the member", async () => {
    const header = "nik,nama,kecamatan,sektor,mulai";
    const result = await run({"peserta.csv": [header, "3327041505609001,Fiktif,Watukumpul,Tukang Parkir,2025-03-01", "3327041505609002,Fiktif,Watukumpul,BURUH  TANI,2025-03-01"].join("\n")});
    expect(result.quality.tables.peserta).toMatchObject({rows_accepted: 2, warnings_by_reason: {SEKTOR_TIDAK_DIKENAL: {count: 1, rows: [2]}}});
    const sectors = readArrow(join(result.out, "anggota_bulanan.arrow")).filter((r) => r.bulan === "2025-03").map((r) => r.sektor);
    expect(sectors.sort()).toEqual(["buruh_tani", "lainnya"]);
  });
});
