// Reads an XLSX back the way a spreadsheet would show it, for tests: per sheet, the header and the rows,
// each cell's value and whether it is stored as text. Independent of how loaders/rejects.ts writes it.
import ExcelJS from "exceljs";

export interface SheetContent {
  header: string[];
  rows: (string | number | null)[][];
  /** Per row, per column: is the cell a text cell (or empty)? */
  text: boolean[][];
  frozen: boolean;
  filtered: boolean;
}

export async function readWorkbook(path: string): Promise<Record<string, SheetContent>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const out: Record<string, SheetContent> = {};
  for (const ws of workbook.worksheets) {
    const width = ws.getRow(1).cellCount;
    const read = (r: number) => Array.from({length: width}, (_, c) => ws.getRow(r).getCell(c + 1));
    const header = read(1).map((cell) => String(cell.value ?? ""));
    const rows: SheetContent["rows"] = [];
    const text: boolean[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const cells = read(r);
      if (cells.every((c) => c.value === null || c.value === undefined)) break; // the notes below a table
      rows.push(cells.map((c) => (c.value === null || c.value === undefined ? null : (c.value as string | number))));
      text.push(cells.map((c) => c.type === ExcelJS.ValueType.String || c.type === ExcelJS.ValueType.Null));
    }
    out[ws.name] = {header, rows, text, frozen: ws.views.some((v) => v.state === "frozen"), filtered: !!ws.autoFilter};
  }
  return out;
}
