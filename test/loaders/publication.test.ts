// What the pipeline publishes for a public site (the default) against an internal one: the same
// headline figures, the same totals, no small cell, every Arrow file also as CSV, and a data dictionary
// that describes every published column.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {audienceFrom, runPipeline} from "../../loaders/pipeline.ts";
import {arrowOutputs, suppressedOutputs} from "../../loaders/outputs.ts";
import {kamusArrow} from "../../loaders/kamus.ts";
import {readArrow, referenceDir, root, tempDir} from "./helpers.ts";
import {readPublished, smallCellViolations, type KamusLike} from "../support/smallCells.ts";

let publicOut: string;
let internalOut: string;
let publicRun: Awaited<ReturnType<typeof runPipeline>>;
let internalRun: Awaited<ReturnType<typeof runPipeline>>;
const extracts = join(root, "data/extracts");

beforeAll(async () => {
  [publicOut, internalOut] = [await tempDir(), await tempDir()];
  // No audience given: the public build is the default.
  publicRun = await runPipeline({extracts, reference: referenceDir, out: publicOut});
  internalRun = await runPipeline({extracts, reference: referenceDir, out: internalOut, audience: "internal"});
}, 120_000);

const kamusOf = (dir: string) => JSON.parse(readFileSync(join(dir, "kamus-data.json"), "utf8"));
const total = (rows: Record<string, unknown>[], column: string, where: (r: Record<string, unknown>) => boolean = () => true) =>
  rows.filter(where).reduce((s, r) => s + ((r[column] as number | null) ?? 0), 0);

describe("the public build (default) against the internal one, on the sample extracts", () => {
  it("says who it is for in summary.json, with the same headline figures", () => {
    expect(publicRun.summary).toMatchObject({audience: "public", suppression_threshold: 5});
    expect(internalRun.summary).toMatchObject({audience: "internal", suppression_threshold: 5});
    const {audience: _a, ...publicFigures} = publicRun.summary;
    const {audience: _b, ...internalFigures} = internalRun.summary;
    expect(publicFigures).toEqual(internalFigures);
  });

  it("publishes no count of 1–4 people below region level, in any Arrow or CSV file", () => {
    const files = readdirSync(publicOut).filter((f) => /\.(csv|arrow)$/.test(f)).map((f) => join(publicOut, f));
    expect(smallCellViolations(kamusOf(publicOut), files)).toEqual([]);
    // The internal build has them: the check is not passing for want of small cells.
    const internal = readdirSync(internalOut).filter((f) => /\.(csv|arrow)$/.test(f)).map((f) => join(internalOut, f));
    expect(smallCellViolations(kamusOf(internalOut), internal).length).toBeGreaterThan(100);
  });

  it("keeps every total exact: per month, per month × kecamatan, and summary.json's", () => {
    for (const file of Object.keys(suppressedOutputs)) {
      const spec = suppressedOutputs[file];
      const pub = readArrow(join(publicOut, file));
      const int = readArrow(join(internalOut, file));
      const key = (r: Record<string, unknown>) => spec.groups.filter((g) => !spec.publicDrop?.includes(g)).map((g) => r[g]).join("|");
      for (const count of spec.counts) {
        const sums = (rows: Record<string, unknown>[]) => {
          const m = new Map<string, number>();
          for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + ((r[count] as number | null) ?? 0));
          return m;
        };
        expect(sums(pub), `${file} ${count}`).toEqual(sums(int));
      }
    }
    const members = readArrow(join(publicOut, "anggota_bulanan.arrow"));
    expect(total(members, "aktif", (r) => r.bulan === publicRun.summary.as_of)).toBe(publicRun.summary.members_active);
    // Kecamatan totals: exact wherever a kecamatan shows any figure (none is hidden whole in the sample).
    const desa = readArrow(join(publicOut, "anggota_desa.arrow"));
    const exact = readArrow(join(internalOut, "anggota_desa.arrow"));
    for (const kec of new Set(exact.map((r) => r.kode_kec))) {
      const inMonth = (r: Record<string, unknown>) => r.bulan === publicRun.summary.as_of && r.kode_kec === kec;
      expect(total(desa, "aktif", inMonth), String(kec)).toBe(total(exact, "aktif", inMonth));
      expect(total(members, "aktif", inMonth), String(kec)).toBe(total(exact, "aktif", inMonth));
    }
  });

  it("leaves the desa out of the public member cube and itemises it in anggota_desa", () => {
    expect(readArrow(join(publicOut, "anggota_bulanan.arrow")).every((r) => r.kode_desa === null)).toBe(true);
    expect(readArrow(join(internalOut, "anggota_bulanan.arrow")).some((r) => r.kode_desa !== null)).toBe(true);
    const desa = readArrow(join(publicOut, "anggota_desa.arrow")).filter((r) => r.bulan === publicRun.summary.as_of);
    expect(desa.filter((r) => r.kode_desa !== null && !r.ditekan).length).toBeGreaterThan(200);
  });

  it("hides money with the counts it would give away (a claim's benefit is a fixed amount)", () => {
    for (const r of readArrow(join(publicOut, "klaim_bulanan.arrow"))) {
      if (r.ditekan) expect([r.jumlah, r.nominal, r.beasiswa]).toEqual([null, null, null]);
    }
  });

  it("writes every Arrow file as CSV too, with the same rows", () => {
    for (const [file, {schema}] of Object.entries(arrowOutputs)) {
      const arrow = readPublished(join(publicOut, file));
      const csv = readPublished(join(publicOut, file.replace(/\.arrow$/, ".csv")));
      expect(csv.length, file).toBe(arrow.length);
      expect(Object.keys(csv[0] ?? {}), file).toEqual(Object.keys(schema));
      expect(csv, file).toEqual(arrow.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? Math.round(v) : v]))));
    }
  });

  it("describes every published file and column in kamus-data.json, with the licence and the as-of month", () => {
    const kamus = kamusOf(publicOut) as KamusLike & {lisensi: {nama: string}; as_of: string; berkas: {nama: string; baris: number; arrow: boolean}[]};
    expect(kamus.lisensi.nama).toBe("CC BY 4.0");
    expect(kamus.as_of).toBe(publicRun.summary.as_of);
    const published = readdirSync(publicOut).filter((f) => f.endsWith(".csv")).map((f) => f.replace(/\.csv$/, "")).sort();
    expect(kamus.berkas.map((b) => b.nama).sort()).toEqual(published);
    for (const b of kamus.berkas) expect(b.baris, b.nama).toBe(readPublished(join(publicOut, `${b.nama}.csv`)).length);
    // The person counts are exactly the suppressed ones.
    const counted = kamus.berkas.flatMap((b) => b.kolom.filter((k) => k.hitungan_orang).map((k) => `${b.nama}.arrow:${k.nama}`)).sort();
    expect(counted).toEqual(Object.entries(suppressedOutputs).flatMap(([file, s]) => s.counts.map((c) => `${file}:${c}`)).sort());
  });
});

describe("the data dictionary cannot drift from the schemas", () => {
  it("gives a meaning to every column of every Arrow output, and to nothing else", () => {
    expect(Object.keys(kamusArrow).sort()).toEqual(Object.keys(arrowOutputs).sort());
    for (const [file, {schema}] of Object.entries(arrowOutputs)) expect(Object.keys(kamusArrow[file].kolom).sort(), file).toEqual(Object.keys(schema).sort());
  });
});

describe("JARING_AUDIENCE", () => {
  it("is public unless it says internal, and stops on anything else", () => {
    expect(audienceFrom({})).toBe("public");
    expect(audienceFrom({JARING_AUDIENCE: "internal"})).toBe("internal");
    expect(audienceFrom({JARING_AUDIENCE: "Public"})).toBe("public");
    expect(() => audienceFrom({JARING_AUDIENCE: "intern"})).toThrow(/JARING_AUDIENCE/);
  });
});
