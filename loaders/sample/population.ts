// The target population (sasaran) by desa × sector, and how readily each cell enrols. Kecamatan
// profiles are drawn from the seed, not from geography: the sample must work for any region.
import type { Calibration } from "./calibration.ts";
import { apportion, chance, type Rng } from "./random.ts";
import type { Reference } from "./reference.ts";

export interface SasaranCell {
  kodeKec: string;
  kodeDesa: string;
  sektor: string;
  jumlah: number;
}

export interface Population {
  cells: SasaranCell[];
  /** Relative enrolment rate of each cell (sector rate × kecamatan factor). */
  cakupan: number[];
}

// Urban kelurahan have fewer farm hands and more traders, services and day labour.
const KELURAHAN_EFFECT: Record<string, number> = {
  buruh_tani: 0.3,
  buruh_tembakau: 0.2,
  pedagang_kecil: 2,
  jasa: 2,
  buruh_harian: 1.4,
  industri_rumahan: 1.2,
  lainnya: 1.5,
};

// Some sectors cluster: fishing only in some kecamatan (the coast), tobacco in most.
const PRESENT_IN_SHARE_OF_KECAMATAN: Record<string, number> = { nelayan: 0.4, buruh_tembakau: 0.7 };

export function buildPopulation(ref: Reference, cal: Calibration, scale: number, rng: Rng): Population {
  const sectors = ref.sektor.map((s) => s.kode);
  const total = Math.round(cal.sasaranTotal * scale);

  const profile = new Map<string, number[]>();
  const factor = new Map<string, number>();
  const presentSomewhere = new Set<string>();
  for (const kec of ref.kecamatan) {
    profile.set(
      kec.kode,
      sectors.map((s) => {
        const share = cal.sasaranPorsiSektor[s] ?? 0;
        const presence = PRESENT_IN_SHARE_OF_KECAMATAN[s];
        if (presence !== undefined && !chance(rng, presence)) return 0;
        if (share > 0) presentSomewhere.add(s);
        return share * (presence !== undefined ? 1 / presence : 1) * (0.6 + 0.8 * rng());
      }),
    );
    const [lo, hi] = cal.cakupanKecamatan;
    factor.set(kec.kode, lo + (hi - lo) * rng());
  }
  // A clustered sector that missed every kecamatan still appears in the first one.
  sectors.forEach((s, i) => {
    if ((cal.sasaranPorsiSektor[s] ?? 0) > 0 && !presentSomewhere.has(s)) {
      const first = profile.get(ref.kecamatan[0]!.kode)!;
      first[i] = cal.sasaranPorsiSektor[s]!;
    }
  });

  const desaSize = ref.desa.map((d) => (0.5 + rng()) * (d.tipe === "desa" ? 1 : 1.4));
  const desaTotals = apportion(total, desaSize);

  const cells: SasaranCell[] = [];
  const cakupan: number[] = [];
  ref.desa.forEach((desa, i) => {
    const base = profile.get(desa.kodeKec);
    if (!base) throw new Error(`desa ${desa.kode}: kecamatan ${desa.kodeKec} not in the kecamatan list`);
    const mix = base.map((w, j) => (desa.tipe === "desa" ? w : w * (KELURAHAN_EFFECT[sectors[j]!] ?? 1)));
    apportion(desaTotals[i]!, mix).forEach((jumlah, j) => {
      if (jumlah === 0) return;
      const sektor = sectors[j]!;
      cells.push({ kodeKec: desa.kodeKec, kodeDesa: desa.kode, sektor, jumlah });
      cakupan.push((cal.cakupanSektor[sektor] ?? 0) * factor.get(desa.kodeKec)!);
    });
  });
  return { cells, cakupan };
}
