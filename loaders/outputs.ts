import type {ArrowSchema} from "./write/arrow.ts";
import type {SuppressionSpec} from "./suppression.ts";

/** Added to every table that holds counts of people: `ditekan` (counts hidden), `sisa` (a remainder row). */
const FLAGS = {ditekan: "bool", sisa: "bool"} as const;

/** The Arrow files of docs/ARCHITECTURE.md, each from one `out_*` table. */
export const arrowOutputs: Record<string, {table: string; schema: ArrowSchema}> = {
  "anggota_bulanan.arrow": {
    table: "out_anggota_bulanan",
    schema: {bulan: "category", kode_kec: "category", kode_desa: "category", sektor: "category", jenis_kelamin: "category", kelompok_umur: "category", terdaftar: "int32", aktif: "int32", ...FLAGS},
  },
  "sasaran.arrow": {table: "out_sasaran", schema: {kode_kec: "category", kode_desa: "category", sektor: "category", jumlah: "int32"}},
  "iuran_bulanan.arrow": {
    table: "out_iuran_bulanan",
    schema: {bulan: "category", sumber_dana: "category", peserta_ditagih: "int32", iuran_ditagih: "float64", iuran_dibayar: "float64", tanggal_bayar: "text"},
  },
  "anggaran_tahunan.arrow": {
    table: "out_anggaran_tahunan",
    schema: {tahun: "int32", sumber_dana: "category", pagu: "float64", pagu_perubahan: "float64", pagu_berlaku: "float64"},
  },
  "rencana_kas.arrow": {table: "out_rencana_kas", schema: {bulan: "category", sumber_dana: "category", rencana: "float64"}},
  "klaim_bulanan.arrow": {
    table: "out_klaim_bulanan",
    schema: {bulan: "category", kode_kec: "category", jenis: "category", jumlah: "int32", nominal: "float64", beasiswa: "float64", ...FLAGS},
  },
  "peserta_sumber_dana.arrow": {
    table: "out_peserta_sumber_dana",
    schema: {bulan: "category", sumber_dana: "category", kode_kec: "category", terdaftar: "int32", aktif: "int32", ...FLAGS},
  },
  "iuran_rinci.arrow": {
    table: "out_iuran_rinci",
    schema: {bulan: "category", sumber_dana: "category", kode_kec: "category", tanggal_bayar: "text", peserta_ditagih: "int32", iuran_ditagih: "float64", ...FLAGS},
  },
  "perubahan_bulanan.arrow": {
    table: "out_perubahan",
    schema: {bulan: "category", kode_kec: "category", sektor: "category", jenis_kelamin: "category", baru: "int32", keluar_meninggal: "int32", keluar_usia: "int32", keluar_lainnya: "int32", ...FLAGS},
  },
  "anggota_desa.arrow": {
    table: "out_anggota_desa",
    schema: {bulan: "category", kode_kec: "category", kode_desa: "category", terdaftar: "int32", aktif: "int32", ...FLAGS},
  },
  "klaim_tahunan.arrow": {
    table: "out_klaim_tahunan",
    schema: {tahun: "int32", kode_kec: "category", jenis: "category", jumlah: "int32", nominal: "float64", beasiswa: "float64", ...FLAGS},
  },
};

/**
 * The SQL files the pipeline runs, in order (each in loaders/sql/). The order matters: claims match
 * accepted members; member-months need deaths and funded months; the outputs need member-months.
 */
export const stepSql = ["peserta.sql", "klaim.sql", "iuran.sql", "anggaran.sql", "sasaran.sql", "members.sql", "outputs.sql", "rekonsiliasi.sql", "perubahan.sql", "anggota_desa.sql", "klaim_tahunan.sql", "pemeriksaan.sql", "wilayah_tak_dikenal.sql"];

/**
 * The outputs that count people, and how the public build suppresses small cells in them
 * (loaders/suppression.ts): the top groups are published exactly, the levels below are itemised only
 * where no count of 1..ambang_sel_kecil−1 people can be read or worked out. Runs after every step above,
 * so summary.json and the checks see the exact tables. sasaran.arrow is not here: it is an estimate of
 * the eligible population, not a record of who joined (docs/ARCHITECTURE.md).
 */
export const suppressedOutputs: Record<string, SuppressionSpec> = {
  // The cube without desa (desa × sector × sex × age cells are mostly 1–4 people); desa figures: anggota_desa.
  "anggota_bulanan.arrow": {
    groups: ["bulan", "kode_desa"],
    levels: ["kode_kec", "sektor", "jenis_kelamin", "kelompok_umur"],
    counts: ["terdaftar", "aktif"],
    publicDrop: ["kode_desa"],
  },
  "anggota_desa.arrow": {groups: ["bulan"], levels: ["kode_kec", "kode_desa"], counts: ["terdaftar", "aktif"]},
  // Region-wide only in public: per cell, active(m) − active(m−1) = new − exits ties every month of the
  // member cube to the next, and the audit (docs/AUDIT.md) pinned hidden cells through that chain.
  "perubahan_bulanan.arrow": {
    groups: ["bulan"],
    levels: ["kode_kec", "sektor", "jenis_kelamin"],
    counts: ["baru", "keluar_meninggal", "keluar_usia", "keluar_lainnya"],
    publicDrop: ["kode_kec", "sektor", "jenis_kelamin"],
  },
  // Benefits are fixed amounts per death: the money gives the count away and hides with it. Monthly
  // claims are region-wide in public (per kecamatan they are 0–2 a month); per kecamatan: klaim_tahunan.
  "klaim_bulanan.arrow": {
    groups: ["bulan", "jenis"],
    levels: ["kode_kec"],
    counts: ["jumlah"],
    money: ["nominal", "beasiswa"],
    publicDrop: ["kode_kec"],
  },
  // Per kecamatan in public: the year's count of claims, no type and no money. Benefits are fixed amounts
  // (JKM 42 or 10 juta, JKK 70 juta), so any money below the region splits a count by kind, and the
  // region's yearly totals by type (klaim_bulanan) would pin hidden JKK deaths per kecamatan.
  "klaim_tahunan.arrow": {
    groups: ["tahun"],
    levels: ["kode_kec", "jenis"],
    counts: ["jumlah"],
    money: ["nominal", "beasiswa"],
    publicDrop: ["jenis"],
    publicWithhold: ["nominal", "beasiswa"],
  },
  // Kecamatan above the source, so kecamatan totals agree with anggota_bulanan's and cannot be differenced.
  "peserta_sumber_dana.arrow": {groups: ["bulan"], levels: ["kode_kec", "sumber_dana"], counts: ["terdaftar", "aktif"]},
  "iuran_rinci.arrow": {
    groups: ["bulan", "sumber_dana", "tanggal_bayar"],
    levels: ["kode_kec"],
    counts: ["peserta_ditagih"],
    money: ["iuran_ditagih"],
  },
};

/** Outputs that publish the same month × kecamatan totals: they hide the same kecamatan (loaders/suppression.ts). */
export const linkedOutputs = {dims: ["bulan", "kode_kec"], files: ["anggota_bulanan.arrow", "anggota_desa.arrow", "peserta_sumber_dana.arrow"]};
