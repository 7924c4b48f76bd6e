// The defect plan: which people get which deliberate defect or variant. Exactly one per person,
// so each rejected row has one cause and one reason code, and rejected rows carry no warnings.
import type { Doses } from "./calibration.ts";
import { shuffle, type Rng } from "./random.ts";

export type Kategori = keyof Doses;

export type RejectCode =
  | "NIK_RUSAK_EXCEL"
  | "NIK_FORMAT"
  | "NIK_TGL_LAHIR_BEDA"
  | "NIK_JK_BEDA"
  | "KECAMATAN_TIDAK_DIKENAL"
  | "USIA_DI_LUAR_KETENTUAN"
  | "MULAI_TIDAK_VALID"
  | "DUPLIKAT";

export type WarningCode = "DESA_TIDAK_DIKENAL" | "SEKTOR_TIDAK_DIKENAL";

/** The reason code the pipeline must give the person's (first) row; duplikat: the copy's code. */
export const REJECT_OF: Partial<Record<Kategori, RejectCode>> = {
  nik_excel: "NIK_RUSAK_EXCEL",
  nik_format: "NIK_FORMAT",
  tgl_lahir_beda: "NIK_TGL_LAHIR_BEDA",
  jk_beda: "NIK_JK_BEDA",
  kecamatan_tidak_dikenal: "KECAMATAN_TIDAK_DIKENAL",
  usia_di_luar: "USIA_DI_LUAR_KETENTUAN",
  mulai_tidak_valid: "MULAI_TIDAK_VALID",
};

export const WARNING_OF: Partial<Record<Kategori, WarningCode>> = {
  desa_tidak_dikenal: "DESA_TIDAK_DIKENAL",
  sektor_tidak_dikenal: "SEKTOR_TIDAK_DIKENAL",
};

export function doseCount(rate: number, people: number): number {
  return Math.round(rate * people);
}

/**
 * Categories for everyone except `pindah` (moving needs the lifecycle: see pickPindah).
 * Returns one entry per person: a category or null (a clean row).
 */
export function assignKategori(people: number, doses: Doses, rng: Rng): (Kategori | null)[] {
  const plan: (Kategori | null)[] = new Array(people).fill(null);
  const order = shuffle(rng, [...Array(people).keys()]);
  let next = 0;
  for (const kategori of Object.keys(doses) as Kategori[]) {
    if (kategori === "pindah") continue;
    const count = doseCount(doses[kategori], people);
    if (next + count > people) throw new Error("assignKategori: doses add up to more than 100%");
    for (let k = 0; k < count; k++) plan[order[next++]!] = kategori;
  }
  return plan;
}

/** Moves go to clean rows of people who stay covered to the end (no death, no age exit). */
export function pickPindah(eligible: number[], rate: number, people: number, rng: Rng): number[] {
  const count = Math.min(doseCount(rate, people), eligible.length);
  return shuffle(rng, [...eligible]).slice(0, count).sort((a, b) => a - b);
}
