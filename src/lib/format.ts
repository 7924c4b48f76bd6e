// The one formatter module: every number, rupiah amount, month and date a page shows goes through here.
// Pure and browser-safe (no Node APIs). Conventions: id-ID grouping "11.482", decimal comma "34,2%",
// money in words "Rp2,2 miliar" / "Rp350 juta" (never "M"/"jt": readers take "1,5 M" for million),
// month keys "YYYY-MM" everywhere. Missing values (null, undefined, NaN, "") render as an en dash.
import {formatLocale} from "d3-format";

/** What every formatter prints for a missing value. */
export const MISSING = "–";

/** d3-format locale for id-ID (d3 ships none): use for axis ticks, e.g. `idLocale.format(",d")`. */
export const idLocale = formatLocale({
  decimal: ",",
  thousands: ".",
  grouping: [3],
  currency: ["Rp", ""],
  minus: "-",
  percent: "%"
});

export const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember"
] as const;

export const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"] as const;

type Num = number | bigint | string | null | undefined;

/** A finite number, or null for anything missing or unparseable (bigint from Arrow included). */
export function toNumber(value: Num): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    if (value.trim() === "") return null;
    value = Number(value);
  }
  return Number.isFinite(value) ? value : null;
}

const groupedInteger = idLocale.format(",.0f");
const fixedCache = new Map<number, (n: number) => string>();
function fixed(digits: number): (n: number) => string {
  let f = fixedCache.get(digits);
  if (!f) fixedCache.set(digits, (f = idLocale.format(`,.${digits}f`)));
  return f;
}

// Rounding half away from zero at `digits` decimals, robust to binary noise (1.005 → 1.01).
function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(value) * factor;
  if (Number.isInteger(scaled)) return value;
  const r = Math.round(Number(scaled.toPrecision(15))) / factor;
  return value < 0 ? -r : r;
}

// d3 prints "-0" for tiny negatives that round to zero; we never want a signed zero.
function noNegativeZero(text: string): string {
  return /^-0(?:,0+)?%?$/.test(text) ? text.slice(1) : text;
}

/** Integer with id-ID grouping: 11482 → "11.482"; rounds half away from zero. */
export function formatInteger(value: Num): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  return noNegativeZero(groupedInteger(round(n)));
}

/** Number with a fixed count of decimals and a decimal comma: (1.5, 1) → "1,5"; (1234.5, 2) → "1.234,50". */
export function formatDecimal(value: Num, digits = 1): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  return noNegativeZero(fixed(digits)(round(n, digits)));
}

/** Number with at most `maxDigits` decimals, trailing zeros dropped: 1.50 → "1,5", 2 → "2", 0.25 → "0,25". */
export function formatNumber(value: Num, maxDigits = 2): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  const text = formatDecimal(n, maxDigits);
  return text.includes(",") ? text.replace(/0+$/, "").replace(/,$/, "") : text;
}

/** A ratio as a percentage: 0.342 → "34,2%" (the value is a fraction, not already × 100). */
export function formatPercent(value: Num, digits = 1): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  return noNegativeZero(fixed(digits)(round(n * 100, digits)) + "%");
}

/** A change with its sign: 12 → "+12", -3 → "-3", 0 → "0"; `format` prints the number (formatInteger by default). */
export function formatSigned(value: number, format: (n: number) => string = formatInteger): string {
  return (value > 0 ? "+" : "") + format(value);
}

/** Items in a sentence: ["A"] → "A", ["A", "B", "C"] → "A, B dan C". */
export function formatList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} dan ${items.at(-1)}`;
}

/** Benefits per rupiah of contribution: 1.234 → "Rp1,23"; missing → "–". */
export function formatPerRupiah(value: number | null | undefined): string {
  return value == null ? MISSING : `Rp${formatDecimal(value, 2)}`;
}

/** Full rupiah amount, rounded to whole rupiah: 2215680000 → "Rp2.215.680.000". */
export function formatRupiah(value: Num): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  const r = round(n);
  if (r === 0) return "Rp0";
  return (r < 0 ? "-" : "") + "Rp" + groupedInteger(Math.abs(r));
}

const MONEY_UNITS = [
  {size: 1e12, word: "triliun"},
  {size: 1e9, word: "miliar"},
  {size: 1e6, word: "juta"}
] as const;

/**
 * Rupiah in words with `significant` digits (default 3, trailing zeros dropped):
 * 2215680000 → "Rp2,22 miliar", 2.2e9 → "Rp2,2 miliar", 350e6 → "Rp350 juta",
 * 16800 → "Rp16.800" (below a million: the full amount). Rounding that reaches the next unit moves
 * up: 999_999_999 → "Rp1 miliar", 1.9995e9 → "Rp2 miliar".
 */
export function formatMoney(value: Num, significant = 3): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  const sign = n < 0 ? "-" : "";
  const abs = round(Math.abs(n));
  if (abs === 0) return "Rp0";
  if (abs < 1e6) return sign + "Rp" + groupedInteger(abs);
  return sign + "Rp" + inWords(abs, MONEY_UNITS, significant);
}

// The largest unit not above `abs`; when rounding reaches 1000 of it, the next unit up ("1 miliar").
function inWords(abs: number, units: readonly {size: number; word: string}[], significant: number): string {
  let i = units.findIndex((unit) => abs >= unit.size);
  if (i < 0) i = units.length - 1;
  let mantissa = roundSignificant(abs / units[i].size, significant);
  if (mantissa >= 1000 && i > 0) mantissa = roundSignificant(mantissa / 1000, significant), i--;
  return mantissaText(mantissa, significant) + " " + units[i].word;
}

function roundSignificant(value: number, significant: number): number {
  if (value === 0) return 0;
  const digitsBefore = Math.floor(Math.log10(Math.abs(value))) + 1;
  const decimals = Math.max(0, significant - digitsBefore);
  return round(value, decimals);
}

function mantissaText(value: number, significant: number): string {
  const digitsBefore = value === 0 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
  const decimals = Math.max(0, significant - digitsBefore);
  let text = fixed(decimals)(round(value, decimals));
  if (text.includes(",")) text = text.replace(/0+$/, "").replace(/,$/, "");
  return text;
}

const COUNT_UNITS = [
  {size: 1e9, word: "miliar"},
  {size: 1e6, word: "juta"},
  {size: 1e3, word: "ribu"}
] as const;

/** Compact count for chart labels: 11482 → "11,5 ribu", 1250000 → "1,25 juta", 950 → "950". */
export function formatCount(value: Num, significant = 3): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  const abs = round(Math.abs(n));
  if (abs < 1e4) return formatInteger(n);
  return (n < 0 ? "-" : "") + inWords(abs, COUNT_UNITS, significant);
}

/**
 * What a page prints for a count of people the public build does not publish: fewer than the
 * threshold (5), or hidden with such a count so that it cannot be worked out from a total. One word
 * for both, so that the published figures do not say which is which (see the method page).
 */
export const SUPPRESSED = "ditekan";

/** A count of people: 11482 → "11.482"; null (suppressed, src/lib/suppression.ts) → "ditekan". */
export function formatPeople(value: Num): string {
  return value === null || value === undefined ? SUPPRESSED : formatInteger(value);
}

/** Parses a month key "YYYY-MM" (a longer ISO date is cut to its month); null when invalid. */
export function parseMonth(key: string | null | undefined): {year: number; month: number} | null {
  if (typeof key !== "string") return null;
  const m = /^(\d{4})-(\d{2})/.exec(key.trim());
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  if (month < 1 || month > 12) return null;
  return {year, month};
}

/** "2025-03" → "Maret 2025". */
export function formatMonth(key: string | null | undefined): string {
  const m = parseMonth(key);
  return m ? `${MONTHS[m.month - 1]} ${m.year}` : MISSING;
}

/** "2025-03" → "Mar 2025". */
export function formatMonthShort(key: string | null | undefined): string {
  const m = parseMonth(key);
  return m ? `${MONTHS_SHORT[m.month - 1]} ${m.year}` : MISSING;
}

/** "2025-03" → a UTC Date on the first of the month (for time scales); null when invalid. */
export function monthToDate(key: string | null | undefined): Date | null {
  const m = parseMonth(key);
  return m ? new Date(Date.UTC(m.year, m.month - 1, 1)) : null;
}

/** A UTC Date → its month key "YYYY-MM". */
export function dateToMonth(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Axis tick for a UTC month date: "Mar" within a year, "Jan 2026" when the year changes. */
export function formatMonthTick(date: Date, withYear = false): string {
  const month = MONTHS_SHORT[date.getUTCMonth()];
  return withYear || date.getUTCMonth() === 0 ? `${month} ${date.getUTCFullYear()}` : month;
}

function toDateParts(value: string | Date | null | undefined): {year: number; month: number; day: number} | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (isNaN(+value)) return null;
    return {year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate()};
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value).trim());
  if (!m) return null;
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return {year, month, day};
}

/** "2026-11-25" (or a UTC Date) → "25/11/2026". */
export function formatDate(value: string | Date | null | undefined): string {
  const d = toDateParts(value);
  if (!d) return MISSING;
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
}

/** "2026-11-25" (or a UTC Date) → "25 November 2026". */
export function formatDateLong(value: string | Date | null | undefined): string {
  const d = toDateParts(value);
  if (!d) return MISSING;
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}
