// Who enrols: a cell (desa × sector) drawn in proportion to its sasaran × enrolment rate, a
// tranche (TMT), a sex and an age at TMT. Identities (birth date, NIK, KPJ, name) come later, in
// identity.ts, once the defect plan is known (a row planned "too old" needs a different birth date).
import type { Calibration } from "./calibration.ts";
import { firstOfMonth, parseMonthKey, type Ymd } from "./calendar.ts";
import type { Population } from "./population.ts";
import { chance, cumulative, weightedIndex, weightedPick, type Rng } from "./random.ts";
import type { Reference } from "./reference.ts";

export interface Enrolment {
  id: number;
  kodeKec: string;
  kodeDesa: string;
  sektor: string;
  tranche: number;
  mulai: Ymd;
  sumberDana: string;
  sex: "L" | "P";
  usiaMasuk: number; // age at TMT
}

export function trancheSizes(cal: Calibration, scale: number): number[] {
  return cal.tranches.map((t) => Math.round(t.peserta * scale));
}

export function drawEnrolments(ref: Reference, cal: Calibration, pop: Population, scale: number, rng: Rng): Enrolment[] {
  const sizes = trancheSizes(cal, scale);
  const n = sizes.reduce((a, b) => a + b, 0);

  // Cells fill in proportion to sasaran × rate, never beyond their sasaran.
  const sums = cumulative(pop.cells.map((c, i) => c.jumlah * pop.cakupan[i]!));
  const filled = pop.cells.map(() => 0);
  const cellOf: number[] = [];
  for (let k = 0; k < n; k++) {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 10_000) throw new Error("drawEnrolments: sasaran too small for the tranche sizes");
      const i = weightedIndex(rng, sums);
      if (filled[i]! < pop.cells[i]!.jumlah) {
        filled[i]!++;
        cellOf.push(i);
        break;
      }
    }
  }

  // Priority sectors tend to land in the early tranches.
  const priority = new Set(cal.sektorPrioritas);
  const order = cellOf
    .map((cell, k) => ({ cell, key: rng() - (priority.has(pop.cells[cell]!.sektor) ? 0.3 : 0), k }))
    .sort((a, b) => a.key - b.key || a.k - b.k);

  const { usia_min, usia_maks } = ref.parameter;
  const ages: number[] = [];
  for (let a = usia_min; a < usia_maks; a++) ages.push(a);
  const ageWeights = ages.map((_, i) => cal.bobotUsia[i] ?? 1);

  const out: Enrolment[] = [];
  let t = 0;
  let leftInTranche = sizes[0] ?? 0;
  for (const { cell } of order) {
    while (leftInTranche === 0) leftInTranche = sizes[++t]!;
    leftInTranche--;
    const c = pop.cells[cell]!;
    const tranche = cal.tranches[t]!;
    out.push({
      id: out.length,
      kodeKec: c.kodeKec,
      kodeDesa: c.kodeDesa,
      sektor: c.sektor,
      tranche: t,
      mulai: firstOfMonth(parseMonthKey(tranche.mulai)),
      sumberDana: tranche.sumberDana,
      sex: chance(rng, cal.porsiLakiSektor[c.sektor] ?? 0.5) ? "L" : "P",
      usiaMasuk: weightedPick(rng, ages, ageWeights),
    });
  }
  return out;
}
