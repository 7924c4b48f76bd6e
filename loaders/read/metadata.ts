import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {ExtractError} from "../errors.ts";

/** Optional `ekstrak.json` beside the tables: what the operator knows about this set of extracts. */
export interface ExtractMetadata {
  /** True for synthetic sample data: the pages then say so. */
  sintetis?: boolean;
  /** The day the extracts were taken, YYYY-MM-DD. */
  tanggal_ekstrak?: string;
}

export async function readExtractMetadata(extractsDir: string): Promise<ExtractMetadata> {
  const file = join(extractsDir, "ekstrak.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return {};
  }
  try {
    const metadata = JSON.parse(text) as ExtractMetadata;
    if (metadata.tanggal_ekstrak !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(metadata.tanggal_ekstrak)) {
      throw new Error("tanggal_ekstrak harus berbentuk YYYY-MM-DD");
    }
    return metadata;
  } catch (error) {
    throw new ExtractError(file, `ekstrak.json tidak valid: ${(error as Error).message}`, "invalid ekstrak.json");
  }
}
