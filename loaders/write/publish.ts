import {lstat, mkdir, mkdtemp, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {ExtractError} from "../errors.ts";

/**
 * Writes a run's outputs into `out` so that a build never sees half of them: every file is first
 * written into a staging folder inside `out` (same file system, so a rename is atomic), and only when
 * all are on disk is each renamed over its old version. A failure before that leaves `out` as it was.
 * `out` may hold other files (an operator's own folder): only the named outputs are replaced.
 */
export async function publishOutputs(out: string, outputs: Map<string, Uint8Array | string>): Promise<string[]> {
  const names = [...outputs.keys()].sort();
  try {
    await mkdir(out, {recursive: true});
  } catch (error) {
    throw new ExtractError(out, `folder keluaran tidak dapat dibuat: ${(error as Error).message}`, "cannot create the output folder");
  }
  // A target that is a folder would make its rename fail half-way through: refuse before moving anything.
  for (const name of names) {
    const stat = await lstat(join(out, name)).catch(() => null);
    if (stat && !stat.isFile()) {
      throw new ExtractError(join(out, name), "sudah ada dan bukan berkas biasa; pindahkan atau hapus dulu. Tidak ada keluaran yang diubah.", "exists and is not a regular file; nothing was changed");
    }
  }
  const staging = await mkdtemp(join(out, `.tmp-${process.pid}-`));
  try {
    for (const name of names) await writeFile(join(staging, name), outputs.get(name)!);
    for (const name of names) await rename(join(staging, name), join(out, name));
  } catch (error) {
    throw new ExtractError(out, `keluaran tidak dapat ditulis: ${(error as Error).message}`, "outputs could not be written");
  } finally {
    await rm(staging, {recursive: true, force: true});
  }
  return names.map((name) => join(out, name));
}
