// A synthetic multi-regency reference folder for benchmarks: Pemalang's 14 kecamatan and 223 desa
// copied once per synthetic regency under made-up codes (99.01.01, 99.01.01.2001, …, then 98.xx
// when 99 runs out), kecamatan names suffixed so every key stays unique. The pipeline reads
// reference from a folder, so many regencies are just more rows in the same files.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseSimpleCsv, loadReference, type Reference } from "../loaders/sample/reference.ts";
import { packFile, packParameters } from "../loaders/pack.ts";

export const REFERENCE_FILES = {
  wilayah: "wilayah.json",
  kecamatan: "bench_kecamatan.csv",
  desa: "bench_desa_kelurahan.csv",
  batas: "bench.topo.json",
} as const;

/** Province and regency code of synthetic regency r: 99.01 … 99.99, 98.01 …, never a real pair in use. */
export function regencyCode(r: number): string {
  const province = 99 - Math.floor(r / 99);
  if (province < 90) throw new Error(`too many synthetic regencies (${r + 1}); at most 990`);
  return `${province}.${String((r % 99) + 1).padStart(2, "0")}`;
}

/** One synthetic regency's reference, in the sample generator's shape (loaders/sample/reference.ts). */
export function regencyReference(base: Reference, r: number): Reference {
  const kode = regencyCode(r);
  const digits = kode.replace(".", "");
  const kec = (old: string) => `${kode}.${old.slice(-2)}`;
  const tag = `R${String(r + 1).padStart(3, "0")}`;
  return {
    ...base,
    wilayah: { ...base.wilayah, kode, nama: `Kabupaten Sintetis ${tag}`, nama_pendek: `Sintetis ${tag}` },
    kecamatan: base.kecamatan.map((k) => ({ kode: kec(k.kode), kodeBps: digits + k.kodeBps.slice(-3), nama: `${k.nama} ${tag}` })),
    desa: base.desa.map((d) => ({ ...d, kode: `${kec(d.kodeKec)}.${d.kode.slice(-4)}`, kodeKec: kec(d.kodeKec) })),
    // Pemalang's place aliases name Pemalang codes; synthetic regencies have none.
    aliasWilayah: [],
  };
}

/**
 * Writes the reference folder for `regencies` synthetic regencies and returns each one's reference
 * (for the generator). Sector, alias and parameter files are copied from the real reference.
 */
export function writeBenchReference(baseDir: string, outDir: string, regencies: number): Reference[] {
  const base = loadReference(baseDir);
  const wilayah = JSON.parse(readFileSync(join(baseDir, "wilayah.json"), "utf8")) as Record<string, unknown>;
  const refs = Array.from({ length: regencies }, (_, r) => regencyReference(base, r));
  mkdirSync(outDir, { recursive: true });

  // The kecamatan and desa lists keep the real files' columns (the pipeline reads them by name).
  const baseKec = parseSimpleCsv(readFileSync(join(baseDir, base.wilayah.kecamatan), "utf8"));
  const baseDesa = parseSimpleCsv(readFileSync(join(baseDir, base.wilayah.desa), "utf8"));
  const kecLines = ["kode_kec,kode_kec_bps,kecamatan,jml_desa,jml_kelurahan,jml_desa_kel,luas_km2_peta"];
  const desaLines = ["kode_desa,desa,tipe,kode_kec,kode_kec_bps,kecamatan"];
  for (const ref of refs) {
    ref.kecamatan.forEach((k, i) => {
      const row = baseKec[i]!;
      kecLines.push([k.kode, k.kodeBps, k.nama, row.jml_desa, row.jml_kelurahan, row.jml_desa_kel, row.luas_km2_peta].join(","));
    });
    const kecByKode = new Map(ref.kecamatan.map((k) => [k.kode, k]));
    ref.desa.forEach((d, i) => {
      const k = kecByKode.get(d.kodeKec)!;
      desaLines.push([d.kode, d.nama, baseDesa[i]!.tipe ?? d.tipe, k.kode, k.kodeBps, k.nama].join(","));
    });
  }
  writeFileSync(join(outDir, REFERENCE_FILES.kecamatan), kecLines.join("\n") + "\n");
  writeFileSync(join(outDir, REFERENCE_FILES.desa), desaLines.join("\n") + "\n");
  writeFileSync(
    join(outDir, REFERENCE_FILES.wilayah),
    JSON.stringify(
      {
        ...wilayah,
        kode: "99",
        nama: `${regencies} kabupaten sintetis (benchmark)`,
        nama_pendek: "Benchmark",
        provinsi: "Sintetis",
        kecamatan: REFERENCE_FILES.kecamatan,
        desa: REFERENCE_FILES.desa,
        // The pipeline only copies the boundaries file; Pemalang's stands in.
        batas: REFERENCE_FILES.batas,
      },
      null,
      2,
    ) + "\n",
  );
  copyFileSync(join(baseDir, String(wilayah.batas)), join(outDir, REFERENCE_FILES.batas));
  for (const name of ["sektor.csv", "alias_sektor.csv"]) copyFileSync(packFile(baseDir, name), join(outDir, name));
  writeFileSync(join(outDir, "parameter.json"), `${JSON.stringify(packParameters(baseDir), null, 2)}\n`);
  writeFileSync(join(outDir, "alias_wilayah.csv"), "tingkat,alias,kode\n");
  return refs;
}
