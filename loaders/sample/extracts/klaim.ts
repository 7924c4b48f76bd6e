// klaim.csv: death claims BPJS Ketenagakerjaan paid, as its system exports them (`,`, ISO dates,
// plain integers, LF). One claim per death during coverage that was paid by the extract date.
import type { Calibration } from "../calibration.ts";
import { addDays, compareDates, iso, monthOf, parseIsoDate, type Ymd } from "../calendar.ts";
import type { Person } from "../identity.ts";
import type { Lifecycle } from "../lifecycle.ts";
import { chance, randInt, type Rng } from "../random.ts";
import type { Parameter } from "../reference.ts";

export const KLAIM_HEADER = ["nik", "kpj", "tanggal_kejadian", "jenis", "nominal", "beasiswa", "tanggal_bayar"] as const;

export interface KlaimRow {
  personId: number;
  cells: string[];
  /** Only a claim that matches no peserta row at all is rejected (every sample death has a row). */
  reject: "PESERTA_TIDAK_DITEMUKAN" | null;
  /** The person has no accepted row: the claim counts, with a KLAIM_PESERTA_DITOLAK finding. */
  pesertaDitolak: boolean;
  nik: string | null; // null: the claim lists only the KPJ
  kpj: string;
  kejadian: Ymd;
  jenis: "JKM" | "JKK";
  nominal: number;
  bayar: Ymd;
}

export function buildKlaimRows(
  persons: Person[],
  lifecycles: Lifecycle[],
  /** People with at least one accepted peserta row: the others' claims match only rejected rows. */
  accepted: Set<number>,
  parameter: Parameter,
  cal: Calibration,
  rng: Rng,
): KlaimRow[] {
  const ekstrak = parseIsoDate(cal.tanggalEkstrak);
  const jkkSectors = new Set(cal.sektorJkk);
  const rows: KlaimRow[] = [];
  for (const p of persons) {
    const death = lifecycles[p.id]!.meninggal;
    if (!death) continue;
    // Draw everything first so whether a claim is paid yet never shifts the other draws.
    const bayar = addDays(death, randInt(rng, cal.hariBayarKlaim[0], cal.hariBayarKlaim[1]));
    const kecelakaan = jkkSectors.has(p.sektor) && chance(rng, cal.porsiJkk);
    const hanyaKpj = chance(rng, cal.porsiKlaimHanyaKpj);
    const beasiswaNol = chance(rng, 0.15);
    if (compareDates(bayar, ekstrak) > 0) continue; // not paid yet on the extract date

    const masaTunggu = monthOf(death) - monthOf(p.mulai) < cal.bulanMasaTungguJkm;
    const jenis = kecelakaan ? "JKK" : "JKM";
    const nominal = kecelakaan
      ? parameter.santunan_jkk_meninggal
      : masaTunggu
        ? parameter.santunan_jkm_sebelum_3_bulan
        : parameter.santunan_jkm;
    const nik = hanyaKpj ? null : p.nik;
    rows.push({
      personId: p.id,
      // Scholarships need ≥3 years of contributions: none are due in this window, so 0 or blank.
      cells: [nik ?? "", p.kpj, iso(death), jenis, String(nominal), beasiswaNol ? "0" : "", iso(bayar)],
      // Every row of a person carries the person's KPJ, so a claim always finds the person's rows.
      reject: null,
      pesertaDitolak: !accepted.has(p.id),
      nik,
      kpj: p.kpj,
      kejadian: death,
      jenis,
      nominal,
      bayar,
    });
  }
  return rows.sort((a, b) => compareDates(a.bayar, b.bayar) || compareDates(a.kejadian, b.kejadian) || a.personId - b.personId);
}
