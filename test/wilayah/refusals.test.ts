// Each broken input is refused, and the message names the desa, kecamatan or code at fault.
import type {Feature, Polygon} from "geojson";
import {describe, expect, it} from "vitest";
import {readCsv} from "../../scripts/wilayah/codeList.ts";
import type {Problem} from "../../scripts/wilayah/problems.ts";
import {build, fixture, refusal} from "./helpers.ts";

const only = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);
const text = (p: Problem) => `${p.where} ${p.pesan}`;

describe("wilayah: the fixture itself", () => {
  it("builds 2 kecamatan and 11 desa from the untouched fixture (so every refusal below has one cause)", async () => {
    const {geojson, csv} = fixture();
    const {files, report} = await build(geojson, csv);
    expect(Object.keys(files).sort()).toEqual(["jember.topo.json", "jember_desa_kelurahan.csv", "jember_kecamatan.csv", "wilayah-build.json", "wilayah.json"]);
    expect(files["jember_desa_kelurahan.csv"]).toBe(csv);
    expect(readCsv(files["jember_kecamatan.csv"]).rows.map((r) => [r.kode_kec, r.kecamatan, r.jml_desa_kel])).toEqual([["35.09.01", "Jombang", "6"], ["35.09.02", "Kencong", "5"]]);
    expect(report.tumpang_tindih_ditoleransi.jumlah).toBeGreaterThan(0); // slivers exist and are tolerated
    expect(report.peringatan).toEqual([]);
  });
});

describe("wilayah refuses, naming the place at fault", () => {
  it("a desa of the code list with no polygon", async () => {
    const {geojson, csv} = fixture();
    geojson.features = geojson.features.filter((f) => f.properties!.kode_desa !== "35.09.01.2003");
    const problems = await refusal(geojson, csv);
    expect(problems.map((p) => p.code)).toEqual(["DESA_TANPA_POLIGON"]);
    expect(problems[0].where).toBe("35.09.01.2003 Jombang");
    expect(problems[0].pesan).toContain("tidak punya poligon");
  });

  it("a polygon without a code", async () => {
    const {geojson, csv} = fixture();
    delete geojson.features[1].properties!.kode_desa;
    const problems = await refusal(geojson, csv);
    expect(only(problems, "POLIGON_TANPA_KODE").map((p) => p.where)).toEqual(["fitur #2 (Keting)"]);
    expect(only(problems, "DESA_TANPA_POLIGON").map((p) => p.where)).toEqual(["35.09.01.2002 Keting"]);
  });

  it("a polygon whose code is not in the code list, and a code written without dots (BPS and Kemendagri codes differ: never guessed)", async () => {
    const {geojson, csv} = fixture();
    geojson.features[0].properties!.kode_desa = "35.09.01.2099";
    geojson.features[1].properties!.kode_desa = "3509012002";
    const problems = await refusal(geojson, csv);
    expect(only(problems, "POLIGON_KODE_TIDAK_DIKENAL").map((p) => p.where)).toEqual(["35.09.01.2099 Padomasan", "3509012002 Keting"]);
    expect(only(problems, "POLIGON_KODE_TIDAK_DIKENAL")[0].pesan).toContain("tidak ada di daftar kode desa");
    expect(only(problems, "DESA_TANPA_POLIGON").map((p) => p.where)).toEqual(["35.09.01.2001 Padomasan", "35.09.01.2002 Keting"]);
  });

  it("a code twice in the code list", async () => {
    const {geojson, csv} = fixture();
    const problems = await refusal(geojson, csv + "35.09.01.2002,Keting Baru,desa,35.09.01,3509160,Jombang\n");
    expect(problems.map((p) => p.code)).toEqual(["KODE_GANDA_DAFTAR"]);
    expect(problems[0].where).toBe("35.09.01.2002 Keting Baru");
    expect(problems[0].pesan).toContain("baris 3 (Keting)");
  });

  it("a code on two polygons", async () => {
    const {geojson, csv} = fixture();
    geojson.features.push(structuredClone(geojson.features[4]));
    const problems = await refusal(geojson, csv);
    expect(problems.map((p) => p.code)).toEqual(["POLIGON_KODE_GANDA"]);
    expect(problems[0].where).toBe("35.09.01.2005 Wringinagung");
    expect(problems[0].pesan).toContain("fitur #12 (Wringinagung): kode 35.09.01.2005 sudah dipakai oleh fitur #5");
  });

  it("two desa overlapping beyond the sliver tolerance (a polygon moved 500 m), but not the slivers of the source", async () => {
    const {geojson, csv} = fixture();
    const keting = geojson.features[1] as Feature<Polygon>;
    keting.geometry.coordinates = keting.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x + 0.0045, y]));
    const problems = await refusal(geojson, csv);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === "DESA_TUMPANG_TINDIH")).toBe(true);
    expect(problems.every((p) => p.where.includes("35.09.01.2002"))).toBe(true);
    expect(problems[0].pesan).toMatch(/Keting \(Jombang\).*bertumpang tindih seluas [\d.]+ km², lebih dari toleransi 0.02 km²/);
  });

  it("a kecamatan code with two names, or two BPS codes", async () => {
    const {geojson, csv} = fixture();
    const broken = csv.replace("35.09.02.2003,Kraton,desa,35.09.02,3509010,Kencong", "35.09.02.2003,Kraton,desa,35.09.02,3509010,Kencong Baru").replace("35.09.01.2004,Ngampelrejo,desa,35.09.01,3509160", "35.09.01.2004,Ngampelrejo,desa,35.09.01,3509161");
    const problems = await refusal(geojson, broken);
    expect(problems.map((p) => [p.code, p.where])).toEqual([
      ["KECAMATAN_TIDAK_KONSISTEN", "35.09.01.2004 Ngampelrejo"],
      ["KECAMATAN_TIDAK_KONSISTEN", "35.09.02.2003 Kraton"],
    ]);
    expect(problems[1].pesan).toBe('kecamatan 35.09.02 bernama "Kencong Baru" di sini tetapi "Kencong" pada 35.09.02.2001');
  });

  it("a kecamatan with no desa: in the kecamatan list, or with none of its desa drawn", async () => {
    const {geojson, csv} = fixture();
    const kecamatan = "kode_kec,kode_kec_bps,kecamatan\n35.09.01,3509160,Jombang\n35.09.02,3509010,Kencong\n35.09.03,3509170,Sumberbaru\n";
    expect((await refusal(geojson, csv, {}, kecamatan)).map((p) => [p.code, p.where])).toEqual([["KECAMATAN_TANPA_DESA", "35.09.03 Sumberbaru"]]);
    geojson.features = geojson.features.filter((f) => f.properties!.kode_kec !== "35.09.01");
    const problems = await refusal(geojson, csv);
    expect(only(problems, "KECAMATAN_TANPA_DESA").map(text)).toEqual(["35.09.01 Jombang kecamatan Jombang tidak punya satu pun poligon desa"]);
    expect(only(problems, "DESA_TANPA_POLIGON")).toHaveLength(6);
  });

  it("coordinates given as [lat, lng] (cahyadsn's SQL paths) or projected", async () => {
    const {geojson, csv} = fixture();
    const swap = geojson.features[0] as Feature<Polygon>;
    swap.geometry.coordinates = swap.geometry.coordinates.map((ring) => ring.map(([x, y]) => [y, x]));
    const utm = geojson.features[1] as Feature<Polygon>;
    utm.geometry.coordinates = utm.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x * 1000, y * 100000]));
    const problems = await refusal(geojson, csv);
    expect(problems.map((p) => [p.code, p.where])).toEqual([
      ["GEOMETRI_TIDAK_VALID", "35.09.01.2001 Padomasan"],
      ["GEOMETRI_TIDAK_VALID", "35.09.01.2002 Keting"],
    ]);
    expect(problems[0].pesan).toContain("koordinat tertukar");
    expect(problems[1].pesan).toContain("bukan bujur/lintang WGS84");
  });

  it("a boundary file that is not GeoJSON, together with the code list's own problems", async () => {
    const {csv} = fixture();
    const problems = await refusal('{"type": "Topology"}', csv + "35.09.01.2001,Padomasan,desa,35.09.01,3509160,Jombang\n");
    expect(problems.map((p) => [p.code, p.where])).toEqual([
      ["KODE_GANDA_DAFTAR", "35.09.01.2001 Padomasan"],
      ["BERKAS_TIDAK_TERBACA", "desa.geojson"],
    ]);
    expect(problems[1].pesan).toContain("bukan GeoJSON FeatureCollection");
  });

  it("a code list without a required column, before looking at any polygon", async () => {
    const {geojson, csv} = fixture();
    const problems = await refusal(geojson, csv.replace("kode_desa,desa,", "kode_desa,nama_desa,"));
    expect(problems.map((p) => p.code)).toEqual(["KOLOM_HILANG"]);
    expect(problems[0].pesan).toContain("kolom wajib tidak ada: desa");
  });

  it("codes outside the region or malformed in the code list", async () => {
    const {geojson, csv} = fixture();
    const problems = await refusal(geojson, csv + "35.10.01.2001,Asing,desa,35.10.01,3510010,Lain\n35.09.02.7,Pendek,desa,35.09.02,3509010,Kencong\n");
    expect(problems.map((p) => [p.code, p.where])).toEqual([
      ["KODE_DESA_FORMAT", "35.10.01.2001 Asing"],
      ["KODE_DESA_FORMAT", "35.09.02.7 Pendek"],
    ]);
  });

  it("lists every problem at once rather than stopping at the first", async () => {
    const {geojson, csv} = fixture();
    geojson.features = geojson.features.filter((f) => f.properties!.kode_desa !== "35.09.02.2005");
    geojson.features[0].properties!.kode_desa = "35.09.01.2099";
    const broken = csv.replace("35.09.02.2003,Kraton,desa,35.09.02,3509010,Kencong", "35.09.02.2003,Kraton,desa,35.09.02,3509010,Kencongg") + "35.09.01.2006,Sarimulyo,desa,35.09.01,3509160,Jombang\n";
    const problems = await refusal(geojson, broken);
    expect(problems.map((p) => `${p.code} ${p.where.split(" ")[0]}`).sort()).toEqual([
      "DESA_TANPA_POLIGON 35.09.01.2001",
      "DESA_TANPA_POLIGON 35.09.02.2005",
      "KECAMATAN_TIDAK_KONSISTEN 35.09.02.2003",
      "KODE_GANDA_DAFTAR 35.09.01.2006",
      "POLIGON_KODE_TIDAK_DIKENAL 35.09.01.2099",
    ]);
  });
});

describe("wilayah accepts what it can read without guessing", () => {
  it("reads codes from `kode` (cahyadsn) or from the property --kolom-kode names", async () => {
    const {geojson, csv} = fixture();
    const renamed = (name: string) => ({...geojson, features: geojson.features.map((f) => ({...f, properties: {[name]: f.properties!.kode_desa}}))});
    expect((await build(renamed("kode"), csv)).report.parameter.kolom_kode).toBe("kode");
    expect((await build(renamed("KDEPUM"), csv, {kolomKode: "KDEPUM"})).report.parameter.kolom_kode).toBe("KDEPUM");
    expect((await refusal(renamed("KDEPUM"), csv))[0].pesan).toContain("tidak ada fitur yang punya properti kode_desa atau kode");
  });

  it("warns when a polygon's own name differs from the code list, and takes tipe from the code when the column is missing", async () => {
    const {geojson, csv} = fixture();
    geojson.features[0].properties!.desa = "Padomasan Lor";
    const noTipe = csv.replace(/^([^,\n]*,[^,\n]*),[^,\n]*,/gm, "$1,"); // third column (tipe) dropped
    const {files, report} = await build(geojson, noTipe);
    expect(report.peringatan.map((w) => [w.code, w.where])).toEqual([["TIPE_DARI_KODE", "daftar kode desa"], ["NAMA_DESA_BERBEDA", "35.09.01.2001 Padomasan"]]);
    expect(files["jember_desa_kelurahan.csv"]).toBe(csv);
  });
});
