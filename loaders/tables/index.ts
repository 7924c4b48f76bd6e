/** The five extract tables of ../shared/docs/EXTRACTS.md: canonical columns, aliases, which are required. */
export interface ColumnSpec {
  name: string;
  aliases: string[];
  required: boolean;
}
export interface TableSpec {
  name: "peserta" | "iuran" | "anggaran" | "klaim" | "sasaran";
  columns: ColumnSpec[];
  /** Groups of columns of which at least one must be present (klaim: nik or kpj). */
  oneOf?: string[][];
}

const col = (name: string, aliases: string[], required = false): ColumnSpec => ({name, aliases, required});

export const peserta: TableSpec = {
  name: "peserta",
  columns: [
    col("nik", ["no_ktp", "nomor_induk_kependudukan"], true),
    col("kpj", ["no_kpj", "nomor_peserta"]),
    col("nama", ["nama_lengkap", "nama_peserta"], true),
    col("jenis_kelamin", ["jk", "sex", "l/p"]),
    col("tanggal_lahir", ["tgl_lahir"]),
    col("kecamatan", ["kec", "nama_kecamatan", "kode_kecamatan"], true),
    col("desa", ["kelurahan", "desa_kelurahan", "nama_desa", "kode_desa"]),
    col("sektor", ["pekerjaan", "jenis_pekerjaan", "sektor_usaha"], true),
    col("mulai", ["tanggal_mulai", "tmt", "tgl_kepesertaan"], true),
    col("akhir", ["tanggal_akhir", "tgl_berakhir"]),
    col("sumber_dana", ["sumber", "dana"]),
    col("status", ["status_peserta"]),
  ],
};

export const iuran: TableSpec = {
  name: "iuran",
  columns: [
    col("periode", ["bulan", "bulan_iuran"], true),
    col("jumlah_peserta", ["peserta", "jml_peserta"], true),
    col("nominal", ["jumlah", "total_iuran", "nilai"], true),
    col("tanggal_bayar", ["tgl_bayar", "tanggal_sp2d"]),
    col("sumber_dana", ["sumber", "dana"]),
    col("kecamatan", ["kec"]),
  ],
};

export const anggaran: TableSpec = {
  name: "anggaran",
  columns: [
    col("tahun", ["tahun_anggaran", "ta"], true),
    col("sumber_dana", ["sumber", "dana"], true),
    col("program", ["kegiatan", "sub_kegiatan", "uraian"]),
    col("pagu", ["anggaran", "pagu_awal", "nilai"], true),
    col("pagu_perubahan", ["pagu_p", "anggaran_perubahan"]),
    col("bulan", ["periode"]),
  ],
};

export const klaim: TableSpec = {
  name: "klaim",
  columns: [
    col("nik", ["no_ktp", "nomor_induk_kependudukan"]),
    col("kpj", ["no_kpj", "nomor_peserta"]),
    col("tanggal_kejadian", ["tgl_meninggal", "tanggal_meninggal"], true),
    col("jenis", ["jenis_klaim", "program"], true),
    col("nominal", ["nilai_klaim", "santunan"], true),
    col("beasiswa", ["nilai_beasiswa"]),
    col("tanggal_bayar", ["tgl_bayar"]),
  ],
  oneOf: [["nik", "kpj"]],
};

export const sasaran: TableSpec = {
  name: "sasaran",
  columns: [
    col("kecamatan", ["kec", "kode_kecamatan"], true),
    col("desa", ["kelurahan", "kode_desa"]),
    col("sektor", ["pekerjaan"], true),
    col("jumlah", ["jumlah_sasaran", "estimasi", "total"], true),
    col("sumber", ["sumber_data"]),
  ],
};

export const tables: TableSpec[] = [peserta, iuran, anggaran, klaim, sasaran];
