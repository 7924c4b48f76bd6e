// Put a generated sample on disk: the extracts in one directory, the manifest beside it.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Sample } from "./generate.ts";

export function writeSample(sample: Sample, outDir: string, manifestPath: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, bytes] of Object.entries(sample.files)) {
    const path = join(outDir, name);
    writeFileSync(path, bytes);
    written.push(path);
  }
  mkdirSync(dirname(manifestPath), { recursive: true });
  writeFileSync(manifestPath, `${JSON.stringify(sample.manifest, null, 2)}\n`);
  written.push(manifestPath);
  return written;
}
