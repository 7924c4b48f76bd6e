// Problems found in the inputs: a reason code, the place at fault, and a message in Bahasa Indonesia and
// English. The builder collects all of them before refusing, so an office fixes its files in one round.

export type ProblemCode =
  | "ARGUMEN_TIDAK_VALID" // a command-line option missing or malformed
  | "BERKAS_TIDAK_TERBACA" // an input file missing or not parseable
  | "KOLOM_HILANG" // the code list lacks a required column
  | "KODE_DESA_FORMAT" // kode_desa not NN.NN.NN.NNNN, or not inside its kecamatan / the region
  | "KODE_KEC_FORMAT" // kode_kec not NN.NN.NN, or not inside the region
  | "NAMA_KOSONG" // a desa or kecamatan without a name
  | "TIPE_TIDAK_VALID" // tipe neither desa nor kelurahan
  | "KODE_GANDA_DAFTAR" // one kode_desa twice in the code list
  | "KECAMATAN_TIDAK_KONSISTEN" // one kode_kec with two names or BPS codes, or one name under two codes
  | "KECAMATAN_TANPA_DESA" // a kecamatan with no desa in the code list, or none with a polygon
  | "DESA_TANPA_POLIGON" // a desa of the code list with no polygon
  | "POLIGON_TANPA_KODE" // a polygon feature without a code property
  | "POLIGON_KODE_TIDAK_DIKENAL" // a polygon whose code is not in the code list
  | "POLIGON_KODE_GANDA" // two polygon features with the same code
  | "GEOMETRI_TIDAK_VALID" // a feature that is not a (non-empty) Polygon or MultiPolygon
  | "DESA_TUMPANG_TINDIH"; // two desa overlapping by more than the sliver tolerance

export type WarningCode =
  | "NAMA_DESA_BERBEDA" // the polygon's own name differs from the code list (the list's name is used)
  | "TIPE_DARI_KODE"; // no tipe column: tipe taken from the code (.1xxx kelurahan, .2xxx desa)

export interface Problem {
  code: ProblemCode;
  /** The desa, kecamatan or feature at fault, e.g. `35.09.01.2001` or `fitur #12`. */
  where: string;
  pesan: string;
  message: string;
}

export interface Warning {
  code: WarningCode;
  where: string;
  pesan: string;
}

export function problem(code: ProblemCode, where: string, pesan: string, message: string): Problem {
  return {code, where, pesan, message};
}

/** Thrown when the inputs are refused; carries every problem found, in input order. */
export class WilayahInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} masalah pada data masukan / ${problems.length} problem(s) in the inputs:\n` + problems.map(formatProblem).join("\n"));
    this.name = "WilayahInputError";
  }
}

export function formatProblem(p: Problem): string {
  return `  [${p.code}] ${p.where}: ${p.pesan} (${p.message})`;
}

/** Refuses when any problem was found; the caller's later steps can then trust the inputs. */
export function refuseIfAny(problems: Problem[]): void {
  if (problems.length) throw new WilayahInputError(problems);
}
