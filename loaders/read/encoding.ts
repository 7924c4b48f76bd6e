import {createReadStream, createWriteStream} from "node:fs";
import {isUtf8 as isUtf8Bytes} from "node:buffer";
import {open} from "node:fs/promises";
import {pipeline} from "node:stream/promises";
import iconv from "iconv-lite";

/**
 * True when the whole file is valid UTF-8. Read in chunks so national-size files never sit in memory,
 * each checked by Node's SIMD validator (a fatal TextDecoder took 0.3 s per 100 MB); a character cut
 * by a chunk's end is carried over to the next chunk.
 */
export async function isUtf8(path: string, chunkBytes = 1 << 24): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(Math.max(chunkBytes, 8));
    let carried = 0;
    for (;;) {
      const {bytesRead} = await handle.read(buffer, carried, buffer.length - carried, null);
      const end = carried + bytesRead;
      if (bytesRead === 0) return isUtf8Bytes(buffer.subarray(0, end));
      // The last character starts at a lead byte (11xxxxxx) at most four bytes before the end.
      let start = end - 1;
      while (start > end - 4 && start > 0 && (buffer[start] & 0xc0) === 0x80) start--;
      const cut = buffer[start] >= 0xc0 ? start : end;
      if (!isUtf8Bytes(buffer.subarray(0, cut))) return false;
      carried = buffer.copy(buffer, 0, cut, end);
    }
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
