// data/sample-manifest.json: the recipe (seed, calibration, doses) and everything a test of the
// pipeline can check against — rows read, rejects and warnings by reason, monthly `aktif`, the
// true billed counts and the deliberate invoice discrepancies. No NIK or name ever goes in here.
import type { Calibration } from "./calibration.ts";
import type { Kategori } from "./defects.ts";
import { reasonCounts, sortKeys, type ReasonCount } from "./expected.ts";
import type { BudgetRow } from "./extracts/anggaran.ts";
import type { InvoiceDiscrepancy, IuranRow } from "./extracts/iuran.ts";
import type { KlaimRow } from "./extracts/klaim.ts";
import type { PesertaRow } from "./extracts/peserta.ts";
import type { Person } from "./identity.ts";
import type { Lifecycle } from "./lifecycle.ts";
import { trancheSizes } from "./members.ts";
import type { Population } from "./population.ts";
import type { Reference } from "./reference.ts";

export interface FileInfo {
  bytes: number;
  sha256: string;
  header: string[];
  delimiter?: string;
  eol?: string;
  encoding?: string;
  dates?: string;
  sheet?: string;
  header_row?: number;
}

export interface TableQuality {
  file: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rejects_by_reason: Record<string, ReasonCount>;
  warnings_by_reason: Record<string, ReasonCount>;
}

export interface SampleManifest {
  generator: string;
  seed: number;
  scale: number;
  region: { kode: string; nama: string };
  window: { first_month: string; last_month: string; funded_months: string[]; extract_date: string; as_of: string };
  calibration: Record<string, unknown>;
  doses: Record<string, { rate: number; people: number }>;
  files: Record<string, FileInfo>;
  expected: {
    quality: { tables: Record<string, TableQuality> };
    aktif_by_month: Record<string, number>;
    member_months: number;
    true_active_by_month: Record<string, Record<string, number>>;
    invoice_discrepancies: InvoiceDiscrepancy[];
    invoices: Record<string, Record<string, { jumlah_peserta: number; nominal: number; dibayar: boolean }>>;
    claims: Record<string, unknown>;
    deaths: Record<string, number>;
    budget: Record<string, unknown>;
    sasaran: { total: number; by_sector: Record<string, number> };
    /** Enrolled people (by their true sector and first kecamatan) against the sasaran. */
    enrolment_vs_sasaran: Record<string, Record<string, { sasaran: number; enrolled: number; ratio: number }>>;
    people: Record<string, number>;
  };
  notes: string[];
}

export interface ManifestInput {
  ref: Reference;
  cal: Calibration;
  seed: number;
  scale: number;
  funded: string[];
  funds: string[];
  population: Population;
  persons: Person[];
  lifecycles: Lifecycle[];
  peserta: PesertaRow[];
  klaim: KlaimRow[];
  iuran: { rows: IuranRow[]; discrepancies: InvoiceDiscrepancy[] };
  budget: BudgetRow[];
  aktif: Record<string, number>;
  truth: Record<string, Record<string, number>>;
  files: Record<string, FileInfo>;
}

function quality(file: string, rows: number, rejects: (string | null)[], warnings: (string | null)[]): TableQuality {
  const rejected = rejects.filter(Boolean).length;
  return {
    file,
    rows_read: rows,
    rows_accepted: rows - rejected,
    rows_rejected: rejected,
    rejects_by_reason: reasonCounts(rejects),
    // Warnings count on accepted rows only (rejected rows are planned to carry none anyway).
    warnings_by_reason: reasonCounts(warnings.map((w, i) => (rejects[i] ? null : w))),
  };
}

export function buildManifest(input: ManifestInput): SampleManifest {
  const { ref, cal, seed, scale, funded, funds, population, persons, lifecycles, peserta, klaim, iuran, budget } = input;
  const none = (n: number) => new Array<null>(n).fill(null);

  const sizes = trancheSizes(cal, scale);
  const doses: SampleManifest["doses"] = {};
  for (const k of Object.keys(cal.doses) as Kategori[]) {
    doses[k] = { rate: cal.doses[k], people: persons.filter((p) => p.kategori === k).length };
  }

  const acceptedClaims = klaim.filter((k) => !k.reject);
  const byJenis: Record<string, { count: number; nominal: number }> = {};
  for (const k of acceptedClaims) {
    const entry = (byJenis[k.jenis] ??= { count: 0, nominal: 0 });
    entry.count++;
    entry.nominal += k.nominal;
  }

  const invoices: SampleManifest["expected"]["invoices"] = {};
  for (const r of iuran.rows) {
    (invoices[r.periode] ??= {})[r.sumberDana] = { jumlah_peserta: r.jumlahPeserta, nominal: r.nominal, dibayar: r.tanggalBayar !== null };
  }

  const bySector: Record<string, number> = {};
  for (const c of population.cells) bySector[c.sektor] = (bySector[c.sektor] ?? 0) + c.jumlah;

  const versus = (key: (x: { kodeKec: string; sektor: string }) => string) => {
    const out: Record<string, { sasaran: number; enrolled: number; ratio: number }> = {};
    for (const c of population.cells) (out[key(c)] ??= { sasaran: 0, enrolled: 0, ratio: 0 }).sasaran += c.jumlah;
    for (const p of persons) (out[key(p)] ??= { sasaran: 0, enrolled: 0, ratio: 0 }).enrolled++;
    for (const v of Object.values(out)) v.ratio = Math.round((v.enrolled / v.sasaran) * 1000) / 1000;
    return sortKeys(out);
  };

  const annual = budget.filter((b) => b.bulan === null);
  const cashPlan: Record<string, Record<string, number>> = {};
  for (const b of budget) {
    if (b.bulan === null) continue;
    (cashPlan[`${b.tahun}-${String(b.bulan).padStart(2, "0")}`] ??= {})[b.sumberDana] = b.pagu;
  }

  const deaths = lifecycles.filter((l) => l.meninggal);
  const recorded = peserta.filter((r) => r.cells[11] === "MENINGGAL" && r.reject !== "DUPLIKAT").length;
  const trueByMonth = Object.fromEntries(
    Object.entries(input.truth).map(([m, byFund]) => [m, { ...byFund, total: Object.values(byFund).reduce((a, b) => a + b, 0) }]),
  );

  return {
    generator: "loaders/sample (npm run sample)",
    seed,
    scale,
    region: { kode: ref.wilayah.kode, nama: ref.wilayah.nama },
    window: {
      first_month: cal.periodeAwal,
      last_month: cal.periodeAkhir,
      funded_months: funded,
      extract_date: cal.tanggalEkstrak,
      as_of: funded[funded.length - 1]!,
    },
    calibration: {
      tranches: cal.tranches.map((t, i) => ({ tmt: `${t.mulai}-01`, members: sizes[i], sumber_dana: t.sumberDana })),
      priority_sectors: cal.sektorPrioritas,
      mortality: { table: "TMI IV 2019 (parameter.json)", multiplier: cal.pengaliMortalitas, monthly_probability: "qx(age on the 1st, sex) / 12 × multiplier" },
      sasaran_total: Math.round(cal.sasaranTotal * scale),
      sasaran_sector_shares: cal.sasaranPorsiSektor,
      relative_enrolment_by_sector: cal.cakupanSektor,
      kecamatan_enrolment_factor_range: cal.cakupanKecamatan,
      male_share_by_sector: cal.porsiLakiSektor,
      age_weights_from_usia_min: cal.bobotUsia,
      deaths_recorded_in_peserta: cal.porsiMeninggalDicatat,
      age_exits_marked_nonaktif: cal.porsiNonaktifUsia,
      claims_kpj_only: cal.porsiKlaimHanyaKpj,
      jkk_share_of_deaths: { share: cal.porsiJkk, sectors: cal.sektorJkk },
      jkm_reduced_benefit_months: cal.bulanMasaTungguJkm,
      claim_paid_days_after_death: cal.hariBayarKlaim,
      invoice_paid_day_of_next_month: cal.hariBayarIuran,
      budget: cal.anggaran,
    },
    doses,
    files: Object.fromEntries(
      Object.entries(input.files).map(([name, f]) => [name, { ...f, ...(f.eol ? { eol: f.eol === "\r\n" ? "CRLF" : "LF" } : {}) }]),
    ),
    expected: {
      quality: {
        tables: {
          peserta: quality("peserta.csv", peserta.length, peserta.map((r) => r.reject), peserta.map((r) => r.warning)),
          iuran: quality("iuran.csv", iuran.rows.length, none(iuran.rows.length), none(iuran.rows.length)),
          anggaran: quality("anggaran.xlsx", budget.length, none(budget.length), none(budget.length)),
          klaim: quality("klaim.csv", klaim.length, klaim.map((k) => k.reject), none(klaim.length)),
          sasaran: quality("sasaran.csv", population.cells.length, none(population.cells.length), none(population.cells.length)),
        },
      },
      aktif_by_month: input.aktif,
      member_months: Object.values(input.aktif).reduce((a, b) => a + b, 0),
      true_active_by_month: trueByMonth,
      invoice_discrepancies: iuran.discrepancies,
      invoices,
      claims: {
        rows: klaim.length,
        accepted: acceptedClaims.length,
        accepted_nominal: acceptedClaims.reduce((a, k) => a + k.nominal, 0),
        accepted_by_jenis: sortKeys(byJenis),
        rejected_peserta_tidak_ditemukan: klaim.length - acceptedClaims.length,
        // counted although every row of the person was rejected: the KLAIM_PESERTA_DITOLAK cross-check
        counted_peserta_ditolak: acceptedClaims.filter((k) => k.pesertaDitolak).length,
        kpj_only: klaim.filter((k) => k.nik === null).length,
        reduced_jkm: klaim.filter((k) => k.jenis === "JKM" && k.nominal === ref.parameter.santunan_jkm_sebelum_3_bulan).length,
      },
      deaths: {
        total: deaths.length,
        claimed_by_extract_date: klaim.length,
        recorded_meninggal_in_peserta: recorded,
      },
      budget: {
        annual: annual.map((b) => ({
          tahun: b.tahun,
          sumber_dana: b.sumberDana,
          pagu: b.pagu,
          pagu_perubahan: b.paguPerubahan,
          pagu_berlaku: b.paguPerubahan ?? b.pagu,
        })),
        cash_plan: cashPlan,
      },
      sasaran: { total: population.cells.reduce((a, c) => a + c.jumlah, 0), by_sector: sortKeys(bySector) },
      enrolment_vs_sasaran: { by_sector: versus((x) => x.sektor), by_kecamatan: versus((x) => x.kodeKec) },
      people: {
        enrolled: persons.length,
        with_accepted_row: new Set(peserta.filter((r) => !r.reject).map((r) => r.personId)).size,
        moved_kecamatan: persons.filter((p) => p.kategori === "pindah").length,
        aged_out_in_window: lifecycles.filter((l) => l.keluar === "usia").length,
        men: persons.filter((p) => p.sex === "L").length,
        women: persons.filter((p) => p.sex === "P").length,
      },
    },
    notes: [
      "aktif_by_month is what the pipeline must report: accepted peserta rows only, deaths known from akhir or a claim of an accepted member, one count per NIK, funded months only.",
      "A claim counts in the claims figures when its NIK or KPJ matches any peserta row; when the person's rows were all rejected it adds no member-month and is a KLAIM_PESERTA_DITOLAK finding (claims.counted_peserta_ditolak).",
      "true_active_by_month counts every real person (including those whose rows are rejected) and is what iuran.csv bills, apart from the invoice_discrepancies.",
      "Everyone enrolled past usia_maks (USIA_DI_LUAR_KETENTUAN rows) is billed from TMT to death or the window end: BPJS registered them.",
      "rejects_by_reason/warnings_by_reason list the first 50 row numbers per reason, like quality.json; counts are complete.",
      "An empty desa is accepted with no warning; an unmatched desa name raises DESA_TIDAK_DIKENAL; rejected rows carry no warning-raising fields.",
      `The monthly cash plan in anggaran.xlsx sums to the budget in force (pagu_perubahan when given, else pagu). Doses are shares of ${persons.length} people; duplicates and moves add rows.`,
    ],
  };
}
