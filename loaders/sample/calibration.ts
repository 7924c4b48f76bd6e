// The sample's recipe: every number that shapes the synthetic extracts, in one place, copied into
// data/sample-manifest.json so a reader can see what the sample was built to show. Program rules
// (Rp16,800, ages, benefits, TMI IV) are not here: they come from data/program/parameter.json (and the pack's own).

export interface Tranche {
  mulai: string; // YYYY-MM: TMT is the 1st of this month
  peserta: number; // members at scale 1
  sumberDana: string;
}

export interface BudgetLine {
  tahun: number;
  sumberDana: string;
  pagu: number; // rupiah at scale 1
  paguPerubahan: number | null;
  bulan: number[]; // months (1–12) of the monthly cash plan
}

/** Share of rows (of the people enrolled) that get one deliberate defect or variant each. */
export interface Doses {
  nik_excel: number; // NIK_RUSAK_EXCEL
  nik_format: number; // NIK_FORMAT (15 digits)
  tgl_lahir_beda: number; // NIK_TGL_LAHIR_BEDA
  jk_beda: number; // NIK_JK_BEDA
  kecamatan_tidak_dikenal: number; // KECAMATAN_TIDAK_DIKENAL
  usia_di_luar: number; // USIA_DI_LUAR_KETENTUAN (one year past usia_maks at TMT)
  mulai_tidak_valid: number; // MULAI_TIDAK_VALID ("31/02/2025")
  duplikat: number; // DUPLIKAT (an exact copy later in the file)
  desa_tidak_dikenal: number; // warning DESA_TIDAK_DIKENAL
  sektor_tidak_dikenal: number; // warning SEKTOR_TIDAK_DIKENAL
  kecamatan_varian: number; // accepted: "Kec. X", "X Y", codes, aliases
  desa_varian: number; // accepted: case, spacing, "Desa X"
  desa_kode: number; // accepted: Kemendagri desa code
  desa_kosong: number; // accepted: desa unknown, no warning
  tgl_lahir_kosong: number; // accepted: derived from the NIK
  jk_kosong: number; // accepted: derived from the NIK
  pindah: number; // accepted: a second row in another kecamatan with a later TMT
}

export interface Calibration {
  /** First and last invoiced month; every month between is funded. */
  periodeAwal: string;
  periodeAkhir: string;
  /** The day the offices exported: later payments are not in the files yet. */
  tanggalEkstrak: string;
  tranches: Tranche[];
  /** DBHCHT rules put tobacco workers first: they fill the early tranches. */
  sektorPrioritas: string[];
  /** TMI IV is an insured-lives table; poor workers die more often (DOMAIN.md: 1.0–2.5×). */
  pengaliMortalitas: number;
  /** Target population (sasaran) total at scale 1. */
  sasaranTotal: number;
  /** Sector mix of the target population, before kecamatan and kelurahan effects. */
  sasaranPorsiSektor: Record<string, number>;
  /** Relative enrolment rate by sector: home industry and day labour lag (the regent's gap). */
  cakupanSektor: Record<string, number>;
  /** Kecamatan enrolment factors are drawn uniformly from this range. */
  cakupanKecamatan: [number, number];
  /** Share of men by sector. */
  porsiLakiSektor: Record<string, number>;
  /** Relative weight of each age at enrolment, from usia_min upwards. */
  bobotUsia: number[];
  doses: Doses;
  /** Deaths the enrolment office has recorded (status MENINGGAL, akhir = date of death). */
  porsiMeninggalDicatat: number;
  /** Members who turned usia_maks and were marked NONAKTIF with an akhir. */
  porsiNonaktifUsia: number;
  /** Claims listing only the KPJ. */
  porsiKlaimHanyaKpj: number;
  /** Deaths that were work accidents (JKK), among the sectors below. */
  porsiJkk: number;
  sektorJkk: string[];
  /** A death in the first N months of contributions pays the reduced JKM benefit. */
  bulanMasaTungguJkm: number;
  /** BPJS pays a claim this many days after the death. */
  hariBayarKlaim: [number, number];
  /** Invoices are paid on these days of the following month. */
  hariBayarIuran: [number, number];
  /** Deliberate invoice discrepancies the pipeline and pages must surface. */
  selisihIuran: {
    nominal: { periode: string; sumberDana: string; selisihPeserta: number };
    peserta: { periode: string; sumberDana: string; tambahanPeserta: number };
  };
  anggaran: BudgetLine[];
  anggaranDibuat: string; // the workbook's fixed creation date
}

export const defaultCalibration: Calibration = {
  periodeAwal: "2025-03",
  periodeAkhir: "2026-10",
  tanggalEkstrak: "2026-11-05",
  tranches: [
    { mulai: "2025-03", peserta: 4200, sumberDana: "DBHCHT" },
    { mulai: "2025-05", peserta: 3900, sumberDana: "DBHCHT" },
    { mulai: "2025-07", peserta: 3300, sumberDana: "DBHCHT" },
    { mulai: "2026-02", peserta: 700, sumberDana: "APBD" },
  ],
  sektorPrioritas: ["buruh_tembakau"],
  pengaliMortalitas: 1.5,
  sasaranTotal: 36000,
  sasaranPorsiSektor: {
    buruh_tani: 0.28,
    buruh_tembakau: 0.1,
    nelayan: 0.05,
    pedagang_kecil: 0.12,
    industri_rumahan: 0.15,
    buruh_harian: 0.19,
    jasa: 0.07,
    lainnya: 0.04,
  },
  cakupanSektor: {
    buruh_tani: 0.45,
    buruh_tembakau: 0.55,
    nelayan: 0.5,
    pedagang_kecil: 0.3,
    industri_rumahan: 0.1,
    buruh_harian: 0.1,
    jasa: 0.25,
    lainnya: 0.3,
  },
  cakupanKecamatan: [0.7, 1.3],
  porsiLakiSektor: {
    buruh_tani: 0.58,
    buruh_tembakau: 0.5,
    nelayan: 0.95,
    pedagang_kecil: 0.4,
    industri_rumahan: 0.3,
    buruh_harian: 0.85,
    jasa: 0.55,
    lainnya: 0.5,
  },
  bobotUsia: [1.2, 1.16, 1.12, 1.08, 1.04, 1.0, 0.96, 0.92, 0.88, 0.84],
  doses: {
    nik_excel: 0.005,
    nik_format: 0.003,
    tgl_lahir_beda: 0.003,
    jk_beda: 0.002,
    kecamatan_tidak_dikenal: 0.003,
    usia_di_luar: 0.002,
    mulai_tidak_valid: 0.002,
    duplikat: 0.01,
    desa_tidak_dikenal: 0.003,
    sektor_tidak_dikenal: 0.005,
    kecamatan_varian: 0.02,
    desa_varian: 0.05,
    desa_kode: 0.003,
    desa_kosong: 0.02,
    tgl_lahir_kosong: 0.01,
    jk_kosong: 0.01,
    pindah: 0.004,
  },
  porsiMeninggalDicatat: 0.7,
  porsiNonaktifUsia: 0.5,
  porsiKlaimHanyaKpj: 0.1,
  porsiJkk: 0.1,
  sektorJkk: ["nelayan", "buruh_harian"],
  bulanMasaTungguJkm: 3,
  hariBayarKlaim: [14, 42],
  hariBayarIuran: [10, 20],
  selisihIuran: {
    nominal: { periode: "2025-08", sumberDana: "DBHCHT", selisihPeserta: -3 },
    peserta: { periode: "2026-04", sumberDana: "DBHCHT", tambahanPeserta: 25 },
  },
  anggaran: [
    { tahun: 2025, sumberDana: "DBHCHT", pagu: 2_000_000_000, paguPerubahan: 2_100_000_000, bulan: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    { tahun: 2026, sumberDana: "DBHCHT", pagu: 2_200_000_000, paguPerubahan: null, bulan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    { tahun: 2026, sumberDana: "APBD", pagu: 200_000_000, paguPerubahan: null, bulan: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
  ],
  anggaranDibuat: "2026-01-05",
};
