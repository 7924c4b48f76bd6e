import type {ArrowSchema} from "./write/arrow.ts";

/** The Arrow files of docs/ARCHITECTURE.md, each from one `out_*` table. */
export const arrowOutputs: Record<string, {table: string; schema: ArrowSchema}> = {
  "anggota_bulanan.arrow": {
    table: "out_anggota_bulanan",
    schema: {bulan: "category", kode_kec: "category", kode_desa: "category", sektor: "category", jenis_kelamin: "category", kelompok_umur: "category", terdaftar: "int32", aktif: "int32"},
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
    schema: {bulan: "category", kode_kec: "category", jenis: "category", jumlah: "int32", nominal: "float64", beasiswa: "float64"},
  },
  "peserta_sumber_dana.arrow": {
    table: "out_peserta_sumber_dana",
    schema: {bulan: "category", sumber_dana: "category", kode_kec: "category", terdaftar: "int32", aktif: "int32"},
  },
  "iuran_rinci.arrow": {
    table: "out_iuran_rinci",
    schema: {bulan: "category", sumber_dana: "category", kode_kec: "category", tanggal_bayar: "text", peserta_ditagih: "int32", iuran_ditagih: "float64"},
  },
  "perubahan_bulanan.arrow": {
    table: "out_perubahan",
    schema: {bulan: "category", kode_kec: "category", sektor: "category", jenis_kelamin: "category", baru: "int32", keluar_meninggal: "int32", keluar_usia: "int32", keluar_lainnya: "int32"},
  },
};

/**
 * The SQL files the pipeline runs, in order (each in loaders/sql/). The order matters: claims match
 * accepted members; member-months need deaths and funded months; the outputs need member-months.
 */
export const stepSql = ["peserta.sql", "klaim.sql", "iuran.sql", "anggaran.sql", "sasaran.sql", "members.sql", "outputs.sql", "rekonsiliasi.sql", "perubahan.sql"];
