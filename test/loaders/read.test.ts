import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import {describe, expect, it} from "vitest";
import {openDatabase} from "../../loaders/pipeline.ts";
import {loadTable} from "../../loaders/read/index.ts";
import {parseHeaderLine} from "../../loaders/read/csv.ts";
import {isUtf8} from "../../loaders/read/encoding.ts";
import {blankLines} from "../../loaders/read/blank-lines.ts";
import {headerKey, matchHeaders} from "../../loaders/read/headers.ts";
import {ExtractError} from "../../loaders/errors.ts";
import {iuran, peserta, sasaran, klaim} from "../../loaders/tables/index.ts";
import type {TableSpec} from "../../loaders/tables/index.ts";
import {fixture, tempDir} from "./helpers.ts";

/** Writes one extract file into a fresh folder, loads it and returns the raw rows. */
async function load(spec: TableSpec, file: string, content: Buffer | string) {
  const dir = await tempDir();
  await writeFile(join(dir, file), content);
  const conn = await openDatabase();
  const loaded = await loadTable(conn, spec, dir, dir);
  const rows = (await conn.runAndReadAll(`SELECT * FROM raw_${spec.name} ORDER BY _row`)).getRowObjectsJS();
  return {loaded, rows};
}

const sasaranCsv = (d: string, nl = "\n") =>
  [["kecamatan", "desa", "sektor", "jumlah"].join(d), ["Moga", "Plakaran", "Buruh tani", "10"].join(d), ["Belik", "", "Nelayan", "5"].join(d)].join(nl) + nl;

describe("header matching", () => {
  it("ignores case, spaces, dots, underscores and hyphens", () => {
    expect(headerKey("  No. KPJ ")).toBe("nokpj");
    expect(headerKey("Tgl-Lahir")).toBe("tgllahir");
    expect(headerKey("\uFEFFNIK")).toBe("nik");
  });
  it("maps aliases to canonical names and prefers the canonical column", () => {
    const mapping = matchHeaders(peserta, ["No KTP", "NIK", "Nama Lengkap", "TMT", "Pekerjaan", "Kec."]);
    expect(mapping).toMatchObject({nik: 1, nama: 2, mulai: 3, sektor: 4, kecamatan: 5});
  });
});

describe("CSV reading", () => {
  it("sniffs ; and , delimiters and keeps quoted delimiters", () => {
    expect(parseHeaderLine('a;b;"c;d"\n1;2;3').delimiter).toBe(";");
    expect(parseHeaderLine('a,b,"c,d";e').fields).toEqual(["a", "b", "c,d;e"]);
  });
  it.each([
    ["comma", ","],
    ["semicolon", ";"],
  ])("reads a %s-delimited file", async (_, d) => {
    const {rows} = await load(sasaran, "sasaran.csv", sasaranCsv(d));
    expect(rows.map((r) => [r._row, r.kecamatan, r.desa, r.jumlah])).toEqual([
      [2, "Moga", "Plakaran", "10"],
      [3, "Belik", null, "5"],
    ]);
  });
  it("reads UTF-8 with a BOM and CRLF line ends", async () => {
    const {rows} = await load(sasaran, "SASARAN.CSV", "\uFEFF" + sasaranCsv(";", "\r\n"));
    expect(rows.map((r) => r.jumlah)).toEqual(["10", "5"]);
  });
  it("transcodes Windows-1252 (an en dash and é survive)", async () => {
    const text = "kecamatan;sektor;jumlah;sumber\r\nMoga;Buruh tani;10;DTSEN – desil 1–4 café\r\n";
    const {rows} = await load(sasaran, "sasaran.csv", iconv.encode(text, "win1252"));
    expect(rows[0].sumber).toBe("DTSEN – desil 1–4 café");
  });
  it("checks UTF-8 across the reader's chunks, a character cut at a chunk's end included", async () => {
    const dir = await tempDir();
    const cases: [string, Buffer, boolean][] = [
      ["é – 😀 at every offset", Buffer.from("ab é – 😀 x 😀😀 é"), true],
      ["a lone continuation byte", Buffer.from([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x96, 0x61]), false],
      ["a character cut at the end of the file", Buffer.concat([Buffer.from("abcdefg"), Buffer.from("😀").subarray(0, 3)]), false],
      ["Windows-1252", iconv.encode("Pembayaran iuran – café", "win1252"), false],
    ];
    for (const [what, bytes, valid] of cases) {
      await writeFile(join(dir, "t.csv"), bytes);
      for (const chunk of [8, 9, 10, 11, 1 << 24]) expect([what, chunk, await isUtf8(join(dir, "t.csv"), chunk)]).toEqual([what, chunk, valid]);
    }
  });
  it("keeps a quoted field with a line break inside it as one row", async () => {
    const text = 'kecamatan,sektor,jumlah,sumber\nMoga,Buruh tani,10,"baris satu\nbaris dua"\nBelik,Nelayan,5,x\n';
    const {rows} = await load(sasaran, "sasaran.csv", text);
    expect(rows.map((r) => r.sumber)).toEqual(["baris satu\nbaris dua", "x"]);
  });
  it("reads a damaged UTF-16 file whose broken record DuckDB cut inside a character, without hanging", async () => {
    // test/fixtures/rusak: seed 248 of the corruption test (sample sasaran, UTF-16, stray quotes). DuckDB
    // stores its record 125 cut at 10,000 bytes inside a character; rtrim() on that string never returned.
    const bytes = await readFile(join(fixture("rusak"), "sasaran-utf16-rusak.csv"));
    const error = await load(sasaran, "sasaran.csv", bytes).catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain("tanda kutip (\") pada baris 35 tidak ditutup");
  }, 20_000);
  it("counts a line with the wrong number of fields as malformed and numbers the rows around it", async () => {
    const text = "kecamatan,sektor,jumlah\nMoga,Buruh tani,10\nBelik,Nelayan\nTaman,Jasa,3,extra\nComal,Jasa,4\n";
    const {loaded, rows} = await load(sasaran, "sasaran.csv", text);
    expect(loaded.malformedRows).toEqual([3, 4]);
    expect(rows.map((r) => [r._row, r.kecamatan])).toEqual([
      [2, "Moga"],
      [5, "Comal"],
    ]);
  });
  it.each([
    ["a few", 500],
    ["very many", 2],
  ])("numbers the rows around %s malformed lines as the spreadsheet does", async (_, every) => {
    // Every `every`-th record (and the two after the 100th) has a field too many; the others keep their line number.
    const lines = ["kecamatan,sektor,jumlah"];
    const broken = (i: number) => i % every === 1 || i === 100 || i === 101;
    for (let i = 0; i < 3000; i++) lines.push(broken(i) ? `Moga,Jasa,${i},x` : `Moga,Jasa,${i}`);
    const {loaded, rows} = await load(sasaran, "sasaran.csv", lines.join("\n") + "\n");
    const expected = [...Array(3000).keys()].filter((i) => !broken(i));
    expect(loaded.malformedRows).toEqual([...Array(3000).keys()].filter(broken).map((i) => i + 2));
    expect(rows.map((r) => [r._row, r.jumlah])).toEqual(expected.map((i) => [i + 2, String(i)]));
  });
});

describe("empty lines", () => {
  // DuckDB skips an empty line; a spreadsheet shows it as a row, so the rows after it keep their numbers.
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("numbers the rows after empty lines as the spreadsheet does (%s)", async (_, nl) => {
    const lines = ["kecamatan,sektor,jumlah", "Moga,Jasa,1", "", "Belik,Nelayan,2", "Taman,Jasa", "", "", "Comal,Jasa,3", ""];
    const {loaded, rows} = await load(sasaran, "sasaran.csv", lines.join(nl) + nl);
    expect(loaded.malformedRows).toEqual([5]);
    expect(rows.map((r) => [r._row, r.kecamatan])).toEqual([
      [2, "Moga"],
      [4, "Belik"],
      [8, "Comal"],
    ]);
  });

  it("does not count an empty line inside a quoted cell (the cell is one row)", async () => {
    const text = 'kecamatan,sektor,jumlah\n"Mo\n\nga",Jasa,1\n\nBelik,"Ne""lay\n\nan",2\nComal,Jasa,3\n';
    const {rows} = await load(sasaran, "sasaran.csv", text);
    expect(rows.map((r) => r._row)).toEqual([2, 4, 5]);
  });

  it("are found across the chunks a large file is read in", async () => {
    const dir = await tempDir();
    const lines = ["a,b"];
    for (let i = 0; i < 5000; i++) lines.push(i % 7 === 3 ? "" : `"x""${i}",${i}`);
    await writeFile(join(dir, "f.csv"), lines.join("\r\n"));
    const expected = lines.flatMap((line, i) => (i > 0 && line === "" ? [i + 1] : []));
    expect(await blankLines(join(dir, "f.csv"), 64)).toEqual(expected);
  });
});

describe("XLSX reading", () => {
  async function workbook(rows: unknown[][], sheetName = "Sheet1"): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet(sheetName);
    rows.forEach((row, i) => {
      if (row.length) sheet.getRow(i + 1).values = row as ExcelJS.CellValue[];
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("finds the header below a title row and blank rows, and numbers rows as the sheet does", async () => {
    const xlsx = await workbook([["Rekap iuran bantuan BPJS TK"], [], ["Periode", "Jumlah Peserta", "Nominal", "Tgl Bayar"], ["2025-03", 3, 50400, new Date(Date.UTC(2025, 3, 15))], [], ["2025-04", 4, 67200, 45792]]);
    const {rows} = await load(iuran, "iuran.xlsx", xlsx);
    expect(rows.map((r) => [r._row, r.periode, r.jumlah_peserta, r.nominal, r.tanggal_bayar])).toEqual([
      [4, "2025-03", "3", "50400", "2025-04-15"],
      [6, "2025-04", "4", "67200", "45792"], // an Excel serial date, read by j_date later
    ]);
  });
  it("passes a NIK stored as a number on in Excel's 3.32704E+15 form", async () => {
    const xlsx = await workbook([["nik", "kpj", "tanggal_kejadian", "jenis", "nominal"], [3327041505609001, "1", "2025-04-01", "JKM", 42000000]]);
    const {rows} = await load(klaim, "klaim.xlsx", xlsx);
    expect(rows[0].nik).toBe("3.32704E+15");
  });
  it("prefers a sheet named like the table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Catatan").getRow(1).values = ["tidak ada data di sini"];
    const sheet = wb.addWorksheet("Sasaran");
    sheet.getRow(1).values = ["kecamatan", "sektor", "jumlah"];
    sheet.getRow(2).values = ["Moga", "Jasa", 7];
    const {rows} = await load(sasaran, "sasaran.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows.map((r) => r.jumlah)).toEqual(["7"]);
  });
});

describe("fatal errors name the file, the column and what was expected", () => {
  it("a missing required column", async () => {
    const error = await load(sasaran, "sasaran.csv", "kecamatan,desa,jumlah\nMoga,,1\n").catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.file).toMatch(/sasaran\.csv$/);
    expect(error.column).toBe("sektor");
    expect(error.message).toContain("sektor, pekerjaan");
  });
  it("a claims file with neither NIK nor KPJ", async () => {
    const error = await load(klaim, "klaim.csv", "tanggal_kejadian,jenis,nominal\n2025-01-01,JKM,1\n").catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.column).toBe("nik/kpj");
  });
  it("a missing table", async () => {
    const dir = await tempDir();
    const error = await loadTable(await openDatabase(), peserta, dir, dir).catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain("peserta.csv atau peserta.xlsx");
  });
  it("an empty file", async () => {
    const error = await load(sasaran, "sasaran.csv", "").catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
  });
  it("an unreadable XLSX, with a hint when it is really CSV text", async () => {
    const error = await load(sasaran, "sasaran.xlsx", "kecamatan;sektor;jumlah\nMoga;Jasa;1\n").catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain("berkas XLSX tidak dapat dibuka");
    expect(error.message).toContain("ganti akhiran namanya menjadi .csv");
  });
  it("an Excel workbook saved under a .csv name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getRow(1).values = ["kecamatan", "sektor", "jumlah"];
    const error = await load(sasaran, "sasaran.csv", Buffer.from(await wb.xlsx.writeBuffer())).catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain("buku kerja Excel (XLSX), bukan teks CSV");
  });
  it("a broken line longer than 10,000 bytes whose cut splits a character (DuckDB cannot store it as a reject)", async () => {
    // "a" + 2-byte characters: DuckDB's 10,000-byte cut lands inside one (duckdb/duckdb#18980). If a
    // DuckDB upgrade fixes that, this fails: then the row is simply malformed and the workaround can go.
    const text = "kecamatan,sektor,jumlah\nMoga,Jasa,1\na" + "Ñ".repeat(6000) + ",Jasa,2,extra\nBelik,Jasa,3\n";
    const error = await load(sasaran, "sasaran.csv", text).catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain("sasaran.csv: berkas memuat baris rusak yang sangat panjang");
  });
});
