// Rebuilding Jember's hand-made pack (data/regions/35.09, SOURCES.md section 2) from its unsimplified
// source and code list reproduces it: the record of the comparison is in scripts/wilayah/README.md.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Topology} from "topojson-specification";
import {beforeAll, describe, expect, it} from "vitest";
import {comparePacks, type PackFiles, readPack} from "../../scripts/wilayah/compare.ts";
import {buildPack, DEFAULTS, type Pack, type PackOptions} from "../../scripts/wilayah/pack.ts";
import {topologyFailures} from "../../scripts/wilayah/topologyChecks.ts";
import {root} from "./helpers.ts";

const packDir = join(root, "data/regions/35.09");
const reference = readPack(packDir);
const wilayah = reference.wilayah as Record<string, string>;
const inputs = {
  desaGeoJson: {name: "desa.geojson", text: readFileSync(join(packDir, "source/desa.geojson"), "utf8")},
  kode: {name: "jember_desa_kelurahan.csv", text: readFileSync(join(packDir, "jember_desa_kelurahan.csv"), "utf8")},
};
const options: PackOptions = {
  ...DEFAULTS,
  kodeWilayah: "35.09",
  nama: "Kabupaten Jember",
  provinsi: "Jawa Timur",
  kontak: wilayah.kontak,
  sumberKode: wilayah.sumber_kode,
  sumberBatas: wilayah.sumber_batas,
  catatanBatas: wilayah.catatan_batas,
};

const asPack = (files: Record<string, string>): PackFiles => {
  const w = JSON.parse(files["wilayah.json"]) as PackFiles["wilayah"];
  const texts = {kecamatan: files[w.kecamatan], desa: files[w.desa], batas: files[w.batas]};
  return {wilayah: w, texts, topology: JSON.parse(texts.batas) as Topology};
};

describe("npm run wilayah on Jember (data/regions/35.09/source)", () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await buildPack(inputs, options);
  }, 120_000);

  it("reproduces the code list, the kecamatan table (counts and areas) and wilayah.json byte for byte", async () => {
    expect(pack.files["jember_desa_kelurahan.csv"]).toBe(reference.texts.desa);
    expect(pack.files["jember_kecamatan.csv"]).toBe(reference.texts.kecamatan);
    // The pack's own additions (its `program` size for the sample) are not the builder's: kept on a rebuild
    // into the pack's folder, absent from a fresh one.
    const {program, ...own} = reference.wilayah as Record<string, unknown>;
    expect(JSON.parse(pack.files["wilayah.json"])).toEqual(own);
    void program;
    const rebuilt = await buildPack({...inputs, previousWilayah: readFileSync(join(packDir, "wilayah.json"), "utf8")}, options);
    expect(rebuilt.files["wilayah.json"]).toBe(readFileSync(join(packDir, "wilayah.json"), "utf8"));
  }, 120_000);

  it("reproduces the hand-made boundaries: the same arcs, properties, and label points within 5 m", () => {
    const c = comparePacks(asPack(pack.files), reference);
    expect(c.perbedaan).toEqual([]);
    // Holds with mapshaper pinned at its package.json version; another version may draw other arcs, then
    // the tolerances above are what matters (and this line documents that the arcs changed).
    expect(c.identik.busur).toBe(true);
    expect(c.terbesar.luasKm2.nilai).toBe(0);
    expect(c.terbesar.labelM.nilai).toBeLessThan(2);
  });

  it("merges the three crumbs SOURCES.md names into the same neighbours, and drops the 78 south-coast islets only from the drawing", () => {
    expect(pack.report.remah_digabung.map((c) => `${c.kode_desa} → ${c.ke}`)).toEqual([
      "35.09.10.2001 → 35.09.08.2005",
      "35.09.17.2003 → 35.09.15.2001",
      "35.09.22.2001 → 35.09.20.1005",
    ]);
    const lost = pack.report.bagian_hilang_saat_simplifikasi.reduce((s, x) => s + x.bagian_sebelum - x.bagian_sesudah, 0);
    expect(lost).toBe(78);
    expect(pack.report.luas_km2).toEqual({peta_tanpa_simplifikasi: 3313.51, setelah_simplifikasi: 3313.24});
  });

  it("draws kecamatan and kabupaten from their desa's arcs, and catches a kecamatan that is not", () => {
    const topology = JSON.parse(pack.files["jember.topo.json"]) as Topology & {objects: {kecamatan: {geometries: {arcs: number[][]}[]}}};
    expect(topologyFailures(topology)).toEqual([]);
    topology.objects.kecamatan.geometries[0].arcs[0].pop(); // Jombang's outline with one arc missing
    expect(topologyFailures(topology)).toContain("kecamatan 35.09.01 bukan gabungan tepat desa-desanya (busur berbeda)");
  });

  it("writes byte-identical files when run twice on the same inputs", async () => {
    const again = await buildPack(inputs, options);
    expect(Object.keys(again.files)).toEqual(Object.keys(pack.files));
    for (const [name, content] of Object.entries(pack.files)) expect(again.files[name], name).toBe(content);
  }, 120_000);
});
