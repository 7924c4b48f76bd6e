// A CSV writer that appends rows to disk as they are made, for extracts too large to hold as one
// string (benchmarks: millions of rows). Same bytes as csv.ts's csvBytes for the same header, rows
// and style: quoting, delimiter, line ends, BOM once at the start, Windows-1252 checked per chunk.
import { closeSync, openSync, writeSync } from "node:fs";
import { csvField, encodeText, type CsvStyle } from "./csv.ts";

export interface CsvStream {
  /** Appends rows (buffered; flushed every ~4 MB and on close). */
  write(rows: Iterable<readonly string[]>): void;
  /** Rows written so far (header excluded). */
  readonly rows: number;
  /** Bytes on disk so far, BOM and header included (the total once closed). */
  readonly bytes: number;
  close(): void;
}

const FLUSH_CHARS = 4 << 20;

/**
 * Opens `path` for writing and writes the header (with the BOM when the style has one). With
 * `header` null the file is a continuation: rows only, no BOM, to be appended to a headed file.
 */
export function openCsvStream(path: string, header: readonly string[] | null, style: CsvStyle): CsvStream {
  const fd = openSync(path, "w");
  let pending: string[] = [];
  let pendingChars = 0;
  let rows = 0;
  let bytes = 0;
  // A continuation never starts with a BOM.
  let first = header !== null;

  const line = (cells: readonly string[]) => cells.map((c) => csvField(c, style.delimiter)).join(style.delimiter) + style.eol;
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    // The BOM belongs to the file, not to every chunk.
    const encoding = style.encoding === "utf-8-bom" && !first ? "utf-8" : style.encoding;
    const chunk = encodeText(text, encoding);
    writeSync(fd, chunk);
    bytes += chunk.length;
    pending = [];
    pendingChars = 0;
    first = false;
  };
  const push = (text: string) => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= FLUSH_CHARS) flush();
  };

  if (header !== null) push(line(header));
  return {
    write(items) {
      for (const cells of items) {
        push(line(cells));
        rows++;
      }
    },
    get rows() {
      return rows;
    },
    get bytes() {
      return bytes;
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
