// The planner's sentences that depend on the data (Bahasa Indonesia, as the Skenario page prints them):
// why a preset is missing, what the defaults come from, how a fit to the allocation chose. Pure.
import {formatDecimal, formatInteger, formatMoney, formatMonth, formatNumber, formatPercent} from "../format.js";
import type {ScenarioResult} from "./model.js";
import type {ScenarioInput} from "./state.js";
import {statesExpansion} from "./state.js";
import type {PlannerStart} from "./start.js";

/** Why no preset speaks for the regent (null when the data state an expansion with known sectors). */
export function noExpansionNote(start: Pick<PlannerStart, "ctx" | "perluasan" | "namaWilayah">): string | null {
  if (statesExpansion(start.ctx)) return null;
  return start.perluasan
    ? "Sektor rencana perluasan di data referensi tidak dikenal, jadi tidak ada preset perluasan: susun skenario sendiri dengan memilih sektor dan kecamatan (Kustom)."
    : `Data referensi ${start.namaWilayah} tidak menyatakan rencana perluasan, jadi tidak ada preset “Perluasan Bupati” atau “Sesuai pagu”: susun skenario sendiri dengan memilih sektor dan kecamatan (Kustom), dan tambah skenario untuk membandingkan.`;
}

/** The form's hint beside the presets when none states an expansion. */
export const NO_EXPANSION_PRESET_NOTE = "Tidak ada rencana perluasan di data referensi: pilih Kustom, lalu sektor dan kecamatan.";

export const POOREST_NOTE =
  "Belum ada indikator kemiskinan per kecamatan di data referensi (angka kemiskinan yang tersedia hanya untuk kabupaten), jadi urutan ini dinonaktifkan.";

/** PP 50/2025's discount as the parameter states it, with its caveats. */
export function discountNote(diskon: PlannerStart["diskon"]): string {
  if (!diskon) return "Parameter potongan tidak tersedia.";
  return `Potongan ${formatPercent(diskon.persen, 0)} iuran JKK + JKM untuk iuran ${formatMonth(diskon.mulai)}–${formatMonth(diskon.akhir)}.${diskon.berlaku_untuk_apbd === false ? " Menurut pemberitaan, peserta yang iurannya dibayar APBD dikecualikan: pilihan ini hanya untuk membandingkan." : ""}${diskon.perlu_verifikasi ? " Parameter perlu diverifikasi pada naskah PP." : ""}`;
}

/** Where the mortality multiplier's default comes from. */
export function calibrationNote(start: Pick<PlannerStart, "kalibrasi" | "pengaliKlaim">): string {
  const k = start.kalibrasi;
  return start.pengaliKlaim !== null
    ? `Dari klaim: ${formatInteger(k.klaim)} kematian vs ${formatDecimal(k.harapan, 1)} menurut TMI IV → ${formatNumber(k.pengali, 2)}×`
    : "Klaim terlalu sedikit untuk kalibrasi";
}

/** Where the allocation's default comes from: the envelope year's lines. */
export function paguNote(start: Pick<PlannerStart, "paguAcuan" | "tahunPagu" | "paguLines">): string {
  if (!start.paguAcuan) return "Belum ada pagu dalam data anggaran";
  return `Bawaan: pagu berlaku ${start.tahunPagu} (${start.paguLines.map((r) => `${r.sumber_dana} ${formatMoney(r.pagu_berlaku)}`).join(" + ")})`;
}

/**
 * How a scenario fitted to the allocation chose its groups: the order, the rule (whole groups, skip
 * what does not fit), the outcome and what the remainder would buy.
 */
export function fitSummary(input: Pick<ScenarioInput, "urutan">, r: Pick<ScenarioResult, "urutan" | "pesertaBaru" | "sisa">, names: Pick<PlannerStart, "sektorNama" | "kecamatanNama">): string {
  const steps = r.urutan ?? [];
  const chosen = steps.filter((s) => s.dipilih);
  return (
    (input.urutan === "celah"
      ? "Kelompok (kecamatan × sektor) dengan cakupan terendah sekarang didahulukan; bila sama, yang perlu peserta baru terbanyak. "
      : input.urutan === "termiskin"
        ? "Kecamatan dengan indikator kemiskinan tertinggi didahulukan. "
        : "Kelompok (kecamatan × sektor) yang perlu peserta baru terbanyak didahulukan, agar sebanyak mungkin sasaran terlindungi. ") +
    `Tiap kelompok didaftarkan utuh sampai targetnya; kelompok yang tidak muat dalam sisa pagu dilewati dan kelompok berikutnya dicoba, sehingga pagu tidak pernah terlampaui. ` +
    `Hasil: ${formatInteger(chosen.length)} dari ${formatInteger(steps.length)} kelompok, ${formatInteger(r.pesertaBaru)} peserta baru.` +
    (r.sisa
      ? ` Sisa ${formatMoney(r.sisa.rupiah)} cukup untuk sekitar ${formatInteger(r.sisa.orang)} orang dari kelompok berikutnya (${names.sektorNama.get(r.sisa.sektor) ?? r.sisa.sektor}, ${names.kecamatanNama.get(r.sisa.kode_kec) ?? r.sisa.kode_kec}).`
      : "")
  );
}
