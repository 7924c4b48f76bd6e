import {join} from "node:path";
import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {runPipeline} from "../../loaders/pipeline.ts";
import {fixture, readArrow, referenceDir, tempDir} from "./helpers.ts";

// test/fixtures/kecil: eight people, every answer below worked out by hand.
//  1 A  L 15/05/1960 Watukumpul/Tlagasana buruh tani from 2025-03-01; turns 65 on 15/05/2025 → Mar–May
//  2 B  P 15/03/1962 Watukumpul/Tundagan  from 01/03/2025; dies 20/04/2025 (claim by KPJ) → Mar–Apr
//  3 C  L 01/01/1965 Belik/Gombong nelayan 10-04-2025 … 31/05/2025 → Apr–May
//  4    copy of row 3 → DUPLIKAT
//  5    NIK 3.32704E+15 → NIK_RUSAK_EXCEL
//  6    kecamatan "Atlantis" → KECAMATAN_TIDAK_DIKENAL
//  7    born 1955 → 70 at start → USIA_DI_LUAR_KETENTUAN
//  8 H  P 01/07/1963 "Pemalang Kota" (alias) from 2025-03-01, "Serabutan" → lainnya (warning)
//  9 H  again from 2025-05-01 in Taman/Pener: overlapping period, counted once, May in Taman
// iuran: Mar 3, Apr 4, May 3 members (+ one row "bulan depan" rejected); as-of May 2025.
let result: Awaited<ReturnType<typeof runPipeline>>;
let out: string;

beforeAll(async () => {
  out = await tempDir();
  result = await runPipeline({extracts: fixture("kecil"), reference: referenceDir, out, audience: "internal"});
});

describe("pipeline on the hand-worked fixture", () => {
  it("finds the as-of month from the latest invoice", () => {
    expect(result.summary.as_of).toBe("2025-05");
    expect(result.summary.tahun).toBe(2025);
  });

  it("counts active members in the as-of month: A, C and H; B died, row 4 is a copy", () => {
    expect(result.summary.members_active).toBe(3);
    expect(result.summary.eligible).toBe(20);
    expect(result.summary.coverage_rate).toBeCloseTo(0.15, 10);
  });

  it("takes the revised pagu as the allocation and the invoiced months as realisation", () => {
    expect(result.summary.allocation).toBe(900_000);
    expect(result.summary.realisation).toBe(50_400 + 67_200 + 50_400);
    expect(result.summary.absorption).toBeCloseTo(168_000 / 900_000, 10);
  });

  it("counts only the claim that matches a peserta row (row 3's NIK is in none; test/loaders/money.test.ts has rejected rows)", () => {
    expect(result.summary.claims_count).toBe(1);
    expect(result.summary.claims_amount).toBe(10_000_000);
  });

  it("gives member-months by month that follow death, age 65, the end date and overlapping periods", () => {
    const rows = readArrow(join(out, "anggota_bulanan.arrow"));
    const byMonth = (m: string) => rows.filter((r) => r.bulan === m).reduce((s, r) => s + (r.aktif as number), 0);
    expect([byMonth("2025-03"), byMonth("2025-04"), byMonth("2025-05")]).toEqual([3, 4, 3]);
    const may = rows.filter((r) => r.bulan === "2025-05").map((r) => `${r.kode_kec}|${r.kode_desa}|${r.sektor}|${r.jenis_kelamin}`);
    expect(may.sort()).toEqual(["33.27.03|33.27.03.2001|nelayan|L", "33.27.04|33.27.04.2001|buruh_tani|L", "33.27.09|33.27.09.2002|lainnya|P"]);
    // H was in Pemalang (alias "Pemalang Kota") before her second period began.
    expect(rows.some((r) => r.bulan === "2025-04" && r.kode_kec === "33.27.08" && r.kode_desa === null)).toBe(true);
  });

  it("puts ages 60–64 in the 60-65 band", () => {
    const rows = readArrow(join(out, "anggota_bulanan.arrow"));
    expect(new Set(rows.map((r) => r.kelompok_umur))).toEqual(new Set(["60-65"]));
  });

  it("accounts for every row: read = accepted + rejected, with reasons and row numbers", () => {
    const peserta = result.quality.tables.peserta;
    expect(peserta).toMatchObject({file: "peserta.csv", rows_read: 9, rows_accepted: 5, rows_rejected: 4});
    const rejects = Object.fromEntries(Object.entries(peserta.rejects_by_reason).map(([k, v]) => [k, v.rows]));
    expect(rejects).toEqual({DUPLIKAT: [5], KECAMATAN_TIDAK_DIKENAL: [7], NIK_RUSAK_EXCEL: [6], USIA_DI_LUAR_KETENTUAN: [8]});
    expect(peserta.warnings_by_reason.SEKTOR_TIDAK_DIKENAL.rows).toEqual([9, 10]);
    expect(result.quality.tables.iuran.rejects_by_reason.PERIODE_TIDAK_VALID.rows).toEqual([5]);
    expect(result.quality.tables.klaim.rejects_by_reason.PESERTA_TIDAK_DITEMUKAN.rows).toEqual([3]);
    for (const table of Object.values(result.quality.tables)) {
      expect(table.rows_accepted + table.rows_rejected).toBe(table.rows_read);
      expect(Object.values(table.rejects_by_reason).reduce((s, r) => s + r.count, 0)).toBe(table.rows_rejected);
    }
  });

  it("writes money and claims by month", () => {
    expect(readArrow(join(out, "iuran_bulanan.arrow"))).toEqual([
      {bulan: "2025-03", sumber_dana: "DBHCHT", peserta_ditagih: 3, iuran_ditagih: 50_400, iuran_dibayar: 50_400, tanggal_bayar: "2025-04-15"},
      {bulan: "2025-04", sumber_dana: "DBHCHT", peserta_ditagih: 4, iuran_ditagih: 67_200, iuran_dibayar: 67_200, tanggal_bayar: "2025-05-15"},
      {bulan: "2025-05", sumber_dana: "DBHCHT", peserta_ditagih: 3, iuran_ditagih: 50_400, iuran_dibayar: 0, tanggal_bayar: null},
    ]);
    expect(readArrow(join(out, "anggaran_tahunan.arrow"))).toEqual([
      {tahun: 2025, sumber_dana: "DBHCHT", pagu: 1_000_000, pagu_perubahan: 900_000, pagu_berlaku: 900_000},
    ]);
    expect(readArrow(join(out, "rencana_kas.arrow")).map((r) => r.rencana)).toEqual([300_000, 300_000, 300_000]);
    expect(readArrow(join(out, "klaim_bulanan.arrow"))).toEqual([
      {bulan: "2025-04", kode_kec: "33.27.04", jenis: "JKM", jumlah: 1, nominal: 10_000_000, beasiswa: 0, ditekan: false, sisa: false},
    ]);
  });

  it("keeps personal data out of every output", () => {
    for (const file of result.files) {
      const text = readFileSync(file).toString("latin1");
      for (const secret of ["3327041505609001", "11000000002", "Fiktif"]) expect(text).not.toContain(secret);
    }
  });

  it("gives byte-identical outputs for the same extracts", async () => {
    const again = await tempDir();
    const second = await runPipeline({extracts: fixture("kecil"), reference: referenceDir, out: again, audience: "internal"});
    for (const file of second.files) {
      const name = file.slice(again.length + 1);
      expect(readFileSync(file).equals(readFileSync(join(out, name))), name).toBe(true);
    }
  });
});
