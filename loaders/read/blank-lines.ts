import {open} from "node:fs/promises";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Spreadsheet row numbers (header = row 1) of the empty lines of a CSV file after its header. DuckDB
 * skips empty lines without a word, but a spreadsheet shows each as a row, so the rows after one are
 * numbered one higher than the records DuckDB counts. A line break inside a quoted cell starts no row
 * (as in a spreadsheet). Read in chunks: a national-size file never sits in memory.
 */
export async function blankLines(path: string, chunkBytes = 1 << 24): Promise<number[]> {
  return (await hasEmptyLine(path, chunkBytes)) ? scan(path, chunkBytes) : [];
}

/** Whether "\n\n" or "\n\r\n" occurs anywhere: a native search, so a file without them (the usual case) is not scanned byte by byte. */
async function hasEmptyLine(path: string, chunkBytes: number): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes + 2);
    let carried = 0;
    for (;;) {
      const {bytesRead} = await handle.read(buffer, carried, chunkBytes, null);
      if (bytesRead === 0) return false;
      const chunk = buffer.subarray(0, carried + bytesRead);
      if (chunk.indexOf("\n\n") >= 0 || chunk.indexOf("\n\r\n") >= 0) return true;
      // The last two bytes again at the front: a pattern cut by the chunk's end is still found.
      carried = chunk.copy(buffer, 0, Math.max(0, chunk.length - 2));
    }
  } finally {
    await handle.close();
  }
}

async function scan(path: string, chunkBytes: number): Promise<number[]> {
  const handle = await open(path, "r");
  const blanks: number[] = [];
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let row = 1;
    let quoted = false;
    let empty = true;
    for (;;) {
      const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        const byte = buffer[i];
        if (byte === QUOTE) {
          quoted = !quoted; // an escaped quote ("") toggles twice
          empty = false;
        } else if (byte === LF) {
          if (quoted) continue;
          if (empty && row > 1) blanks.push(row);
          row++;
          empty = true;
        } else if (byte !== CR) {
          empty = false;
        }
      }
    }
    return blanks;
  } finally {
    await handle.close();
  }
}
