// The program's age band in words, from parameter.json (`usia_min`, `usia_maks`), so every page says
// it the same way: "55–65 tahun" as the program states it, and one sentence for the rule behind it
// (a member starts aged usia_min up to but not including usia_maks, and leaves on reaching usia_maks;
// docs/ARCHITECTURE.md, "Age"). Pure.

export interface AgeParameters {
  usia_min?: number | null;
  usia_maks?: number | null;
}

const known = (p: AgeParameters | null | undefined): p is {usia_min: number; usia_maks: number} =>
  Number.isFinite(p?.usia_min) && Number.isFinite(p?.usia_maks);

/** "55–65 tahun"; null when the parameters are missing. */
export function ageBand(p: AgeParameters | null | undefined): string | null {
  return known(p) ? `${p.usia_min}–${p.usia_maks} tahun` : null;
}

/**
 * The rule behind the band: "berusia 55 tahun sampai sebelum 65 tahun saat mulai menjadi peserta;
 * kepesertaan berakhir pada bulan peserta mencapai usia 65 tahun"; null when the parameters are missing.
 */
export function ageRule(p: AgeParameters | null | undefined): string | null {
  return known(p) ? `berusia ${startAges(p)} saat mulai menjadi peserta; kepesertaan berakhir pada bulan peserta mencapai usia ${p.usia_maks} tahun` : null;
}

/** "55 tahun sampai sebelum 65 tahun": the ages at which a member may start; null when unknown. */
export function startAges(p: AgeParameters | null | undefined): string | null {
  return known(p) ? `${p.usia_min} tahun sampai sebelum ${p.usia_maks} tahun` : null;
}

/** "usia 65 tahun": the age at which members leave; null when unknown. */
export function exitAge(p: AgeParameters | null | undefined): string | null {
  return known(p) ? `usia ${p.usia_maks} tahun` : null;
}
