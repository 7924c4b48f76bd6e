/**
 * `npm run pipeline -- --extracts DIR --out DIR [--reference DIR]`: the same code the site's data
 * loader runs, for operators who want the aggregates and the quality report without building the site.
 */
import {parseArgs} from "node:util";
import {ExtractError} from "./errors.ts";
import {runPipeline} from "./pipeline.ts";
import {defaultPaths} from "./paths.ts";

const defaults = defaultPaths();
const {values} = parseArgs({
  options: {
    extracts: {type: "string", default: defaults.extracts},
    reference: {type: "string", default: defaults.reference},
    out: {type: "string", default: "out"},
    help: {type: "boolean", default: false},
  },
});

if (values.help) {
  console.log("Pemakaian: npm run pipeline -- --extracts FOLDER --out FOLDER [--reference FOLDER]");
  process.exit(0);
}

try {
  const {summary, quality, files} = await runPipeline({extracts: values.extracts!, reference: values.reference!, out: values.out!});
  console.log(`Selesai. Data per ${summary.as_of ?? "-"}; ${files.length} berkas ditulis ke ${values.out}:`);
  for (const file of files) console.log(`  ${file}`);
  console.log("Baris dibaca / diterima / ditolak:");
  for (const [name, q] of Object.entries(quality.tables)) {
    console.log(`  ${name.padEnd(9)} ${String(q.rows_read).padStart(9)} ${String(q.rows_accepted).padStart(9)} ${String(q.rows_rejected).padStart(9)}  (${q.file})`);
  }
} catch (error) {
  if (error instanceof ExtractError) {
    console.error(`GAGAL: ${error.message}`);
    console.error("Tidak ada keluaran yang ditulis. (Nothing was written.)");
    process.exit(1);
  }
  throw error;
}
