// `npm run audit` — builds the sample's public and internal outputs (or takes them with --public /
// --internal) and runs the disclosure audit; exits 1 when any hidden count is pinned or confined to
// 1..threshold−1. `--json FILE` writes the whole report.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {runPipeline} from "../../loaders/pipeline.ts";
import {defaultPaths} from "../../loaders/paths.ts";
import {ensureRegionSample} from "../../loaders/sample/ensure.ts";

// JARING_REGION / JARING_REFERENCE / JARING_EXTRACTS choose what is audited, as for the site.
const paths = defaultPaths();
import {audit} from "./audit.ts";

const {values} = parseArgs({
  options: {
    public: {type: "string"},
    internal: {type: "string"},
    extracts: {type: "string", default: paths.extracts},
    reference: {type: "string", default: paths.reference},
    json: {type: "string"},
  },
});

if (!values.public && values.extracts === paths.extracts) await ensureRegionSample(paths);

async function build(audience: "public" | "internal") {
  const out = mkdtempSync(join(tmpdir(), `jaring-audit-${audience}-`));
  await runPipeline({extracts: resolve(values.extracts!), reference: resolve(values.reference!), out, audience});
  return out;
}

const publicDir = values.public ? resolve(values.public) : await build("public");
const internalDir = values.internal ? resolve(values.internal) : values.public ? undefined : await build("internal");
const report = await audit(publicDir, {internalDir});

const fmt = (n: number) => n.toLocaleString("id-ID");
console.log(`Audit pengungkapan: ${publicDir}`);
console.log(`  ${fmt(report.audited)} angka tersembunyi diaudit, ${fmt(report.relations)} relasi, ${fmt(report.components)} komponen (terbesar ${fmt(report.largestComponent)} variabel), ${fmt(report.integerChecked)} batas diperiksa dengan bilangan bulat, ${report.seconds.toFixed(1)} detik`);
for (const [file, s] of Object.entries(report.byFile)) console.log(`  ${file.padEnd(28)} ${fmt(s.audited).padStart(7)} tersembunyi  ${fmt(s.pinned).padStart(5)} terkunci  ${fmt(s.small).padStart(5)} dalam 1–${report.threshold - 1}`);
for (const f of report.findings.slice(0, 20)) console.log(`  ${f.verdict === "pinned" ? "TERKUNCI" : "KECIL   "} ${f.label}: [${f.lower}, ${f.upper}]${f.actual === null ? "" : ` (sebenarnya ${f.actual})`}`);
if (report.findings.length > 20) console.log(`  … dan ${fmt(report.findings.length - 20)} lagi`);
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 1) + "\n");
console.log(report.findings.length ? `GAGAL: ${fmt(report.findings.length)} angka tersembunyi dapat dipastikan atau dibatasi ke 1–${report.threshold - 1}.` : "LULUS: tidak ada angka tersembunyi yang dapat dipastikan atau dibatasi ke 1–4.");
process.exit(report.findings.length ? 1 : 0);
