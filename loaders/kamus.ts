// The data dictionary of the open data (kamus-data.json, and the table on the Transparansi page): what
// every published file and column means, in Bahasa Indonesia, with its unit. Column types come from the
// Arrow schemas (loaders/outputs.ts) and the suppression levels from `suppressedOutputs`, so the only
// thing written here is the meaning; test/loaders/kamus.test.ts fails when a column has none, or when a
// meaning names a column that no longer exists.
import {arrowOutputs, suppressedOutputs} from "./outputs.ts";
import type {ColumnType} from "./write/arrow.ts";

export interface ColumnMeaning {
  arti: string;
  /** "orang", "rupiah", "bulan" (YYYY-MM), "tanggal" (YYYY-MM-DD), "kode", …; null for plain text. */
  satuan: string | null;
}

export interface FileMeaning {
  judul: string;
  arti: string;
  kolom: Record<string, ColumnMeaning>;
}

const bulan: ColumnMeaning = {arti: "Bulan (tahun-bulan).", satuan: "bulan (YYYY-MM)"};
const kodeKec: ColumnMeaning = {arti: "Kode kecamatan Kemendagri; nama di kecamatan.csv.", satuan: "kode"};
const kodeDesa: ColumnMeaning = {
  arti: "Kode desa/kelurahan Kemendagri; nama di desa.csv. Kosong: desa tidak diketahui, atau (baris sisa) tidak dirinci.",
  satuan: "kode",
};
const sektor: ColumnMeaning = {arti: "Kode sektor pekerjaan; nama di sektor.csv.", satuan: "kode"};
const sumberDana: ColumnMeaning = {arti: "Sumber dana yang membayar iuran (misalnya DBHCHT).", satuan: null};
// Invoices and budget lines keep their money when the source text is unusable (docs/ARCHITECTURE.md).
const sumberDanaUang: ColumnMeaning = {
  arti: "Sumber dana yang membayar iuran (misalnya DBHCHT); \"Tidak valid\" bila teks sumber dana di ekstrak kosong atau tidak dapat dipakai (nilainya tetap dihitung).",
  satuan: null,
};
const ditekan: ColumnMeaning = {
  arti: "true: angka orang (dan uang yang menyertainya) di baris ini tidak diterbitkan karena kurang dari ambang sel kecil, atau disembunyikan bersamanya agar tidak dapat dihitung balik. Jumlahnya masuk ke baris sisa kelompoknya.",
  satuan: "benar/salah",
};
const sisa: ColumnMeaning = {
  arti: "true: baris sisa, yaitu jumlah sel yang ditekan dalam satu kelompok; kolom rincian yang kosong berarti tidak dirinci. Menjumlahkan semua baris (sel dan sisa) memberi total yang tepat.",
  satuan: "benar/salah",
};
const terdaftar: ColumnMeaning = {arti: "Peserta terdaftar pada bulan itu (masa kepesertaannya mencakup bulan itu).", satuan: "orang"};
const aktif: ColumnMeaning = {arti: "Peserta aktif: terdaftar dan iuran bulan itu didanai (ditagihkan).", satuan: "orang"};

/** Meanings of the Arrow outputs' columns (each also published as CSV). */
export const kamusArrow: Record<string, FileMeaning> = {
  "anggota_bulanan.arrow": {
    judul: "Peserta per bulan, kecamatan, sektor, jenis kelamin dan kelompok umur",
    arti: "Jumlah peserta terdaftar dan aktif. Di situs publik kolom desa kosong; angka per desa ada di anggota_desa.",
    kolom: {
      bulan,
      kode_kec: kodeKec,
      kode_desa: kodeDesa,
      sektor,
      jenis_kelamin: {arti: "Jenis kelamin: L (laki-laki) atau P (perempuan).", satuan: null},
      kelompok_umur: {arti: "Kelompok umur pada bulan itu, misalnya 55-59 atau 60-65 tahun.", satuan: null},
      terdaftar,
      aktif,
      ditekan,
      sisa,
    },
  },
  "anggota_desa.arrow": {
    judul: "Peserta per bulan, kecamatan dan desa",
    arti: "Jumlah peserta terdaftar dan aktif per desa/kelurahan.",
    kolom: {bulan, kode_kec: kodeKec, kode_desa: kodeDesa, terdaftar, aktif, ditekan, sisa},
  },
  "sasaran.arrow": {
    judul: "Sasaran per kecamatan, desa dan sektor",
    arti: "Perkiraan pekerja rentan yang memenuhi syarat (penyebut cakupan); sumbernya tertulis di summary.json (eligible_source). Ini perkiraan populasi, bukan data kepesertaan, sehingga tidak ditekan.",
    kolom: {
      kode_kec: kodeKec,
      kode_desa: {arti: "Kode desa/kelurahan Kemendagri; kosong bila sumber sasaran tidak merinci desa.", satuan: "kode"},
      sektor,
      jumlah: {arti: "Perkiraan jumlah pekerja rentan yang memenuhi syarat.", satuan: "orang"},
    },
  },
  "iuran_bulanan.arrow": {
    judul: "Iuran per bulan dan sumber dana",
    arti: "Iuran yang ditagihkan dan dibayar untuk setiap bulan iuran, seluruh kabupaten.",
    kolom: {
      bulan: {arti: "Bulan iuran (tahun-bulan).", satuan: "bulan (YYYY-MM)"},
      sumber_dana: sumberDanaUang,
      peserta_ditagih: {arti: "Jumlah peserta dalam tagihan bulan itu.", satuan: "orang"},
      iuran_ditagih: {arti: "Iuran yang ditagihkan (realisasi).", satuan: "rupiah"},
      iuran_dibayar: {arti: "Bagian tagihan yang sudah dibayar (punya tanggal bayar).", satuan: "rupiah"},
      tanggal_bayar: {arti: "Tanggal bayar terakhir untuk bulan itu; kosong bila belum dibayar.", satuan: "tanggal (YYYY-MM-DD)"},
    },
  },
  "iuran_rinci.arrow": {
    judul: "Baris tagihan iuran per bulan, sumber dana, kecamatan dan tanggal bayar",
    arti: "Rincian tagihan untuk jatuh tempo dan belanja per kecamatan.",
    kolom: {
      bulan: {arti: "Bulan iuran (tahun-bulan).", satuan: "bulan (YYYY-MM)"},
      sumber_dana: sumberDanaUang,
      kode_kec: {arti: "Kode kecamatan; kosong bila tagihan tidak menyebut kecamatan, atau (baris sisa) tidak dirinci.", satuan: "kode"},
      tanggal_bayar: {arti: "Tanggal bayar; kosong bila belum dibayar.", satuan: "tanggal (YYYY-MM-DD)"},
      peserta_ditagih: {arti: "Jumlah peserta dalam baris tagihan.", satuan: "orang"},
      iuran_ditagih: {arti: "Nilai baris tagihan.", satuan: "rupiah"},
      ditekan,
      sisa,
    },
  },
  "anggaran_tahunan.arrow": {
    judul: "Pagu per tahun dan sumber dana",
    arti: "Anggaran (pagu) program dalam APBD.",
    kolom: {
      tahun: {arti: "Tahun anggaran.", satuan: "tahun"},
      sumber_dana: sumberDanaUang,
      pagu: {arti: "Pagu awal.", satuan: "rupiah"},
      pagu_perubahan: {arti: "Pagu setelah perubahan APBD; kosong bila tidak ada perubahan.", satuan: "rupiah"},
      pagu_berlaku: {arti: "Pagu yang berlaku: pagu perubahan bila ada, selain itu pagu awal.", satuan: "rupiah"},
    },
  },
  "rencana_kas.arrow": {
    judul: "Rencana kas per bulan dan sumber dana",
    arti: "Rencana penarikan anggaran per bulan.",
    kolom: {bulan, sumber_dana: sumberDanaUang, rencana: {arti: "Rencana kas bulan itu.", satuan: "rupiah"}},
  },
  "klaim_bulanan.arrow": {
    judul: "Klaim santunan per bulan kejadian, kecamatan dan jenis",
    arti: "Santunan yang dibayar BPJS Ketenagakerjaan kepada keluarga peserta (bukan dari APBD), termasuk klaim peserta yang baris kepesertaannya ditolak (kecamatannya dari baris itu, bila sah). Di situs publik hanya untuk seluruh kabupaten; per kecamatan: klaim_tahunan.",
    kolom: {
      bulan: {arti: "Bulan kejadian (meninggal dunia).", satuan: "bulan (YYYY-MM)"},
      kode_kec: {arti: "Kode kecamatan peserta; kosong bila tidak diketahui, atau tidak dirinci (baris sisa, dan semua baris di situs publik).", satuan: "kode"},
      jenis: {arti: "JKM (Jaminan Kematian) atau JKK (Jaminan Kecelakaan Kerja).", satuan: null},
      jumlah: {arti: "Jumlah klaim (orang meninggal).", satuan: "orang"},
      nominal: {arti: "Santunan yang dibayarkan.", satuan: "rupiah"},
      beasiswa: {arti: "Beasiswa anak yang dibayarkan.", satuan: "rupiah"},
      ditekan,
      sisa,
    },
  },
  "klaim_tahunan.arrow": {
    judul: "Klaim santunan per tahun kejadian, kecamatan dan jenis",
    arti: "Seperti klaim_bulanan, per tahun: di situs publik rincian kecamatan ada di sini (per bulan angkanya terlalu kecil), sebagai jumlah klaim saja — tanpa jenis dan tanpa nilai, karena santunan yang besarnya tetap akan membuka jumlah klaim per jenis.",
    kolom: {
      tahun: {arti: "Tahun kejadian (meninggal dunia).", satuan: "tahun"},
      kode_kec: {arti: "Kode kecamatan peserta; kosong bila tidak diketahui, atau (baris sisa) tidak dirinci.", satuan: "kode"},
      jenis: {arti: "JKM (Jaminan Kematian) atau JKK (Jaminan Kecelakaan Kerja); kosong di baris sisa yang tidak dirinci menurut jenis, dan di semua baris situs publik.", satuan: null},
      jumlah: {arti: "Jumlah klaim (orang meninggal).", satuan: "orang"},
      nominal: {arti: "Santunan yang dibayarkan; kosong di situs publik (santunan seluruh kabupaten: klaim_bulanan).", satuan: "rupiah"},
      beasiswa: {arti: "Beasiswa anak yang dibayarkan; kosong di situs publik.", satuan: "rupiah"},
      ditekan,
      sisa,
    },
  },
  "peserta_sumber_dana.arrow": {
    judul: "Peserta per bulan, sumber dana dan kecamatan",
    arti: "Peserta menurut sumber dana di data kepesertaan; dibandingkan dengan tagihan untuk rekonsiliasi.",
    kolom: {bulan, sumber_dana: sumberDana, kode_kec: kodeKec, terdaftar, aktif, ditekan, sisa},
  },
  "perubahan_bulanan.arrow": {
    judul: "Perubahan peserta aktif dibanding bulan sebelumnya",
    arti: "Peserta baru dan yang keluar per bulan, kecamatan, sektor dan jenis kelamin (hanya sel yang berubah). Di situs publik hanya untuk seluruh kabupaten: rincian per sel mengikat bulan-bulan tabel peserta sehingga angka yang ditekan dapat dihitung.",
    kolom: {
      bulan,
      kode_kec: kodeKec,
      sektor,
      jenis_kelamin: {arti: "Jenis kelamin: L atau P.", satuan: null},
      baru: {arti: "Aktif bulan ini, tidak aktif di sel yang sama bulan sebelumnya.", satuan: "orang"},
      keluar_meninggal: {arti: "Keluar karena meninggal dunia (menurut klaim).", satuan: "orang"},
      keluar_usia: {arti: "Keluar karena mencapai batas usia.", satuan: "orang"},
      keluar_lainnya: {arti: "Keluar karena alasan lain (masa berakhir, bulan tidak didanai, pindah).", satuan: "orang"},
      ditekan,
      sisa,
    },
  },
};

/** Reference tables published as CSV only, so that codes in the other files can be read as names. */
export const kamusReferensi: Record<string, FileMeaning & {sql: string}> = {
  "kecamatan.csv": {
    judul: "Daftar kecamatan",
    arti: "Kode dan nama kecamatan.",
    kolom: {kode: {arti: "Kode kecamatan Kemendagri.", satuan: "kode"}, nama: {arti: "Nama kecamatan.", satuan: null}},
    sql: "SELECT kode_kec AS kode, nama FROM ref_kecamatan ORDER BY kode_kec",
  },
  "desa.csv": {
    judul: "Daftar desa/kelurahan",
    arti: "Kode dan nama desa/kelurahan, dengan kecamatannya.",
    kolom: {
      kode: {arti: "Kode desa/kelurahan Kemendagri.", satuan: "kode"},
      nama: {arti: "Nama desa/kelurahan.", satuan: null},
      kode_kec: kodeKec,
    },
    sql: "SELECT kode_desa AS kode, nama, kode_kec FROM ref_desa ORDER BY kode_desa",
  },
  "sektor.csv": {
    judul: "Daftar sektor pekerjaan",
    arti: "Kode dan nama sektor.",
    kolom: {kode: {arti: "Kode sektor.", satuan: "kode"}, nama: {arti: "Nama sektor.", satuan: null}},
    sql: "SELECT kode, nama FROM ref_sektor ORDER BY urutan",
  },
};

const TYPE_WORDS: Record<ColumnType, string> = {
  category: "teks",
  text: "teks",
  int32: "bilangan bulat",
  float64: "bilangan (rupiah utuh)",
  bool: "benar/salah",
};

export interface KamusColumn {
  nama: string;
  arti: string;
  tipe: string;
  satuan: string | null;
  /** A count of people that the public build suppresses below the threshold. */
  hitungan_orang: boolean;
}

export interface KamusFile {
  /** The file's base name; published as `<nama>.csv`, and `<nama>.arrow` when `arrow`. */
  nama: string;
  judul: string;
  arti: string;
  arrow: boolean;
  baris: number;
  /** The dimensions below the region-wide top, coarse → fine (empty: not suppressed). */
  rincian: string[];
  kolom: KamusColumn[];
}

export interface Kamus {
  judul: string;
  wilayah: string;
  as_of: string | null;
  tanggal_ekstrak: string | null;
  lisensi: {nama: string; url: string; atribusi: string};
  audience: "public" | "internal";
  ambang_sel_kecil: number;
  berkas: KamusFile[];
}

export const LICENCE = {nama: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.id"};

/** The dictionary of the files this run publishes; `rows` gives each file's row count. */
export function buildKamus(options: {
  wilayah: string;
  asOf: string | null;
  extractDate: string | null;
  audience: "public" | "internal";
  threshold: number;
  rows: Record<string, number>;
}): Kamus {
  const berkas: KamusFile[] = [];
  for (const [file, {schema}] of Object.entries(arrowOutputs)) {
    const meaning = kamusArrow[file];
    if (!meaning) throw new Error(`kamus data: ${file} belum punya arti (loaders/kamus.ts)`);
    const spec = suppressedOutputs[file];
    berkas.push({
      nama: file.replace(/\.arrow$/, ""),
      judul: meaning.judul,
      arti: meaning.arti,
      arrow: true,
      baris: options.rows[file] ?? 0,
      rincian: spec ? spec.levels.filter((level) => !(options.audience === "public" && spec.publicDrop?.includes(level))) : [],
      kolom: Object.entries(schema).map(([nama, type]) => {
        const column = meaning.kolom[nama];
        if (!column) throw new Error(`kamus data: kolom ${file}:${nama} belum punya arti (loaders/kamus.ts)`);
        return {nama, arti: column.arti, tipe: TYPE_WORDS[type], satuan: column.satuan, hitungan_orang: spec?.counts.includes(nama) ?? false};
      }),
    });
  }
  for (const [file, meaning] of Object.entries(kamusReferensi)) {
    berkas.push({
      nama: file.replace(/\.csv$/, ""),
      judul: meaning.judul,
      arti: meaning.arti,
      arrow: false,
      baris: options.rows[file] ?? 0,
      rincian: [],
      kolom: Object.entries(meaning.kolom).map(([nama, column]) => ({nama, arti: column.arti, tipe: "teks", satuan: column.satuan, hitungan_orang: false})),
    });
  }
  return {
    judul: `Data terbuka Jaring — ${options.wilayah}`,
    wilayah: options.wilayah,
    as_of: options.asOf,
    tanggal_ekstrak: options.extractDate,
    lisensi: {...LICENCE, atribusi: `Jaring, ${options.wilayah}`},
    audience: options.audience,
    ambang_sel_kecil: options.threshold,
    berkas,
  };
}
