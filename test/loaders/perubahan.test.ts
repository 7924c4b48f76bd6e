import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {runPipeline} from "../../loaders/pipeline.ts";
import {readFileSync} from "node:fs";
import {detectTranches, intakeByMonth, type Perubahan} from "../../src/lib/cakupan.ts";
import type {AnggotaBulanan} from "../../src/lib/overview.ts";
import {fixture, readArrow, referenceDir, root, tempDir} from "./helpers.ts";

// test/fixtures/perubahan: eight people over January–June 2025; April has no invoice (unfunded);
// as-of June. Kecamatan 33.27.04 Watukumpul, 33.27.03 Belik; bt = buruh_tani, nel = nelayan.
//  P1 L bt  04 born 10/03/1960, from 01/01: last month under 65 on the 1st is March → Jan–Mar
//  P2 P nel 04 from 15/01, dies 10/02 (claim) → Jan–Feb
//  P3 L bt  03 from 01/02, akhir 31/03 → Feb–Mar
//  P4 P nel 03 from 01/01, open → registered Jan–Jun, active all but April
//  P5 L bt  04 from 01/05 (a new tranche) → May–Jun
//  P6 L bt  04 from 01/01, then a second period in Belik as nelayan from 01/03 (the latest start
//     wins) → 04/bt Jan–Feb, 03/nel Mar–Jun (active all but April)
//  P7 P bt  04 from 01/06 → Jun
//  P8 L nel 04 born 20/05/1960 (last month under 65: May), dies 25/05 → Jan–May, active all but April
//
// Active by month: Jan 5 (04: P1 P2 P6 P8; 03: P4), Feb 6 (+P3 in 03), Mar 5 (04: P1 P8; 03: P3 P4 P6),
// Apr 0, May 4 (04: P5 P8; 03: P4 P6), Jun 4 (04: P5 P7; 03: P4 P6).
// Changes, by hand (month, kecamatan, sector, sex):
//  Jan  baru: 04/bt/L 2 (P1, P6), 04/nel/L 1 (P8), 04/nel/P 1 (P2), 03/nel/P 1 (P4)      5 − 0 = 5
//  Feb  baru: 03/bt/L 1 (P3)                                                              6 − 5 = 1
//  Mar  meninggal 04/nel/P 1 (P2 died in February); P6 moves: lainnya 04/bt/L 1, baru 03/nel/L 1
//                                                                                         5 − 6 = 1 − 2
//  Apr  usia 04/bt/L 1 (P1: March was his last month before 65, the unfunded April notwithstanding);
//       lainnya 03/bt/L 1 (P3's end date), 03/nel/P 1 (P4), 03/nel/L 1 (P6), 04/nel/L 1 (P8): April unfunded
//                                                                                         0 − 5 = 0 − 5
//  May  baru: 03/nel/P 1 (P4), 03/nel/L 1 (P6), 04/bt/L 1 (P5), 04/nel/L 1 (P8)           4 − 0 = 4
//  Jun  meninggal 04/nel/L 1 (P8 died in May, the month he also aged out: death comes first);
//       baru 04/bt/P 1 (P7)                                                               4 − 4 = 1 − 1
const row = (bulan: string, kode_kec: string, sektor: string, jenis_kelamin: string, baru: number, meninggal: number, usia: number, lainnya: number) => ({
  bulan,
  kode_kec,
  sektor,
  jenis_kelamin,
  baru,
  keluar_meninggal: meninggal,
  keluar_usia: usia,
  keluar_lainnya: lainnya,
  // An internal build: nothing suppressed (test/loaders/suppression.test.ts covers the public one).
  ditekan: false,
  sisa: false,
});
const WK = "33.27.04";
const BL = "33.27.03";
const expected = [
  row("2025-01", BL, "nelayan", "P", 1, 0, 0, 0),
  row("2025-01", WK, "buruh_tani", "L", 2, 0, 0, 0),
  row("2025-01", WK, "nelayan", "L", 1, 0, 0, 0),
  row("2025-01", WK, "nelayan", "P", 1, 0, 0, 0),
  row("2025-02", BL, "buruh_tani", "L", 1, 0, 0, 0),
  row("2025-03", BL, "nelayan", "L", 1, 0, 0, 0),
  row("2025-03", WK, "buruh_tani", "L", 0, 0, 0, 1),
  row("2025-03", WK, "nelayan", "P", 0, 1, 0, 0),
  row("2025-04", BL, "buruh_tani", "L", 0, 0, 0, 1),
  row("2025-04", BL, "nelayan", "L", 0, 0, 0, 1),
  row("2025-04", BL, "nelayan", "P", 0, 0, 0, 1),
  row("2025-04", WK, "buruh_tani", "L", 0, 0, 1, 0),
  row("2025-04", WK, "nelayan", "L", 0, 0, 0, 1),
  row("2025-05", BL, "nelayan", "L", 1, 0, 0, 0),
  row("2025-05", BL, "nelayan", "P", 1, 0, 0, 0),
  row("2025-05", WK, "buruh_tani", "L", 1, 0, 0, 0),
  row("2025-05", WK, "nelayan", "L", 1, 0, 0, 0),
  row("2025-06", WK, "buruh_tani", "P", 1, 0, 0, 0),
  row("2025-06", WK, "nelayan", "L", 0, 1, 0, 0),
];

type Counts = Record<string, number>;
const monthBefore = (bulan: string) => {
  const [y, m] = bulan.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
};

/**
 * For every month with members and every kecamatan: aktif(m) − aktif(m−1) = baru − keluar, with
 * aktif from anggota_bulanan (an independent output). Returns the mismatches, "month kecamatan: …".
 */
function inconsistencies(out: string): string[] {
  const anggota = readArrow(join(out, "anggota_bulanan.arrow"));
  const perubahan = readArrow(join(out, "perubahan_bulanan.arrow"));
  const aktif: Counts = {};
  const net: Counts = {};
  for (const r of anggota) aktif[`${r.bulan} ${r.kode_kec}`] = (aktif[`${r.bulan} ${r.kode_kec}`] ?? 0) + (r.aktif as number);
  for (const r of perubahan) {
    const key = `${r.bulan} ${r.kode_kec}`;
    net[key] = (net[key] ?? 0) + (r.baru as number) - (r.keluar_meninggal as number) - (r.keluar_usia as number) - (r.keluar_lainnya as number);
  }
  const months = [...new Set(anggota.map((r) => r.bulan as string))].sort();
  const kecamatan = [...new Set(anggota.map((r) => r.kode_kec as string))].sort();
  const wrong: string[] = [];
  for (const m of months)
    for (const k of kecamatan) {
      const change = (aktif[`${m} ${k}`] ?? 0) - (aktif[`${monthBefore(m)} ${k}`] ?? 0);
      if (change !== (net[`${m} ${k}`] ?? 0)) wrong.push(`${m} ${k}: aktif berubah ${change}, baru − keluar ${net[`${m} ${k}`] ?? 0}`);
    }
  return wrong;
}

describe("change since the previous month (perubahan.sql) on a hand-worked fixture", () => {
  let out: string;
  beforeAll(async () => {
    out = await tempDir();
    await runPipeline({extracts: fixture("perubahan"), reference: referenceDir, out, audience: "internal"});
  });

  it("classifies every entry and exit as worked out by hand", () => {
    expect(readArrow(join(out, "perubahan_bulanan.arrow"))).toEqual(expected);
  });

  it("agrees with anggota_bulanan: aktif(m) − aktif(m−1) = baru − keluar for each month and kecamatan", () => {
    const anggota = readArrow(join(out, "anggota_bulanan.arrow"));
    const byMonth = (m: string) => anggota.filter((r) => r.bulan === m).reduce((s, r) => s + (r.aktif as number), 0);
    expect(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"].map(byMonth)).toEqual([5, 6, 5, 0, 4, 4]);
    expect(inconsistencies(out)).toEqual([]);
  });
});

describe("change since the previous month on the other hand-worked fixture (kecil)", () => {
  // test/loaders/pipeline.test.ts: A (04, bt, L) Mar–May; B (04, bt, P) Mar–Apr, dies in April;
  // C (03, nelayan, L) Apr–May; H (P, lainnya) in 33.27.08 Mar–Apr, then 33.27.09 in May.
  it("records B's death, H's move, and nothing for people still covered at the as-of month", async () => {
    const out = await tempDir();
    await runPipeline({extracts: fixture("kecil"), reference: referenceDir, out, audience: "internal"});
    expect(readArrow(join(out, "perubahan_bulanan.arrow"))).toEqual([
      row("2025-03", "33.27.04", "buruh_tani", "L", 1, 0, 0, 0),
      row("2025-03", "33.27.04", "buruh_tani", "P", 1, 0, 0, 0),
      row("2025-03", "33.27.08", "lainnya", "P", 1, 0, 0, 0),
      row("2025-04", "33.27.03", "nelayan", "L", 1, 0, 0, 0),
      row("2025-05", "33.27.04", "buruh_tani", "P", 0, 1, 0, 0),
      row("2025-05", "33.27.08", "lainnya", "P", 0, 0, 0, 1),
      row("2025-05", "33.27.09", "lainnya", "P", 1, 0, 0, 0),
    ]);
    expect(inconsistencies(out)).toEqual([]);
  });
});

describe("change since the previous month on the sample extracts", () => {
  it("balances for every month and kecamatan, and sees deaths and age-outs", async () => {
    const out = await tempDir();
    await runPipeline({extracts: join(root, "data/extracts"), reference: referenceDir, out, audience: "internal"});
    expect(inconsistencies(out)).toEqual([]);
    const perubahan = readArrow(join(out, "perubahan_bulanan.arrow"));
    const total = (column: string) => perubahan.reduce((s, r) => s + (r[column] as number), 0);
    expect(total("keluar_meninggal")).toBeGreaterThan(0);
    expect(total("keluar_usia")).toBeGreaterThan(0);
    // The page marks tranches found in the data; they must be the ones the generator planted.
    const manifest = JSON.parse(readFileSync(join(root, "data/sample-manifest.json"), "utf8"));
    const planted = manifest.calibration.tranches.map((t: {tmt: string}) => t.tmt.slice(0, 7));
    const anggota = readArrow(join(out, "anggota_bulanan.arrow")) as unknown as AnggotaBulanan[];
    const found = detectTranches(intakeByMonth(perubahan as unknown as Perubahan[], anggota)).map((m) => m.bulan);
    expect(found).toEqual(planted);
  }, 120_000);
});
