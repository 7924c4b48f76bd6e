// A small CSV reader for tests, independent of the pipeline's DuckDB reader, so a test can check the
// pipeline (or the sample generator) against a second reading of the same bytes.

/** Decodes a CSV file: UTF-8 (BOM or not), else Windows-1252 — as the pipeline accepts. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** RFC 4180 CSV: quotes, CRLF, embedded newlines; `;` or `,` sniffed from the header line when not given. */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const d = delimiter ?? ((firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === d) row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (field !== "" || row.length) row.push(field), rows.push(row);
  return rows;
}
