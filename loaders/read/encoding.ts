import {createReadStream, createWriteStream} from "node:fs";
import {open} from "node:fs/promises";
import {pipeline} from "node:stream/promises";
import iconv from "iconv-lite";

/** True when the whole file is valid UTF-8; read in chunks so national-size files never sit in memory. */
export async function isUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", {fatal: true});
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(1 << 24);
    for (;;) {
      const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      decoder.decode(buffer.subarray(0, bytesRead), {stream: true});
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/** Excel's "Unicode Text" export is UTF-16 with a byte-order mark (and tab-separated). */
export async function utf16Bom(path: string): Promise<"utf16le" | "utf16be" | null> {
  const handle = await open(path, "r");
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead < 2) return null;
    if (buffer[0] === 0xff && buffer[1] === 0xfe) return "utf16le";
    if (buffer[0] === 0xfe && buffer[1] === 0xff) return "utf16be";
    return null;
  } finally {
    await handle.close();
  }
}

/** DuckDB reads only UTF-8: transcode Windows-1252 (Excel's "CSV" on Indonesian office PCs) or UTF-16. */
export async function transcodeToUtf8(from: string, to: string, encoding: "win1252" | "utf16le" | "utf16be"): Promise<void> {
  await pipeline(createReadStream(from), iconv.decodeStream(encoding), iconv.encodeStream("utf8"), createWriteStream(to));
}

/** Excel on Indonesian office PCs saves "CSV" as Windows-1252; DuckDB reads only UTF-8, so transcode. */
export async function transcodeWindows1252(from: string, to: string): Promise<void> {
  await transcodeToUtf8(from, to, "win1252");
}
