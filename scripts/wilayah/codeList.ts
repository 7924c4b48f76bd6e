// The Kemendagri code list (columns as in jember_desa_kelurahan.csv) and, optionally, a kecamatan list:
// parsed and checked here, before any geometry, so every code and name problem is reported at once.
import {csvParse} from "d3";
import {problem, type Problem, type Warning} from "./problems.ts";

export type Tipe = "desa" | "kelurahan";

export interface Desa {
  kode_desa: string;
  desa: string;
  tipe: Tipe;
  kode_kec: string;
  kode_kec_bps: string | null;
  kecamatan: string;
}

export interface Kecamatan {
  kode_kec: string;
  kode_kec_bps: string | null;
  kecamatan: string;
}

export interface CodeList {
  /** Sorted by kode_desa. */
  desa: Desa[];
  /** Sorted by kode_kec; every one has at least one desa. */
  kecamatan: Kecamatan[];
  problems: Problem[];
  warnings: Warning[];
}

const KODE_KAB = /^\d{2}\.\d{2}$/;
const KODE_KEC = /^\d{2}\.\d{2}\.\d{2}$/;
const KODE_DESA = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const KODE_KEC_BPS = /^\d{7}$/;

export const isKodeWilayah = (kode: string) => KODE_KAB.test(kode);

/** Trims and collapses inner spaces: a name typed twice with different spacing is the same name. */
export const cleanText = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** Rows of a CSV with lower-case, trimmed headers; a BOM (Excel's UTF-8 export) is dropped. */
export function readCsv(text: string): {columns: string[]; rows: Record<string, string>[]} {
  const parsed = csvParse(text.replace(/^\uFEFF/, ""), (row) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) out[k.trim().toLowerCase()] = cleanText(v);
    return out;
  });
  return {columns: parsed.columns.map((c) => c.trim().toLowerCase()), rows: parsed};
}

function missingColumns(columns: string[], required: string[], file: string): Problem[] {
  const missing = required.filter((c) => !columns.includes(c));
  return missing.length
    ? [problem("KOLOM_HILANG", file, `kolom wajib tidak ada: ${missing.join(", ")} (kolom yang ada: ${columns.join(", ") || "—"})`, `required column(s) missing: ${missing.join(", ")}`)]
    : [];
}

/** Kelurahan codes are .1xxx and desa .2xxx (Permendagri 72/2019 numbering). */
function tipeFromCode(kode: string): Tipe | null {
  const digit = kode.slice(9, 10);
  return digit === "1" ? "kelurahan" : digit === "2" ? "desa" : null;
}

/**
 * Parses the desa/kelurahan code list and checks it against the region code. `kecamatanCsv` (optional:
 * kode_kec, kecamatan[, kode_kec_bps]) lists the kecamatan the region must have; without it the kecamatan
 * are those the desa name.
 */
export function parseCodeList(desaCsv: string, kodeWilayah: string, kecamatanCsv?: string): CodeList {
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const {columns, rows} = readCsv(desaCsv);
  problems.push(...missingColumns(columns, ["kode_desa", "desa", "kode_kec", "kecamatan"], "daftar kode desa"));
  if (problems.length) return {desa: [], kecamatan: [], problems, warnings};
  const hasTipe = columns.includes("tipe");
  if (!hasTipe) warnings.push({code: "TIPE_DARI_KODE", where: "daftar kode desa", pesan: "kolom tipe tidak ada: tipe diambil dari kode (.1xxx kelurahan, .2xxx desa)"});

  const desa: Desa[] = [];
  const firstRow = new Map<string, number>();
  rows.forEach((r, i) => {
    const baris = `baris ${i + 2}`; // header is row 1
    const kode = r.kode_desa;
    const where = kode ? `${kode} ${r.desa}`.trim() : baris;
    let ok = true;
    const fail = (p: Problem) => {
      problems.push(p);
      ok = false;
    };
    if (!KODE_DESA.test(kode)) fail(problem("KODE_DESA_FORMAT", where, `${baris}: kode desa "${kode}" bukan format Kemendagri NN.NN.NN.NNNN (mis. 35.09.01.2001)`, `kode_desa is not NN.NN.NN.NNNN`));
    else if (!kode.startsWith(kodeWilayah + ".")) fail(problem("KODE_DESA_FORMAT", where, `${baris}: kode desa ${kode} tidak berada di wilayah ${kodeWilayah}`, `kode_desa outside region ${kodeWilayah}`));
    else if (KODE_KEC.test(r.kode_kec) && !kode.startsWith(r.kode_kec + ".")) fail(problem("KODE_DESA_FORMAT", where, `${baris}: kode desa ${kode} tidak berada di kecamatan ${r.kode_kec} (${r.kecamatan}) yang tertulis`, `kode_desa not inside its kode_kec ${r.kode_kec}`));
    if (!KODE_KEC.test(r.kode_kec)) fail(problem("KODE_KEC_FORMAT", where, `${baris}: kode kecamatan "${r.kode_kec}" bukan format NN.NN.NN`, `kode_kec is not NN.NN.NN`));
    if (!r.desa) fail(problem("NAMA_KOSONG", where, `${baris}: nama desa kosong`, "empty desa name"));
    if (!r.kecamatan) fail(problem("NAMA_KOSONG", where, `${baris}: nama kecamatan kosong`, "empty kecamatan name"));
    const bps = r.kode_kec_bps || null;
    if (bps !== null && !KODE_KEC_BPS.test(bps)) fail(problem("KODE_KEC_FORMAT", where, `${baris}: kode BPS kecamatan "${bps}" bukan 7 angka`, "kode_kec_bps is not 7 digits"));
    const tipe = hasTipe ? (["desa", "kelurahan"].includes(r.tipe.toLowerCase()) ? (r.tipe.toLowerCase() as Tipe) : null) : tipeFromCode(kode);
    if (tipe === null) fail(problem("TIPE_TIDAK_VALID", where, `${baris}: tipe "${hasTipe ? r.tipe : kode}" bukan desa atau kelurahan`, "tipe is neither desa nor kelurahan"));
    if (KODE_DESA.test(kode)) {
      const seen = firstRow.get(kode);
      if (seen !== undefined) fail(problem("KODE_GANDA_DAFTAR", where, `${baris}: kode desa ${kode} sudah dipakai di baris ${seen} (${rows[seen - 2].desa})`, `duplicate kode_desa, first on row ${seen}`));
      else firstRow.set(kode, i + 2);
    }
    if (ok) desa.push({kode_desa: kode, desa: r.desa, tipe: tipe!, kode_kec: r.kode_kec, kode_kec_bps: bps, kecamatan: r.kecamatan});
  });

  const kecamatan = kecamatanOf(desa, problems);
  if (kecamatanCsv !== undefined) checkAgainstKecamatanList(kecamatan, desa, kecamatanCsv, kodeWilayah, problems);
  desa.sort((a, b) => compare(a.kode_desa, b.kode_desa));
  kecamatan.sort((a, b) => compare(a.kode_kec, b.kode_kec));
  return {desa, kecamatan, problems, warnings};
}

export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One kecamatan per kode_kec; a code with two names (or BPS codes), or a name under two codes, is refused. */
function kecamatanOf(desa: Desa[], problems: Problem[]): Kecamatan[] {
  const byCode = new Map<string, Kecamatan & {first: string}>();
  for (const d of desa) {
    const k = byCode.get(d.kode_kec);
    if (!k) {
      byCode.set(d.kode_kec, {kode_kec: d.kode_kec, kode_kec_bps: d.kode_kec_bps, kecamatan: d.kecamatan, first: d.kode_desa});
      continue;
    }
    if (k.kecamatan !== d.kecamatan)
      problems.push(problem("KECAMATAN_TIDAK_KONSISTEN", `${d.kode_desa} ${d.desa}`, `kecamatan ${d.kode_kec} bernama "${d.kecamatan}" di sini tetapi "${k.kecamatan}" pada ${k.first}`, `kode_kec ${d.kode_kec} has two names`));
    if (k.kode_kec_bps !== d.kode_kec_bps)
      problems.push(problem("KECAMATAN_TIDAK_KONSISTEN", `${d.kode_desa} ${d.desa}`, `kecamatan ${d.kode_kec} berkode BPS "${d.kode_kec_bps ?? ""}" di sini tetapi "${k.kode_kec_bps ?? ""}" pada ${k.first}`, `kode_kec ${d.kode_kec} has two BPS codes`));
  }
  const byName = new Map<string, string>();
  for (const k of byCode.values()) {
    const other = byName.get(k.kecamatan.toLowerCase());
    if (other) problems.push(problem("KECAMATAN_TIDAK_KONSISTEN", `${k.kode_kec} ${k.kecamatan}`, `nama kecamatan "${k.kecamatan}" juga dipakai oleh kode ${other}`, `kecamatan name used by two codes`));
    else byName.set(k.kecamatan.toLowerCase(), k.kode_kec);
  }
  const bps = new Map<string, string>();
  for (const k of byCode.values()) {
    if (k.kode_kec_bps === null) continue;
    const other = bps.get(k.kode_kec_bps);
    if (other) problems.push(problem("KECAMATAN_TIDAK_KONSISTEN", `${k.kode_kec} ${k.kecamatan}`, `kode BPS ${k.kode_kec_bps} juga dipakai oleh kecamatan ${other}`, `BPS code used by two kecamatan`));
    else bps.set(k.kode_kec_bps, k.kode_kec);
  }
  return [...byCode.values()].map(({first, ...k}) => (void first, k));
}

/** The kecamatan list, when given, must name the same kecamatan as the desa list: none without desa, none unlisted. */
function checkAgainstKecamatanList(kecamatan: Kecamatan[], desa: Desa[], csv: string, kodeWilayah: string, problems: Problem[]): void {
  const {columns, rows} = readCsv(csv);
  const missing = missingColumns(columns, ["kode_kec", "kecamatan"], "daftar kecamatan");
  if (missing.length) return void problems.push(...missing);
  const listed = new Map<string, Record<string, string>>();
  rows.forEach((r, i) => {
    const where = `${r.kode_kec} ${r.kecamatan}`.trim() || `baris ${i + 2}`;
    if (!KODE_KEC.test(r.kode_kec) || !r.kode_kec.startsWith(kodeWilayah + "."))
      problems.push(problem("KODE_KEC_FORMAT", where, `daftar kecamatan baris ${i + 2}: kode "${r.kode_kec}" bukan kode kecamatan NN.NN.NN di wilayah ${kodeWilayah}`, "bad kode_kec in the kecamatan list"));
    else if (listed.has(r.kode_kec)) problems.push(problem("KECAMATAN_TIDAK_KONSISTEN", where, `daftar kecamatan baris ${i + 2}: kode ${r.kode_kec} tertulis dua kali`, "kode_kec listed twice"));
    else listed.set(r.kode_kec, r);
  });
  const fromDesa = new Map(kecamatan.map((k) => [k.kode_kec, k]));
  for (const [kode, r] of listed) {
    const k = fromDesa.get(kode);
    if (!k) {
      problems.push(problem("KECAMATAN_TANPA_DESA", `${kode} ${r.kecamatan}`, `kecamatan ${kode} ${r.kecamatan} tidak punya satu pun desa/kelurahan di daftar kode desa`, "kecamatan with no desa in the code list"));
      continue;
    }
    if (k.kecamatan !== r.kecamatan)
      problems.push(problem("KECAMATAN_TIDAK_KONSISTEN", `${kode} ${r.kecamatan}`, `kecamatan ${kode} bernama "${r.kecamatan}" di daftar kecamatan tetapi "${k.kecamatan}" di daftar kode desa`, "kecamatan name differs between the two lists"));
    const bps = r.kode_kec_bps || null;
    if (bps !== null && !KODE_KEC_BPS.test(bps)) problems.push(problem("KODE_KEC_FORMAT", `${kode} ${r.kecamatan}`, `kode BPS "${bps}" bukan 7 angka`, "kode_kec_bps is not 7 digits"));
    else if (bps !== null && k.kode_kec_bps !== null && bps !== k.kode_kec_bps)
      problems.push(problem("KECAMATAN_TIDAK_KONSISTEN", `${kode} ${r.kecamatan}`, `kode BPS ${bps} di daftar kecamatan tetapi ${k.kode_kec_bps} di daftar kode desa`, "BPS code differs between the two lists"));
    else if (bps !== null && k.kode_kec_bps === null) {
      // BPS codes often come from a separate bridging table: the kecamatan list supplies them.
      k.kode_kec_bps = bps;
      for (const d of desa) if (d.kode_kec === kode) d.kode_kec_bps = bps;
    }
  }
  for (const k of kecamatan)
    if (!listed.has(k.kode_kec))
      problems.push(problem("KECAMATAN_TIDAK_KONSISTEN", `${k.kode_kec} ${k.kecamatan}`, `kecamatan ${k.kode_kec} ${k.kecamatan} dipakai di daftar kode desa tetapi tidak ada di daftar kecamatan`, "kecamatan missing from the kecamatan list"));
}
