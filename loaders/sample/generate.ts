// generateSample: the whole sample in memory (files + manifest), from the reference, a seed and a
// scale. Writing to disk is write.ts's job, so tests and benchmarks can call this directly.
import { createHash } from "node:crypto";
import { defaultCalibration, type Calibration } from "./calibration.ts";
import { monthKey, monthOf, monthRange, parseMonthKey } from "./calendar.ts";
import { csvBytes, type CsvStyle } from "./csv.ts";
import { assignKategori, pickPindah } from "./defects.ts";
import { expectedAktif, trueActive } from "./expected.ts";
import { ANGGARAN_HEADER, ANGGARAN_HEADER_ROW, anggaranXlsx, budgetRows } from "./extracts/anggaran.ts";
import { buildIuranRows, IURAN_HEADER } from "./extracts/iuran.ts";
import { buildKlaimRows, KLAIM_HEADER } from "./extracts/klaim.ts";
import { buildPesertaRows, PESERTA_HEADER } from "./extracts/peserta.ts";
import { buildSasaranRows, SASARAN_HEADER } from "./extracts/sasaran.ts";
import { assignIdentities } from "./identity.ts";
import { nameSetOf } from "./names.ts";
import { simulateLifecycle } from "./lifecycle.ts";
import { buildManifest, type FileInfo, type SampleManifest } from "./manifest.ts";
import { drawEnrolments } from "./members.ts";
import { buildPopulation } from "./population.ts";
import { randInt, stream } from "./random.ts";
import type { Reference } from "./reference.ts";
import { placeVariants } from "./variants.ts";

export interface SampleOptions {
  reference: Reference;
  seed: number;
  /** Multiplies members, target population and budgets (for benchmarks). */
  scale?: number;
  calibration?: Calibration;
}

export interface Sample {
  /** File name → bytes, for data/extracts/. */
  files: Record<string, Uint8Array>;
  manifest: SampleManifest;
}

export const DEFAULT_SEED = 20250301;

/**
 * The scale that gives a region's sample the program size its pack states (wilayah.json
 * `program.peserta`): members in all tranches, with target population and budgets in proportion.
 */
export function regionScale(ref: Reference, cal: Calibration = defaultCalibration): number {
  const stated = ref.wilayah.program?.peserta;
  if (stated === undefined) return 1;
  if (!(Number.isInteger(stated) && stated > 0)) throw new Error(`wilayah.json program.peserta must be a positive whole number, got ${stated}`);
  return stated / cal.tranches.reduce((sum, t) => sum + t.peserta, 0);
}

export const STYLES = {
  peserta: { delimiter: ";", eol: "\r\n", encoding: "utf-8-bom" },
  iuran: { delimiter: ";", eol: "\r\n", encoding: "windows-1252" },
  klaim: { delimiter: ",", eol: "\n", encoding: "utf-8" },
  sasaran: { delimiter: ",", eol: "\n", encoding: "utf-8" },
} satisfies Record<string, CsvStyle>;

/** Every table of the sample as rows, before any bytes are written (the manifest needs them all). */
export interface SampleTables {
  funded: number[];
  funds: string[];
  population: ReturnType<typeof buildPopulation>;
  persons: ReturnType<typeof assignIdentities>;
  lifecycles: ReturnType<typeof simulateLifecycle>[];
  peserta: ReturnType<typeof buildPesertaRows>;
  klaim: ReturnType<typeof buildKlaimRows>;
  truth: ReturnType<typeof trueActive>;
  iuran: ReturnType<typeof buildIuranRows>;
  budget: ReturnType<typeof budgetRows>;
  sasaran: string[][];
}

/**
 * The sample's tables as rows: what generateSample encodes into files, and what a streaming writer
 * (stream.ts) can append to disk one region at a time for benchmark-sized extracts.
 */
export function buildSampleTables(options: SampleOptions): SampleTables {
  const ref = options.reference;
  const { seed } = options;
  const scale = options.scale ?? 1;
  const cal = options.calibration ?? defaultCalibration;
  const parameter = ref.parameter;

  const funded = monthRange(parseMonthKey(cal.periodeAwal), parseMonthKey(cal.periodeAkhir));
  const window = { awal: funded[0]!, akhir: funded[funded.length - 1]! };
  const funds = [...new Set(cal.tranches.map((t) => t.sumberDana))];

  // Who is eligible, who enrols, what is wrong with their row, who they are.
  const population = buildPopulation(ref, cal, scale, stream(seed, "sasaran"));
  const enrolments = drawEnrolments(ref, cal, population, scale, stream(seed, "peserta"));
  const kategori = assignKategori(enrolments.length, cal.doses, stream(seed, "cacat"));
  const persons = assignIdentities(enrolments, kategori, parameter, stream(seed, "identitas"), nameSetOf(ref.wilayah.program?.nama_sampel));

  // What happens to them.
  const mortality = stream(seed, "mortalitas");
  const lifecycles = persons.map((p) => simulateLifecycle(p, parameter, cal, window, mortality));

  // A few clean, surviving members move to another kecamatan (a second row, later TMT).
  const moves = stream(seed, "pindah");
  const eligible = persons
    .filter((p) => p.kategori === null && lifecycles[p.id]!.keluar === null && monthOf(p.mulai) + 2 <= window.akhir - 1)
    .map((p) => p.id);
  const pindah = new Map<number, number>();
  for (const id of pickPindah(eligible, cal.doses.pindah, persons.length, moves)) {
    const person = persons[id]!;
    person.kategori = "pindah";
    pindah.set(id, randInt(moves, monthOf(person.mulai) + 2, window.akhir - 1));
  }

  // The tables, as the offices would export them.
  const peserta = buildPesertaRows({
    ref,
    cal,
    persons,
    lifecycles,
    pindah,
    variants: placeVariants(ref),
    rng: stream(seed, "peserta-teks"),
  });
  const accepted = new Set(peserta.filter((r) => !r.reject).map((r) => r.personId));
  const klaim = buildKlaimRows(persons, lifecycles, accepted, parameter, cal, stream(seed, "klaim"));
  const truth = trueActive(persons, lifecycles, funded, funds);
  const iuran = buildIuranRows(truth, funds, parameter, cal, stream(seed, "iuran"));
  const budget = budgetRows(cal, scale);
  const sasaran = buildSasaranRows(ref, population);
  return { funded, funds, population, persons, lifecycles, peserta, klaim, truth, iuran, budget, sasaran };
}

export async function generateSample(options: SampleOptions): Promise<Sample> {
  const ref = options.reference;
  const { seed } = options;
  const scale = options.scale ?? 1;
  const cal = options.calibration ?? defaultCalibration;
  const parameter = ref.parameter;
  const { funded, funds, population, persons, lifecycles, peserta, klaim, truth, iuran, budget, sasaran } = buildSampleTables(options);

  const files: Record<string, Uint8Array> = {
    "peserta.csv": csvBytes(PESERTA_HEADER, peserta.map((r) => r.cells), STYLES.peserta),
    "klaim.csv": csvBytes(KLAIM_HEADER, klaim.map((r) => r.cells), STYLES.klaim),
    "iuran.csv": csvBytes(IURAN_HEADER, iuran.rows.map((r) => r.cells), STYLES.iuran),
    "anggaran.xlsx": await anggaranXlsx(budget, cal),
    "sasaran.csv": csvBytes(SASARAN_HEADER, sasaran, STYLES.sasaran),
    // Tells the pipeline (and so every page) that these extracts are synthetic, and when they were "taken".
    "ekstrak.json": new TextEncoder().encode(
      `${JSON.stringify({sintetis: true, tanggal_ekstrak: cal.tanggalEkstrak, keterangan: "Ekstrak sampel sintetis, dibuat oleh npm run sample"}, null, 2)}\n`,
    ),
  };

  const info = (name: string, header: readonly string[], extra: Partial<FileInfo>): FileInfo => ({
    bytes: files[name]!.length,
    sha256: createHash("sha256").update(files[name]!).digest("hex"),
    header: [...header],
    ...extra,
  });
  const manifest = buildManifest({
    ref,
    cal,
    seed,
    scale,
    funded: funded.map(monthKey),
    funds,
    population,
    persons,
    lifecycles,
    peserta,
    klaim,
    iuran,
    budget,
    aktif: expectedAktif(peserta, klaim, parameter, funded),
    truth,
    files: {
      "peserta.csv": info("peserta.csv", PESERTA_HEADER, { ...STYLES.peserta, dates: "DD/MM/YYYY mostly; some YYYY-MM-DD and DD-MM-YYYY (one style per row)" }),
      "klaim.csv": info("klaim.csv", KLAIM_HEADER, { ...STYLES.klaim, dates: "YYYY-MM-DD" }),
      "iuran.csv": info("iuran.csv", IURAN_HEADER, { ...STYLES.iuran, dates: "periode YYYY-MM or 01/MM/YYYY; tanggal_bayar DD/MM/YYYY" }),
      "anggaran.xlsx": info("anggaran.xlsx", ANGGARAN_HEADER, { sheet: "Anggaran", header_row: ANGGARAN_HEADER_ROW }),
      "sasaran.csv": info("sasaran.csv", SASARAN_HEADER, { ...STYLES.sasaran }),
    },
  });
  return { files, manifest };
}
