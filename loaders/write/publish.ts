import {lstat, mkdir, mkdtemp, readdir, rename} from "node:fs/promises";
import {join} from "node:path";
import {ExtractError} from "../errors.ts";

// A run's outputs reach `out` all at once or not at all: they are written into a staging folder inside
// `out` (same file system, so a rename is atomic) and each is renamed over its old version only when
// every file is on disk. A failure before that leaves `out` as it was. `out` may hold other files (an
// operator's own folder): only the run's outputs are replaced.

/** Creates `out` when missing and a fresh staging folder `out/.tmp-<pid>-…` to write the outputs into. */
export async function openStaging(out: string): Promise<string> {
  try {
    await mkdir(out, {recursive: true});
    return await mkdtemp(join(out, `.tmp-${process.pid}-`));
  } catch (error) {
    throw new ExtractError(out, `folder keluaran tidak dapat dibuat: ${(error as Error).message}`, "cannot create the output folder");
  }
}

/** Moves every file of `staging` over its namesake in `out`; returns the published paths, sorted. */
export async function commitStaging(staging: string, out: string): Promise<string[]> {
  const names = (await readdir(staging)).sort();
  // A target that is a folder would make its rename fail half-way through: refuse before moving anything.
  for (const name of names) {
    const stat = await lstat(join(out, name)).catch(() => null);
    if (stat && !stat.isFile()) {
      throw new ExtractError(join(out, name), "sudah ada dan bukan berkas biasa; pindahkan atau hapus dulu. Tidak ada keluaran yang diubah.", "exists and is not a regular file; nothing was changed");
    }
  }
  for (const name of names) await rename(join(staging, name), join(out, name));
  return names.map((name) => join(out, name));
}
