// The operator's files (loaders/rejects.ts) on the sample extracts: what a spreadsheet shows is what the
// extract holds, digit for digit, and it stays so after a spreadsheet program opens and saves the file.
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {runPipeline} from "../../loaders/pipeline.ts";
import {decodeText, parseCsv} from "../support/csv.ts";
import {readWorkbook, type SheetContent} from "../support/xlsx.ts";
import {referenceDir, root, tempDir} from "./helpers.ts";

const extracts = join(root, "data/extracts");
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
let out: string;
let book: Record<string, SheetContent>;

beforeAll(async () => {
  out = await tempDir();
  await runPipeline({extracts, reference: referenceDir, out, operatorFiles: true});
  book = await readWorkbook(join(out, "penolakan.xlsx"));
}, 120_000);

/** The sample's headers (aliases, as an office writes them) → the columns the checks below read. */
const COLUMN = (header: string) => {
  const h = header.trim().toLowerCase();
  return /kpj/.test(h) ? "kpj" : /^nik/.test(h) ? "nik" : /^tmt|mulai/.test(h) ? "mulai" : h;
};

/** The extract's cells by spreadsheet row number (header = row 1), read independently of the pipeline. */
function extractRows(table: string): Map<number, Record<string, string>> {
  const [header, ...rows] = parseCsv(decodeText(readFileSync(join(extracts, `${table}.csv`))));
  const keys = header.map(COLUMN);
  return new Map(rows.map((r, i) => [i + 2, Object.fromEntries(keys.map((k, j) => [k, r[j] ?? ""]))]));
}

describe("penolakan.xlsx on the sample", () => {
  it("keeps every NIK and KPJ digit for digit, as text, at the extract's own row number", () => {
    for (const table of ["peserta", "klaim", "iuran"].filter((t) => t === "peserta" || book[t])) {
      const source = extractRows(table);
      const sheet = book[table];
      const col = (name: string) => sheet.header.indexOf(name);
      let checked = 0;
      sheet.rows.forEach((row, i) => {
        const line = source.get(row[col("Baris")] as number);
        if (!line || row[col("Kode")] === "BARIS_CSV_RUSAK") return;
        for (const [column, key] of [["NIK", "nik"], ["KPJ", "kpj"]]) {
          const value = row[col(column)];
          if (!(key in line)) continue;
          expect(value, `${table} baris ${row[col("Baris")]} ${column}`).toBe(line[key].trim() ? line[key].trim() : null);
          expect(sheet.text[i][col(column)]).toBe(true);
          checked++;
        }
      });
      // Not a pass for want of rows: the sample plants hundreds of rejections in peserta.
      if (table === "peserta") expect(checked).toBeGreaterThan(500);
    }
    // The NIKs a spreadsheet would round are there as written (16 digits, ending as they do).
    expect(book.peserta.rows.some((r) => /^\d{16}$/.test(String(r[6])) && !String(r[6]).endsWith("0"))).toBe(true);
  });

  it("holds the offending value as written, and dates as they were typed", () => {
    const source = extractRows("peserta");
    const col = (name: string) => book.peserta.header.indexOf(name);
    const dates = book.peserta.rows.filter((r) => r[col("Kolom")] === "mulai" && r[col("Isi sel (seperti tertulis)")] !== null);
    expect(dates.length).toBeGreaterThan(0);
    for (const r of dates) expect(r[col("Isi sel (seperti tertulis)")]).toBe(source.get(r[col("Baris")] as number)!.mulai.trim());
  });

  it("explains every reason with its count on the first sheet, the header frozen and filtered on every sheet", async () => {
    expect(Object.keys(book)[0]).toBe("Penjelasan");
    const quality = JSON.parse(readFileSync(join(out, "quality.json"), "utf8"));
    const expected = Object.entries<{rejects_by_reason: Record<string, {count: number}>; warnings_by_reason: Record<string, {count: number}>}>(quality.tables).flatMap(([t, q]) => [
      ...Object.entries(q.rejects_by_reason).map(([code, r]) => [t, "ditolak", code, r.count]),
      ...Object.entries(q.warnings_by_reason).map(([code, r]) => [t, "peringatan", code, r.count]),
    ]);
    expect(book.Penjelasan.rows.map((r) => r.slice(0, 4))).toEqual(expected);
    // Each table's sheet lists as many rows as quality.json counts.
    for (const [t, q] of Object.entries<{rows_rejected: number; warnings_by_reason: Record<string, {count: number}>}>(quality.tables)) {
      const warned = Object.values(q.warnings_by_reason).reduce((s, r) => s + r.count, 0);
      expect(book[t]?.rows.length ?? 0, t).toBe(q.rows_rejected + warned);
    }
    for (const sheet of Object.values(book)) expect([sheet.frozen, sheet.filtered]).toEqual([true, true]);
  });

  it("is the same bytes for the same extracts", async () => {
    const again = await tempDir();
    await runPipeline({extracts, reference: referenceDir, out: again, operatorFiles: true});
    for (const f of ["penolakan.xlsx", "pemeriksaan.xlsx"]) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  }, 120_000);

  // A real spreadsheet program opens and saves both files; every cell must come back unchanged.
  it.skipIf(!soffice)(`comes back unchanged from a spreadsheet program (LibreOffice${soffice ? "" : ": not installed here, skipped"})`, async () => {
    const saved = await tempDir();
    for (const f of ["penolakan.xlsx", "pemeriksaan.xlsx"]) {
      const run = spawnSync(soffice!, ["--headless", `-env:UserInstallation=file://${saved}/profil`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", saved, join(out, f)], {encoding: "utf8", timeout: 120_000});
      expect(run.status, run.stderr).toBe(0);
      const before = await readWorkbook(join(out, f));
      const after = await readWorkbook(join(saved, f));
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const name of Object.keys(before)) {
        expect(after[name].rows, `${f} ${name}`).toEqual(before[name].rows);
        expect(after[name].text, `${f} ${name}`).toEqual(before[name].text);
      }
    }
    expect(readdirSync(saved)).toContain("penolakan.xlsx");
  }, 240_000);
});
