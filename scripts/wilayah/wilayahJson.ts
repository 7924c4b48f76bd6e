// wilayah.json: the builder owns the region's identity and file names; anything else an office added to an
// existing wilayah.json in --out (its `program` size for the sample, …) is kept, so a rebuild loses nothing.
import {problem, type Problem} from "./problems.ts";

export interface WilayahFields {
  kode: string;
  nama: string;
  nama_pendek: string;
  provinsi: string;
  kecamatan: string;
  desa: string;
  batas: string;
  kontak?: string;
  sumber_kode?: string;
  sumber_batas?: string;
  catatan_batas?: string;
}

/** Descriptive keys: from the command line when given, else kept from the existing file. */
const DESCRIPTIVE = ["kontak", "sumber_kode", "sumber_batas", "catatan_batas"] as const;

export function wilayahJson(fields: WilayahFields, previousText?: string): {text: string; problems: Problem[]} {
  let previous: Record<string, unknown> = {};
  if (previousText !== undefined) {
    try {
      previous = JSON.parse(previousText) as Record<string, unknown>;
    } catch (error) {
      return {text: "", problems: [problem("BERKAS_TIDAK_TERBACA", "wilayah.json di --out", `wilayah.json yang sudah ada tidak terbaca: ${(error as Error).message}`, "existing wilayah.json unreadable")]};
    }
    if (previous.kode !== undefined && previous.kode !== fields.kode)
      return {text: "", problems: [problem("ARGUMEN_TIDAK_VALID", "--out", `folder --out berisi paket wilayah lain (${String(previous.kode)}), bukan ${fields.kode}: pilih folder lain`, "--out holds another region's pack")]};
  }
  const json: Record<string, unknown> = {
    kode: fields.kode,
    nama: fields.nama,
    nama_pendek: fields.nama_pendek,
    provinsi: fields.provinsi,
    kecamatan: fields.kecamatan,
    desa: fields.desa,
    batas: fields.batas,
    batas_objek: {kecamatan: "kecamatan", desa: "desa"},
  };
  for (const key of DESCRIPTIVE) {
    const value = fields[key] ?? previous[key];
    if (value !== undefined) json[key] = value;
  }
  for (const [key, value] of Object.entries(previous)) if (!(key in json) && !(DESCRIPTIVE as readonly string[]).includes(key)) json[key] = value;
  return {text: JSON.stringify(json, null, 2) + "\n", problems: []};
}
