/**
 * The operator's files: every rejected or flagged row (penolakan.xlsx) and every cross-check finding
 * (pemeriksaan.xlsx) with the identifiers needed to find and fix it in the source — row number, NIK,
 * KPJ, the offending value. Personal data: written only by `npm run pipeline`, never into the site.
 *
 * XLSX, not CSV: a spreadsheet opening a CSV turns a 16-digit NIK into a float (the last digit lost)
 * and rewrites dates, and saving it back destroys the very key the operator needs. Here identifiers,
 * values and months are text cells with the text format, so they survive Excel or LibreOffice
 * opening and saving the file. A first sheet explains each reason with its count.
 */
import {createWriteStream} from "node:fs";
import {readFile, writeFile} from "node:fs/promises";
import type {DuckDBConnection} from "@duckdb/node-api";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type {CrossCheck} from "./checks.ts";
import type {TableQuality} from "./quality.ts";
import {reasonColumn, reasons} from "./reasons.ts";
import {quoteIdent, quoteLiteral} from "./sql/quote.ts";
import type {TableSpec} from "./tables/index.ts";

/** A column of a sheet: its header, width in characters, and whether its cells are text (identifiers). */
interface Column {
  header: string;
  width: number;
  text?: boolean;
}

interface Sheet {
  name: string;
  columns: Column[];
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>;
  /** Lines of explanation under the table (first sheet only). */
  notes?: string[];
}

/** Excel's limit is 1,048,576 rows; a longer list continues on "name (2)". */
const MAX_ROWS = 1_048_575;

const PRIVATE_NOTE =
  "Berkas ini berisi data pribadi (NIK, KPJ). Simpan di lingkungan kantor; jangan diterbitkan atau dikirim lewat saluran umum.";
const TEXT_NOTE =
  "NIK, KPJ dan isi sel disimpan sebagai teks persis seperti tertulis di ekstrak, sehingga membuka dan menyimpan ulang berkas ini di Excel tidak mengubahnya. Perbaiki datanya di berkas ekstrak sumber, lalu jalankan pengolahan lagi.";

/** Rows of a query, chunk by chunk as DuckDB produces them (a list can have a row per extract row). */
async function* queryRows(conn: DuckDBConnection, sql: string): AsyncIterable<unknown[]> {
  const result = await conn.stream(sql);
  for await (const rows of result.yieldRowsJs()) for (const row of rows) yield row.map((v) => (typeof v === "bigint" ? Number(v) : v));
}

/**
 * Writes the sheets to `path` as XLSX: header row frozen, filters on, widths set, text columns with the
 * text format. Streamed to disk (inline strings: no table of every NIK in memory), then re-zipped with
 * every entry dated `date`, so that the same extracts give the same bytes. About 15,000 rows a second
 * on this project's 2-core machine (docs/BENCHMARKS.md).
 */
async function writeWorkbook(path: string, sheets: Sheet[], date: Date): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({stream: createWriteStream(path), useStyles: true, useSharedStrings: false});
  workbook.creator = "Jaring";
  workbook.created = date;
  workbook.modified = date;
  const startSheet = (sheet: Sheet, part: number) => {
    const ws = workbook.addWorksheet(part === 1 ? sheet.name : `${sheet.name} (${part})`, {views: [{state: "frozen", ySplit: 1}]});
    ws.columns = sheet.columns.map((c, i) => ({header: c.header, key: String(i), width: c.width, style: c.text ? {numFmt: "@"} : {}}));
    ws.getRow(1).font = {bold: true};
    ws.autoFilter = {from: {row: 1, column: 1}, to: {row: 1, column: sheet.columns.length}};
    return ws;
  };
  for (const sheet of sheets) {
    let part = 1;
    let ws = startSheet(sheet, part);
    let count = 0;
    for await (const values of sheet.rows) {
      if (count === MAX_ROWS) {
        ws.commit();
        ws = startSheet(sheet, ++part);
        count = 0;
      }
      // Text columns hold text whatever DuckDB returned (a row number list "3 4", a NIK, a raw CSV line).
      const row = ws.addRow(values.map((v, i) => (v === null || v === undefined ? null : sheet.columns[i].text ? String(v) : v)));
      row.commit();
      count++;
    }
    if (sheet.notes?.length) {
      ws.addRow([]).commit();
      for (const note of sheet.notes) ws.addRow([note]).commit();
    }
    ws.commit();
  }
  await workbook.commit();
  // Re-zip with fixed dates: the streaming writer stamps each entry with the time of writing.
  const zip = await JSZip.loadAsync(await readFile(path));
  const fixed = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) fixed.file(name, await entry.async("uint8array"), {date, createFolders: false});
  }
  await writeFile(path, await fixed.generateAsync({type: "nodebuffer", compression: "DEFLATE", platform: "UNIX"}));
}

/** `reasons` as a VALUES list, so the messages join in SQL. */
function reasonValues(): string {
  return Object.entries(reasons)
    .map(([code, r]) => `(${quoteLiteral(code)}, ${quoteLiteral(r.id)}, ${reasonColumn[code] ? quoteLiteral(reasonColumn[code]) : "NULL"})`)
    .join(", ");
}

/** The rejected and flagged rows of one table: baris, jenis, kode, pesan, kolom, nilai, nik, kpj — by row. */
function rejectRowsSql(spec: TableSpec): string {
  const names = spec.columns.map((c) => c.name);
  // The cells as written (isian_<name>), trimmed only for the rows listed: raw_<name> trims every row.
  const cell = (c: string) => `nullif(trim(r.${quoteIdent(c)}), '')`;
  const value = `CASE a.kolom ${names.map((n) => `WHEN ${quoteLiteral(n)} THEN ${cell(n)}`).join(" ")} END`;
  const id = (c: string) => (names.includes(c) ? cell(c) : "NULL::VARCHAR");
  return `WITH alasan(kode, pesan, kolom) AS (VALUES ${reasonValues()})
    SELECT baris, jenis, kode, pesan, kolom, nilai, nik, kpj FROM (
      SELECT c._row AS baris, CASE WHEN c.alasan IS NOT NULL THEN 'ditolak' ELSE 'peringatan' END AS jenis,
        coalesce(c.alasan, c.peringatan) AS kode, a.pesan, a.kolom, ${value} AS nilai, ${id("nik")} AS nik, ${id("kpj")} AS kpj
      FROM ${spec.name}_checked c JOIN isian_${spec.name} r USING (_row)
      LEFT JOIN alasan a ON a.kode = coalesce(c.alasan, c.peringatan)
      WHERE c.alasan IS NOT NULL OR c.peringatan IS NOT NULL
      UNION ALL
      SELECT _row, 'ditolak', 'BARIS_CSV_RUSAK', ${quoteLiteral(reasons.BARIS_CSV_RUSAK.id)}, NULL, baris_csv, NULL, NULL
      FROM rusak_${spec.name})
    ORDER BY baris, jenis, kode`;
}

const REJECT_COLUMNS: Column[] = [
  {header: "Baris", width: 8},
  {header: "Jenis", width: 11, text: true},
  {header: "Kode", width: 26, text: true},
  {header: "Penjelasan", width: 60, text: true},
  {header: "Kolom", width: 16, text: true},
  {header: "Isi sel (seperti tertulis)", width: 32, text: true},
  {header: "NIK", width: 19, text: true},
  {header: "KPJ", width: 15, text: true},
];

/**
 * Writes penolakan.xlsx: a first sheet "Penjelasan" with every reason and its count per table, then a
 * sheet per extract table with each rejected ("ditolak": not counted) or flagged ("peringatan": counted)
 * row.
 */
export async function rejectWorkbook(conn: DuckDBConnection, specs: TableSpec[], quality: Record<string, TableQuality>, path: string, date: Date): Promise<void> {
  const summary: unknown[][] = [];
  for (const spec of specs) {
    const q = quality[spec.name];
    if (!q) continue;
    for (const [jenis, byReason] of [["ditolak", q.rejects_by_reason], ["peringatan", q.warnings_by_reason]] as const) {
      for (const [code, r] of Object.entries(byReason)) summary.push([spec.name, jenis, code, r.count, r.message, reasonColumn[code] ?? null]);
    }
  }
  const listed = specs.filter((s) => quality[s.name] && (quality[s.name].rows_rejected > 0 || Object.keys(quality[s.name].warnings_by_reason).length > 0));
  await writeWorkbook(
    path,
    [
      {
        name: "Penjelasan",
        columns: [
          {header: "Tabel", width: 12, text: true},
          {header: "Jenis", width: 11, text: true},
          {header: "Kode", width: 26, text: true},
          {header: "Jumlah baris", width: 13},
          {header: "Penjelasan", width: 70, text: true},
          {header: "Kolom", width: 16, text: true},
        ],
        rows: summary,
        notes: [
          "Baris yang ditolak tidak ikut dihitung di dasbor; baris dengan peringatan ikut dihitung. Lembar berikutnya (satu per tabel ekstrak) mendaftar setiap baris itu; kolom Baris adalah nomor baris di berkas ekstrak (baris 1 = judul kolom).",
          TEXT_NOTE,
          PRIVATE_NOTE,
        ],
      },
      ...listed.map((spec) => ({name: spec.name, columns: REJECT_COLUMNS, rows: queryRows(conn, rejectRowsSql(spec))})),
    ],
    date
  );
}

/**
 * Writes pemeriksaan.xlsx: a first sheet "Penjelasan" with every cross-table check and its count, then a
 * sheet per check that found something, one row per finding (a month, a member or a claim).
 */
export async function crossCheckWorkbook(conn: DuckDBConnection, checks: Record<string, CrossCheck>, path: string, date: Date): Promise<void> {
  const found = Object.entries(checks).filter(([, c]) => c.count > 0);
  await writeWorkbook(
    path,
    [
      {
        name: "Penjelasan",
        columns: [
          {header: "Kode", width: 28, text: true},
          {header: "Jumlah", width: 10},
          {header: "Satuan", width: 10, text: true},
          {header: "Penjelasan", width: 80, text: true},
        ],
        rows: Object.entries(checks).map(([code, c]) => [code, c.count, c.unit, c.message]),
        notes: [
          "Pemeriksaan silang membandingkan tabel ekstrak satu sama lain. Temuannya bukan penolakan: barisnya tetap dihitung, tetapi perlu dicek di sumbernya. Lembar berikutnya (satu per pemeriksaan yang menemukan sesuatu) mendaftar setiap temuan.",
          TEXT_NOTE,
          PRIVATE_NOTE,
        ],
      },
      ...found.map(([code]) => ({
        name: code.slice(0, 31),
        columns: [
          {header: "Bulan", width: 9, text: true},
          {header: "NIK", width: 19, text: true},
          {header: "KPJ", width: 15, text: true},
          {header: "Tabel", width: 10, text: true},
          {header: "Baris", width: 12, text: true},
          {header: "Keterangan", width: 60, text: true},
        ],
        rows: queryRows(conn, `SELECT bulan, nik, kpj, tabel, baris, keterangan FROM pemeriksaan_temuan WHERE kode = ${quoteLiteral(code)} ORDER BY ALL`),
      })),
    ],
    date
  );
}
