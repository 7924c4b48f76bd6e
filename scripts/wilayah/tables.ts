// The pack's two CSVs, in the columns of the Jember and Pemalang packs (loaders/reference.ts reads them).
import {csvFormatRows} from "d3";
import type {Desa, Kecamatan} from "./codeList.ts";

export interface KecamatanRow extends Kecamatan {
  jml_desa: number;
  jml_kelurahan: number;
  jml_desa_kel: number;
  luas_km2_peta: number;
}

/** Map areas are published in km² with 2 decimals: they come from a simplified source, not a survey. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** Counts per kecamatan from the code list; area = sum of its desa's unrounded areas (desa do not overlap). */
export function kecamatanRows(kecamatan: Kecamatan[], desa: Desa[], desaAreaM2: Map<string, number>): KecamatanRow[] {
  return kecamatan.map((k) => {
    const own = desa.filter((d) => d.kode_kec === k.kode_kec);
    const kelurahan = own.filter((d) => d.tipe === "kelurahan").length;
    const areaM2 = own.reduce((sum, d) => sum + desaAreaM2.get(d.kode_desa)!, 0);
    return {...k, jml_desa: own.length - kelurahan, jml_kelurahan: kelurahan, jml_desa_kel: own.length, luas_km2_peta: round2(areaM2 / 1e6)};
  });
}

const csv = (header: string[], rows: (string | number | null)[][]) => csvFormatRows([header, ...rows.map((r) => r.map((c) => (c === null ? "" : String(c))))]) + "\n";

export function kecamatanCsv(rows: KecamatanRow[]): string {
  const header = ["kode_kec", "kode_kec_bps", "kecamatan", "jml_desa", "jml_kelurahan", "jml_desa_kel", "luas_km2_peta"];
  return csv(header, rows.map((r) => [r.kode_kec, r.kode_kec_bps, r.kecamatan, r.jml_desa, r.jml_kelurahan, r.jml_desa_kel, r.luas_km2_peta]));
}

export function desaCsv(desa: Desa[]): string {
  const header = ["kode_desa", "desa", "tipe", "kode_kec", "kode_kec_bps", "kecamatan"];
  return csv(header, desa.map((d) => [d.kode_desa, d.desa, d.tipe, d.kode_kec, d.kode_kec_bps, d.kecamatan]));
}
