// NIK: 6-digit kecamatan code, birth date DDMMYY (day + 40 for women), 4-digit serial.
// Sample serials are 9000–9999 so a synthetic NIK never coincides with a real person's.
import { pad2, type Ymd } from "./calendar.ts";

export const SERIAL_MIN = 9000;
export const SERIAL_MAX = 9999;

export function buildNik(kodeKec: string, lahir: Ymd, sex: "L" | "P", serial: number): string {
  const region = kodeKec.replace(/\D/g, "");
  if (region.length !== 6) throw new Error(`kode kecamatan ${kodeKec} does not give 6 digits`);
  const day = lahir.d + (sex === "P" ? 40 : 0);
  return `${region}${pad2(day)}${pad2(lahir.m)}${pad2(lahir.y % 100)}${String(serial).padStart(4, "0")}`;
}

/** How Excel shows a 16-digit number in a General cell: 6 significant digits, `3.32704E+15`. */
export function excelMangled(nik: string): string {
  return `${nik[0]}.${nik.slice(1, 6)}E+${nik.length - 1}`;
}

/** A NIK missing one digit (a typing slip in the middle of the serial). */
export function dropOneDigit(nik: string): string {
  return nik.slice(0, 13) + nik.slice(14);
}

/** Birth date and sex as the pipeline reads them from a NIK (century from the year of TMT). */
export function decodeNik(nik: string, mulaiYear: number): { lahir: Ymd; sex: "L" | "P" } | null {
  if (!/^\d{16}$/.test(nik)) return null;
  const rawDay = Number(nik.slice(6, 8));
  const sex = rawDay > 40 ? "P" : "L";
  const yy = Number(nik.slice(10, 12));
  const y = 2000 + yy <= mulaiYear ? 2000 + yy : 1900 + yy;
  return { lahir: { y, m: Number(nik.slice(8, 10)), d: sex === "P" ? rawDay - 40 : rawDay }, sex };
}
