// A synthetic region for the scenario model's property tests and speed test: deterministic (a small
// LCG), any number of kecamatan, eight sectors, members in the as-of month 2026-10 by sex × age band.
import type {MemberRow} from "../../src/lib/skenario/model.ts";

/** A deterministic region: `kec` kecamatan × 8 sectors, members and eligible from a small LCG. */
export function syntheticRegion(kec: number, seed = 7): {rows: MemberRow[]; sasaran: {kode_kec: string; sektor: string; jumlah: number}[]; kecamatan: string[]; sektor: string[]} {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sektor = ["tani", "tembakau", "nelayan", "dagang", "rumahan", "harian", "jasa", "lainnya"];
  const kecamatan = Array.from({length: kec}, (_, i) => `K${String(i + 1).padStart(3, "0")}`);
  const rows: MemberRow[] = [];
  const sasaran: {kode_kec: string; sektor: string; jumlah: number}[] = [];
  for (const k of kecamatan)
    for (const s of sektor) {
      const eligible = 50 + Math.floor(rand() * 900);
      sasaran.push({kode_kec: k, sektor: s, jumlah: eligible});
      const members = Math.floor(eligible * rand() * 0.6);
      for (const [sex, band, share] of [["L", "55-59", 0.3], ["L", "60-65", 0.25], ["P", "55-59", 0.25], ["P", "60-65", 0.2]] as const)
        if (members) rows.push({bulan: "2026-10", kode_kec: k, sektor: s, jenis_kelamin: sex, kelompok_umur: band, aktif: Math.round(members * share)});
    }
  return {rows, sasaran, kecamatan, sektor};
}
