// Issue 13: a valid record of money paid or received never vanishes from a total over a problem in
// another table or in a label. test/fixtures/kecil (pipeline.test.ts works it by hand) with rows
// added; each expectation below is worked out from the rows, not read back from a run.
import {cp, readFile, writeFile} from "node:fs/promises";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {OPERATOR_FILES, runPipeline} from "../../loaders/pipeline.ts";
import {readWorkbook} from "../support/xlsx.ts";
import {fixture, readArrow, referenceDir, tempDir} from "./helpers.ts";

// peserta row 11: a copy of A's row 2 (same NIK, same start) under another KPJ → DUPLIKAT.
const PESERTA = [
  "3327041505609001,11000000099,Fiktif Satu,L,15/05/1960,Watukumpul,Tlagasana,Buruh Tani,2025-03-01,,DBHCHT,AKTIF",
];
// klaim rows 4–8 (kecil's rows 2 and 3: B's claim by KPJ, and a NIK that is in no peserta row).
const KLAIM = [
  // 4: KPJ of row 8, rejected USIA_DI_LUAR_KETENTUAN, kecamatan Pemalang → counts in 33.27.08
  ",11000000007,2025-04-10,JKM,42000000,,2025-05-01",
  // 5: NIK of row 7, rejected KECAMATAN_TIDAK_DIKENAL ("Atlantis") → counts, kecamatan unknown;
  //    its payment date is no date → a warning, the claim stays
  "3327041505609006,,2025-05-03,JKK,70000000,0,31/02/2025",
  // 6: matches no row of peserta at all → PESERTA_TIDAK_DITEMUKAN
  "3327049999999999,99000000000,2025-04-11,JKM,42000000,,2025-05-02",
  // 7: KPJ of the duplicate row 11 only (whose NIK is A's): counts, but must not end A's coverage
  ",11000000099,2025-03-20,JKM,10000000,,2025-04-15",
  // 8: its amount is no amount → rejected whatever else it matches
  ",11000000007,2025-05-10,JKM,sekian,,",
];
// iuran rows 6–9 (kecil's rows 2–4 are valid; row 5's month "bulan depan" is rejected).
const IURAN = [
  "2025-05;1;16800;;Dana 12345", // 6: funding source with a run of 5 digits → 'Tidak valid', kept
  "2025-04;1;16800;31/13/2025;DBHCHT", // 7: payment date no date → kept, unpaid
  "2025-03;satu;16800;15/04/2025;DBHCHT", // 8: member count no number → kept, 0 members
  "2025-03;1;enam belas ribu;;DBHCHT", // 9: amount no amount → rejected
];
// anggaran rows 6–7.
const ANGGARAN = [
  "2025,3327041505609001,Bantuan iuran,Rp100.000,,", // 6: a NIK pasted as the source → 'Tidak valid', kept
  "2025,,Bantuan iuran,Rp50.000,,", // 7: no source → 'Tidak valid', kept
];

let result: Awaited<ReturnType<typeof runPipeline>>;
let out: string;
let dir: string;

async function append(dir: string, name: string, rows: string[]) {
  const text = await readFile(join(dir, name), "utf8");
  await writeFile(join(dir, name), text.replace(/\n?$/, "\n") + rows.join("\n") + "\n");
}

beforeAll(async () => {
  dir = await tempDir("jaring-uang-");
  await cp(fixture("kecil"), dir, {recursive: true});
  await append(dir, "peserta.csv", PESERTA);
  await append(dir, "klaim.csv", KLAIM);
  await append(dir, "iuran.csv", IURAN);
  await append(dir, "anggaran.csv", ANGGARAN);
  out = join(dir, "out");
  result = await runPipeline({extracts: dir, reference: referenceDir, out, audience: "internal", operatorFiles: true});
});

const rowsOf = (byReason: Record<string, {rows: number[]}>) => Object.fromEntries(Object.entries(byReason).map(([k, v]) => [k, v.rows]));

describe("claims of members whose enrolment row was rejected", () => {
  it("rejects only the claims that match no peserta row at all, or whose own amount is unreadable", () => {
    const klaim = result.quality.tables.klaim;
    expect(rowsOf(klaim.rejects_by_reason)).toEqual({PESERTA_TIDAK_DITEMUKAN: [3, 6], NOMINAL_TIDAK_VALID: [8]});
    expect(klaim.rejects_by_reason.PESERTA_TIDAK_DITEMUKAN.message).toContain("baris mana pun");
    expect(rowsOf(klaim.warnings_by_reason)).toEqual({TANGGAL_BAYAR_TIDAK_VALID: [5]});
    expect(klaim).toMatchObject({rows_read: 7, rows_accepted: 4, rows_rejected: 3});
  });

  it("counts them in the claims figures, where the member row places them (or under an unknown kecamatan)", () => {
    expect(result.summary.claims_count).toBe(4);
    expect(result.summary.claims_amount).toBe(10_000_000 + 42_000_000 + 70_000_000 + 10_000_000);
    const monthly = readArrow(join(out, "klaim_bulanan.arrow")).map((r) => `${r.bulan} ${r.kode_kec} ${r.jenis} ${r.jumlah} ${r.nominal}`);
    expect(monthly).toEqual([
      "2025-03 33.27.04 JKM 1 10000000", // row 7: the duplicate row 11's kecamatan
      "2025-04 33.27.04 JKM 1 10000000", // kecil's B
      "2025-04 33.27.08 JKM 1 42000000", // row 4: Pemalang, from the age-rejected row 8
      "2025-05 null JKK 1 70000000", // row 5: "Atlantis" is no kecamatan
    ]);
    const yearly = readArrow(join(out, "klaim_tahunan.arrow"));
    expect(yearly.reduce((s, r) => s + (r.nominal as number), 0)).toBe(result.summary.claims_amount);
  });

  it("keeps the claim of an unknown kecamatan in a public build's totals (a null kecamatan is a value)", async () => {
    const pub = join(dir, "publik");
    const run = await runPipeline({extracts: dir, reference: referenceDir, out: pub, audience: "public"});
    expect(run.summary.claims_count).toBe(4);
    const yearly = readArrow(join(pub, "klaim_tahunan.arrow"));
    expect(yearly.reduce((s, r) => s + ((r.jumlah as number | null) ?? 0), 0)).toBe(4);
  });

  it("adds no member-months: a rejected row has no coverage period for the death to end", () => {
    const aktif: Record<string, number> = {};
    for (const r of readArrow(join(out, "anggota_bulanan.arrow"))) aktif[r.bulan as string] = (aktif[r.bulan as string] ?? 0) + (r.aktif as number);
    // kecil's hand-worked 3, 4, 3: A stays covered to May although row 7's claim names A's NIK in March
    expect(aktif).toEqual({"2025-03": 3, "2025-04": 4, "2025-05": 3});
  });

  it("files each as a cross-check finding that names the member row and its own rejection reason", async () => {
    expect(result.quality.cross_checks.KLAIM_PESERTA_DITOLAK).toMatchObject({count: 3, unit: "klaim"});
    expect(result.quality.cross_checks.KLAIM_DI_LUAR_KEPESERTAAN.count).toBe(0);
    const {header, rows} = (await readWorkbook(join(out, "pemeriksaan.xlsx"))).KLAIM_PESERTA_DITOLAK;
    const col = (name: string) => header.indexOf(name);
    const found = rows.map((r) => [r[col("Baris")], r[col("Bulan")], r[col("NIK")], r[col("KPJ")], r[col("Keterangan")]]);
    expect(found).toEqual([
      ["7", "2025-03", "3327041505609001", "11000000099", "baris peserta 11 ditolak (DUPLIKAT); klaim tetap dihitung"],
      ["4", "2025-04", "3327080101559004", "11000000007", "baris peserta 8 ditolak (USIA_DI_LUAR_KETENTUAN); klaim tetap dihitung"],
      ["5", "2025-05", "3327041505609006", "11000000006", "baris peserta 7 ditolak (KECAMATAN_TIDAK_DIKENAL); klaim tetap dihitung"],
    ]);
  });
});

describe("invoices and budget lines with an unusable label keep their money", () => {
  it("accepts the invoice rows with a warning, rejects only the one whose amount is unreadable", () => {
    const iuran = result.quality.tables.iuran;
    expect(rowsOf(iuran.rejects_by_reason)).toEqual({PERIODE_TIDAK_VALID: [5], NOMINAL_TIDAK_VALID: [9]});
    expect(rowsOf(iuran.warnings_by_reason)).toEqual({SUMBER_DANA_TIDAK_VALID: [6], TANGGAL_BAYAR_TIDAK_VALID: [7], JUMLAH_PESERTA_TIDAK_VALID: [8]});
  });

  it("keeps their amounts in the realisation, the bad source under 'Tidak valid'", () => {
    expect(result.summary.realisation).toBe(50_400 + 67_200 + 50_400 + 3 * 16_800);
    expect(readArrow(join(out, "iuran_bulanan.arrow"))).toEqual([
      {bulan: "2025-03", sumber_dana: "DBHCHT", peserta_ditagih: 3, iuran_ditagih: 67_200, iuran_dibayar: 67_200, tanggal_bayar: "2025-04-15"},
      // the unreadable payment date counts as not (known to be) paid
      {bulan: "2025-04", sumber_dana: "DBHCHT", peserta_ditagih: 5, iuran_ditagih: 84_000, iuran_dibayar: 67_200, tanggal_bayar: "2025-05-15"},
      {bulan: "2025-05", sumber_dana: "DBHCHT", peserta_ditagih: 3, iuran_ditagih: 50_400, iuran_dibayar: 0, tanggal_bayar: null},
      {bulan: "2025-05", sumber_dana: "Tidak valid", peserta_ditagih: 1, iuran_ditagih: 16_800, iuran_dibayar: 0, tanggal_bayar: null},
    ]);
    const rinci = readArrow(join(out, "iuran_rinci.arrow"));
    expect(rinci.reduce((s, r) => s + (r.iuran_ditagih as number), 0)).toBe(result.summary.realisation);
  });

  it("keeps a budget line whose source is empty or not a name, under 'Tidak valid'", () => {
    const anggaran = result.quality.tables.anggaran;
    expect(anggaran.rows_rejected).toBe(0);
    expect(rowsOf(anggaran.warnings_by_reason)).toEqual({SUMBER_DANA_TIDAK_VALID: [6], SUMBER_DANA_KOSONG: [7]});
    expect(result.summary.allocation).toBe(900_000 + 150_000);
    expect(readArrow(join(out, "anggaran_tahunan.arrow"))).toEqual([
      {tahun: 2025, sumber_dana: "DBHCHT", pagu: 1_000_000, pagu_perubahan: 900_000, pagu_berlaku: 900_000},
      {tahun: 2025, sumber_dana: "Tidak valid", pagu: 150_000, pagu_perubahan: null, pagu_berlaku: 150_000},
    ]);
    // the NIK pasted as a source reaches no output (only the operator's own files name it)
    for (const file of result.files.filter((f) => !OPERATOR_FILES.some((name) => f.endsWith(name)))) expect(readFileSync(file).toString("latin1")).not.toContain("3327041505609001");
  });
});

describe("a member's funding source that is not a name", () => {
  it("is published as 'Tidak valid' with a warning, the member still counted, the text nowhere in the site's files", async () => {
    const here = await tempDir("jaring-sumber-");
    await cp(fixture("kecil"), here, {recursive: true});
    // Row 3 (Fiktif Dua, whose source was empty): a NIK pasted into Sumber Dana.
    const text = await readFile(join(here, "peserta.csv"), "utf8");
    await writeFile(join(here, "peserta.csv"), text.replace("TUNDAGAN,buruh  tani,01/03/2025,,,AKTIF", "TUNDAGAN,buruh  tani,01/03/2025,,3327049988776655,AKTIF"));
    // Internal: every cell itemised, so the label itself is in the file (a public build hides this tiny table).
    const run = await runPipeline({extracts: here, reference: referenceDir, out: join(here, "out"), audience: "internal"});
    expect(rowsOf(run.quality.tables.peserta.warnings_by_reason).SUMBER_DANA_TIDAK_VALID).toEqual([3]);
    expect(run.quality.tables.peserta.rows_accepted).toBe(5);
    const sources = new Set(readArrow(join(here, "out", "peserta_sumber_dana.arrow")).map((r) => r.sumber_dana));
    expect(sources).toEqual(new Set(["DBHCHT", "Tidak valid"]));
    for (const file of run.files) expect(readFileSync(file).toString("latin1"), file).not.toContain("3327049988776655");
  });
});
