// Method 3: the same aggregation as the floor (duckdb.ts), written the way a JavaScript developer
// would without DuckDB: arquero tables in Node — loadCSV, lookups, derive, unroll the months, groupby.
// Text parsing that arquero has no operator for (three date styles, the NIK) is registered with
// aq.addFunction, which is arquero's own way to extend its expressions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as aq from "arquero";
import { REFERENCE_FILES } from "../reference.ts";
import { compareRows, readParameters, ResultSummary, runMethod, type ResultRow } from "../spec.ts";

/** Month index (year × 12 + month − 1) of a DD/MM/YYYY, YYYY-MM-DD or DD-MM-YYYY date; null if empty. */
function monthOfDate(text: string | null): number | null {
  if (!text) return null;
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) return Number(m[3]) * 12 + Number(m[2]) - 1;
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return Number(m[1]) * 12 + Number(m[2]) - 1;
  return null;
}

function yearOfDate(text: string): number {
  const m = /(\d{4})/.exec(text);
  return m ? Number(m[1]) : NaN;
}

await runMethod(async ({ extracts, reference }, timer) => {
  const p = readParameters(reference);
  timer.start();

  aq.addFunction("month_of", monthOfDate, { override: true });
  aq.addFunction("year_of", yearOfDate, { override: true });
  aq.addFunction("sector_key", (s: string) => (s ?? "").trim().toLowerCase().replace(/\s+/g, " "), { override: true });
  // Birth date from the NIK: DD (+40 for women) MM YY; the century is the latest not after the year of TMT.
  aq.addFunction(
    "nik_birth",
    (nik: string, tmtYear: number) => {
      const yy = Number(nik.slice(10, 12));
      const y = 2000 + yy <= tmtYear ? 2000 + yy : 1900 + yy;
      return y * 10000 + Number(nik.slice(8, 10)) * 100 + (Number(nik.slice(6, 8)) % 40);
    },
    { override: true },
  );
  // Last month whose first day finds the member younger than usia_maks (birthday − 1 day's month).
  aq.addFunction("age_cap", (lahir: number) => {
    const y = Math.floor(lahir / 10000) + p.usia_maks;
    const m = Math.floor(lahir / 100) % 100;
    const d = lahir % 100;
    return y * 12 + m - 1 - (d === 1 ? 1 : 0);
  }, { override: true });
  aq.addFunction("band", (lahir: number, bulan: number) => {
    const by = Math.floor(lahir / 10000);
    const bm = Math.floor(lahir / 100) % 100;
    const bd = lahir % 100;
    const y = Math.floor(bulan / 12);
    const m = (bulan % 12) + 1;
    const usia = y - by - (m < bm || (m === bm && bd > 1) ? 1 : 0);
    return p.kelompok_umur.find((b) => usia >= b.dari && usia <= b.sampai)?.kode ?? "lainnya";
  }, { override: true });
  aq.addFunction("month_key", (bulan: number) => `${Math.floor(bulan / 12)}-${String((bulan % 12) + 1).padStart(2, "0")}`, { override: true });

  const kecamatan = await aq.loadCSV(join(reference, REFERENCE_FILES.kecamatan), { autoType: false });
  const desa = (await aq.loadCSV(join(reference, REFERENCE_FILES.desa), { autoType: false })).derive({ kunci: (d: any) => d.kode_kec + "|" + d.desa });
  const sektorRef = await aq.loadCSV(join(reference, "sektor.csv"), { autoType: false });
  const sektor = (await aq.loadCSV(join(reference, "alias_sektor.csv"), { autoType: false }))
    .select({ alias: "teks", kode: "kode" })
    .concat(sektorRef.select({ kode: "teks" }).derive({ kode: (d: any) => d.teks }), sektorRef.select({ nama: "teks", kode: "kode" }))
    .derive({ kunci: (d: any) => op.sector_key(d.teks) })
    .select("kunci", "kode")
    .dedupe("kunci");

  // iuran.csv is Windows-1252 (Excel): decode it, then parse.
  const iuran = aq.fromCSV(readFileSync(join(extracts, "iuran.csv"), "latin1"), { delimiter: ";", autoType: false });
  const didanai = iuran
    .derive({ bulan: (d: any) => (op.includes(d.Periode, "/") ? op.month_of(d.Periode) : op.month_of(d.Periode + "-01")) })
    .select("bulan")
    .dedupe();
  const asOf = didanai.rollup({ m: (d: any) => op.max(d.bulan) }).get("m", 0) as number;

  const meninggal = (await aq.loadCSV(join(extracts, "klaim.csv"), { autoType: false }))
    .derive({ bulan_meninggal: (d: any) => op.month_of(d.tanggal_kejadian) })
    .groupby("nik")
    .rollup({ bulan_meninggal: (d: any) => op.min(d.bulan_meninggal) });

  const peserta = await aq.loadCSV(join(extracts, "peserta.csv"), { delimiter: ";", autoType: false });
  const periode = peserta
    .select({ NIK: "nik", Kecamatan: "kecamatan", "Desa Kelurahan": "desa", Pekerjaan: "pekerjaan", TMT: "tmt", "Tanggal Akhir": "akhir" })
    .lookup(kecamatan, ["kecamatan", "kecamatan"], "kode_kec")
    .derive({ kunci_desa: (d: any) => d.kode_kec + "|" + d.desa, kunci_sektor: (d: any) => op.sector_key(d.pekerjaan) })
    .lookup(desa, ["kunci_desa", "kunci"], "kode_desa")
    .lookup(sektor, ["kunci_sektor", "kunci"], "kode")
    .lookup(meninggal, ["nik", "nik"], "bulan_meninggal")
    .params({ asOf })
    .derive({
      sektor: (d: any) => d.kode,
      jenis_kelamin: (d: any) => (op.parse_int(op.substring(d.nik, 6, 8)) > 40 ? "P" : "L"),
      lahir: (d: any) => op.nik_birth(d.nik, op.year_of(d.tmt)),
      awal: (d: any) => op.month_of(d.tmt),
    })
    .derive({
      akhir_bulan: (d: any, $: any) =>
        op.least(op.age_cap(d.lahir), $.asOf, d.akhir ? op.month_of(d.akhir) : $.asOf, d.bulan_meninggal != null ? d.bulan_meninggal : $.asOf),
    })
    .filter((d: any) => d.kode_kec != null && d.sektor != null && d.awal <= d.akhir_bulan)
    .select("kode_kec", "kode_desa", "sektor", "jenis_kelamin", "lahir", "awal", "akhir_bulan");

  const hasil = periode
    .derive({ bulan: (d: any) => op.sequence(d.awal, d.akhir_bulan + 1) })
    .select("kode_kec", "kode_desa", "sektor", "jenis_kelamin", "lahir", "bulan")
    .unroll("bulan")
    .semijoin(didanai, "bulan")
    .derive({ kelompok_umur: (d: any) => op.band(d.lahir, d.bulan) })
    .groupby("bulan", "kode_kec", "kode_desa", "sektor", "jenis_kelamin", "kelompok_umur")
    .count({ as: "aktif" })
    .derive({ bulan: (d: any) => op.month_key(d.bulan) });
  timer.stop();

  // Not timed: the canonical digest.
  const rows = hasil.objects() as unknown as ResultRow[];
  rows.sort(compareRows);
  const summary = new ResultSummary();
  for (const r of rows) summary.add({ ...r, kode_desa: r.kode_desa ?? null });
  return summary.done();
});

// arquero's expression functions, for the type checker (they run inside arquero, where `op` is its own).
declare const op: any;
