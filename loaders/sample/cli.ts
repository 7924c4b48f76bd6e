// `npm run sample [-- --out DIR --seed N --scale K --reference DIR --manifest FILE]`
// Regenerates data/extracts/ and data/sample-manifest.json; same seed, same bytes.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_SEED, generateSample } from "./generate.ts";
import { loadReference } from "./reference.ts";
import { writeSample } from "./write.ts";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    seed: { type: "string" },
    scale: { type: "string" },
    reference: { type: "string" },
    manifest: { type: "string" },
  },
});

const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
const scale = values.scale === undefined ? 1 : Number(values.scale);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got ${values.seed}`);
if (!(scale > 0)) throw new Error(`--scale must be positive, got ${values.scale}`);

const out = values.out ? resolve(values.out) : resolve(root, "data/extracts");
// A custom --out gets its manifest beside it (DIR.manifest.json), never inside the extracts.
const manifest = values.manifest
  ? resolve(values.manifest)
  : values.out
    ? `${out.replace(/\/+$/, "")}.manifest.json`
    : resolve(root, "data/sample-manifest.json");

const reference = loadReference(values.reference ? resolve(values.reference) : resolve(root, "data/reference"));
const sample = await generateSample({ reference, seed, scale });
for (const path of writeSample(sample, out, manifest)) console.log(`wrote ${path}`);

const { expected, window } = sample.manifest;
const peserta = expected.quality.tables.peserta!;
console.log(
  `peserta: ${peserta.rows_read} rows, ${peserta.rows_rejected} rejected; klaim: ${expected.claims.rows}; ` +
    `aktif ${window.as_of}: ${expected.aktif_by_month[window.as_of]}`,
);
