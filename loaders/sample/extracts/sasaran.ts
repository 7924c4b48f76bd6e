// sasaran.csv: the target population by desa × sector (`,`, UTF-8 without BOM), names as text.
import type { Population } from "../population.ts";
import type { Reference } from "../reference.ts";

export const SASARAN_HEADER = ["kecamatan", "desa", "sektor", "jumlah", "sumber"] as const;
export const SASARAN_SUMBER = "Estimasi DTSEN desil 1–4 (sintetis)";

export function buildSasaranRows(ref: Reference, pop: Population): string[][] {
  const kec = new Map(ref.kecamatan.map((k) => [k.kode, k.nama]));
  const desa = new Map(ref.desa.map((d) => [d.kode, d.nama]));
  const sektor = new Map(ref.sektor.map((s) => [s.kode, s.nama]));
  return pop.cells.map((c) => [kec.get(c.kodeKec)!, desa.get(c.kodeDesa)!, sektor.get(c.sektor)!, String(c.jumlah), SASARAN_SUMBER]);
}
