// anggaran.xlsx: the budget as BPKAD's workbook has it — a title row and a blank row above the
// header, one annual line per year and fund, then the monthly cash plan. Byte-identical across
// runs: fixed workbook dates, and the zip re-packed with one fixed timestamp on every entry.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { BudgetLine, Calibration } from "../calibration.ts";
import { monthIndex, parseIsoDate, parseMonthKey } from "../calendar.ts";
import { apportion } from "../random.ts";

export const ANGGARAN_TITLE = "Rencana Anggaran Bantuan Iuran BPJS Ketenagakerjaan Pekerja Rentan";
export const ANGGARAN_HEADER = ["Tahun Anggaran", "Sumber Dana", "Uraian", "Pagu Awal", "Pagu Perubahan", "Bulan"] as const;
/** Row of the header in the sheet (title, blank, header). */
export const ANGGARAN_HEADER_ROW = 3;

const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

export interface BudgetRow {
  tahun: number;
  sumberDana: string;
  uraian: string;
  pagu: number;
  paguPerubahan: number | null;
  bulan: number | null;
}

/** Round rupiah to whole millions, as budget documents do. */
function juta(amount: number): number {
  return Math.round(amount / 1_000_000) * 1_000_000;
}

/**
 * Annual lines and the monthly cash plan. The plan follows the members each fund planned to carry
 * (tranche sizes from their TMT on) and sums exactly to the budget in force (revised if revised).
 */
export function budgetRows(cal: Calibration, scale: number): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const line of cal.anggaran) {
    const pagu = juta(line.pagu * scale);
    const paguPerubahan = line.paguPerubahan === null ? null : juta(line.paguPerubahan * scale);
    rows.push({ tahun: line.tahun, sumberDana: line.sumberDana, uraian: "Bantuan iuran JKK-JKM pekerja rentan (BPU)", pagu, paguPerubahan, bulan: null });
    const plan = monthlyPlan(cal, line, paguPerubahan ?? pagu);
    line.bulan.forEach((bulan, i) => {
      rows.push({ tahun: line.tahun, sumberDana: line.sumberDana, uraian: `Rencana kas ${BULAN[bulan - 1]} ${line.tahun}`, pagu: plan[i]!, paguPerubahan: null, bulan });
    });
  }
  return rows;
}

function monthlyPlan(cal: Calibration, line: BudgetLine, total: number): number[] {
  const weights = line.bulan.map((bulan) =>
    cal.tranches
      .filter((t) => t.sumberDana === line.sumberDana && parseMonthKey(t.mulai) <= monthIndex(line.tahun, bulan))
      .reduce((sum, t) => sum + t.peserta, 0),
  );
  const even = weights.every((w) => w === 0);
  // Whole thousands of rupiah, the remainder spread so the months add up to the annual figure.
  const thousands = apportion(total / 1000, even ? weights.map(() => 1) : weights);
  return thousands.map((t) => t * 1000);
}

export async function anggaranXlsx(rows: BudgetRow[], cal: Calibration): Promise<Uint8Array> {
  const fixed = new Date(`${cal.anggaranDibuat}T00:00:00Z`);
  parseIsoDate(cal.anggaranDibuat); // fail early on a bad date
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jaring (data sampel sintetis)";
  workbook.lastModifiedBy = "Jaring (data sampel sintetis)";
  workbook.created = fixed;
  workbook.modified = fixed;
  const sheet = workbook.addWorksheet("Anggaran");
  sheet.getCell("A1").value = ANGGARAN_TITLE;
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getRow(ANGGARAN_HEADER_ROW).values = [...ANGGARAN_HEADER];
  sheet.getRow(ANGGARAN_HEADER_ROW).font = { bold: true };
  rows.forEach((r, i) => {
    sheet.getRow(ANGGARAN_HEADER_ROW + 1 + i).values = [r.tahun, r.sumberDana, r.uraian, r.pagu, r.paguPerubahan ?? null, r.bulan ?? null];
  });
  sheet.getColumn(3).width = 48;
  for (const c of [4, 5]) {
    sheet.getColumn(c).width = 18;
    sheet.getColumn(c).numFmt = "#,##0";
  }
  const raw = await workbook.xlsx.writeBuffer();
  return repackZip(new Uint8Array(raw as ArrayBuffer), fixed);
}

/** Same entries, same order, one fixed timestamp: zip bytes then depend only on the content. */
export async function repackZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const target = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, await entry.async("uint8array"), { date, createFolders: false });
  }
  return target.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}
