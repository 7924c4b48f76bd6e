// Data shaping for the public transparency page (src/publik.md): what the regent's stated expansion
// would cost next year, computed by the scenario model (skenario/) with the planner page's defaults,
// and the open-data file list from the data dictionary (kamus-data.json). Pure and browser-safe.
import {allocationFor, type AnggaranTahunan, type RencanaKas} from "./anggaran.js";
import {formatInteger, formatList, formatMoney, formatPercent} from "./format.js";
import {calibrateFromClaims, type ClaimRow} from "./skenario/calibration.js";
import {currentState, runScenario, type AgeBand, type EligibleRow, type MemberRow, type ScenarioParameters, type ScenarioResult} from "./skenario/model.js";
import {presetInput, toScenario, type PresetContext} from "./skenario/state.js";

export interface ExpansionInputs {
  asOf: string;
  anggota: readonly MemberRow[];
  sasaran: readonly EligibleRow[];
  klaim: readonly ClaimRow[];
  anggaran: readonly AnggaranTahunan[];
  rencanaKas: readonly RencanaKas[];
  kecamatan: readonly {kode: string}[];
  sektor: readonly {kode: string}[];
  bands: readonly AgeBand[];
  parameter: ScenarioParameters & {
    skenario_perluasan?: {sektor?: string[]; target_cakupan?: number; catatan?: string} | null;
    pengali_mortalitas?: number;
  };
}

export interface ExpansionOutlook {
  /** The planned year: the one after the as-of month's. */
  tahun: number;
  /** The regent's sectors, as codes of the reference list; coverage target 0..1. */
  sektor: string[];
  target: number;
  /** Months funded in the plan (from this year's cash plan), first month 1..12 and count. */
  danaAwal: number;
  danaBulan: number;
  /** The allocation it is set against, and its year (null: none budgeted). */
  pagu: number | null;
  tahunPagu: number | null;
  statusQuo: ScenarioResult;
  perluasan: ScenarioResult;
}

/**
 * The status quo and the regent's expansion ("Perluasan Bupati" on the planner page) for next year,
 * with the planner's defaults: every kecamatan, the sectors and target of `skenario_perluasan`, the
 * months funded this year, the allocation of the latest budgeted year up to the planned one, and the
 * mortality multiplier from the claims when there are at least 10 (clamped to 1–2.5), else the parameter.
 */
export function regentExpansion(d: ExpansionInputs): ExpansionOutlook | null {
  const perluasan = d.parameter.skenario_perluasan;
  if (!perluasan || !d.asOf) return null;
  const asOfYear = +d.asOf.slice(0, 4);
  const tahun = asOfYear + 1;
  const known = new Set(d.sektor.map((s) => s.kode));
  const bulanRencana = d.rencanaKas.filter((r) => r.bulan.startsWith(`${asOfYear}-`) && r.rencana > 0).map((r) => +r.bulan.slice(5, 7));
  const danaAwal = bulanRencana.length ? Math.min(...bulanRencana) : 1;
  const danaBulan = bulanRencana.length ? Math.max(...bulanRencana) - danaAwal + 1 : 12;
  const ctx: PresetContext = {
    kecamatan: d.kecamatan.map((k) => k.kode),
    sektor: d.sektor.map((s) => s.kode),
    sektorPerluasan: (perluasan.sektor ?? []).filter((k) => known.has(k)),
    targetPerluasan: Math.round((perluasan.target_cakupan ?? 1) * 100),
    danaAwal,
    danaBulan
  };
  const tahunPagu = [...new Set(d.anggaran.map((r) => +r.tahun))].filter((y) => y <= tahun).sort((a, b) => a - b).at(-1) ?? null;
  const pagu = allocationFor(d.anggaran, tahunPagu)?.pagu_berlaku ?? null;
  const state = currentState(d.anggota, d.sasaran, d.asOf, d.bands);
  const kalibrasi = calibrateFromClaims(d.anggota, d.klaim, d.asOf, d.parameter, d.bands);
  const pengali =
    kalibrasi.klaim >= 10 && kalibrasi.pengali !== null
      ? Math.min(2.5, Math.max(1, Math.round(kalibrasi.pengali * 10) / 10))
      : d.parameter.pengali_mortalitas ?? 1;
  const assumptions = {tahun, pagu: pagu ?? 0, iuran: d.parameter.iuran_per_bulan, diskon: false, pengali, porsiJkk: kalibrasi.porsiJkk ?? 0, kemiskinan: null};
  const run = (id: "status_quo" | "bupati") => runScenario(state, toScenario(presetInput(id, ctx)), assumptions, d.parameter);
  return {
    tahun,
    sektor: ctx.sektorPerluasan,
    target: ctx.targetPerluasan / 100,
    danaAwal,
    danaBulan,
    pagu,
    tahunPagu,
    statusQuo: run("status_quo"),
    perluasan: run("bupati")
  };
}

// The data dictionary as the pipeline writes it (kamus-data.json).
export type {KamusFile} from "../../loaders/kamus.ts";
import type {KamusFile} from "../../loaders/kamus.ts";

/** The dictionary as one row per column (file, column, meaning, type, unit), for a table and its CSV. */
export function dictionaryRows(berkas: readonly KamusFile[]): {berkas: string; kolom: string; arti: string; tipe: string; satuan: string}[] {
  return berkas.flatMap((b) => b.kolom.map((k) => ({berkas: `${b.nama}.csv`, kolom: k.nama, arti: k.arti, tipe: k.tipe, satuan: k.satuan ?? ""})));
}

// ---------------------------------------------------------------------------------------------------
// The page's plain-language figures

/** Active members by sex in `bulan`, and those in no published sex (small groups of a public build). */
export function membersBySex(anggota: readonly {bulan: string; jenis_kelamin?: string | null; aktif: number | null}[], bulan: string | null, membersActive: number | null | undefined): {L: number; P: number; tidakDirinci: number} {
  const count = (jk: string) => anggota.filter((r) => r.bulan === bulan && r.jenis_kelamin === jk).reduce((s, r) => s + (r.aktif ?? 0), 0);
  const L = count("L");
  const P = count("P");
  return {L, P, tidakDirinci: (membersActive ?? 0) - L - P};
}

/** "A (38,3%)": a kecamatan's name (printed bold) and its coverage, for a sentence. */
export function namedRates(rows: readonly {nama: string; rate: number | null}[]): {bold: string; rest: string}[] {
  return rows.map((r) => ({bold: r.nama, rest: ` (${formatPercent(r.rate)})`}));
}

/** The regent's sectors in a sentence, by their reference names in lower case: "petani, nelayan dan buruh harian". */
export function sectorNames(codes: readonly string[], sektor: readonly {kode: string; nama: string}[]): string {
  const names = new Map(sektor.map((s) => [s.kode, s.nama]));
  return formatList(codes.map((k) => (names.get(k) ?? k).toLowerCase()));
}

/** The expansion's cost set against the pagu, the sentence's tail ("" without a pagu). */
export function expansionAgainstPagu(outlook: Pick<ExpansionOutlook, "pagu" | "tahunPagu" | "perluasan">): string {
  if (!outlook.pagu) return "";
  const biaya = outlook.perluasan.biayaTahun;
  const stand = biaya > outlook.pagu ? `melebihi pagu ${formatMoney(biaya - outlook.pagu)}` : `masih di bawah pagu (sisa ${formatMoney(outlook.pagu - biaya)})`;
  return `; dengan pagu ${outlook.tahunPagu} sebesar ${formatMoney(outlook.pagu)}, biaya seluruhnya ${stand}`;
}

/** One row of the outlook table: a measure without and with the expansion. */
export interface OutlookRow {
  ukuran: string;
  kini: number;
  perluasan: number;
  format: (n: number) => string;
}

/** The outlook table: new members, families protected, the year's contributions (APBD), expected benefits. */
export function outlookRows(outlook: ExpansionOutlook): OutlookRow[] {
  const {statusQuo, perluasan} = outlook;
  return [
    {ukuran: "Peserta baru", kini: 0, perluasan: perluasan.pesertaBaru, format: formatInteger},
    {ukuran: "Keluarga terlindungi dalam setahun", kini: statusQuo.keluargaTerlindungi, perluasan: perluasan.keluargaTerlindungi, format: formatInteger},
    {ukuran: `Biaya iuran ${outlook.tahun} (APBD)`, kini: statusQuo.biayaTahun, perluasan: perluasan.biayaTahun, format: formatMoney},
    {ukuran: "Perkiraan santunan bagi keluarga", kini: statusQuo.santunan.harapan, perluasan: perluasan.santunan.harapan, format: formatMoney}
  ];
}

/** Where a published file can be downloaded (FileAttachment hrefs, by file name). */
export type Downloads = Record<string, {csv?: string; arrow?: string}>;

/** The dictionary's files with their download links (none for a file the page does not offer). */
export function openDataRows(berkas: readonly KamusFile[], unduhan: Downloads): (KamusFile & {files: {csv?: string; arrow?: string}})[] {
  return berkas.map((b) => ({...b, files: unduhan[b.nama] ?? {}}));
}
