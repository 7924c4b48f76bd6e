// Calendar arithmetic on plain {y, m, d} values. Dates go through Date.UTC only, so the time zone
// of the machine that runs `npm run sample` cannot shift a day.

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number;
}

const DAY_MS = 86_400_000;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function dayNumber(date: Ymd): number {
  return Math.round(Date.UTC(date.y, date.m - 1, date.d) / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const x = new Date(n * DAY_MS);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(date) + days);
}

export function compareDates(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Months as integers (year × 12 + month − 1), so ranges and differences are plain arithmetic. */
export function monthIndex(y: number, m: number): number {
  return y * 12 + (m - 1);
}

export function monthOf(date: Ymd): number {
  return monthIndex(date.y, date.m);
}

export function monthYear(index: number): { y: number; m: number } {
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** Month key `YYYY-MM`, the form used everywhere in Jaring. */
export function monthKey(index: number): string {
  const { y, m } = monthYear(index);
  return `${y}-${String(m).padStart(2, "0")}`;
}

export function parseMonthKey(key: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) throw new Error(`bad month key ${key}`);
  return monthIndex(Number(match[1]), Number(match[2]));
}

export function parseIsoDate(text: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`bad ISO date ${text}`);
  const date = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  if (!isValidDate(date.y, date.m, date.d)) throw new Error(`impossible date ${text}`);
  return date;
}

export function firstOfMonth(index: number): Ymd {
  return { ...monthYear(index), d: 1 };
}

export function lastOfMonth(index: number): Ymd {
  const { y, m } = monthYear(index);
  return { y, m, d: daysInMonth(y, m) };
}

export function monthRange(first: number, last: number): number[] {
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

/** Age rule of docs/ARCHITECTURE.md: completed years, birthday counted from its own day. */
export function ageOn(birth: Ymd, date: Ymd): number {
  const before = date.m < birth.m || (date.m === birth.m && date.d < birth.d);
  return date.y - birth.y - (before ? 1 : 0);
}

/** First day on which someone born on `birth` has reached `age` (29 Feb birthdays: 1 March). */
export function dayReaching(birth: Ymd, age: number): Ymd {
  const y = birth.y + age;
  return isValidDate(y, birth.m, birth.d) ? { y, m: birth.m, d: birth.d } : { y, m: 3, d: 1 };
}

/** Last month whose first day the person is still younger than `age` (the coverage age cap). */
export function lastMonthYoungerThan(birth: Ymd, age: number): number {
  const candidate = monthIndex(birth.y + age, birth.m);
  return ageOn(birth, firstOfMonth(candidate)) < age ? candidate : candidate - 1;
}

export function iso(date: Ymd): string {
  return `${date.y}-${pad2(date.m)}-${pad2(date.d)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
