// Data shaping for the coverage-gaps page (Cakupan): filters, coverage and gap by place and sector,
// the ranked gaps with their trend, enrolment tranches, and what changed since the previous month.
// Pure and browser-safe; plain arrays in (see arrow.ts), plain rows out, so a test can feed literals.
// Definitions (../shared/docs/DOMAIN.md): coverage rate = active ÷ eligible; coverage gap = eligible − active.
// Public builds suppress small counts (suppression.ts): a figure made only of hidden rows is null
// ("ditekan"), and remainder rows that a view cannot place go to a "Tidak dirinci" line.
import {ratio, type AnggotaBulanan, type Sasaran} from "./overview.js";
import {isRemainder, NOT_ITEMISED, NOT_ITEMISED_NAME, Totals, type Flags} from "./suppression.js";

/** perubahan_bulanan.arrow: entries and exits against the previous calendar month (docs/ARCHITECTURE.md). */
export interface Perubahan extends Flags {
  bulan: string;
  kode_kec: string;
  sektor: string;
  jenis_kelamin: string;
  /** null: suppressed (public build). */
  baru: number | null;
  keluar_meninggal: number | null;
  keluar_usia: number | null;
  keluar_lainnya: number | null;
}

/** The page's filters, as kept in the URL. An empty value means "all". */
export interface Filter {
  /** Kecamatan code the view is drilled into. */
  kec: string;
  /** Sector codes; empty = every sector. */
  sektor: readonly string[];
  /** "L" or "P". */
  jk: string;
  /** An age-band code of referensi.kelompok_umur ("55-59", "60-65"). */
  umur: string;
}

export const NO_FILTER: Filter = {kec: "", sektor: [], jk: "", umur: ""};

export interface Place {
  kode: string;
  nama: string;
  kode_kec?: string;
}

export interface Sector {
  kode: string;
  nama: string;
}

/** The code of members and eligible people whose desa is unknown, in desa-level rows. */
export const UNKNOWN_DESA = "";

const num = (value: unknown): number => {
  const n = typeof value === "bigint" ? Number(value) : Number(value);
  return Number.isFinite(n) ? n : 0;
};

/**
 * True when the filter picks people by sex or age band. The eligible population (sasaran) has no
 * such split, so a rate or a gap against it would be invented: show active members only.
 */
export function splitsPeople(filter: Filter): boolean {
  return filter.jk !== "" || filter.umur !== "";
}

/** Does a member-month row pass the filter? `withPlace` false ignores the kecamatan (region-wide views). */
export function matchesAnggota(row: AnggotaBulanan, filter: Filter, withPlace = true): boolean {
  if (withPlace && filter.kec && row.kode_kec !== filter.kec) return false;
  if (filter.sektor.length && !filter.sektor.includes(row.sektor ?? "")) return false;
  if (filter.jk && row.jenis_kelamin !== filter.jk) return false;
  if (filter.umur && row.kelompok_umur !== filter.umur) return false;
  return true;
}

/** Does an eligible-population row pass the filter? Only place and sector apply (no sex or age split). */
export function matchesSasaran(row: Sasaran, filter: Filter, withPlace = true): boolean {
  if (withPlace && filter.kec && row.kode_kec !== filter.kec) return false;
  if (filter.sektor.length && !filter.sektor.includes(row.sektor ?? "")) return false;
  return true;
}

/** "2025-03" → "2025-02"; "2025-01" → "2024-12". */
export function previousMonth(bulan: string): string {
  const [y, m] = bulan.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** The `n` month keys ending at `bulan`, oldest first. */
export function monthsEnding(bulan: string, n: number): string[] {
  const months = [bulan];
  while (months.length < n) months.unshift(previousMonth(months[0]));
  return months;
}

/** Distinct months of the member data up to `asOf`, newest first (the month picker's options). */
export function availableMonths(anggota: readonly AnggotaBulanan[], asOf?: string | null): string[] {
  const months = new Set<string>();
  for (const row of anggota) if (!asOf || row.bulan <= asOf) months.add(row.bulan);
  return [...months].sort().reverse();
}

export interface Coverage {
  /** null: suppressed (public build). */
  aktif: number | null;
  /** Eligible people; null when the place or sector has no target-population figure. */
  sasaran: number | null;
  /** aktif ÷ sasaran; null without an eligible figure, or when the filter splits people by sex or age. */
  rate: number | null;
  /** sasaran − aktif (negative when more are active than estimated eligible); null as for `rate`. */
  gap: number | null;
}

/** Rate and gap from counts, honouring a sex/age filter (no rate against an unsplit denominator). */
export function coverageOf(aktif: number | null, sasaran: number | null, people: boolean): Coverage {
  // A suppressed count stays hidden in what is derived from it: sasaran − gap would give it back.
  if (people || sasaran === null || aktif === null) return {aktif, sasaran, rate: null, gap: null};
  return {aktif, sasaran, rate: ratio(aktif, sasaran), gap: sasaran - aktif};
}

export interface PlaceCoverage extends Coverage {
  kode: string;
  nama: string;
}

export type Level = "kecamatan" | "desa";

/**
 * Active members in `bulan` and eligible people per place: every kecamatan of the region, or every
 * desa of the kecamatan `filter.kec` plus a row for members whose desa is unknown (when there are any),
 * plus (public build) a "Tidak dirinci" row for remainders that name no place. Places keep the
 * reference order; codes the reference lacks are appended. At desa level a public build passes
 * anggota_desa.arrow's rows (the member cube has no desa there).
 */
export function coverageByPlace(
  anggota: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  places: readonly Place[],
  options: {bulan: string; level: Level; filter: Filter}
): PlaceCoverage[] {
  const {bulan, level, filter} = options;
  const desa = level === "desa";
  const keyOf = (row: {kode_kec: string; kode_desa?: string | null}) => (desa ? row.kode_desa ?? UNKNOWN_DESA : row.kode_kec);
  const aktif = new Totals();
  for (const row of anggota) {
    if (row.bulan !== bulan || !matchesAnggota(row, filter, desa)) continue;
    const place = isRemainder(row) && (desa ? row.kode_desa : row.kode_kec) == null ? NOT_ITEMISED : keyOf(row);
    aktif.add(place, row.aktif);
  }
  const eligible = new Map<string, number>();
  for (const row of sasaran) {
    if (!matchesSasaran(row, filter, desa)) continue;
    eligible.set(keyOf(row), (eligible.get(keyOf(row)) ?? 0) + num(row.jumlah));
  }
  const shown = desa ? places.filter((p) => p.kode_kec === filter.kec) : places;
  const codes = shown.map((p) => p.kode);
  for (const code of [...aktif.keys(), ...eligible.keys()]) if (!codes.includes(code)) codes.push(code);
  const names = new Map(shown.map((p) => [p.kode, p.nama]));
  const people = splitsPeople(filter);
  // The line for remainders goes last, whatever order the codes came in.
  const ordered = [...codes.filter((c) => c !== NOT_ITEMISED), ...codes.filter((c) => c === NOT_ITEMISED)];
  return ordered.map((kode) => ({
    kode,
    nama: kode === UNKNOWN_DESA ? "Desa tidak diketahui" : kode === NOT_ITEMISED ? NOT_ITEMISED_NAME : names.get(kode) ?? kode,
    ...coverageOf(aktif.get(kode), eligible.has(kode) ? eligible.get(kode)! : null, people)
  }));
}

/** Totals of the view: all places of `rows` (the filter already applied; suppressed figures are in the remainder lines). */
export function totalCoverage(rows: readonly Coverage[], people: boolean): Coverage {
  const aktif = rows.reduce((s, r) => s + (r.aktif ?? 0), 0);
  const known = rows.filter((r) => r.sasaran !== null);
  return coverageOf(aktif, known.length ? known.reduce((s, r) => s + r.sasaran!, 0) : null, people);
}

/**
 * True when the member cube itemises desa (an internal build). A public build drops desa from the cube
 * (docs/ARCHITECTURE.md, "Desa"): its desa figures come from anggota_desa.arrow, unsplit.
 */
export function cubeHasDesa(anggota: readonly AnggotaBulanan[]): boolean {
  return anggota.some((row) => row.kode_desa != null);
}

/**
 * Can desa figures follow the filter? Yes when it narrows nothing below place (anggota_desa serves),
 * or when the cube itemises desa; a public build split by sector, sex or age cannot.
 */
export function desaFollowsFilter(anggota: readonly AnggotaBulanan[], filter: Filter): boolean {
  return !(filter.sektor.length > 0 || splitsPeople(filter)) || cubeHasDesa(anggota);
}

export interface DesaCoverage {
  rows: PlaceCoverage[];
  /** False: the rows count every sector, sex and age, whatever the filter (a public build; the page says so). */
  followsFilter: boolean;
}

/**
 * The desa of kecamatan `filter.kec` in `bulan` (coverageByPlace at desa level): from the member cube
 * when the filter narrows by sector, sex or age and the cube has desa, else from anggota_desa
 * (`anggotaDesa`), every sector, sex and age.
 */
export function desaCoverage(
  anggota: readonly AnggotaBulanan[],
  anggotaDesa: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  desa: readonly Place[],
  options: {bulan: string; filter: Filter}
): DesaCoverage {
  const {bulan, filter} = options;
  const narrowed = filter.sektor.length > 0 || splitsPeople(filter);
  const followsFilter = desaFollowsFilter(anggota, filter);
  const rows =
    followsFilter && narrowed
      ? coverageByPlace(anggota, sasaran, desa, {bulan, level: "desa", filter})
      : coverageByPlace(anggotaDesa, sasaran, desa, {bulan, level: "desa", filter: {...filter, sektor: [], jk: "", umur: ""}});
  return {rows, followsFilter};
}

/** One kecamatan's coverage in `bulan` within the filter's sector, sex and age (its headline figures). */
export function kecamatanCoverage(
  anggota: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  kode: string,
  options: {bulan: string; filter?: Filter}
): Coverage {
  const filter = {...(options.filter ?? NO_FILTER), kec: kode};
  const rows = coverageByPlace(anggota, sasaran, [], {bulan: options.bulan, level: "kecamatan", filter});
  return totalCoverage(
    rows.filter((p) => p.kode === kode),
    splitsPeople(filter)
  );
}

/**
 * Places by coverage gap, largest first (ties by name): the socialisation list. Places with no gap
 * (no eligible figure, a suppressed count, the "Tidak dirinci" line) follow in the order given.
 */
export function largestGapsFirst<T extends Coverage & {nama: string}>(rows: readonly T[]): T[] {
  const ranked = rows.filter((r) => r.gap !== null).sort((a, b) => b.gap! - a.gap! || a.nama.localeCompare(b.nama, "id"));
  return [...ranked, ...rows.filter((r) => r.gap === null)];
}

/**
 * A place's rank by coverage rate among `rows` (1 = highest), counting only places with a rate;
 * null when the place has none. Ties share the better rank.
 */
export function coverageRank(rows: readonly PlaceCoverage[], kode: string): {rank: number; of: number} | null {
  const rated = rows.filter((r) => r.rate !== null && r.kode !== NOT_ITEMISED);
  const own = rated.find((r) => r.kode === kode);
  if (!own) return null;
  return {rank: 1 + rated.filter((r) => r.rate! > own.rate!).length, of: rated.length};
}

export interface SectorCoverage extends Coverage {
  sektor: string;
  nama: string;
}

/** Eligible against active per sector for `bulan`, within the filter's place; every sector listed. */
export function coverageBySector(
  anggota: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  sectors: readonly Sector[],
  options: {bulan: string; filter: Filter}
): SectorCoverage[] {
  const {bulan, filter} = options;
  const aktif = new Totals();
  for (const row of anggota) {
    if (row.bulan !== bulan || !matchesAnggota(row, filter)) continue;
    aktif.add(isRemainder(row) && row.sektor == null ? NOT_ITEMISED : row.sektor ?? "", row.aktif);
  }
  const eligible = new Map<string, number>();
  for (const row of sasaran) {
    if (!matchesSasaran(row, filter)) continue;
    eligible.set(row.sektor ?? "", (eligible.get(row.sektor ?? "") ?? 0) + num(row.jumlah));
  }
  const listed = sectors.filter((s) => !filter.sektor.length || filter.sektor.includes(s.kode));
  const codes = listed.map((s) => s.kode);
  for (const code of [...aktif.keys(), ...eligible.keys()]) if (!codes.includes(code)) codes.push(code);
  const names = new Map([...sectors.map((s) => [s.kode, s.nama] as const), [NOT_ITEMISED, NOT_ITEMISED_NAME] as const]);
  const people = splitsPeople(filter);
  const ordered = [...codes.filter((c) => c !== NOT_ITEMISED), ...codes.filter((c) => c === NOT_ITEMISED)];
  return ordered.map((sektor) => ({
    sektor,
    nama: names.get(sektor) ?? sektor,
    ...coverageOf(aktif.get(sektor), eligible.has(sektor) ? eligible.get(sektor)! : null, people)
  }));
}

export interface GapRow extends PlaceCoverage {
  sektor: string;
  sektor_nama: string;
  /** Active members in each of the months ending at `bulan` (oldest first); null where suppressed. */
  trend: {bulan: string; aktif: number | null}[];
}

/**
 * The largest coverage gaps by place × sector in `bulan`, largest first (ties by place, then sector
 * name), at most `limit` rows; only cells with an eligible figure. The gap is a property of place and
 * sector, so a sex or age filter is not applied here (the page says so).
 */
export function gapRanking(
  anggota: readonly AnggotaBulanan[],
  sasaran: readonly Sasaran[],
  places: readonly Place[],
  sectors: readonly Sector[],
  options: {bulan: string; level: Level; filter: Filter; months?: number; limit?: number}
): GapRow[] {
  const {bulan, level, months = 12, limit = 15} = options;
  const filter = {...options.filter, jk: "", umur: ""};
  const desa = level === "desa";
  // Kecamatan level with a kecamatan chosen (a public build has no desa × sector): that kecamatan's sectors.
  const withPlace = desa || filter.kec !== "";
  const window = monthsEnding(bulan, months);
  const inWindow = new Set(window);
  const placeOf = (row: {kode_kec: string; kode_desa?: string | null}) => (desa ? row.kode_desa ?? UNKNOWN_DESA : row.kode_kec);
  const key = (place: string, sektor: string) => `${place}|${sektor}`;

  const eligible = new Map<string, number>();
  for (const row of sasaran) {
    if (!matchesSasaran(row, filter, withPlace)) continue;
    const k = key(placeOf(row), row.sektor ?? "");
    eligible.set(k, (eligible.get(k) ?? 0) + num(row.jumlah));
  }
  const series = new Totals();
  for (const row of anggota) {
    if (!inWindow.has(row.bulan) || !matchesAnggota(row, filter, withPlace)) continue;
    if (isRemainder(row) && (row.sektor == null || (desa && row.kode_desa == null))) continue;
    const k = key(placeOf(row), row.sektor ?? "");
    if (!eligible.has(k)) continue;
    series.add(`${k}|${row.bulan}`, row.aktif);
  }
  const placeNames = new Map(places.map((p) => [p.kode, p.nama]));
  const sectorNames = new Map(sectors.map((s) => [s.kode, s.nama]));
  const rows: GapRow[] = [...eligible.entries()].map(([k, jumlah]) => {
    const [kode, sektor] = k.split("|");
    const trend = window.map((m) => ({bulan: m, aktif: series.get(`${k}|${m}`)}));
    return {
      kode,
      nama: kode === UNKNOWN_DESA ? "Desa tidak diketahui" : placeNames.get(kode) ?? kode,
      sektor,
      sektor_nama: sectorNames.get(sektor) ?? sektor,
      ...coverageOf(trend.at(-1)!.aktif, jumlah, false),
      trend
    };
  });
  // A suppressed group has no gap to rank (its gap would give its count away).
  return rows
    .filter((r) => r.gap !== null)
    .sort((a, b) => b.gap! - a.gap! || a.nama.localeCompare(b.nama, "id") || a.sektor_nama.localeCompare(b.sektor_nama, "id"))
    .slice(0, limit);
}

export interface AgeSexRow {
  kelompok_umur: string;
  jenis_kelamin: string;
  /** null: suppressed (public build). */
  aktif: number | null;
}

/** Active members in `bulan` by age band × sex, in the given band order, L before P. */
export function byAgeSex(anggota: readonly AnggotaBulanan[], bands: readonly string[], options: {bulan: string; filter: Filter}): AgeSexRow[] {
  const {bulan, filter} = options;
  const counts = new Totals();
  const seen = [...bands];
  for (const row of anggota) {
    if (row.bulan !== bulan || !matchesAnggota(row, filter)) continue;
    // A remainder not split by age or sex (public build) goes to a NOT_ITEMISED band or sex.
    const rest = isRemainder(row);
    const band = row.kelompok_umur ?? (rest ? NOT_ITEMISED : "");
    const sex = row.jenis_kelamin ?? (rest ? NOT_ITEMISED : "");
    if (!seen.includes(band)) seen.push(band);
    counts.add(`${band}|${sex}`, row.aktif);
  }
  const bandsShown = filter.umur ? [filter.umur] : [...seen.filter((b) => b !== NOT_ITEMISED), ...seen.filter((b) => b === NOT_ITEMISED)];
  const sexes = filter.jk ? [filter.jk] : ["L", "P"];
  // Every band × sex of the grid; a NOT_ITEMISED band or sex only where it holds someone.
  return bandsShown.flatMap((kelompok_umur) =>
    [...sexes, NOT_ITEMISED]
      .filter((jenis_kelamin) => (kelompok_umur !== NOT_ITEMISED && jenis_kelamin !== NOT_ITEMISED) || counts.has(`${kelompok_umur}|${jenis_kelamin}`))
      .map((jenis_kelamin) => ({kelompok_umur, jenis_kelamin, aktif: counts.get(`${kelompok_umur}|${jenis_kelamin}`)}))
  );
}

export interface PlaceMonth {
  kode: string;
  nama: string;
  bulan: string;
  /** null: suppressed (public build). */
  aktif: number | null;
}

/** Active members per kecamatan per month up to `asOf` (every kecamatan × every month, zeros kept). */
export function monthlyByKecamatan(
  anggota: readonly AnggotaBulanan[],
  kecamatan: readonly Place[],
  options: {filter: Filter; asOf?: string | null}
): PlaceMonth[] {
  const {filter, asOf} = options;
  const counts = new Totals();
  const months = new Set<string>();
  const codes = kecamatan.map((k) => k.kode);
  for (const row of anggota) {
    if (asOf && row.bulan > asOf) continue;
    months.add(row.bulan);
    if (!matchesAnggota(row, filter, false) || row.kode_kec == null) continue;
    if (!codes.includes(row.kode_kec)) codes.push(row.kode_kec);
    counts.add(`${row.kode_kec}|${row.bulan}`, row.aktif);
  }
  const names = new Map(kecamatan.map((k) => [k.kode, k.nama]));
  const sorted = [...months].sort();
  return codes.flatMap((kode) => sorted.map((bulan) => ({kode, nama: names.get(kode) ?? kode, bulan, aktif: counts.get(`${kode}|${bulan}`)})));
}

/** One kecamatan's active members per month up to `asOf`, oldest first (every month of the data, zeros kept). */
export function kecamatanActiveByMonth(
  anggota: readonly AnggotaBulanan[],
  kode: string,
  options: {filter?: Filter; asOf?: string | null} = {}
): {bulan: string; aktif: number | null}[] {
  const rows = monthlyByKecamatan(anggota, [{kode, nama: kode}], {filter: options.filter ?? NO_FILTER, asOf: options.asOf});
  return rows.filter((r) => r.kode === kode).map(({bulan, aktif}) => ({bulan, aktif}));
}

export interface ActiveChange {
  bulan: string;
  /** The month compared with. */
  sejak: string;
  /** null: suppressed (public build); aktif_sebelumnya also when `sejak` is before the data begin. */
  aktif: number | null;
  aktif_sebelumnya: number | null;
  neto: number | null;
}

/**
 * Active members in `bulan` against `months` months earlier, within the filter (its kecamatan included):
 * the change since last month (`months` 1) or since a year ago (12). From the member table alone, so it
 * stays known where entries and exits are published only region-wide.
 */
export function activeChange(anggota: readonly AnggotaBulanan[], options: {bulan: string; months: number; filter?: Filter}): ActiveChange {
  const {bulan, months} = options;
  const filter = options.filter ?? NO_FILTER;
  const sejak = monthsEnding(bulan, months + 1)[0];
  const totals = new Totals();
  const seen = new Set<string>();
  for (const row of anggota) {
    seen.add(row.bulan);
    if ((row.bulan === bulan || row.bulan === sejak) && matchesAnggota(row, filter)) totals.add(row.bulan, row.aktif);
  }
  const aktif = totals.get(bulan);
  const aktif_sebelumnya = seen.has(sejak) ? totals.get(sejak) : null;
  return {bulan, sejak, aktif, aktif_sebelumnya, neto: aktif === null || aktif_sebelumnya === null ? null : aktif - aktif_sebelumnya};
}

export interface MonthIntake {
  bulan: string;
  baru: number;
  aktif: number;
}

/** New members and active members per month (region-wide), from perubahan and anggota. */
export function intakeByMonth(perubahan: readonly Perubahan[], anggota: readonly AnggotaBulanan[], asOf?: string | null): MonthIntake[] {
  const byMonth = new Map<string, MonthIntake>();
  const get = (bulan: string) => {
    let m = byMonth.get(bulan);
    if (!m) byMonth.set(bulan, (m = {bulan, baru: 0, aktif: 0}));
    return m;
  };
  for (const row of anggota) if (!asOf || row.bulan <= asOf) get(row.bulan).aktif += num(row.aktif);
  for (const row of perubahan) if (!asOf || row.bulan <= asOf) get(row.bulan).baru += num(row.baru);
  return [...byMonth.values()].sort((a, b) => a.bulan.localeCompare(b.bulan));
}

/**
 * Enrolment tranches: months whose new members jump — at least `factor` times the median monthly
 * intake and at least `minShare` of that month's active members. Programs enrol in batches when a
 * budget is approved; between batches intake is a trickle (returns, moves), so both tests together
 * separate the batches without a fixed size that would not travel to another regency.
 */
export function detectTranches(months: readonly MonthIntake[], options: {factor?: number; minShare?: number} = {}): MonthIntake[] {
  const {factor = 3, minShare = 0.02} = options;
  const intakes = months.map((m) => m.baru).sort((a, b) => a - b);
  if (!intakes.length) return [];
  const mid = intakes.length >> 1;
  const median = intakes.length % 2 ? intakes[mid] : (intakes[mid - 1] + intakes[mid]) / 2;
  return months.filter((m) => m.baru > 0 && m.baru >= factor * median && m.baru >= minShare * m.aktif);
}

export interface ChangeRow {
  kode: string;
  nama: string;
  /** Active members the month before and this month; null where suppressed (public build). */
  aktif_sebelumnya: number | null;
  aktif: number | null;
  /** Entries and exits; null where suppressed. */
  baru: number | null;
  keluar_meninggal: number | null;
  keluar_usia: number | null;
  keluar_lainnya: number | null;
  /** All exits (null when any reason is suppressed). */
  keluar: number | null;
  /**
   * aktif − aktif_sebelumnya, which equals baru − keluar (the pipeline guarantees it for place and
   * sector cells); from the active counts, so that it stays known where the flows are suppressed.
   */
  neto: number | null;
}

const FLOWS = ["baru", "keluar_meninggal", "keluar_usia", "keluar_lainnya"] as const;

/**
 * What changed between the month before `bulan` and `bulan`, per kecamatan (or per sector within the
 * drilled-in kecamatan, `by: "sektor"`). Sector and sex filters apply; the age band does not, because
 * members move between bands as they age and perubahan is not split by age (the page says so).
 * A public build adds a "Tidak dirinci" row for remainders that name no kecamatan (or sector), so the
 * rows still add up to the region's (or the kecamatan's) exact figures.
 */
export function changeSincePrevious(
  perubahan: readonly Perubahan[],
  anggota: readonly AnggotaBulanan[],
  groups: readonly Place[],
  options: {bulan: string; filter: Filter; by: "kecamatan" | "sektor"}
): ChangeRow[] {
  const {bulan, by} = options;
  const filter = {...options.filter, umur: ""};
  const before = previousMonth(bulan);
  const withPlace = by === "sektor";
  const groupOf = (row: {kode_kec: string; sektor?: string} & Flags) => {
    const kode = by === "sektor" ? row.sektor : row.kode_kec;
    return kode == null ? (isRemainder(row) ? NOT_ITEMISED : "") : kode;
  };
  const codes = groups.map((g) => g.kode);
  const names = new Map(groups.map((g) => [g.kode, g.nama]));
  const totals = new Totals();
  const seen = (kode: string) => {
    if (!codes.includes(kode)) codes.push(kode);
  };
  for (const row of anggota) {
    if ((row.bulan !== bulan && row.bulan !== before) || !matchesAnggota(row, filter, withPlace)) continue;
    const kode = groupOf(row);
    seen(kode);
    totals.add(`${kode}|${row.bulan === bulan ? "aktif" : "aktif_sebelumnya"}`, row.aktif);
  }
  // A public build publishes the changes region-wide only (docs/ARCHITECTURE.md): then no group's flows
  // are known ("ditekan"), and the region's go to the "Tidak dirinci" line when the view is the region.
  const itemised = !perubahan.length || perubahan.some((row) => (by === "sektor" ? row.sektor : row.kode_kec) != null);
  const regionView = !filter.kec && !filter.sektor.length && !filter.jk;
  for (const row of perubahan) {
    if (row.bulan !== bulan) continue;
    if (!itemised) {
      if (regionView) for (const flow of FLOWS) totals.add(`${NOT_ITEMISED}|${flow}`, row[flow]);
      continue;
    }
    if (!matchesAnggota({...row, terdaftar: 0, aktif: 0}, filter, withPlace)) continue;
    const kode = groupOf(row);
    seen(kode);
    for (const flow of FLOWS) totals.add(`${kode}|${flow}`, row[flow]);
  }
  if (!itemised) {
    for (const kode of codes) for (const flow of FLOWS) if (kode !== NOT_ITEMISED || !regionView) totals.add(`${kode}|${flow}`, null);
    if (regionView) seen(NOT_ITEMISED);
  }
  const ordered = [...codes.filter((c) => c !== NOT_ITEMISED), ...codes.filter((c) => c === NOT_ITEMISED)];
  return ordered.map((kode) => {
    const get = (what: string) => totals.get(`${kode}|${what}`);
    const [baru, keluar_meninggal, keluar_usia, keluar_lainnya] = FLOWS.map(get);
    const exits = [keluar_meninggal, keluar_usia, keluar_lainnya];
    const keluar = exits.some((v) => v === null) ? null : exits.reduce((s, v) => s! + v!, 0);
    const aktif = get("aktif");
    const aktif_sebelumnya = get("aktif_sebelumnya");
    // The remainder line's active counts and flows come from different groupings: no net change there.
    const neto = kode === NOT_ITEMISED || aktif === null || aktif_sebelumnya === null ? null : aktif - aktif_sebelumnya;
    const nama = kode === NOT_ITEMISED ? NOT_ITEMISED_NAME : names.get(kode) ?? kode;
    return {kode, nama, aktif_sebelumnya, aktif, baru, keluar_meninggal, keluar_usia, keluar_lainnya, keluar, neto};
  });
}

/**
 * The totals row of a change table: every row summed. Exact when the rows hold every suppressed figure
 * (the "Tidak dirinci" row of a public build); where a flow has hidden rows and no such row holds them
 * (a kecamatan whose changes are published only region-wide), that flow's total is null ("ditekan").
 * The active counts and the net change come from the member table and stay known.
 */
export function changeTotal(rows: readonly ChangeRow[]): ChangeRow {
  // The "Tidak dirinci" line holds the hidden flows only where it has a figure of its own.
  const covered = (pick: (r: ChangeRow) => number | null) => rows.some((r) => r.kode === NOT_ITEMISED && pick(r) !== null);
  const sum = (pick: (r: ChangeRow) => number | null) => rows.reduce((s, r) => s + (pick(r) ?? 0), 0);
  const flow = (pick: (r: ChangeRow) => number | null) => (!covered(pick) && rows.some((r) => pick(r) === null) ? null : sum(pick));
  const aktif = sum((r) => r.aktif);
  const aktif_sebelumnya = sum((r) => r.aktif_sebelumnya);
  const keluar_meninggal = flow((r) => r.keluar_meninggal);
  const keluar_usia = flow((r) => r.keluar_usia);
  const keluar_lainnya = flow((r) => r.keluar_lainnya);
  const exits = [keluar_meninggal, keluar_usia, keluar_lainnya];
  return {
    kode: "",
    nama: "Jumlah",
    aktif_sebelumnya,
    aktif,
    baru: flow((r) => r.baru),
    keluar_meninggal,
    keluar_usia,
    keluar_lainnya,
    keluar: exits.some((v) => v === null) ? null : exits.reduce((s, v) => s! + v!, 0),
    neto: aktif - aktif_sebelumnya
  };
}

/**
 * Members in `bulan` that a view split by `dims` cannot show (public build): remainder rows within
 * the filter whose value for one of those dimensions is not itemised. 0 in an internal build.
 */
export function notItemised(
  anggota: readonly AnggotaBulanan[],
  options: {bulan: string; filter: Filter; dims: readonly ("kode_desa" | "sektor" | "jenis_kelamin" | "kelompok_umur")[]}
): number {
  const {bulan, filter, dims} = options;
  let total = 0;
  for (const row of anggota) {
    if (row.bulan !== bulan || !isRemainder(row) || !dims.some((d) => row[d] == null)) continue;
    // Within the filter as far as the row says: a dimension it does not itemise cannot exclude it.
    if (filter.kec && row.kode_kec !== filter.kec) continue;
    if (filter.sektor.length && row.sektor != null && !filter.sektor.includes(row.sektor)) continue;
    if (filter.jk && row.jenis_kelamin != null && row.jenis_kelamin !== filter.jk) continue;
    if (filter.umur && row.kelompok_umur != null && row.kelompok_umur !== filter.umur) continue;
    total += num(row.aktif);
  }
  return total;
}
