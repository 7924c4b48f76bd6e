// The Cakupan page's view: what its filters may be (kept in the URL), and every figure the chosen
// filter and month show — built from the derivations in cakupan.ts, which a kecamatan profile calls
// one kecamatan at a time. Pure and browser-safe; the page only wires inputs and lays out.
import type {AnggotaBulanan, Sasaran} from "./overview.js";
import {NOT_ITEMISED} from "./suppression.js";
import type {State} from "./urlState.js";
import {
  byAgeSex,
  changeSincePrevious,
  changeTotal,
  coverageByPlace,
  coverageBySector,
  desaCoverage,
  desaFollowsFilter,
  gapRanking,
  kecamatanCoverage,
  monthlyByKecamatan,
  notItemised,
  previousMonth,
  splitsPeople,
  totalCoverage,
  cubeHasDesa,
  type AgeSexRow,
  type ChangeRow,
  type Coverage,
  type Filter,
  type GapRow,
  type Level,
  type Perubahan,
  type Place,
  type PlaceCoverage,
  type PlaceMonth,
  type Sector,
  type SectorCoverage
} from "./cakupan.js";

/** What the map can colour places by. */
export const MAP_METRICS = {rate: "Cakupan", gap: "Celah", aktif: "Peserta aktif"} as const;
export type MapMetric = keyof typeof MAP_METRICS;

/** The page's state in the URL; empty values mean "all" (and, for the month, the latest). */
export interface ViewState extends State {
  kec: string;
  sektor: string[];
  jk: string;
  umur: string;
  bulan: string;
  peta: string;
}

export const VIEW_DEFAULTS: ViewState = {kec: "", sektor: [], jk: "", umur: "", bulan: "", peta: "rate"};

/** The region as referensi.json gives it: what the filters offer. */
export interface Region {
  kecamatan: Place[];
  desa: Place[];
  sectors: Sector[];
  /** Age-band codes, in order. */
  bands: string[];
}

export function regionOf(referensi: {kecamatan?: Place[]; desa?: Place[]; sektor?: Sector[]; kelompok_umur?: {kode: string}[]} | null | undefined): Region {
  return {
    kecamatan: referensi?.kecamatan ?? [],
    desa: referensi?.desa ?? [],
    sectors: referensi?.sektor ?? [],
    bands: (referensi?.kelompok_umur ?? []).map((k) => k.kode)
  };
}

/** The view a link asks for, each value checked against what the data offer; anything unknown falls back. */
export function initialView(asked: ViewState, region: Region, options: {months: readonly string[]; latest: string}): ViewState {
  const kecamatan = new Set(region.kecamatan.map((k) => k.kode));
  const sectors = new Set(region.sectors.map((s) => s.kode));
  return {
    kec: kecamatan.has(asked.kec) ? asked.kec : "",
    sektor: asked.sektor.filter((s) => sectors.has(s)),
    jk: ["L", "P"].includes(asked.jk) ? asked.jk : "",
    umur: region.bands.includes(asked.umur) ? asked.umur : "",
    bulan: options.months.includes(asked.bulan) ? asked.bulan : options.latest,
    peta: asked.peta in MAP_METRICS ? asked.peta : "rate"
  };
}

/** The filter the inputs make: every sector ticked is the same as none (and keeps the URL short). */
export function viewFilter(chosen: Filter, sectorCount: number): Filter {
  return {...chosen, sektor: chosen.sektor.length === sectorCount ? [] : chosen.sektor};
}

/** The pipeline's outputs the page reads (arrowRows of each file). */
export interface CakupanData {
  anggota: readonly AnggotaBulanan[];
  /** Members by month × kecamatan × desa: the desa figures of a public build. */
  anggotaDesa: readonly AnggotaBulanan[];
  sasaran: readonly Sasaran[];
  perubahan: readonly Perubahan[];
}

export interface CoverageView {
  /** The filter splits people by sex or age: active members only, no rate or gap (splitsPeople). */
  people: boolean;
  metric: MapMetric;
  level: Level;
  /** "desa" when drilled into a kecamatan, else "kecamatan". */
  placeWord: string;
  /** False: desa figures cannot follow the filter (public build), the page says so. */
  desaSplit: boolean;
  /** The map's and the place table's rows. */
  places: PlaceCoverage[];
  /** The headline: the chosen kecamatan's own row when drilled in, else the places' total. */
  total: Coverage;
  /** The month compared with in "what changed". */
  before: string;
  /** Per kecamatan, or per sector of the chosen kecamatan. */
  changes: ChangeRow[];
  changeTotal: ChangeRow;
  /** Entries and exits are published below the region (an internal build). */
  changesItemised: boolean;
  /** Desa × sector gaps need the desa in the cube (internal build); else kecamatan × sector. */
  gapLevel: Level;
  gaps: GapRow[];
  /** Without the "Tidak dirinci" line: those members are counted in `unsplitSector`. */
  bySector: SectorCoverage[];
  ageSex: AgeSexRow[];
  monthly: PlaceMonth[];
  /** The desa line of members whose desa is unknown (drilled in only). */
  unknownDesa: PlaceCoverage | null;
  /** Some place has no eligible figure (hatched on the map, "–" in the table). */
  missingEligible: boolean;
  /** Members a view cannot split (public build: remainders of suppressed small groups). */
  unsplitSector: number;
  unsplitAgeSex: number;
}

/** Every figure of the page for the chosen filter and month (`asOf` bounds the monthly series). */
export function coverageView(data: CakupanData, region: Region, options: {filter: Filter; bulan: string; peta: string; asOf: string | null}): CoverageView {
  const {anggota, anggotaDesa, sasaran, perubahan} = data;
  const {filter, bulan} = options;
  const {kec} = filter;
  const people = splitsPeople(filter);
  const level: Level = kec ? "desa" : "kecamatan";
  const places = kec
    ? desaCoverage(anggota, anggotaDesa, sasaran, region.desa, {bulan, filter}).rows
    : coverageByPlace(anggota, sasaran, region.kecamatan, {bulan, level, filter});
  const changes = kec
    ? changeSincePrevious(perubahan, anggota, region.sectors.filter((s) => !filter.sektor.length || filter.sektor.includes(s.kode)), {bulan, filter, by: "sektor"})
    : changeSincePrevious(perubahan, anggota, region.kecamatan, {bulan, filter: {...filter, kec: ""}, by: "kecamatan"});
  const gapLevel: Level = kec && cubeHasDesa(anggota) ? "desa" : "kecamatan";
  const ageSex = byAgeSex(anggota, region.bands, {bulan, filter});
  return {
    people,
    metric: people ? "aktif" : (options.peta as MapMetric),
    level,
    placeWord: kec ? "desa" : "kecamatan",
    desaSplit: desaFollowsFilter(anggota, filter),
    places,
    total: kec ? kecamatanCoverage(anggota, sasaran, kec, {bulan, filter}) : totalCoverage(places, people),
    before: previousMonth(bulan),
    changes,
    changeTotal: changeTotal(changes),
    changesItemised: perubahan.some((r) => r.kode_kec != null),
    gapLevel,
    gaps: gapRanking(anggota, sasaran, gapLevel === "desa" ? region.desa : region.kecamatan, region.sectors, {bulan, level: gapLevel, filter, months: 12, limit: 15}),
    bySector: coverageBySector(anggota, sasaran, region.sectors, {bulan, filter}).filter((r) => r.sektor !== NOT_ITEMISED),
    ageSex,
    monthly: monthlyByKecamatan(anggota, region.kecamatan, {filter, asOf: options.asOf}),
    unknownDesa: kec ? places.find((p) => p.kode === "") ?? null : null,
    missingEligible: places.some((p) => p.sasaran === null && p.kode !== NOT_ITEMISED),
    unsplitSector: notItemised(anggota, {bulan, filter, dims: ["sektor"]}),
    unsplitAgeSex: ageSex.filter((r) => r.kelompok_umur === NOT_ITEMISED || r.jenis_kelamin === NOT_ITEMISED).reduce((s, r) => s + (r.aktif ?? 0), 0)
  };
}

/** The age × sex rows the chart draws: those a remainder line cannot place stay in the table only. */
export function ageSexDrawn(rows: readonly AgeSexRow[]): AgeSexRow[] {
  return rows.filter((r) => r.kelompok_umur !== NOT_ITEMISED && r.jenis_kelamin !== NOT_ITEMISED);
}

/** Kecamatan × month, wide: one row per kecamatan (as in the small multiples), its months by key. */
export function monthlyWide(monthly: readonly PlaceMonth[], kecamatan: readonly Place[]): {months: string[]; rows: {nama: string; values: Map<string, number | null>}[]} {
  return {
    months: [...new Set(monthly.map((r) => r.bulan))],
    rows: kecamatan.map((k) => ({nama: k.nama, values: new Map(monthly.filter((r) => r.kode === k.kode).map((r) => [r.bulan, r.aktif]))}))
  };
}
