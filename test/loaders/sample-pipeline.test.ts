import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {packParameters} from "../../loaders/pack.ts";
import {runPipeline} from "../../loaders/pipeline.ts";
import {DEFAULT_SEED, generateSample, regionScale} from "../../loaders/sample/generate.ts";
import {loadReference} from "../../loaders/sample/reference.ts";
import {writeSample} from "../../loaders/sample/write.ts";
import {readArrow, referenceDir, root, secondRegionDir, tempDir} from "./helpers.ts";

// The sample generator records what it put into the extracts (its manifest); the pipeline, written
// independently, must find exactly that — for the default region's committed sample, and for a second
// region (Jember, 31 kecamatan) from a sample generated for it at the size its pack states.
interface Case {
  name: string;
  reference: string;
  /** The extracts folder and the manifest that describes them. */
  extracts(): Promise<{dir: string; manifest: any}>;
}

const CASES: Case[] = [
  {
    name: "the default region's sample (data/extracts)",
    reference: referenceDir,
    extracts: async () => ({dir: join(root, "data/extracts"), manifest: JSON.parse(readFileSync(join(root, "data/sample-manifest.json"), "utf8"))})
  },
  {
    name: "a sample generated for a second region (35.09)",
    reference: secondRegionDir,
    extracts: async () => {
      const reference = loadReference(secondRegionDir);
      const sample = await generateSample({reference, seed: DEFAULT_SEED, scale: regionScale(reference)});
      const dir = join(await tempDir(), "ekstrak");
      writeSample(sample, dir, `${dir}.manifest.json`);
      return {dir, manifest: sample.manifest};
    }
  }
];

const countsAndRows = (byReason: Record<string, {count: number; rows: number[]}>) =>
  Object.fromEntries(Object.entries(byReason).map(([code, r]) => [code, {count: r.count, rows: r.rows}]));

for (const testCase of CASES) describe(`pipeline on ${testCase.name}`, () => {
  const parameters = packParameters(testCase.reference) as Record<string, number>;
  let result: Awaited<ReturnType<typeof runPipeline>>;
  let out: string;
  let manifest: any;

  beforeAll(async () => {
    out = await tempDir();
    const extracts = await testCase.extracts();
    manifest = extracts.manifest;
    result = await runPipeline({extracts: extracts.dir, reference: testCase.reference, out});
  }, 120_000);

  it("accounts for every row read: accepted or rejected with a reason", () => {
    for (const [name, table] of Object.entries(result.quality.tables)) {
      expect(table.rows_accepted + table.rows_rejected, name).toBe(table.rows_read);
      const rejected = Object.values(table.rejects_by_reason).reduce((sum, r) => sum + r.count, 0);
      expect(rejected, name).toBe(table.rows_rejected);
    }
  });

  it("rejects and flags exactly the rows the generator spoiled", () => {
    for (const [name, expected] of Object.entries<any>(manifest.expected.quality.tables)) {
      const actual = result.quality.tables[name];
      expect({read: actual.rows_read, accepted: actual.rows_accepted}, name).toEqual({read: expected.rows_read, accepted: expected.rows_accepted});
      expect(countsAndRows(actual.rejects_by_reason), name).toEqual(countsAndRows(expected.rejects_by_reason));
      expect(countsAndRows(actual.warnings_by_reason), name).toEqual(countsAndRows(expected.warnings_by_reason ?? {}));
    }
  });

  it("counts every claim that matches a peserta row, and files those of rejected rows as findings", () => {
    const claims = manifest.expected.claims;
    const monthly = readArrow(join(out, "klaim_bulanan.arrow"));
    expect(monthly.reduce((s, r) => s + (r.jumlah as number), 0)).toBe(claims.accepted);
    expect(monthly.reduce((s, r) => s + (r.nominal as number), 0)).toBe(claims.accepted_nominal);
    expect(result.quality.cross_checks.KLAIM_PESERTA_DITOLAK.count).toBe(claims.counted_peserta_ditolak);
    expect(claims.counted_peserta_ditolak).toBeGreaterThan(0);
  });

  it("counts the active members of every funded month the generator expects", () => {
    const rows = readArrow(join(out, "anggota_bulanan.arrow"));
    const aktif: Record<string, number> = {};
    for (const row of rows) aktif[row.bulan as string] = (aktif[row.bulan as string] ?? 0) + (row.aktif as number);
    const funded = Object.fromEntries(Object.entries(aktif).filter(([m]) => manifest.window.funded_months.includes(m)));
    expect(funded).toEqual(manifest.expected.aktif_by_month);
    expect(Object.values(aktif).reduce((a, b) => a + b, 0)).toBe(manifest.expected.member_months);
  });

  it("finds invoices equal to members × the contribution except the one the sample mis-typed", () => {
    const invoices = readArrow(join(out, "iuran_bulanan.arrow"));
    const off = invoices
      .filter((r) => (r.iuran_ditagih as number) !== (r.peserta_ditagih as number) * parameters.iuran_per_bulan)
      .map((r) => `${r.bulan} ${r.sumber_dana} ${(r.iuran_ditagih as number) - (r.peserta_ditagih as number) * parameters.iuran_per_bulan}`);
    const planted = manifest.expected.invoice_discrepancies
      .filter((d: any) => d.selisih_nominal !== 0)
      .map((d: any) => `${d.periode} ${d.sumber_dana} ${d.selisih_nominal}`);
    expect(off).toEqual(planted);
    expect(planted.length).toBeGreaterThan(0);
  });

  it("sees members invoiced beyond those enrolled only where the sample planted them", () => {
    const invoices = readArrow(join(out, "iuran_bulanan.arrow"));
    const overbilled = invoices
      .map((r) => {
        const truth = manifest.expected.true_active_by_month[r.bulan as string][r.sumber_dana as string];
        return {bulan: r.bulan, sumber_dana: r.sumber_dana, selisih: (r.peserta_ditagih as number) - truth};
      })
      .filter((r) => r.selisih !== 0);
    const planted = manifest.expected.invoice_discrepancies
      .filter((d: any) => d.selisih_peserta !== 0)
      .map((d: any) => ({bulan: d.periode, sumber_dana: d.sumber_dana, selisih: d.selisih_peserta}));
    expect(overbilled).toEqual(planted);
  });

  it("writes a summary for the as-of month and its year", () => {
    const s = result.summary;
    const year = Number(manifest.window.as_of.slice(0, 4));
    expect(s.as_of).toBe(manifest.window.as_of);
    expect(s.members_active).toBe(manifest.expected.aktif_by_month[manifest.window.as_of]);
    expect(s.eligible).toBe(manifest.expected.sasaran.total);
    const allocation = manifest.expected.budget.annual.filter((b: any) => b.tahun === year).reduce((sum: number, b: any) => sum + b.pagu_berlaku, 0);
    expect(s.allocation).toBe(allocation);
    const realisation = Object.entries<any>(manifest.expected.invoices)
      .filter(([m]) => m.startsWith(`${year}-`))
      .flatMap(([, funds]) => Object.values<any>(funds).map((f) => f.nominal))
      .reduce((a, b) => a + b, 0);
    expect(s.realisation).toBe(realisation);
    expect(s.coverage_rate).toBeCloseTo(s.members_active / s.eligible, 12);
    expect(Number.isInteger(s.claims_amount)).toBe(true);
  });
});
