// The reconciliation the budget page shows (src/lib/anggaran.ts on the pipeline's outputs), end to end:
// on a hand-worked fixture, and on the sample extracts, where it must find exactly the invoice
// discrepancies the sample generator planted (data/sample-manifest.json) and nothing else.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {runPipeline} from "../../loaders/pipeline.ts";
import {packParameters} from "../../loaders/pack.ts";
import {reconcileInvoices, spendingByKecamatan, summariseReconciliation, type IuranRinci, type PesertaSumberDana} from "../../src/lib/anggaran.ts";
import {fixture, readArrow, referenceDir, root, tempDir} from "./helpers.ts";

const parameters = packParameters(referenceDir) as Record<string, number>;
const terms = {jatuhTempoHari: parameters.jatuh_tempo_hari, jatuhTempoBulan: parameters.jatuh_tempo_bulan};

async function run(extracts: string) {
  const out = await tempDir();
  const result = await runPipeline({extracts, reference: referenceDir, out, audience: "internal"});
  return {
    summary: result.summary,
    iuran: readArrow(join(out, "iuran_rinci.arrow")) as unknown as IuranRinci[],
    peserta: readArrow(join(out, "peserta_sumber_dana.arrow")) as unknown as PesertaSumberDana[],
    anggota: readArrow(join(out, "anggota_bulanan.arrow")) as {bulan: string; aktif: number; terdaftar: number}[]
  };
}

describe("parameters", () => {
  it("has the due date of a month's contribution: day 15 of the following month", () => {
    expect(terms).toEqual({jatuhTempoHari: 15, jatuhTempoBulan: 1});
  });
});

// test/fixtures/rekonsiliasi: the people of `kecil` (A, B Watukumpul from March; B dies in April; C Belik
// April–May; H Pemalang March–April, Taman in May), invoices that name their kecamatan:
//   Mar DBHCHT 2 Watukumpul paid 15/04 (due 15/04: on time), 1 "Pemalang Kota" paid 20/04 (5 days late)
//   Apr DBHCHT 4, no kecamatan, paid 15/05;  May DBHCHT 3 "Kec. Taman", unpaid;  May APBD 1 "Atlantis", unpaid.
describe("reconciliation on the hand-worked fixture", () => {
  let data: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    data = await run(fixture("rekonsiliasi"));
  });

  it("counts registered and active members by month × source × kecamatan", () => {
    expect(data.peserta.map((r) => `${r.bulan} ${r.sumber_dana} ${r.kode_kec} ${r.aktif}`)).toEqual([
      "2025-03 DBHCHT 33.27.04 2",
      "2025-03 DBHCHT 33.27.08 1",
      "2025-04 DBHCHT 33.27.03 1",
      "2025-04 DBHCHT 33.27.04 2",
      "2025-04 DBHCHT 33.27.08 1",
      "2025-05 DBHCHT 33.27.03 1",
      "2025-05 DBHCHT 33.27.04 1",
      "2025-05 DBHCHT 33.27.09 1"
    ]);
  });

  it("keeps each invoice line's kecamatan (null when none or unknown) and payment date", () => {
    expect(data.iuran).toEqual([
      {bulan: "2025-03", sumber_dana: "DBHCHT", kode_kec: "33.27.04", tanggal_bayar: "2025-04-15", peserta_ditagih: 2, iuran_ditagih: 33_600, ditekan: false, sisa: false},
      {bulan: "2025-03", sumber_dana: "DBHCHT", kode_kec: "33.27.08", tanggal_bayar: "2025-04-20", peserta_ditagih: 1, iuran_ditagih: 16_800, ditekan: false, sisa: false},
      {bulan: "2025-04", sumber_dana: "DBHCHT", kode_kec: null, tanggal_bayar: "2025-05-15", peserta_ditagih: 4, iuran_ditagih: 67_200, ditekan: false, sisa: false},
      {bulan: "2025-05", sumber_dana: "APBD", kode_kec: null, tanggal_bayar: null, peserta_ditagih: 1, iuran_ditagih: 16_800, ditekan: false, sisa: false},
      {bulan: "2025-05", sumber_dana: "DBHCHT", kode_kec: "33.27.09", tanggal_bayar: null, peserta_ditagih: 3, iuran_ditagih: 50_400, ditekan: false, sisa: false}
    ]);
  });

  it("finds the APBD member nobody enrolled, the late March line, and May not yet due", () => {
    const rows = reconcileInvoices(data.iuran, data.peserta, {iuranPerBulan: parameters.iuran_per_bulan, terms, tanggalAcuan: "2025-06-05"});
    expect(rows.map((r) => [r.bulan, r.sumber_dana, r.selisih_nominal, r.selisih_peserta, r.status, r.hari_terlambat])).toEqual([
      ["2025-03", "DBHCHT", 0, 0, "terlambat", 5],
      ["2025-04", "DBHCHT", 0, 0, "tepat_waktu", 0],
      ["2025-05", "APBD", 0, 1, "belum_jatuh_tempo", null],
      ["2025-05", "DBHCHT", 0, 0, "belum_jatuh_tempo", null]
    ]);
    expect(rows[0].iuran_terlambat).toBe(16_800);
  });

  it("spends by kecamatan: named lines where they are, April by its members, APBD over May's members", () => {
    const {rows, cara, tidakTerbagi} = spendingByKecamatan(data.iuran, data.peserta);
    expect(cara).toBe("campuran");
    expect(tidakTerbagi).toBe(0);
    expect(rows.map((r) => [r.kode_kec, r.iuran_ditagih, r.langsung, r.dibagi])).toEqual([
      ["33.27.03", 22_400, 0, 16_800 + 5_600],
      ["33.27.04", 72_800, 33_600, 33_600 + 5_600],
      ["33.27.08", 33_600, 16_800, 16_800],
      ["33.27.09", 56_000, 50_400, 5_600]
    ]);
    expect(rows.reduce((s, r) => s + r.iuran_ditagih, 0)).toBe(33_600 + 16_800 + 67_200 + 16_800 + 50_400);
  });
});

describe("reconciliation on the sample extracts", () => {
  const manifest = JSON.parse(readFileSync(join(root, "data/sample-manifest.json"), "utf8"));
  const planted: {periode: string; sumber_dana: string; selisih_nominal: number; selisih_peserta: number}[] = manifest.expected.invoice_discrepancies;
  let data: Awaited<ReturnType<typeof run>>;
  let rows: ReturnType<typeof reconcileInvoices>;
  beforeAll(async () => {
    data = await run(join(root, "data/extracts"));
    rows = reconcileInvoices(data.iuran, data.peserta, {iuranPerBulan: parameters.iuran_per_bulan, terms, tanggalAcuan: data.summary.extract_date});
  }, 120_000);

  it("splits the pipeline's members by source without losing or adding anyone", () => {
    const total = (list: {bulan: string; aktif: number | null; terdaftar: number | null}[]) => {
      const by: Record<string, string> = {};
      const sums = new Map<string, [number, number]>();
      for (const r of list) {
        const [t, a] = sums.get(r.bulan) ?? [0, 0];
        sums.set(r.bulan, [t + r.terdaftar!, a + r.aktif!]);
      }
      for (const [bulan, [t, a]] of sums) by[bulan] = `${t}/${a}`;
      return by;
    };
    expect(total(data.peserta)).toEqual(total(data.anggota));
  });

  it("flags only the amount the sample mis-typed: 2025-08 DBHCHT, Rp50,400 below members × Rp16,800", () => {
    const off = rows.filter((r) => r.selisih_nominal !== 0).map((r) => ({periode: r.bulan, sumber_dana: r.sumber_dana, selisih: r.selisih_nominal}));
    expect(off).toEqual(planted.filter((d) => d.selisih_nominal !== 0).map((d) => ({periode: d.periode, sumber_dana: d.sumber_dana, selisih: d.selisih_nominal})));
    expect(off).toEqual([{periode: "2025-08", sumber_dana: "DBHCHT", selisih: -50_400}]);
  });

  it("gives, for every month, the difference invoiced − the pipeline's active members", () => {
    const invoiced = new Map<string, number>();
    for (const r of data.iuran) invoiced.set(r.bulan, (invoiced.get(r.bulan) ?? 0) + r.peserta_ditagih!);
    const aktif = new Map<string, number>();
    for (const r of data.anggota) aktif.set(r.bulan, (aktif.get(r.bulan) ?? 0) + r.aktif);
    const gap = new Map<string, number>();
    for (const r of rows) gap.set(r.bulan, (gap.get(r.bulan) ?? 0) + r.selisih_peserta);
    expect([...gap.keys()]).toEqual(manifest.window.funded_months);
    for (const [bulan, difference] of gap) expect(difference, bulan).toBe(invoiced.get(bulan)! - aktif.get(bulan)!);
  });

  it("finds more members invoiced than the pipeline counts in every month: real people whose rows were rejected, plus the planted 25", () => {
    expect(rows.every((r) => r.selisih_peserta > 0)).toBe(true);
    for (const r of rows) {
      // What the generator billed for real people, less what the pipeline could accept of their rows.
      const lost = manifest.expected.true_active_by_month[r.bulan][r.sumber_dana] - r.aktif;
      const extra = planted.find((d) => d.periode === r.bulan && d.sumber_dana === r.sumber_dana)?.selisih_peserta ?? 0;
      expect(r.selisih_peserta, `${r.bulan} ${r.sumber_dana}`).toBe(lost + extra);
    }
  });

  it("singles out 2026-04 DBHCHT as the one month whose gap jumps, by about the 25 members planted", () => {
    const spikes = rows.filter((r) => r.lonjakan !== null);
    expect(spikes.map((r) => `${r.bulan} ${r.sumber_dana}`)).toEqual(
      planted.filter((d) => d.selisih_peserta !== 0).map((d) => `${d.periode} ${d.sumber_dana}`)
    );
    expect(Math.abs(spikes[0].lonjakan! - 25)).toBeLessThanOrEqual(2);
  });

  it("finds the months paid after the 15th of the following month, read off iuran.csv by hand", () => {
    const late = rows.filter((r) => r.status === "terlambat").map((r) => `${r.bulan} ${r.sumber_dana}`);
    expect(late).toEqual([
      "2025-10 DBHCHT", // paid 17/11/2025
      "2025-12 DBHCHT", // 17/01/2026
      "2026-02 DBHCHT", // 16/03
      "2026-03 APBD", // 20/04
      "2026-04 APBD", // 18/05
      "2026-05 APBD", // 17/06
      "2026-06 APBD", // 18/07
      "2026-06 DBHCHT", // 19/07
      "2026-07 APBD", // 16/08
      "2026-07 DBHCHT", // 16/08
      "2026-09 DBHCHT" // 16/10
    ]);
    // October 2026 is unpaid, and on the extract date (05/11/2026) not yet due (15/11/2026).
    expect(rows.filter((r) => r.bulan === "2026-10").map((r) => r.status)).toEqual(["belum_jatuh_tempo", "belum_jatuh_tempo"]);
    const s = summariseReconciliation(rows);
    expect(s.hariTerlambatMaks).toBe(5);
    expect(s.lewatJatuhTempo).toEqual([]);
  });
});
