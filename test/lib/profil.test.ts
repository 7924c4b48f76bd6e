// A kecamatan's profile (src/lib/profil.ts) on the sample's public outputs: its figures must be the
// figures the region pages show for that kecamatan (Ringkasan's coverage table, Cakupan's desa table,
// Anggaran's contributions), and the profiles together must add up to the region.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {beforeAll, describe, expect, it} from "vitest";
import {runPipeline} from "../../loaders/pipeline.ts";
import {spendingByKecamatan} from "../../src/lib/anggaran.ts";
import {arrowRows} from "../../src/lib/arrow.ts";
import {coverageByKecamatan} from "../../src/lib/overview.ts";
import {moneyOfKecamatanByYear} from "../../src/lib/moneyByKecamatan.ts";
import {claimsTable} from "../../src/lib/profilTables.ts";
import {desaByGap, kecamatanHeadline, kecamatanOfSlug, kecamatanSectors, kecamatanTrend, profileSlug} from "../../src/lib/profil.ts";
import {NOT_ITEMISED} from "../../src/lib/suppression.ts";
import {referenceDir, root, tempDir} from "../loaders/helpers.ts";

let out = "";
const read = (name: string): any[] => arrowRows(tableFromIPC(readFileSync(join(out, `${name}.arrow`))));
const json = (name: string): any => JSON.parse(readFileSync(join(out, `${name}.json`), "utf8"));

beforeAll(async () => {
  out = await tempDir();
  await runPipeline({extracts: join(root, "data/extracts"), reference: referenceDir, out});
}, 120_000);

describe("kecamatan profile URLs", () => {
  it("name a kecamatan by its code without dots, and back", () => {
    expect(profileSlug("35.09.01")).toBe("350901");
    expect(kecamatanOfSlug([{kode: "35.09.01"}, {kode: "35.09.10"}], "350910")).toEqual({kode: "35.09.10"});
    expect(kecamatanOfSlug([{kode: "35.09.01"}], "3509")).toBeNull();
  });
});

describe("a kecamatan's profile on the sample's public build", () => {
  it("shows each kecamatan's active members, eligible people and coverage as the overview's table does, ranked by coverage", () => {
    const summary = json("summary");
    const referensi = json("referensi");
    const anggota = read("anggota_bulanan");
    const sasaran = read("sasaran");
    const overview = coverageByKecamatan(anggota, sasaran, referensi.kecamatan, summary.as_of);
    const heads = referensi.kecamatan.map((k: {kode: string}) => kecamatanHeadline(anggota, sasaran, referensi.kecamatan, k.kode, summary.as_of));
    for (const head of heads) {
      const row = overview.find((r) => r.kode_kec === head.kode)!;
      expect({aktif: head.aktif, sasaran: head.sasaran, rate: head.rate}, head.nama).toEqual({aktif: row.aktif, sasaran: row.sasaran, rate: row.rate});
    }
    // Together the kecamatan (and the line of members not placed in one) are the region's headline.
    const notPlaced = overview.filter((r) => r.kode_kec === NOT_ITEMISED).reduce((s, r) => s + (r.aktif ?? 0), 0);
    expect(heads.reduce((s: number, h: any) => s + h.aktif, 0) + notPlaced).toBe(summary.members_active);
    expect(heads.reduce((s: number, h: any) => s + h.sasaran, 0)).toBe(summary.eligible);
    // Ranks 1..n, highest coverage first.
    const ranked = heads.filter((h: any) => h.peringkat !== null).sort((a: any, b: any) => a.peringkat - b.peringkat);
    expect(ranked.map((h: any) => h.peringkat)).toEqual(ranked.map((_: unknown, i: number) => i + 1));
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].rate).toBeLessThanOrEqual(ranked[i - 1].rate);
  });

  it("its change since last month and a year ago is the difference of the months' figures", () => {
    const summary = json("summary");
    const referensi = json("referensi");
    const anggota = read("anggota_bulanan");
    const sasaran = read("sasaran");
    const kode = referensi.kecamatan[0].kode;
    const head = kecamatanHeadline(anggota, sasaran, referensi.kecamatan, kode, summary.as_of);
    const then = kecamatanHeadline(anggota, sasaran, referensi.kecamatan, kode, head.tahunLalu.bulan);
    expect(head.tahunLalu.aktif).toBe(then.aktif);
    expect(head.tahunLalu.selisih).toBe(head.aktif! - then.aktif!);
    const trend = kecamatanTrend(anggota, kode, summary.as_of);
    expect(trend.at(-1)!.aktif).toBe(head.aktif);
    expect(trend.find((m) => m.bulan === head.bulanLalu.bulan)!.aktif).toBe(head.bulanLalu.aktif);
  });

  it("its desa add up to the kecamatan, largest gap first", () => {
    const summary = json("summary");
    const referensi = json("referensi");
    const anggota = read("anggota_bulanan");
    const anggotaDesa = read("anggota_desa");
    const sasaran = read("sasaran");
    for (const k of referensi.kecamatan) {
      const head = kecamatanHeadline(anggota, sasaran, referensi.kecamatan, k.kode, summary.as_of);
      const desa = desaByGap(anggota, anggotaDesa, sasaran, referensi.desa, k.kode, summary.as_of);
      expect(desa.reduce((s, r) => s + (r.aktif ?? 0), 0), k.nama).toBe(head.aktif);
      expect(desa.reduce((s, r) => s + (r.sasaran ?? 0), 0), k.nama).toBe(head.sasaran);
      const gaps = desa.filter((r) => r.gap !== null).map((r) => r.gap!);
      expect(gaps, k.nama).toEqual(gaps.slice().sort((a, b) => b - a));
      const sectors = kecamatanSectors(anggota, sasaran, referensi.sektor, k.kode, summary.as_of);
      expect(sectors.reduce((s, r) => s + (r.sasaran ?? 0), 0), k.nama).toBe(head.sasaran);
    }
  });

  it("its contributions are Anggaran's for the kecamatan, and all kecamatan together are the year's invoices", () => {
    const summary = json("summary");
    const referensi = json("referensi");
    const iuranRinci = read("iuran_rinci");
    const peserta = read("peserta_sumber_dana");
    const klaimTahunan = read("klaim_tahunan");
    const tahun = +summary.as_of.slice(0, 4);
    const inYear = (r: {bulan: string}) => r.bulan.startsWith(`${tahun}-`);
    const anggaran = spendingByKecamatan(iuranRinci.filter(inYear), peserta.filter(inYear));
    let total = 0;
    const data = {iuranRinci, pesertaSumber: peserta, klaimTahunan, klaim: read("klaim_bulanan"), iuran: read("iuran_bulanan"), kecamatan: referensi.kecamatan};
    for (const k of referensi.kecamatan) {
      const years = moneyOfKecamatanByYear(data, k.kode, summary.as_of);
      const now = years.find((y) => y.tahun === tahun) ?? null;
      expect(now?.iuran_ditagih ?? 0, k.nama).toBe(anggaran.rows.find((r) => r.kode_kec === k.kode)?.iuran_ditagih ?? 0);
      total += now?.iuran_ditagih ?? 0;
      // A public build publishes a count of claims per kecamatan and year, never their money.
      expect(years.every((y) => y.santunan === null || y.klaim === 0), k.nama).toBe(true);
    }
    const invoiced = read("iuran_bulanan").filter(inYear).reduce((s, r) => s + r.iuran_ditagih, 0);
    expect(total + anggaran.tidakTerbagi).toBe(invoiced);
  });
});

describe("a profile's claims table", () => {
  it("never prints a year's hidden claims as its total, and shows money only where it is published", () => {
    const year = (tahun: number, klaim: number, santunan: number | null, ditekan: boolean) =>
      ({kode_kec: "01", nama: "A", bulan_peserta: 0, iuran_ditagih: 0, iuran_dibayar: 0, klaim, santunan, ditekan, manfaat: null, tahun, cara: "langsung" as const});
    const ctx = {kode: "01", nama: "A", asOf: "2026-10"};
    const publik = claimsTable(ctx, [year(2025, 3, null, false), year(2026, 0, 0, true), year(2024, 2, 0, true)]);
    expect(publik.columns.map((c) => c.label)).toEqual(["Tahun", "Klaim"]);
    const klaim = publik.columns[1];
    expect([klaim.value(year(2025, 3, null, false), 0), klaim.value(year(2026, 0, 0, true), 1), klaim.value(year(2024, 2, 0, true), 2)]).toEqual(["3", "ditekan", "2 + ditekan"]);
    const internal = claimsTable(ctx, [year(2025, 3, 126_000_000, false)]);
    expect(internal.columns.map((c) => c.label)).toEqual(["Tahun", "Klaim", "Santunan dan beasiswa"]);
  });
});
