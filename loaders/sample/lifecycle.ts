// What really happens to each member over the invoiced months: death (TMI IV qx × multiplier,
// monthly), or leaving at the age limit. This is the truth BPJS bills and pays claims on.
import type { Calibration } from "./calibration.ts";
import { ageOn, daysInMonth, firstOfMonth, lastMonthYoungerThan, monthOf, monthYear, type Ymd } from "./calendar.ts";
import type { Person } from "./identity.ts";
import { randInt, type Rng } from "./random.ts";
import type { Parameter } from "./reference.ts";

export interface Lifecycle {
  meninggal: Ymd | null;
  /** Last month covered under the age limit; null for people enrolled past it (billed regardless). */
  batasUsia: number | null;
  /** Last month really covered within the invoiced window (death month, age cap or window end). */
  akhirRiil: number;
  keluar: "meninggal" | "usia" | null;
}

/** Annual death probability from TMI IV 2019, clamped to the table's ages. */
export function qx(parameter: Parameter, age: number, sex: "L" | "P"): number {
  const table = parameter.tmi_iv_2019;
  const row = sex === "L" ? table.laki_laki : table.perempuan;
  const i = Math.min(row.length - 1, Math.max(0, age - table.usia_mulai));
  return row[i]!;
}

export function simulateLifecycle(
  person: Person,
  parameter: Parameter,
  cal: Calibration,
  window: { awal: number; akhir: number },
  rng: Rng,
): Lifecycle {
  const start = monthOf(person.mulai);
  const batasUsia = person.kategori === "usia_di_luar" ? null : lastMonthYoungerThan(person.lahir, parameter.usia_maks);
  const last = Math.min(window.akhir, batasUsia ?? window.akhir);
  for (let m = start; m <= last; m++) {
    const age = ageOn(person.lahir, firstOfMonth(m));
    if (rng() < (qx(parameter, age, person.sex) / 12) * cal.pengaliMortalitas) {
      const { y, m: mm } = monthYear(m);
      const d = randInt(rng, m === start ? person.mulai.d : 1, daysInMonth(y, mm));
      return { meninggal: { y, m: mm, d }, batasUsia, akhirRiil: m, keluar: "meninggal" };
    }
  }
  const keluar = batasUsia !== null && batasUsia <= window.akhir ? "usia" : null;
  return { meninggal: null, batasUsia, akhirRiil: last, keluar };
}
