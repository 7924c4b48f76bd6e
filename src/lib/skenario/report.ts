// Shapes scenario results into the rows the planner page shows and downloads: the side-by-side
// comparison, the months, coverage by kecamatan, and each scenario's inputs in words. Pure.
import {MONTHS, formatInteger, formatPercent} from "../format.js";
import {ratio} from "../overview.js";
import type {ScenarioResult} from "./model.js";
import type {ScenarioInput} from "./state.js";

export interface Compared {
  label: string;
  input: ScenarioInput;
  result: ScenarioResult;
}

export type Unit = "rupiah" | "orang" | "persen" | "kematian";

export interface ComparisonRow {
  key: string;
  ukuran: string;
  satuan: Unit;
  values: (number | null)[];
}

/** The measures a budget meeting compares, one row each, a value per scenario. */
export function comparisonRows(items: readonly Compared[], eligible: number | null): ComparisonRow[] {
  const v = (f: (r: ScenarioResult) => number | null) => items.map((i) => f(i.result));
  const ref = (r: ScenarioResult) => r.bulan.find((m) => m.bulan === r.bulanAcuan)!;
  return [
    {key: "biaya", ukuran: "Biaya iuran setahun", satuan: "rupiah", values: v((r) => r.biayaTahun)},
    {key: "biaya_status_quo", ukuran: "… untuk peserta yang sudah ada", satuan: "rupiah", values: v((r) => r.biayaStatusQuo)},
    {key: "biaya_perluasan", ukuran: "… untuk peserta baru", satuan: "rupiah", values: v((r) => r.biayaTahun - r.biayaStatusQuo)},
    {key: "selisih", ukuran: "Sisa pagu (negatif: kekurangan)", satuan: "rupiah", values: v((r) => r.selisihPagu)},
    {key: "baru", ukuran: "Peserta baru didaftarkan", satuan: "orang", values: v((r) => r.pesertaBaru)},
    {key: "aktif_acuan", ukuran: "Peserta terlindungi di bulan terakhir didanai", satuan: "orang", values: v((r) => (ref(r).didanai ? ref(r).aktif : 0))},
    {key: "cakupan", ukuran: "Cakupan di bulan itu", satuan: "persen", values: v((r) => ratio(ref(r).didanai ? ref(r).aktif : 0, eligible))},
    {key: "keluarga", ukuran: "Keluarga terlindungi (minimal 1 bulan)", satuan: "orang", values: v((r) => r.keluargaTerlindungi)},
    {key: "biaya_per_keluarga", ukuran: "Biaya per keluarga terlindungi", satuan: "rupiah", values: v((r) => r.biayaPerKeluarga)},
    {key: "kematian", ukuran: "Perkiraan peserta meninggal (terlindungi)", satuan: "kematian", values: v((r) => r.kematian.harapan)},
    {key: "kematian_bawah", ukuran: "… batas bawah 95%", satuan: "orang", values: v((r) => r.kematian.bawah)},
    {key: "kematian_atas", ukuran: "… batas atas 95%", satuan: "orang", values: v((r) => r.kematian.atas)},
    {key: "santunan", ukuran: "Perkiraan santunan diterima keluarga", satuan: "rupiah", values: v((r) => r.santunan.harapan)},
    {key: "santunan_bawah", ukuran: "… batas bawah 95%", satuan: "rupiah", values: v((r) => r.santunan.bawah)},
    {key: "santunan_atas", ukuran: "… batas atas 95%", satuan: "rupiah", values: v((r) => r.santunan.atas)},
    {key: "tak_terlindungi", ukuran: "Perkiraan meninggal di bulan tak didanai", satuan: "kematian", values: v((r) => r.kematianTakTerlindungi)}
  ];
}

export interface MonthRow {
  bulan: string;
  didanai: boolean[];
  aktif: number[];
  iuran: number[];
  kumulatif: number[];
}

/** The twelve months with each scenario's covered members and contributions. */
export function monthRows(items: readonly Compared[]): MonthRow[] {
  if (!items.length) return [];
  return items[0].result.bulan.map((m, i) => ({
    bulan: m.bulan,
    didanai: items.map((it) => it.result.bulan[i].didanai),
    aktif: items.map((it) => it.result.bulan[i].aktif),
    iuran: items.map((it) => it.result.bulan[i].iuran),
    kumulatif: items.map((it) => it.result.bulan[i].iuranKumulatif)
  }));
}

export interface KecamatanRow {
  kode_kec: string;
  nama: string;
  sasaran: number | null;
  /** Active in the as-of month and the rate then. */
  aktifKini: number;
  cakupanKini: number | null;
  /** Per scenario: members and coverage in its reference month. */
  aktif: number[];
  cakupan: (number | null)[];
}

/** Coverage by kecamatan now and after each scenario, in the reference order of kecamatan. */
export function kecamatanRows(items: readonly Compared[], kecamatan: readonly {kode: string; nama: string}[]): KecamatanRow[] {
  if (!items.length) return [];
  const names = new Map(kecamatan.map((k) => [k.kode, k.nama]));
  const order = kecamatan.map((k) => k.kode);
  for (const k of items[0].result.kecamatan) if (!order.includes(k.kode_kec)) order.push(k.kode_kec);
  const nowByKec = new Map<string, number>();
  for (const g of items[0].result.kelompok) nowByKec.set(g.kode_kec, (nowByKec.get(g.kode_kec) ?? 0) + g.aktifAwal);
  return order.map((kode_kec) => {
    const rows = items.map((it) => it.result.kecamatan.find((k) => k.kode_kec === kode_kec) ?? null);
    const sasaran = rows.find((r) => r)?.sasaran ?? null;
    const aktifKini = nowByKec.get(kode_kec) ?? 0;
    return {
      kode_kec,
      nama: names.get(kode_kec) ?? kode_kec,
      sasaran,
      aktifKini,
      cakupanKini: ratio(aktifKini, sasaran),
      aktif: rows.map((r) => r?.aktif ?? 0),
      cakupan: rows.map((r) => r?.rate ?? null)
    };
  });
}

export interface DescribeContext {
  sektorNama: ReadonlyMap<string, string>;
  kecamatanCount: number;
}

const monthName = (m: number) => MONTHS[Math.min(12, Math.max(1, m)) - 1];

/** A scenario's inputs in one plain sentence, for the page, the print-out and the CSV. */
export function describeScenario(input: ScenarioInput, ctx: DescribeContext): string {
  const last = Math.min(12, input.danaAwal + input.danaBulan - 1);
  const months =
    input.danaBulan <= 0
      ? "tanpa bulan yang didanai"
      : input.danaBulan === 1
        ? `iuran didanai untuk ${monthName(input.danaAwal)} saja`
        : `iuran didanai ${formatInteger(last - input.danaAwal + 1)} bulan (${monthName(input.danaAwal)}–${monthName(last)})`;
  if (!input.sektor.length || !input.kecamatan.length) return `Peserta yang ada saja, tanpa pendaftaran baru; ${months}.`;
  const sektor = input.sektor.map((k) => {
    const name = (ctx.sektorNama.get(k) ?? k).toLowerCase();
    const own = input.targetSektor[k];
    return own !== undefined ? `${name} (${formatPercent(own / 100, 0)})` : name;
  });
  const where = input.kecamatan.length >= ctx.kecamatanCount ? "di semua kecamatan" : `di ${formatInteger(input.kecamatan.length)} kecamatan`;
  const tranches =
    input.tahap > 1 ? `dalam ${formatInteger(input.tahap)} tahap mulai ${monthName(input.mulai)}, berjarak ${formatInteger(input.jarakTahap)} bulan` : `mulai ${monthName(input.mulai)}`;
  const how =
    input.mode === "pagu"
      ? `, sebanyak yang muat dalam pagu (urutan: ${ORDER_LABELS[input.urutan].toLowerCase()})`
      : "";
  return `Perluas ke ${list(sektor)} ${where} sampai cakupan ${formatPercent(input.target / 100, 0)}${how}; pendaftaran ${tranches}; ${months}.`;
}

export const ORDER_LABELS: Record<ScenarioInput["urutan"], string> = {
  terbanyak: "Sasaran terbanyak dulu",
  celah: "Celah terbesar dulu (cakupan terendah)",
  termiskin: "Termiskin dulu"
};

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} dan ${items[items.length - 1]}`;
}
