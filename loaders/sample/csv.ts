// Text encodings of the extracts, as the offices' tools produce them: Excel in an Indonesian
// locale (`;`, CRLF, BOM or Windows-1252) and a BPJS export (`,`, LF, plain UTF-8).
import iconv from "iconv-lite";

export interface CsvStyle {
  delimiter: "," | ";";
  eol: "\r\n" | "\n";
  encoding: "utf-8" | "utf-8-bom" | "windows-1252";
}

/** Quote a field only when it must be (delimiter, quote or line break inside), as Excel does. */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r")) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[], style: CsvStyle): string {
  const line = (cells: readonly string[]) => cells.map((c) => csvField(c, style.delimiter)).join(style.delimiter);
  return [header, ...rows].map(line).join(style.eol) + style.eol;
}

export function encodeText(text: string, encoding: CsvStyle["encoding"]): Uint8Array {
  if (encoding === "windows-1252") {
    // iconv-lite replaces unmappable characters with "?": refuse instead, the bytes must be exact.
    const bytes = iconv.encode(text, "win1252");
    if (iconv.decode(bytes, "win1252") !== text) throw new Error("text has characters outside Windows-1252");
    return new Uint8Array(bytes);
  }
  const utf8 = new TextEncoder().encode(text);
  if (encoding === "utf-8") return utf8;
  const out = new Uint8Array(utf8.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(utf8, 3);
  return out;
}

export function csvBytes(header: readonly string[], rows: readonly (readonly string[])[], style: CsvStyle): Uint8Array {
  return encodeText(csvText(header, rows, style), style.encoding);
}

/** Money as Indonesian exports write it: "Rp 70.560.000", "70.560.000", "Rp70.560.000,00". */
export function rupiahText(amount: number, style: 0 | 1 | 2): string {
  const grouped = Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return style === 0 ? `Rp ${grouped}` : style === 1 ? grouped : `Rp${grouped},00`;
}
