// `npm run wilayah -- --desa GEOJSON --kode CSV --out DIR --kode-wilayah 35.09 --nama "Kabupaten Jember"
// --provinsi "Jawa Timur"` — builds a region pack (scripts/wilayah/README.md). Exit 1 with every problem
// listed when the inputs are refused, 2 on a usage error.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {basename, join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {buildPack, DEFAULTS, type PackOptions} from "./pack.ts";
import {formatProblem, WilayahInputError} from "./problems.ts";

const USAGE = `Pemakaian / usage:
  npm run wilayah -- --desa BATAS.geojson --kode KODE.csv --out FOLDER --kode-wilayah 35.09 \\
    --nama "Kabupaten Jember" --provinsi "Jawa Timur" [pilihan]

Wajib / required:
  --desa FILE             batas desa/kelurahan, GeoJSON (WGS84 bujur/lintang), satu fitur per desa
  --kode FILE             daftar kode Kemendagri: kode_desa,desa,tipe,kode_kec,kode_kec_bps,kecamatan
  --out DIR               folder paket wilayah yang ditulis
  --kode-wilayah NN.NN    kode kabupaten/kota Kemendagri
  --nama TEKS             nama resmi, mis. "Kabupaten Jember"
  --provinsi TEKS
Pilihan / options:
  --kecamatan FILE        daftar kecamatan (kode_kec,kecamatan[,kode_kec_bps]) untuk diperiksa silang
  --nama-pendek TEKS      bawaan: nama tanpa "Kabupaten"/"Kota"; juga nama berkas (jember.topo.json)
  --kontak TEKS           dinas yang dihubungi, mis. "Dinas Tenaga Kerja Kabupaten Jember"
  --sumber-kode TEKS, --sumber-batas TEKS, --catatan-batas TEKS   dicatat di wilayah.json
  --kolom-kode NAMA       properti GeoJSON berisi kode desa (bawaan: kode_desa, lalu kode)
  --simplify P            bagian titik yang dipertahankan, 0–1 (bawaan ${DEFAULTS.simplify})
  --gap-fill-km2 A        celah/tumpang tindih serpih yang dibersihkan -clean (bawaan ${DEFAULTS.gapFillKm2})
  --remah-km2 A           pecahan terlepas lebih kecil dari ini digabung ke tetangga (bawaan = gap-fill)
  --toleransi-tumpang-km2 A  tumpang tindih antar-desa lebih besar dari ini ditolak (bawaan = gap-fill)
  --kuantisasi N          kuantisasi TopoJSON (bawaan ${DEFAULTS.quantization})`;

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const parse = () =>
  parseArgs({
    options: {
      desa: {type: "string"},
      kode: {type: "string"},
      kecamatan: {type: "string"},
      out: {type: "string"},
      "kode-wilayah": {type: "string"},
      nama: {type: "string"},
      provinsi: {type: "string"},
      "nama-pendek": {type: "string"},
      kontak: {type: "string"},
      "sumber-kode": {type: "string"},
      "sumber-batas": {type: "string"},
      "catatan-batas": {type: "string"},
      "kolom-kode": {type: "string"},
      simplify: {type: "string"},
      "gap-fill-km2": {type: "string"},
      "remah-km2": {type: "string"},
      "toleransi-tumpang-km2": {type: "string"},
      kuantisasi: {type: "string"},
      help: {type: "boolean", short: "h"},
    },
  }).values;
let values: ReturnType<typeof parse>;
try {
  values = parse();
} catch (error) {
  usageError((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const name of ["desa", "kode", "out", "kode-wilayah", "nama", "provinsi"] as const) if (!values[name]) usageError(`--${name} wajib diisi / is required`);

/** A positive number option; `max` bounds shares such as --simplify. */
function number(name: "simplify" | "gap-fill-km2" | "remah-km2" | "toleransi-tumpang-km2" | "kuantisasi", fallback: number | undefined, max = Infinity): number | undefined {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (typeof raw !== "string" || !Number.isFinite(x) || x <= 0 || x > max) usageError(`--${name} "${raw}" bukan angka positif${max < Infinity ? ` ≤ ${max}` : ""}`);
  return x;
}

function read(path: string) {
  try {
    return {name: basename(path), text: readFileSync(path, "utf8")};
  } catch (error) {
    console.error(`Berkas tidak terbaca / cannot read ${path}: ${(error as Error).message}`);
    process.exit(1);
  }
}

const options: PackOptions = {
  kodeWilayah: values["kode-wilayah"]!,
  nama: values.nama!,
  provinsi: values.provinsi!,
  namaPendek: values["nama-pendek"],
  kontak: values.kontak,
  sumberKode: values["sumber-kode"],
  sumberBatas: values["sumber-batas"],
  catatanBatas: values["catatan-batas"],
  kolomKode: values["kolom-kode"],
  simplify: number("simplify", DEFAULTS.simplify, 1)!,
  gapFillKm2: number("gap-fill-km2", DEFAULTS.gapFillKm2)!,
  crumbKm2: number("remah-km2", undefined),
  overlapToleranceKm2: number("toleransi-tumpang-km2", undefined),
  quantization: number("kuantisasi", DEFAULTS.quantization)!,
};

const started = Date.now();
const out = resolve(values.out!);
const previous = join(out, "wilayah.json");
try {
  const {files, report} = await buildPack(
    {
      desaGeoJson: read(values.desa!),
      kode: read(values.kode!),
      ...(values.kecamatan ? {kecamatan: read(values.kecamatan)} : {}),
      ...(existsSync(previous) ? {previousWilayah: read(previous).text} : {}),
    },
    options,
  );
  mkdirSync(out, {recursive: true});
  for (const [name, content] of Object.entries(files)) writeFileSync(join(out, name), content);
  // A new pack has no local spellings yet; the pipeline needs the list, so start it empty (never overwritten).
  const aliases = join(out, "alias_wilayah.csv");
  const aliasesNew = !existsSync(aliases);
  if (aliasesNew) writeFileSync(aliases, "tingkat,alias,kode\n");
  const w = report.wilayah;
  console.log(`Paket wilayah ${w.kode} ${w.nama} ditulis ke ${out} (${((Date.now() - started) / 1000).toFixed(1)} detik):`);
  for (const name of Object.keys(files)) console.log(`  ${name}`);
  console.log(`  ${w.kecamatan} kecamatan, ${w.desa + w.kelurahan} desa/kelurahan (${w.desa} desa, ${w.kelurahan} kelurahan); luas peta ${report.luas_km2.peta_tanpa_simplifikasi.toLocaleString("id-ID")} km²`);
  console.log(`  tumpang tindih serpih dibersihkan: ${report.tumpang_tindih_ditoleransi.jumlah} (total ${report.tumpang_tindih_ditoleransi.luas_km2} km²)`);
  for (const c of report.remah_digabung) console.log(`  remah digabung: ${c.kode_desa} ${c.desa} ${c.luas_m2} m² → ${c.ke} ${c.ke_desa}`);
  const lost = report.bagian_hilang_saat_simplifikasi.reduce((s, x) => s + x.bagian_sebelum - x.bagian_sesudah, 0);
  if (lost) console.log(`  ${lost} pulau/bagian kecil tidak tergambar setelah simplifikasi (${report.bagian_hilang_saat_simplifikasi.map((x) => x.desa).join(", ")}); luasnya tetap dihitung`);
  for (const p of report.peringatan) console.log(`  PERINGATAN [${p.code}] ${p.where}: ${p.pesan}`);
  // Program settings and local spellings are not geometry: the office supplies them (docs/WILAYAH.md).
  const present = (name: string) => (existsSync(join(out, name)) ? "sudah ada, tidak diubah" : "tidak ditulis");
  console.log("Bukan geometri, tidak dibuat oleh perintah ini / not geometry, not written:");
  console.log(`  parameter.json, sektor.csv, alias_sektor.csv (${["parameter.json", "sektor.csv", "alias_sektor.csv"].map(present).join("; ")}): aturan program dari data/program/; parameter.json di paket hanya untuk pengaturan daerah yang berbeda`);
  console.log(`  alias_wilayah.csv (${aliasesNew ? "dibuat kosong, hanya baris judul" : "sudah ada, tidak diubah"}): ejaan lain nama desa/kecamatan — tambahkan di sini ejaan yang dipakai ekstrak`);
  console.log("  wilayah.json `program` (peserta, nama_sampel) untuk sampel: tambahkan sendiri; kunci yang bukan milik perintah ini dipertahankan saat dibangun ulang");
} catch (error) {
  if (!(error instanceof WilayahInputError)) throw error;
  console.error(`Paket wilayah TIDAK dibuat: ${error.problems.length} masalah pada data masukan (tidak ada berkas yang ditulis).`);
  console.error(`Region pack NOT built: ${error.problems.length} problem(s) in the inputs (nothing written).`);
  for (const p of error.problems) console.error(formatProblem(p));
  process.exit(1);
}
