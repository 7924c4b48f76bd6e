// `npm run sample [-- --region KODE | --reference DIR] [--out DIR --seed N --scale K --manifest FILE]`
// Generates a region's synthetic extracts, sized as its pack states; same seed, same bytes. Without
// options: the default region's committed sample, data/extracts/ and data/sample-manifest.json.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chooseRegion, sampleExtractsDir } from "../pack.ts";
import { DEFAULT_SEED, generateSample, regionScale } from "./generate.ts";
import { loadReference } from "./reference.ts";
import { writeSample } from "./write.ts";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

const { values } = parseArgs({
  options: {
    region: { type: "string" },
    out: { type: "string" },
    seed: { type: "string" },
    scale: { type: "string" },
    reference: { type: "string" },
    manifest: { type: "string" },
  },
});

// `npm run` starts scripts in the project folder; relative paths mean the folder the user typed them in.
const here = process.env.INIT_CWD ?? process.cwd();
const choice = chooseRegion({
  ...process.env,
  ...(values.region ? { JARING_REGION: values.region, JARING_REFERENCE: "" } : {}),
  ...(values.reference ? { JARING_REFERENCE: resolve(here, values.reference) } : {}),
});
const reference = loadReference(choice.reference);

const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
const scale = values.scale === undefined ? regionScale(reference) : Number(values.scale);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got ${values.seed}`);
if (!(scale > 0)) throw new Error(`--scale must be positive, got ${values.scale}`);

const out = values.out ? resolve(here, values.out) : choice.region ? sampleExtractsDir(choice.region) : resolve(root, "data/extracts");
// Beside the extracts (DIR.manifest.json), never inside them; the default sample keeps data/sample-manifest.json.
const manifest = values.manifest
  ? resolve(here, values.manifest)
  : out === resolve(root, "data/extracts")
    ? resolve(root, "data/sample-manifest.json")
    : `${out.replace(/\/+$/, "")}.manifest.json`;

const sample = await generateSample({ reference, seed, scale });
for (const path of writeSample(sample, out, manifest)) console.log(`wrote ${path}`);

const { expected, window } = sample.manifest;
const peserta = expected.quality.tables.peserta!;
console.log(
  `${reference.wilayah.nama}: peserta ${peserta.rows_read} rows, ${peserta.rows_rejected} rejected; klaim: ${expected.claims.rows}; ` +
    `aktif ${window.as_of}: ${expected.aktif_by_month[window.as_of]}`,
);
