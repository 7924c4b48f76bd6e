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

/** Excel on Indonesian office PCs saves "CSV" as Windows-1252; DuckDB reads only UTF-8, so transcode. */
export async function transcodeWindows1252(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), iconv.decodeStream("win1252"), iconv.encodeStream("utf8"), createWriteStream(to));
}
