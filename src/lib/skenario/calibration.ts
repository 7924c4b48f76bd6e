// What the program's own claims say about the model's two risk assumptions: how many more deaths than
// TMI IV (an insured-lives table) the members actually have, and what share of deaths are work
// accidents (JKK). Both are ratios of counts the pipeline already publishes.
import {SEXES, cellIndex, cellRates, type AgeBand, type MemberRow, type ScenarioParameters, type Sex} from "./model.js";

export interface ClaimRow {
  bulan: string;
  jenis: string;
  /** null: suppressed in a public build (the month's remainder row holds it). */
  jumlah: number | null;
}

export interface Calibration {
  /** Claims (deaths) among covered members from the first member month to `asOf`. */
  klaim: number;
  klaimJkk: number;
  /** Deaths TMI IV (multiplier 1) expects over the same covered member-months. */
  harapan: number;
  /** klaim ÷ harapan; null when nothing is expected. */
  pengali: number | null;
  /** klaimJkk ÷ klaim; null without claims. */
  porsiJkk: number | null;
  /** Covered member-months the expectation is over. */
  bulanPeserta: number;
  dari: string | null;
  sampai: string | null;
}

const num = (v: unknown) => (Number.isFinite(Number(v)) ? Number(v) : 0);

/**
 * Observed deaths ÷ TMI IV's expectation over the covered member-months (active rows of
 * anggota_bulanan up to `asOf`). Members whose sex or band is unknown get the average monthly rate.
 */
export function calibrateFromClaims(
  anggota: readonly MemberRow[],
  klaim: readonly ClaimRow[],
  asOf: string,
  p: ScenarioParameters,
  bands: readonly AgeBand[]
): Calibration {
  const {qx} = cellRates(p, bands);
  const bandOf = new Map(bands.map((b, i) => [b.kode, i]));
  let known = 0;
  let knownExpected = 0;
  let unknown = 0;
  let dari: string | null = null;
  for (const row of anggota) {
    if (row.bulan > asOf) continue;
    const n = num(row.aktif);
    if (!n) continue;
    if (dari === null || row.bulan < dari) dari = row.bulan;
    const s = SEXES.indexOf(row.jenis_kelamin as Sex);
    const b = row.kelompok_umur == null ? undefined : bandOf.get(row.kelompok_umur);
    if (s < 0 || b === undefined) {
      unknown += n;
      continue;
    }
    known += n;
    knownExpected += (n * qx[cellIndex(s, b, bands.length)]) / 12;
  }
  const harapan = knownExpected + (known > 0 ? (unknown * knownExpected) / known : 0);
  let total = 0;
  let jkk = 0;
  for (const row of klaim) {
    if (dari === null || row.bulan < dari || row.bulan > asOf) continue;
    total += num(row.jumlah);
    if (row.jenis === "JKK") jkk += num(row.jumlah);
  }
  return {
    klaim: total,
    klaimJkk: jkk,
    harapan,
    pengali: harapan > 0 ? total / harapan : null,
    porsiJkk: total > 0 ? jkk / total : null,
    bulanPeserta: known + unknown,
    dari,
    sampai: dari === null ? null : asOf
  };
}
