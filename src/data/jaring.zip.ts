/**
 * The site's one data loader: runs the pipeline on the chosen region's extracts (loaders/paths.ts) and zips
 * its outputs, so every page reads the same run — the site and `npm run pipeline` cannot disagree.
 */
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import JSZip from "jszip";
import {defaultPaths} from "../../loaders/paths.ts";
import {runPipeline} from "../../loaders/pipeline.ts";
import {ExtractError} from "../../loaders/errors.ts";
import {ensureRegionSample} from "../../loaders/sample/ensure.ts";

// A fixed timestamp in the archive keeps the same extracts giving the same bytes.
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const out = await mkdtemp(join(tmpdir(), "jaring-site-"));
try {
  const paths = defaultPaths();
  await ensureRegionSample(paths);
  const {files} = await runPipeline({extracts: paths.extracts, reference: paths.reference, out});
  const zip = new JSZip();
  for (const file of files) zip.file(basename(file), await readFile(file), {date: FIXED_DATE});
  process.stdout.write(await zip.generateAsync({type: "nodebuffer", compression: "DEFLATE", platform: "UNIX"}));
} catch (error) {
  if (error instanceof ExtractError) {
    console.error(`GAGAL: ${error.message}`);
    process.exit(1);
  }
  throw error;
} finally {
  await rm(out, {recursive: true, force: true});
}
