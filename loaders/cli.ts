/**
 * `[JARING_REGION=KODE] npm run pipeline -- --extracts DIR --out DIR [--reference DIR]`: the same code the site's data
 * loader runs, for operators who want the aggregates and the quality report without building the site.
 */
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {ExtractError} from "./errors.ts";
import {OPERATOR_FILES, audienceFrom, runPipeline} from "./pipeline.ts";
import {defaultPaths} from "./paths.ts";
import {ensureRegionSample} from "./sample/ensure.ts";

const defaults = defaultPaths();
const {values} = parseArgs({
  options: {
    extracts: {type: "string", default: defaults.extracts},
    reference: {type: "string", default: defaults.reference},
    out: {type: "string", default: "out"},
    // "public" (default, small cells suppressed) or "internal"; JARING_AUDIENCE gives the default.
    audience: {type: "string"},
    help: {type: "boolean", default: false},
  },
});

if (values.help) {
  console.log("Pemakaian: npm run pipeline -- --extracts FOLDER --out FOLDER [--reference FOLDER] [--audience public|internal]");
  process.exit(0);
}

// `npm run` starts scripts in the project folder; relative paths mean the folder the user typed them in.
const here = process.env.INIT_CWD ?? process.cwd();
const extracts = resolve(here, values.extracts!);
const reference = resolve(here, values.reference!);
const out = resolve(here, values.out!);

try {
  if (values.extracts === defaults.extracts) await ensureRegionSample(defaults);
  const audience = audienceFrom(values.audience === undefined ? process.env : {JARING_AUDIENCE: values.audience});
  // The operator's run also writes the reject list with NIK/KPJ (the site's loader never does).
  const {summary, quality, files} = await runPipeline({extracts, reference, out, audience, operatorFiles: true});
  console.log(`Selesai. Data per ${summary.as_of ?? "-"}; ${files.length} berkas ditulis ke ${out}:`);
  console.log(
    audience === "public"
      ? `  Untuk publik: jumlah orang di bawah ${summary.suppression_threshold} di bawah tingkat kabupaten ditekan.`
      : "  Internal: semua angka dirinci, tanpa penekanan sel kecil. Jangan terbitkan untuk umum."
  );
  for (const file of files) console.log(`  ${file}`);
  console.log("Baris dibaca / diterima / ditolak:");
  for (const [name, q] of Object.entries(quality.tables)) {
    console.log(`  ${name.padEnd(9)} ${String(q.rows_read).padStart(9)} ${String(q.rows_accepted).padStart(9)} ${String(q.rows_rejected).padStart(9)}  (${q.file})`);
    for (const [code, r] of Object.entries(q.rejects_by_reason)) console.log(`      ditolak ${String(r.count).padStart(7)}  ${code}: ${r.message}`);
    for (const [code, r] of Object.entries(q.warnings_by_reason)) console.log(`   peringatan ${String(r.count).padStart(7)}  ${code}: ${r.message}`);
  }
  const findings = Object.entries(quality.cross_checks).filter(([, c]) => c.count > 0);
  if (findings.length) {
    console.log("Pemeriksaan silang:");
    for (const [code, c] of findings) console.log(`  ${String(c.count).padStart(7)} ${c.unit.padEnd(7)} ${code}: ${c.message}`);
  }
  console.log(`Rincian per baris untuk petugas, dibuka di Excel (dengan NIK/KPJ — jangan diterbitkan): ${OPERATOR_FILES.map((f) => join(out, f)).join(", ")}`);
} catch (error) {
  if (error instanceof ExtractError) {
    console.error(`GAGAL: ${error.message}`);
    console.error("Tidak ada keluaran yang ditulis. (Nothing was written.)");
    process.exit(1);
  }
  throw error;
}
