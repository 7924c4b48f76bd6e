// CSV text for downloads: the same rows and columns a table shows, with raw numbers where a column
// gives them, so a spreadsheet reads figures rather than formatted text.

export interface CsvColumn<T> {
  label: string;
  value: (row: T, index: number) => string;
  /** The raw value for the CSV (a number stays a number); the displayed text otherwise. */
  csv?: (row: T, index: number) => string | number | null | undefined;
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row and CRLF line ends, as Excel expects. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(",")];
  rows.forEach((row, i) => lines.push(columns.map((c) => cell(c.csv ? c.csv(row, i) : c.value(row, i))).join(",")));
  return lines.join("\r\n") + "\r\n";
}
