// The sample generator: deterministic bytes, structurally valid synthetic identities, doses in
// their stated ranges, and a manifest that agrees with an independent reading of the files under
// the rules of docs/ARCHITECTURE.md (the pipeline's tests compare against the same manifest).
import ExcelJS from "exceljs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCalibration } from "../../loaders/sample/calibration.ts";
import { DEFAULT_SEED, generateSample, regionScale, type Sample } from "../../loaders/sample/generate.ts";
import { trancheSizes } from "../../loaders/sample/members.ts";
import { NAME_SETS, nameGenerator, nameSetOf } from "../../loaders/sample/names.ts";
import { stream } from "../../loaders/sample/random.ts";
import { loadReference, type Reference } from "../../loaders/sample/reference.ts";
import { parseCsv } from "../support/csv.ts";

const reference: Reference = loadReference(fileURLToPath(new URL("../../data/regions/33.27", import.meta.url)));

let sample: Sample;
let again: Sample;
beforeAll(async () => {
  sample = await generateSample({ reference, seed: DEFAULT_SEED });
  again = await generateSample({ reference, seed: DEFAULT_SEED });
}, 30_000);

// ---- a small, independent reader of the extracts (not the generator's code) -------------------

type Row = Record<string, string>;

function table(bytes: Uint8Array, delimiter: string, encoding = "utf-8"): { header: string[]; rows: Row[] } {
  const text = new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, "");
  const [header, ...body] = parseCsv(text, delimiter);
  return { header: header!, rows: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ""]))) };
}

const headerKey = (h: string) => h.toLowerCase().replace(/[\s._-]/g, "");

// Canonical names and aliases from docs EXTRACTS.md.
const ACCEPTED_HEADERS: Record<string, string[][]> = {
  peserta: [
    ["nik", "no_ktp", "nomor_induk_kependudukan"], ["kpj", "no_kpj", "nomor_peserta"], ["nama", "nama_lengkap", "nama_peserta"],
    ["jenis_kelamin", "jk", "sex", "l/p"], ["tanggal_lahir", "tgl_lahir"], ["kecamatan", "kec", "nama_kecamatan", "kode_kecamatan"],
    ["desa", "kelurahan", "desa_kelurahan", "nama_desa", "kode_desa"], ["sektor", "pekerjaan", "jenis_pekerjaan", "sektor_usaha"],
    ["mulai", "tanggal_mulai", "tmt", "tgl_kepesertaan"], ["akhir", "tanggal_akhir", "tgl_berakhir"], ["sumber_dana", "sumber", "dana"],
    ["status", "status_peserta"],
  ],
  iuran: [["periode", "bulan", "bulan_iuran"], ["jumlah_peserta", "peserta", "jml_peserta"], ["nominal", "jumlah", "total_iuran", "nilai"], ["tanggal_bayar", "tgl_bayar", "tanggal_sp2d"], ["sumber_dana", "sumber", "dana"], ["kecamatan", "kec"]],
  klaim: [["nik"], ["kpj"], ["tanggal_kejadian", "tgl_meninggal", "tanggal_meninggal"], ["jenis", "jenis_klaim", "program"], ["nominal", "nilai_klaim", "santunan"], ["beasiswa", "nilai_beasiswa"], ["tanggal_bayar", "tgl_bayar"]],
  anggaran: [["tahun", "tahun_anggaran", "ta"], ["sumber_dana", "sumber", "dana"], ["program", "kegiatan", "sub_kegiatan", "uraian"], ["pagu", "anggaran", "pagu_awal", "nilai"], ["pagu_perubahan", "pagu_p", "anggaran_perubahan"], ["bulan", "periode"]],
  sasaran: [["kecamatan", "kec", "kode_kecamatan"], ["desa", "kelurahan", "kode_desa"], ["sektor", "pekerjaan"], ["jumlah", "jumlah_sasaran", "estimasi", "total"], ["sumber", "sumber_data"]],
};

function canonical(tableName: string, header: string): string | null {
  const key = headerKey(header);
  const hit = ACCEPTED_HEADERS[tableName]!.find((names) => names.some((n) => headerKey(n) === key));
  return hit ? hit[0]! : null;
}

interface Ymd { y: number; m: number; d: number }
const validDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
function parseDate(text: string): Ymd | null | "invalid" {
  const t = text.trim();
  if (t === "") return null;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  let y: number, m: number, d: number;
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{2})[/-](\d{2})[/-](\d{4})$/.exec(t))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return "invalid";
  return validDate(y, m, d) ? { y, m, d } : "invalid";
}
const month = (x: Ymd) => x.y * 12 + x.m - 1;
const monthKey = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
const age = (b: Ymd, on: Ymd) => on.y - b.y - (on.m < b.m || (on.m === b.m && on.d < b.d) ? 1 : 0);
const sameDate = (a: Ymd, b: Ymd) => a.y === b.y && a.m === b.m && a.d === b.d;

function nikBirth(nik: string, mulaiYear: number): { lahir: Ymd; sex: "L" | "P" } | null {
  const raw = Number(nik.slice(6, 8));
  const sex = raw > 40 ? "P" : "L";
  const yy = Number(nik.slice(10, 12));
  const y = 2000 + yy <= mulaiYear ? 2000 + yy : 1900 + yy;
  const lahir = { y, m: Number(nik.slice(8, 10)), d: sex === "P" ? raw - 40 : raw };
  return validDate(lahir.y, lahir.m, lahir.d) ? { lahir, sex } : null;
}

const placeKey = (t: string) =>
  t.toLowerCase().trim().replace(/^(?:(?:kecamatan|kelurahan|desa)\s+|(?:kec|kel)\.\s*)/, "").replace(/[^a-z0-9]/g, "");
const sexOf = (t: string): "L" | "P" | null | "invalid" => {
  const k = t.trim().toLowerCase();
  if (k === "") return null;
  if (["l", "laki-laki", "laki laki", "pria"].includes(k)) return "L";
  if (["p", "perempuan", "wanita"].includes(k)) return "P";
  return "invalid";
};

/** Read peserta + klaim the way docs/ARCHITECTURE.md says the pipeline must. */
function readLikeThePipeline(s: Sample) {
  const p = reference;
  const kecKeys = new Map<string, string>();
  for (const k of p.kecamatan) for (const key of [k.nama, k.kode, k.kodeBps]) kecKeys.set(placeKey(key), k.kode);
  for (const a of p.aliasWilayah) if (a.tingkat === "kecamatan") kecKeys.set(placeKey(a.alias), a.kode);
  const desaKeys = new Map<string, Set<string>>();
  for (const d of p.desa) {
    const set = desaKeys.get(d.kodeKec) ?? new Set<string>();
    set.add(placeKey(d.nama)).add(placeKey(d.kode));
    desaKeys.set(d.kodeKec, set);
  }
  const sectorKeys = new Set([...p.aliasSektor.map((a) => a.alias), ...p.sektor.flatMap((x) => [x.kode, x.nama])].map((t) => t.toLowerCase().trim().replace(/\s+/g, " ")));
  const { usia_min, usia_maks } = p.parameter;

  const peserta = table(s.files["peserta.csv"]!, ";");
  const col = (name: string) => peserta.header.find((h) => canonical("peserta", h) === name)!;
  const [cNik, cKpj, cNama, cJk, cLahir, cKec, cDesa, cSektor, cMulai, cAkhir] = ["nik", "kpj", "nama", "jenis_kelamin", "tanggal_lahir", "kecamatan", "desa", "sektor", "mulai", "akhir"].map(col) as string[];

  const rejects: (string | null)[] = [];
  const warnings: (string | null)[] = [];
  const accepted: { nik: string; kpj: string; mulai: Ymd; akhir: Ymd | null; lahir: Ymd }[] = [];
  const seen = new Set<string>();
  for (const r of peserta.rows) {
    const reject = (() => {
      const nik = r[cNik!]!.trim();
      if (nik === "") return "NIK_KOSONG";
      if (/^\d(\.\d+)?e\+?\d+$/i.test(nik)) return "NIK_RUSAK_EXCEL";
      if (!/^\d{16}$/.test(nik)) return "NIK_FORMAT";
      const mulai = parseDate(r[cMulai!]!);
      const decoded = nikBirth(nik, mulai && mulai !== "invalid" ? mulai.y : 2025);
      if (!decoded) return "NIK_TANGGAL_TIDAK_VALID";
      if (r[cNama!]!.trim() === "") return "NAMA_KOSONG";
      if (r[cKec!]!.trim() === "") return "KECAMATAN_KOSONG";
      if (!kecKeys.has(placeKey(r[cKec!]!))) return "KECAMATAN_TIDAK_DIKENAL";
      if (r[cSektor!]!.trim() === "") return "SEKTOR_KOSONG";
      if (mulai === null || mulai === "invalid") return "MULAI_TIDAK_VALID";
      const akhir = parseDate(r[cAkhir!]!);
      if (akhir === "invalid") return "AKHIR_TIDAK_VALID";
      if (akhir && (akhir.y - mulai.y || akhir.m - mulai.m || akhir.d - mulai.d) < 0) return "AKHIR_SEBELUM_MULAI";
      const lahir = parseDate(r[cLahir!]!);
      if (lahir === "invalid") return "TGL_LAHIR_TIDAK_VALID";
      if (lahir && !sameDate(lahir, decoded.lahir)) return "NIK_TGL_LAHIR_BEDA";
      const sex = sexOf(r[cJk!]!);
      if (sex === "invalid") return "JK_TIDAK_VALID";
      if (sex && sex !== decoded.sex) return "NIK_JK_BEDA";
      const a = age(decoded.lahir, mulai);
      if (a < usia_min || a >= usia_maks) return "USIA_DI_LUAR_KETENTUAN";
      const key = `${nik}|${month(mulai)}|${mulai.d}`;
      if (seen.has(key)) return "DUPLIKAT";
      seen.add(key);
      accepted.push({ nik, kpj: r[cKpj!]!.trim(), mulai, akhir, lahir: decoded.lahir });
      return null;
    })();
    rejects.push(reject);
    let warning: string | null = null;
    if (!reject) {
      const kode = kecKeys.get(placeKey(r[cKec!]!))!;
      if (!sectorKeys.has(r[cSektor!]!.toLowerCase().trim().replace(/\s+/g, " "))) warning = "SEKTOR_TIDAK_DIKENAL";
      else if (r[cDesa!]!.trim() !== "" && !desaKeys.get(kode)?.has(placeKey(r[cDesa!]!))) warning = "DESA_TIDAK_DIKENAL";
    }
    warnings.push(warning);
  }

  const klaim = table(s.files["klaim.csv"]!, ",");
  const niks = new Set(accepted.map((a) => a.nik));
  const kpjs = new Set(accepted.map((a) => a.kpj));
  // Any row, accepted or rejected: a claim matching one counts (in the claims figures only).
  const anyNik = new Set(peserta.rows.map((r) => r[cNik!]!.trim()).filter((t) => t !== ""));
  const anyKpj = new Set(peserta.rows.map((r) => r[cKpj!]!.trim()).filter((t) => t !== ""));
  const deathByNik = new Map<string, number>();
  const deathByKpj = new Map<string, number>();
  let klaimPesertaDitolak = 0;
  const klaimRejects = klaim.rows.map((k) => {
    const found = (k.nik !== "" && niks.has(k.nik!)) || (k.kpj !== "" && kpjs.has(k.kpj!));
    const foundRow = (k.nik !== "" && anyNik.has(k.nik!)) || (k.kpj !== "" && anyKpj.has(k.kpj!));
    if (!foundRow) return "PESERTA_TIDAK_DITEMUKAN";
    if (!found) {
      klaimPesertaDitolak++;
      return null;
    }
    const m = month(parseDate(k.tanggal_kejadian!) as Ymd);
    if (k.nik) deathByNik.set(k.nik, m);
    if (k.kpj) deathByKpj.set(k.kpj, m);
    return null;
  });

  const iuran = table(s.files["iuran.csv"]!, ";", "windows-1252");
  const funded = new Set(
    iuran.rows.map((r) => {
      const periode = r.Periode!;
      return /^\d{4}-\d{2}$/.test(periode) ? month({ y: Number(periode.slice(0, 4)), m: Number(periode.slice(5, 7)), d: 1 }) : month(parseDate(periode) as Ymd);
    }),
  );
  const aktif = new Map<number, Set<string>>();
  for (const a of accepted) {
    const capBirthMonth = { y: a.lahir.y + usia_maks, m: a.lahir.m, d: 1 };
    const cap = age(a.lahir, capBirthMonth) < usia_maks ? month(capBirthMonth) : month(capBirthMonth) - 1;
    const last = Math.min(a.akhir ? month(a.akhir) : Infinity, deathByNik.get(a.nik) ?? deathByKpj.get(a.kpj) ?? Infinity, cap);
    for (const m of funded) if (m >= month(a.mulai) && m <= last) (aktif.get(m) ?? aktif.set(m, new Set()).get(m)!).add(a.nik);
  }
  const aktifByMonth = Object.fromEntries([...funded].sort((a, b) => a - b).map((m) => [monthKey(m), aktif.get(m)?.size ?? 0]));
  return { peserta, rejects, warnings, klaim, klaimRejects, klaimPesertaDitolak, iuran, aktifByMonth };
}

function byReason(codes: (string | null)[]): Record<string, { count: number; rows: number[] }> {
  const out: Record<string, { count: number; rows: number[] }> = {};
  codes.forEach((c, i) => {
    if (!c) return;
    const e = (out[c] ??= { count: 0, rows: [] });
    e.count++;
    if (e.rows.length < 50) e.rows.push(i + 2); // quality.json lists the first 50
  });
  return out;
}

const rupiah = (t: string) => Number(t.replace(/^Rp\s*/, "").replace(/,00$/, "").replace(/\./g, ""));

// ---- the tests --------------------------------------------------------------------------------

describe("sample generator", () => {
  it("produces identical bytes for the same seed", () => {
    expect(Object.keys(sample.files).sort()).toEqual(["anggaran.xlsx", "ekstrak.json", "iuran.csv", "klaim.csv", "peserta.csv", "sasaran.csv"]);
    for (const [name, bytes] of Object.entries(sample.files)) expect(Buffer.from(again.files[name]!).equals(Buffer.from(bytes)), name).toBe(true);
    expect(JSON.stringify(again.manifest)).toBe(JSON.stringify(sample.manifest));
  });

  it("writes every header as a canonical name or alias of EXTRACTS.md", () => {
    for (const [name, tableName, delimiter, encoding] of [
      ["peserta.csv", "peserta", ";", "utf-8"],
      ["iuran.csv", "iuran", ";", "windows-1252"],
      ["klaim.csv", "klaim", ",", "utf-8"],
      ["sasaran.csv", "sasaran", ",", "utf-8"],
    ] as const) {
      const { header } = table(sample.files[name]!, delimiter, encoding);
      const known = header.filter((h) => canonical(tableName, h));
      expect(known.length, `${name}: ${header.join("|")}`).toBe(tableName === "iuran" ? header.length - 1 : header.length);
    }
    for (const h of sample.manifest.files["anggaran.xlsx"]!.header) expect(canonical("anggaran", h), h).not.toBeNull();
  });

  it("encodes each file as its office would (BOM+CRLF, Windows-1252, LF)", () => {
    const peserta = sample.files["peserta.csv"]!;
    expect([...peserta.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(peserta).includes("\r\n")).toBe(true);
    const iuran = Buffer.from(sample.files["iuran.csv"]!);
    expect(iuran.includes(0x96)).toBe(true); // the en dash in Windows-1252
    expect(iuran.includes(Buffer.from("–"))).toBe(false); // not UTF-8
    const klaim = Buffer.from(sample.files["klaim.csv"]!);
    expect(klaim.includes("\r")).toBe(false);
    expect([...sample.files["sasaran.csv"]!.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  });

  it("builds structurally valid synthetic NIKs (serial 9000–9999) that encode birth date and sex", () => {
    const { rows, header } = table(sample.files["peserta.csv"]!, ";");
    // Which rows are deliberately corrupted: the independent reading (checked against the manifest below).
    const { rejects } = readLikeThePipeline(sample);
    const regions = new Set(reference.kecamatan.map((k) => k.kode.replace(/\D/g, "")));
    const [cNik, cJk, cLahir] = [header[0]!, header[3]!, header[4]!];
    rows.forEach((r, i) => {
      const code = rejects[i];
      const nik = r[cNik]!;
      if (code === "NIK_RUSAK_EXCEL") return expect(nik).toMatch(/^\d\.\d{5}E\+15$/);
      if (code === "NIK_FORMAT") return expect(nik).toMatch(/^\d{15}$/);
      expect(nik).toMatch(/^\d{16}$/);
      expect(regions.has(nik.slice(0, 6))).toBe(true);
      const serial = Number(nik.slice(12));
      expect(serial).toBeGreaterThanOrEqual(9000);
      expect(serial).toBeLessThanOrEqual(9999);
      const decoded = nikBirth(nik, 2025)!;
      expect(decoded).not.toBeNull();
      const lahir = parseDate(r[cLahir]!);
      if (lahir && lahir !== "invalid") expect(sameDate(lahir, decoded.lahir)).toBe(code !== "NIK_TGL_LAHIR_BEDA");
      const sex = sexOf(r[cJk]!);
      if (sex && sex !== "invalid") expect(sex === decoded.sex).toBe(code !== "NIK_JK_BEDA");
    });
  });

  it("gives every person a unique name of two or three words and a unique 11-digit KPJ", () => {
    const { rows, header } = table(sample.files["peserta.csv"]!, ";");
    const [cNik, cKpj, cNama] = [header[0]!, header[1]!, header[2]!];
    const nameToKpj = new Map<string, string>();
    const kpjToName = new Map<string, string>();
    for (const r of rows) {
      const name = r[cNama]!.toLowerCase();
      expect(name.split(" ").length, name).toBeGreaterThanOrEqual(2);
      expect(name.split(" ").length, name).toBeLessThanOrEqual(3);
      expect(r[cKpj]).toMatch(/^[1-9]\d{10}$/);
      expect(nameToKpj.get(name) ?? r[cKpj]).toBe(r[cKpj]);
      expect(kpjToName.get(r[cKpj]!) ?? name).toBe(name);
      nameToKpj.set(name, r[cKpj]!);
      kpjToName.set(r[cKpj]!, name);
      expect(r[cNik]).not.toBe("");
    }
  });

  it("keeps the doses within their stated ranges", () => {
    const m = sample.manifest;
    const people = m.expected.people.enrolled!;
    expect(people).toBeGreaterThanOrEqual(11_000);
    expect(people).toBeLessThanOrEqual(12_500);
    const q = m.expected.quality.tables.peserta!;
    const share = (code: string) => (q.rejects_by_reason[code]?.count ?? q.warnings_by_reason[code]?.count ?? 0) / people;
    const ranges: Record<string, [number, number]> = {
      NIK_RUSAK_EXCEL: [0.003, 0.007],
      NIK_FORMAT: [0.002, 0.004],
      NIK_TGL_LAHIR_BEDA: [0.002, 0.004],
      NIK_JK_BEDA: [0.001, 0.003],
      DUPLIKAT: [0.007, 0.013],
      KECAMATAN_TIDAK_DIKENAL: [0.002, 0.004],
      USIA_DI_LUAR_KETENTUAN: [0.001, 0.003],
      MULAI_TIDAK_VALID: [0.001, 0.003],
      DESA_TIDAK_DIKENAL: [0.002, 0.004],
      SEKTOR_TIDAK_DIKENAL: [0.003, 0.007],
    };
    for (const [code, [lo, hi]] of Object.entries(ranges)) {
      expect(share(code), code).toBeGreaterThanOrEqual(lo);
      expect(share(code), code).toBeLessThanOrEqual(hi);
    }
    expect(Object.keys(q.rejects_by_reason).sort()).toEqual(
      ["DUPLIKAT", "KECAMATAN_TIDAK_DIKENAL", "MULAI_TIDAK_VALID", "NIK_FORMAT", "NIK_JK_BEDA", "NIK_RUSAK_EXCEL", "NIK_TGL_LAHIR_BEDA", "USIA_DI_LUAR_KETENTUAN"],
    );
    // Accepted spelling variants and empty desa: about 2% each.
    const { rows, header } = table(sample.files["peserta.csv"]!, ";");
    const official = new Set(reference.kecamatan.map((k) => k.nama));
    const kecVariants = rows.filter((r) => !official.has(r[header[5]!]!) && !official.has(r[header[5]!]!.replace(/ \w+$/, ""))).length;
    expect(kecVariants / people).toBeGreaterThan(0.012);
    expect(kecVariants / people).toBeLessThan(0.03);
    const emptyDesa = rows.filter((r) => r[header[6]!] === "").length / people;
    expect(emptyDesa).toBeGreaterThan(0.015);
    expect(emptyDesa).toBeLessThan(0.03);
    // Sex mix about 55% men; more than 11,000 enrolled by July 2025.
    expect(m.expected.people.men! / people).toBeGreaterThan(0.5);
    expect(m.expected.people.men! / people).toBeLessThan(0.6);
    const tranches = m.calibration.tranches as { tmt: string; members: number }[];
    expect(tranches.filter((t) => t.tmt <= "2025-07-01").reduce((a, t) => a + t.members, 0)).toBeGreaterThan(11_000);
    // A target population of 34–38 thousand: coverage roughly a third.
    expect(m.expected.sasaran.total).toBeGreaterThanOrEqual(34_000);
    expect(m.expected.sasaran.total).toBeLessThanOrEqual(38_000);
  });

  it("agrees with an independent reading of the files: rejects, warnings, claims and monthly aktif", () => {
    const read = readLikeThePipeline(sample);
    const q = sample.manifest.expected.quality.tables;
    expect(byReason(read.rejects)).toEqual(q.peserta!.rejects_by_reason);
    expect(byReason(read.warnings)).toEqual(q.peserta!.warnings_by_reason);
    expect(read.peserta.rows.length).toBe(q.peserta!.rows_read);
    expect(byReason(read.klaimRejects)).toEqual(q.klaim!.rejects_by_reason);
    expect(read.klaimPesertaDitolak).toBe((sample.manifest.expected.claims as { counted_peserta_ditolak: number }).counted_peserta_ditolak);
    expect(read.aktifByMonth).toEqual(sample.manifest.expected.aktif_by_month);
  });

  it("bills jumlah × Rp16,800 and the true headcount, except the manifest's deliberate rows", () => {
    const { rows } = table(sample.files["iuran.csv"]!, ";", "windows-1252");
    const iuran = reference.parameter.iuran_per_bulan;
    const deliberate = sample.manifest.expected.invoice_discrepancies;
    expect(deliberate.map((d) => d.kind).sort()).toEqual(["nominal_tidak_sama_dengan_jumlah_x_iuran", "peserta_ditagih_melebihi_terdaftar"]);
    const truth = sample.manifest.expected.true_active_by_month;
    for (const r of rows) {
      const periode = /^\d{4}-\d{2}$/.test(r.Periode!) ? r.Periode! : `${r.Periode!.slice(6)}-${r.Periode!.slice(3, 5)}`;
      const jumlah = Number(r["Jumlah Peserta"]);
      const nominal = rupiah(r.Nominal!);
      const d = deliberate.find((x) => x.periode === periode && x.sumber_dana === r["Sumber Dana"]);
      expect(nominal === jumlah * iuran, `${periode} ${r["Sumber Dana"]}`).toBe(d?.kind !== "nominal_tidak_sama_dengan_jumlah_x_iuran");
      expect(jumlah - truth[periode]![r["Sumber Dana"]!]!).toBe(d?.kind === "peserta_ditagih_melebihi_terdaftar" ? 25 : 0);
      expect(r["Tanggal Bayar"] === "").toBe(periode === sample.manifest.window.last_month);
    }
  });

  it("pays claims by the benefit rules, 2–6 weeks after the death", () => {
    const { rows } = table(sample.files["klaim.csv"]!, ",");
    const p = reference.parameter;
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const nominal = Number(r.nominal);
      if (r.jenis === "JKK") expect(nominal).toBe(p.santunan_jkk_meninggal);
      else expect([p.santunan_jkm, p.santunan_jkm_sebelum_3_bulan]).toContain(nominal);
      const days = (Date.parse(r.tanggal_bayar!) - Date.parse(r.tanggal_kejadian!)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(14);
      expect(days).toBeLessThanOrEqual(42);
      expect(["", "0"]).toContain(r.beasiswa);
    }
    const kpjOnly = rows.filter((r) => r.nik === "").length / rows.length;
    expect(kpjOnly).toBeGreaterThan(0.03);
    expect(kpjOnly).toBeLessThan(0.2);
  });

  it("lays out anggaran.xlsx with a title row, a blank row and a cash plan summing to the budget in force", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(sample.files["anggaran.xlsx"]!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell("A1").value)).toContain("Rencana Anggaran");
    expect(sheet.getRow(2).cellCount).toBe(0);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(sample.manifest.files["anggaran.xlsx"]!.header);
    const sums = new Map<string, number>();
    const annual = new Map<string, number>();
    for (let n = 4; n <= sheet.rowCount; n++) {
      const [, tahun, sumber, , pagu, perubahan, bulan] = sheet.getRow(n).values as (number | string | null | undefined)[];
      const key = `${tahun} ${sumber}`;
      if (bulan == null) annual.set(key, Number(perubahan ?? pagu));
      else sums.set(key, (sums.get(key) ?? 0) + Number(pagu));
    }
    expect(sums).toEqual(annual);
    expect(annual.get("2025 DBHCHT")).toBe(2_100_000_000);
  });

  it("changes with the seed", async () => {
    const other = await generateSample({ reference, seed: DEFAULT_SEED + 1 });
    expect(Buffer.from(other.files["peserta.csv"]!).equals(Buffer.from(sample.files["peserta.csv"]!))).toBe(false);
  });
});

describe("a sample for another region", () => {
  it("is sized as the pack states: all tranches together hold program.peserta members", () => {
    const jember = loadReference(fileURLToPath(new URL("../../data/regions/35.09", import.meta.url)));
    expect(regionScale(reference)).toBe(1);
    const sizes = trancheSizes(defaultCalibration, regionScale(jember));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(jember.wilayah.program!.peserta);
    expect(() => regionScale({ ...jember, wilayah: { ...jember.wilayah, program: { peserta: 12.5 } } })).toThrow(/positive whole number/);
  });

  it("names people from the set the pack asks for, neutral ones when it asks for none", () => {
    expect(nameSetOf(undefined)).toBe("netral");
    expect(nameSetOf("jawa")).toBe("jawa");
    expect(() => nameSetOf("sasak")).toThrow(/unknown/);
    const next = nameGenerator(stream(1, "nama"), "netral");
    const names = Array.from({ length: 200 }, (_, i) => next(i % 2 ? "L" : "P"));
    expect(new Set(names).size).toBe(200);
    const first = new Set<string>([...NAME_SETS.netral.laki, ...NAME_SETS.netral.perempuan]);
    expect(names.every((n) => first.has(n.split(" ")[0]!))).toBe(true);
  });
});
