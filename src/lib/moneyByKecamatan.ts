// Money by kecamatan (src/anggaran.md, and a kecamatan's own profile): contributions attributed to
// each kecamatan — named by the invoice, or apportioned by active member-months (spendingByKecamatan)
// — beside the claims and benefits its families received (benefitsByKecamatan, from klaim_tahunan:
// per month a kecamatan's claims are too few to publish). Apportioning needs every kecamatan's
// members, so a single kecamatan's figures are read off the region's table, never computed alone.
// Pure and browser-safe.
import {
  benefitsByKecamatan,
  benefitsByMonth,
  budgetYears,
  spendingByKecamatan,
  type ClaimCounts,
  type IuranBulanan,
  type IuranRinci,
  type PesertaSumberDana,
  type SpendingMethod
} from "./anggaran.js";
import {formatInteger, formatMoney, formatRupiah} from "./format.js";
import {byPlaceName, ratio, type Kecamatan, type KlaimBulanan} from "./overview.js";
import {NOT_ITEMISED, NOT_ITEMISED_NAME} from "./suppression.js";
import {inYearTo} from "./budgetYear.js";
import {monthsOfYearTo} from "./familyBenefits.js";

/** klaim_tahunan.arrow: claims by year of the event × kecamatan (public build: a count, no money). */
export interface KlaimTahunan extends ClaimCounts {
  tahun: number;
}

export interface MoneyData {
  iuranRinci: readonly IuranRinci[];
  pesertaSumber: readonly PesertaSumberDana[];
  klaimTahunan: readonly KlaimTahunan[];
  /** Region-wide, for the benefits total when a public build withholds them per kecamatan. */
  klaim: readonly KlaimBulanan[];
  iuran: readonly IuranBulanan[];
  kecamatan: readonly Kecamatan[];
}

export interface KecamatanMoneyRow {
  kode_kec: string;
  nama: string;
  /** Active member-months (the apportioning weight). */
  bulan_peserta: number;
  iuran_ditagih: number;
  iuran_dibayar: number;
  klaim: number;
  /** null: a public build publishes no benefit money per kecamatan. */
  santunan: number | null;
  /** Some of the kecamatan's claims are suppressed: its claims and benefits are not printed. */
  ditekan: boolean;
  /** Benefits per rupiah of contribution paid. */
  manfaat: number | null;
}

export interface KecamatanMoneyTotal {
  nama: string;
  bulan_peserta: number;
  iuran_ditagih: number;
  iuran_dibayar: number;
  klaim: number;
  santunan: number | null;
  manfaat: number | null;
}

export interface MoneyByKecamatan {
  /** Every kecamatan of the region (by name), then codes only the data have, "Tidak dirinci" last. */
  rows: KecamatanMoneyRow[];
  total: KecamatanMoneyTotal;
  /** How contributions were placed: by the invoice's kecamatan, apportioned, or both. */
  cara: SpendingMethod;
  /** Invoiced but placeable nowhere (no active member in the month). */
  tidakTerbagi: number;
  /** Claims that name no kecamatan (null: none). */
  klaimTanpaKec: {klaim: number; santunan: number | null} | null;
  /** The benefits are published per kecamatan (an internal build). */
  santunanPerKecamatan: boolean;
}

/** Contributions and benefits by kecamatan in `tahun` (to the as-of month), with their total. */
export function moneyByKecamatan(data: MoneyData, tahun: number, asOf: string | null | undefined): MoneyByKecamatan {
  const inYear = inYearTo(tahun, asOf);
  const spending = spendingByKecamatan(data.iuranRinci.filter((r) => inYear(r.bulan)), data.pesertaSumber.filter((r) => inYear(r.bulan)));
  const benefits = benefitsByKecamatan(data.klaimTahunan.filter((r) => r.tahun === tahun));
  const names = new Map(data.kecamatan.map((k) => [k.kode, k.nama]));
  const codes = data.kecamatan.map((k) => k.kode);
  for (const r of [...spending.rows, ...benefits]) if (r.kode_kec && !codes.includes(r.kode_kec)) codes.push(r.kode_kec);
  const rows = codes
    .map((kode): KecamatanMoneyRow => {
      const s = spending.rows.find((r) => r.kode_kec === kode);
      const b = benefits.find((r) => r.kode_kec === kode);
      const ditekan = b?.ditekan === true;
      const santunan = b ? b.santunan : 0;
      const iuran_dibayar = s?.iuran_dibayar ?? 0;
      return {
        kode_kec: kode,
        nama: kode === NOT_ITEMISED ? NOT_ITEMISED_NAME : names.get(kode) ?? kode,
        bulan_peserta: s?.bulan_peserta ?? 0,
        iuran_ditagih: s?.iuran_ditagih ?? 0,
        iuran_dibayar,
        klaim: b?.klaim ?? 0,
        santunan,
        ditekan,
        manfaat: ditekan || santunan === null ? null : ratio(santunan, iuran_dibayar)
      };
    })
    .sort(byPlaceName);
  const sum = (k: "bulan_peserta" | "iuran_ditagih" | "iuran_dibayar" | "klaim") => rows.reduce((s, r) => s + r[k], 0);
  const santunanPerKecamatan = rows.every((r) => r.santunan !== null);
  // Public build: no money per kecamatan, so the total is the region's (from the monthly claims).
  const santunan =
    rows.reduce<number | null>((s, r) => (s === null || r.santunan === null ? null : s + r.santunan), 0) ??
    benefitsByMonth(data.klaim, data.iuran, monthsOfYearTo(tahun, asOf)).reduce((s, m) => s + m.santunan, 0);
  const iuran_dibayar = sum("iuran_dibayar");
  const total = {nama: "Jumlah", bulan_peserta: sum("bulan_peserta"), iuran_ditagih: sum("iuran_ditagih"), iuran_dibayar, klaim: sum("klaim"), santunan, manfaat: ratio(santunan, iuran_dibayar)};
  const tanpaKec = benefits.find((r) => r.kode_kec === null);
  return {
    rows,
    total,
    cara: spending.cara,
    tidakTerbagi: spending.tidakTerbagi,
    klaimTanpaKec: tanpaKec ? {klaim: tanpaKec.klaim, santunan: tanpaKec.santunan} : null,
    santunanPerKecamatan
  };
}

/** The rows the spending chart draws: no "Tidak dirinci" bar, no benefit dot where claims are suppressed. */
export function spendingChartRows(money: MoneyByKecamatan): KecamatanMoneyRow[] {
  return money.rows.filter((r) => r.kode_kec !== NOT_ITEMISED).map((r) => (r.ditekan ? {...r, santunan: null} : r));
}

/** How contributions were placed in kecamatan, as the method note says it. */
export const SPENDING_METHOD: Record<SpendingMethod, string> = {
  langsung: "menurut kolom kecamatan pada ekstrak iuran",
  dibagi: "dibagi menurut bulan-peserta aktif tiap kecamatan (ekstrak iuran tidak memuat kecamatan)",
  campuran: "menurut kolom kecamatan pada ekstrak iuran bila ada; baris tanpa kecamatan dibagi menurut bulan-peserta aktif",
  tidak_ada: "belum ada tagihan"
};

/** The method note under "Cara menghitung belanja per kecamatan": how contributions and benefits were placed. */
export function spendingMethodNote(money: Pick<MoneyByKecamatan, "cara" | "tidakTerbagi" | "klaimTanpaKec">): string {
  const unplaced = money.tidakTerbagi ? ` ${formatRupiah(money.tidakTerbagi)} tidak dapat dibagi (tidak ada peserta aktif pada bulan tagihan itu) dan tidak masuk tabel.` : "";
  const k = money.klaimTanpaKec;
  const claims = k ? ` ${formatInteger(k.klaim)} klaim${k.santunan === null ? "" : ` (${formatMoney(k.santunan)})`} tidak dapat ditempatkan di kecamatan mana pun.` : "";
  return `Iuran per kecamatan ${SPENDING_METHOD[money.cara]}.${unplaced}${claims} Santunan dihitung menurut kecamatan tempat peserta terdaftar.`;
}

/** One kecamatan's row of the year's table; null when the kecamatan has none. */
export function moneyOfKecamatan(money: MoneyByKecamatan, kode: string): KecamatanMoneyRow | null {
  return money.rows.find((r) => r.kode_kec === kode) ?? null;
}

export interface KecamatanYear extends KecamatanMoneyRow {
  tahun: number;
  cara: SpendingMethod;
}

/**
 * One kecamatan, year by year (every year with an invoice or claims, to the as-of month): the
 * contributions attributed to it and the benefits its families received — the same figures as the
 * budget page's kecamatan table in each year.
 */
export function moneyOfKecamatanByYear(data: MoneyData, kode: string, asOf: string | null | undefined): KecamatanYear[] {
  const years = new Set(budgetYears([], data.iuranRinci.filter((r) => !asOf || r.bulan <= asOf)));
  for (const r of data.klaimTahunan) if (!asOf || `${r.tahun}-01` <= asOf) years.add(Number(r.tahun));
  return [...years]
    .sort((a, b) => a - b)
    .flatMap((tahun) => {
      const money = moneyByKecamatan(data, tahun, asOf);
      const row = moneyOfKecamatan(money, kode);
      return row ? [{...row, tahun, cara: money.cara}] : [];
    });
}
