// `npx tsx scripts/wilayah/banding.ts HASIL ACUAN` — compares a built pack with a reference pack
// (compare.ts); exit 1 when anything differs beyond tolerance.
import {resolve} from "node:path";
import {comparePacks, DEFAULT_TOLERANCES, readPack} from "./compare.ts";

const [built, reference] = process.argv.slice(2);
if (!built || !reference) {
  console.error("Pemakaian: npx tsx scripts/wilayah/banding.ts FOLDER_HASIL FOLDER_ACUAN");
  process.exit(2);
}
const c = comparePacks(readPack(resolve(built)), readPack(resolve(reference)));
const t = c.terbesar;
console.log(`Identik byte demi byte: desa CSV ${c.identik.desaCsv ? "ya" : "tidak"}, kecamatan CSV ${c.identik.kecamatanCsv ? "ya" : "tidak"}, TopoJSON ${c.identik.topoJson ? "ya" : "tidak"} (busur dan transform ${c.identik.busur ? "identik" : "berbeda"})`);
console.log(`Selisih terbesar: luas_km2_peta ${t.luasKm2.nilai.toFixed(4)} km² (${t.luasKm2.kode || "—"}; toleransi ${DEFAULT_TOLERANCES.luasKm2}), luas gambar ${(t.luasGambarRelatif.nilai * 100).toFixed(4)} % (${t.luasGambarRelatif.kode || "—"}), titik label ${t.labelM.nilai.toFixed(2)} m (${t.labelM.kode || "—"}; toleransi ${DEFAULT_TOLERANCES.labelM} m)`);
console.log(`Titik label di luar poligon: ${c.labelDiLuar.length}; arah ring salah: ${c.arahSalah.length}; kegagalan topologi: ${c.topologi.length}`);
for (const p of c.perbedaan) console.log(`  BEDA ${p}`);
console.log(c.perbedaan.length ? `TIDAK SAMA: ${c.perbedaan.length} perbedaan di luar toleransi.` : "SAMA dalam toleransi.");
process.exit(c.perbedaan.length ? 1 : 0);
