// Shapes roadmaps into the rows the Peta Jalan page shows and downloads: a path's measures year by
// year, coverage by place and year, and each path's inputs in one sentence. Pure.
import {formatInteger, formatPercent} from "../format.js";
import {ratio} from "../overview.js";
import {ORDER_LABELS} from "./report.js";
import type {Roadmap} from "./roadmap.js";
import {type PathInput, type RoadmapContext} from "./roadmapState.js";

export type Unit = "rupiah" | "orang" | "persen" | "kematian";

export interface MeasureRow {
  key: string;
  ukuran: string;
  satuan: Unit;
  /** One value per year of the horizon. */
  values: (number | null)[];
}

/** Every yearly output of one path, a row per measure. */
export function measureRows(roadmap: Roadmap): MeasureRow[] {
  const v = (f: (y: Roadmap["years"][number]) => number | null) => roadmap.years.map(f);
  return [
    {key: "sasaran", ukuran: "Sasaran", satuan: "orang", values: v((y) => y.sasaran)},
    {key: "awal", ukuran: "Peserta awal tahun (Januari, sebelum pendaftaran)", satuan: "orang", values: v((y) => y.awal)},
    {key: "baru", ukuran: "Peserta baru didaftarkan", satuan: "orang", values: v((y) => y.baru)},
    {key: "pengganti", ukuran: "… pengganti peserta yang keluar", satuan: "orang", values: v((y) => y.pengganti)},
    {key: "pertumbuhan", ukuran: "… pertumbuhan", satuan: "orang", values: v((y) => y.pertumbuhan)},
    {key: "keluar", ukuran: "Peserta keluar", satuan: "orang", values: v((y) => y.keluar)},
    {key: "keluar_usia", ukuran: "… mencapai usia maksimum", satuan: "orang", values: v((y) => y.keluarUsia)},
    {key: "meninggal", ukuran: "… meninggal", satuan: "kematian", values: v((y) => y.meninggal)},
    {key: "sesudah_daftar", ukuran: "Peserta sesudah pendaftaran tahun itu", satuan: "orang", values: v((y) => y.sesudahDaftar)},
    {key: "akhir", ukuran: "Peserta akhir tahun", satuan: "orang", values: v((y) => y.akhir)},
    {key: "cakupan", ukuran: "Cakupan akhir tahun", satuan: "persen", values: v((y) => ratio(y.akhir, y.sasaran))},
    {key: "bulan_peserta", ukuran: "Bulan-peserta terlindungi", satuan: "orang", values: v((y) => y.bulanPeserta)},
    {key: "iuran", ukuran: "Biaya iuran", satuan: "rupiah", values: v((y) => y.iuran)},
    {key: "pagu", ukuran: "Pagu", satuan: "rupiah", values: v((y) => y.pagu)},
    {key: "selisih", ukuran: "Sisa pagu (negatif: kekurangan)", satuan: "rupiah", values: v((y) => y.selisih)},
    {key: "kematian", ukuran: "Perkiraan peserta meninggal (terlindungi)", satuan: "kematian", values: v((y) => y.kematian.harapan)},
    {key: "kematian_bawah", ukuran: "… batas bawah 95%", satuan: "orang", values: v((y) => y.kematian.bawah)},
    {key: "kematian_atas", ukuran: "… batas atas 95%", satuan: "orang", values: v((y) => y.kematian.atas)},
    {key: "santunan", ukuran: "Perkiraan santunan diterima keluarga", satuan: "rupiah", values: v((y) => y.santunan.harapan)},
    {key: "santunan_bawah", ukuran: "… batas bawah 95%", satuan: "rupiah", values: v((y) => y.santunan.bawah)},
    {key: "santunan_atas", ukuran: "… batas atas 95%", satuan: "rupiah", values: v((y) => y.santunan.atas)},
    {key: "keluarga", ukuran: "Keluarga terlindungi (minimal 1 bulan)", satuan: "orang", values: v((y) => y.keluarga)}
  ];
}

export interface PlaceYearRow {
  kode: string;
  nama: string;
  /** Eligible and coverage after December, one per year. */
  sasaran: (number | null)[];
  cakupan: (number | null)[];
  baru: number[];
}

/** Coverage at each year's end by kecamatan or by sector, in the reference order. */
export function placeYearRows(roadmap: Roadmap, by: "kecamatan" | "sektor", reference: readonly {kode: string; nama: string}[]): PlaceYearRow[] {
  const order = reference.map((r) => r.kode);
  const names = new Map(reference.map((r) => [r.kode, r.nama]));
  for (const y of roadmap.years) for (const c of y[by]) if (!order.includes(c.kode)) order.push(c.kode);
  return order
    .map((kode) => {
      const cells = roadmap.years.map((y) => y[by].find((c) => c.kode === kode) ?? null);
      return {
        kode,
        nama: names.get(kode) ?? kode,
        sasaran: cells.map((c) => c?.sasaran ?? null),
        cakupan: cells.map((c) => c?.cakupan ?? null),
        baru: cells.map((c) => c?.baru ?? 0)
      };
    })
    .filter((r) => r.sasaran.some((s) => s !== null));
}

/** A path's inputs in one plain sentence, for the page, the print-out and the CSV. */
export function describePath(input: PathInput, ctx: RoadmapContext, names: {sektor: ReadonlyMap<string, string>}, horizon: number): string {
  const months = input.danaBulan <= 0 ? "tanpa bulan didanai" : `iuran didanai ${formatInteger(Math.min(input.danaBulan, 13 - input.danaAwal))} bulan setahun`;
  if (input.jenis === "tetap") return `Cakupan tiap kelompok (kecamatan × sektor) dipertahankan seperti kini; ${months}.`;
  const sektor = input.sektor.map((k) => (names.sektor.get(k) ?? k).toLowerCase());
  const where = input.kecamatan.length >= ctx.kecamatan.length ? "di semua kecamatan" : `di ${formatInteger(input.kecamatan.length)} kecamatan`;
  const who = sektor.length && input.kecamatan.length ? `${list(sektor)} ${where}` : "(belum ada kelompok terpilih)";
  const last = ctx.tahunAwal + horizon - 1;
  const how =
    input.jenis === "linear"
      ? `naik rata sampai ${formatPercent(input.target / 100, 0)} pada ${Math.min(last, input.tahunTarget)}`
      : input.jenis === "per_tahun"
        ? `target per tahun ${input.targetTahun.slice(0, horizon).map((t) => formatPercent(t / 100, 0)).join(", ")}`
        : `sampai ${formatPercent(input.target / 100, 0)} sejauh pagu tiap tahun mencukupi (${ORDER_LABELS[input.urutan].toLowerCase()})`;
  const others = input.lainnya === "tahan" ? "kelompok lain dipertahankan seperti kini" : "kelompok lain tanpa pendaftaran baru";
  return `Perluasan ke ${who}, ${how}; ${others}; ${months}.`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} dan ${items[items.length - 1]}`;
}
