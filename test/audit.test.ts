// The disclosure audit (scripts/audit/, docs/AUDIT.md): an attacker with every published file, the
// documentation and an LP/MILP solver. On the sample's public build it must find nothing; on releases
// built the way Jaring published before (the attacks of the audit that found the leak) it must find
// exactly the values given away — so a pass is not for want of power.
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {runPipeline} from "../loaders/pipeline.ts";
import {audit} from "../scripts/audit/audit.ts";
import {DEFAULT_SEED, generateSample, regionScale} from "../loaders/sample/generate.ts";
import {loadReference} from "../loaders/sample/reference.ts";
import {writeSample} from "../loaders/sample/write.ts";
import {referenceDir, root, secondRegionDir, tempDir} from "./loaders/helpers.ts";

/** A published folder made by hand: summary.json, referensi.json and the given CSV files. */
async function release(files: Record<string, string[]>): Promise<string> {
  const dir = await tempDir("jaring-audit-");
  mkdirSync(dir, {recursive: true});
  writeFileSync(join(dir, "summary.json"), JSON.stringify({suppression_threshold: 5}));
  writeFileSync(join(dir, "referensi.json"), JSON.stringify({parameter: {santunan_jkm: 42_000_000, santunan_jkm_sebelum_3_bulan: 10_000_000, santunan_jkk_meninggal: 70_000_000}}));
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), lines.join("\n") + "\n");
  return dir;
}

const CHANGE = "bulan,kode_kec,sektor,jenis_kelamin,baru,keluar_meninggal,keluar_usia,keluar_lainnya,ditekan,sisa";
const CUBE = "bulan,kode_kec,kode_desa,sektor,jenis_kelamin,kelompok_umur,terdaftar,aktif,ditekan,sisa";
const YEARLY = "tahun,kode_kec,jenis,jumlah,nominal,beasiswa,ditekan,sisa";
const MONTHLY = "bulan,kode_kec,jenis,jumlah,nominal,beasiswa,ditekan,sisa";

describe("the audit finds what earlier public builds gave away", () => {
  it("five hidden rows under a remainder of five: each is exactly one (Randudongkal, 2025-06)", async () => {
    const dir = await release({
      "perubahan_bulanan.csv": [
        CHANGE,
        ...["buruh_tani,L", "buruh_tani,P", "nelayan,L", "jasa,L", "jasa,P"].map((c) => `2025-06,33.27.07,${c},,,,,true,false`),
        "2025-06,33.27.07,,,0,0,5,0,false,true",
        "2025-06,33.27.01,buruh_tani,L,12,0,0,0,false,false",
      ],
    });
    const report = await audit(dir);
    const ageOuts = report.findings.filter((f) => f.label.endsWith("keluar_usia"));
    expect(ageOuts.map((f) => [f.lower, f.upper, f.verdict])).toEqual(Array(5).fill([1, 1, "pinned"]));
  });

  it("a claim remainder's money splits its count by kind (JKK 1, JKM 7: Rp300 juta for 8 claims)", async () => {
    const dir = await release({
      "klaim_tahunan.csv": [
        YEARLY,
        "2025,33.27.02,JKK,,,,true,false",
        "2025,33.27.02,JKM,,,,true,false",
        "2025,33.27.02,,8,300000000,0,false,true",
        // A visible row's money splits full from early-death benefits: 7 claims, Rp166 juta → 3 + 4.
        "2025,33.27.04,JKM,7,166000000,0,false,false",
      ],
      "klaim_bulanan.csv": [MONTHLY, "2025-01,,JKM,14,396000000,0,false,true", "2025-01,,JKK,1,70000000,0,false,true"],
    });
    const report = await audit(dir);
    const pinned = Object.fromEntries(report.findings.map((f) => [f.label, f.lower === f.upper ? f.lower : [f.lower, f.upper]]));
    expect(pinned).toMatchObject({
      "klaim_tahunan.arrow 2025 33.27.02 JKK jumlah": 1,
      "klaim_tahunan.arrow 2025 33.27.02 JKM jumlah": 7,
      "klaim_tahunan.arrow 2025 33.27.04 JKM × Rp10 juta": 4,
    });
  });

  it("the change table pins hidden cube cells that the cube alone protects (active(m) − active(m−1) = new − exits)", async () => {
    // June's cube hides two rows under a remainder of 9: alone, each could be 1–8. But Comal's nelayan
    // cell did not exist in May and the change table's only new member is there; Taman's jasa cell had
    // 8 in May and did not change.
    const cube = [
      CUBE,
      "2025-05,33.27.15,,buruh_tani,L,55-59,40,40,false,false",
      "2025-05,33.27.16,,jasa,P,60-65,8,8,false,false",
      "2025-06,33.27.15,,buruh_tani,L,55-59,40,40,false,false",
      "2025-06,33.27.15,,nelayan,L,55-59,,,true,false",
      "2025-06,33.27.16,,jasa,P,60-65,,,true,false",
      "2025-06,,,,,,9,9,false,true",
    ];
    const change = [CHANGE, "2025-05,33.27.15,buruh_tani,L,40,0,0,0,false,false", "2025-05,33.27.16,jasa,P,8,0,0,0,false,false", "2025-06,33.27.15,nelayan,L,1,0,0,0,false,false"];
    const alone = await audit(await release({"anggota_bulanan.csv": cube}));
    expect(alone.findings).toEqual([]);
    const linked = await audit(await release({"anggota_bulanan.csv": cube, "perubahan_bulanan.csv": change}));
    const pinned = Object.fromEntries(linked.findings.map((f) => [f.label, [f.lower, f.upper]]));
    expect(pinned).toMatchObject({"anggota_bulanan.arrow 2025-06 33.27.15 nelayan L 55-59 aktif": [1, 1], "anggota_bulanan.arrow 2025-06 33.27.16 jasa P 60-65 aktif": [8, 8]});
  });
});

const REGIONS = [
  {name: "the sample's public build", reference: referenceDir, extracts: async () => join(root, "data/extracts")},
  {
    // 31 kecamatan, 248 desa: far more hidden cells and relations than the default region's 14.
    name: "a second region's public build (35.09, its generated sample)",
    reference: secondRegionDir,
    extracts: async () => {
      const reference = loadReference(secondRegionDir);
      const dir = join(await tempDir(), "ekstrak");
      writeSample(await generateSample({reference, seed: DEFAULT_SEED, scale: regionScale(reference)}), dir, `${dir}.manifest.json`);
      return dir;
    }
  }
];

for (const region of REGIONS) describe(region.name, () => {
  let publicOut: string;
  let internalOut: string;
  beforeAll(async () => {
    [publicOut, internalOut] = [await tempDir(), await tempDir()];
    const extracts = await region.extracts();
    await runPipeline({extracts, reference: region.reference, out: publicOut});
    await runPipeline({extracts, reference: region.reference, out: internalOut, audience: "internal"});
  }, 120_000);

  it("gives no hidden count away, to a value or to 1–4, with every relation checked against the truth", async () => {
    // audit() throws if a relation does not hold on the internal build's true values.
    const report = await audit(publicOut, {internalDir: internalOut});
    expect(report.findings).toEqual([]);
    // Not a pass for want of hidden cells or relations.
    expect(report.audited).toBeGreaterThan(1000);
    expect(report.relations).toBeGreaterThan(report.audited);
    expect(report.integerChecked).toBeGreaterThan(100);
  }, 300_000);
});
