// Birth date, NIK, KPJ and name for each enrolled person. The NIK encodes the registering
// kecamatan, the birth date and the sex, exactly as the pipeline will decode it.
import { addDays, ageOn, dayNumber, type Ymd } from "./calendar.ts";
import type { Kategori } from "./defects.ts";
import type { Enrolment } from "./members.ts";
import { nameGenerator, type NameSet } from "./names.ts";
import { buildNik, SERIAL_MAX, SERIAL_MIN } from "./nik.ts";
import { randInt, type Rng } from "./random.ts";
import type { Parameter } from "./reference.ts";

export interface Person extends Enrolment {
  kategori: Kategori | null;
  lahir: Ymd;
  nik: string;
  kpj: string;
  nama: string;
}

/** A birth date that makes the person exactly `age` on `date`. */
export function birthDateForAge(date: Ymd, age: number, rng: Rng): Ymd {
  // Born after `date` minus (age + 1) years and no later than `date` minus age years.
  const latest = { y: date.y - age, m: date.m, d: date.d };
  const earliest = addDays({ y: date.y - age - 1, m: date.m, d: date.d }, 1);
  const span = dayNumber(latest) - dayNumber(earliest);
  const lahir = addDays(earliest, randInt(rng, 0, span));
  if (ageOn(lahir, date) !== age) throw new Error("birthDateForAge: age rule broken");
  return lahir;
}

export function assignIdentities(
  enrolments: Enrolment[],
  kategori: (Kategori | null)[],
  parameter: Parameter,
  rng: Rng,
  names: NameSet = "jawa",
): Person[] {
  const niks = new Set<string>();
  const kpjs = new Set<string>();
  const nextName = nameGenerator(rng, names);
  return enrolments.map((e, i) => {
    const k = kategori[i] ?? null;
    // "Too old" rows are real people one year past the age limit, consistent NIK and birth date.
    const usiaMasuk = k === "usia_di_luar" ? parameter.usia_maks + 1 : e.usiaMasuk;
    const lahir = birthDateForAge(e.mulai, usiaMasuk, rng);
    let nik: string;
    do nik = buildNik(e.kodeKec, lahir, e.sex, randInt(rng, SERIAL_MIN, SERIAL_MAX));
    while (niks.has(nik));
    niks.add(nik);
    let kpj: string;
    do kpj = String(randInt(rng, 1, 9)) + String(randInt(rng, 0, 9_999_999_999)).padStart(10, "0");
    while (kpjs.has(kpj));
    kpjs.add(kpj);
    return { ...e, usiaMasuk, kategori: k, lahir, nik, kpj, nama: nextName(e.sex) };
  });
}
