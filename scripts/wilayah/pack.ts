// A region pack from a desa boundary GeoJSON and a Kemendagri code list: check everything, refuse with
// every problem at once, else build the boundaries and return the pack's files as text (nothing written here).
import {createHash} from "node:crypto";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type {FeatureCollection, MultiPolygon, Polygon} from "geojson";
import {feature} from "topojson-client";
import type {GeometryCollection, GeometryObject, Topology} from "topojson-specification";
import {buildBoundaries} from "./boundaries.ts";
import {type Desa, isKodeWilayah, parseCodeList} from "./codeList.ts";
import {geometryAreaM2} from "./geodesy.ts";
import {labelPoint} from "./labels.ts";
import {MAPSHAPER_VERSION} from "./mapshaper.ts";
import {findOverlaps, overlapProblems} from "./overlaps.ts";
import {joinPolygons, kecamatanWithoutPolygons, parseGeoJson} from "./polygons.ts";
import {problem, type Problem, refuseIfAny, type Warning, WilayahInputError} from "./problems.ts";
import {desaCsv, kecamatanCsv, kecamatanRows, round2} from "./tables.ts";
import {wilayahJson} from "./wilayahJson.ts";

export interface PackOptions {
  kodeWilayah: string;
  nama: string;
  provinsi: string;
  /** Default: `nama` without "Kabupaten "/"Kota "; lower-cased it names the files (jember.topo.json). */
  namaPendek?: string;
  kontak?: string;
  sumberKode?: string;
  sumberBatas?: string;
  catatanBatas?: string;
  /** Property of the GeoJSON holding kode_desa; default kode_desa, then kode. */
  kolomKode?: string;
  simplify: number;
  gapFillKm2: number;
  /** Default: gapFillKm2. */
  crumbKm2?: number;
  /** Overlap between desa tolerated as a sliver; default: gapFillKm2. */
  overlapToleranceKm2?: number;
  quantization: number;
}

export const DEFAULTS = {simplify: 0.4, gapFillKm2: 0.02, quantization: 1e5} as const;

export interface PackInputs {
  desaGeoJson: {name: string; text: string};
  kode: {name: string; text: string};
  kecamatan?: {name: string; text: string};
  /** wilayah.json already in the output folder: keys the builder does not own are kept. */
  previousWilayah?: string;
}

export interface Pack {
  /** File name → content, every file of the pack. */
  files: Record<string, string>;
  report: BuildReport;
}

export interface BuildReport {
  wilayah: {kode: string; nama: string; kecamatan: number; desa: number; kelurahan: number};
  masukan: {peran: string; berkas: string; sha256: string; bytes: number}[];
  parameter: {simplify: number; gap_fill_km2: number; remah_km2: number; toleransi_tumpang_km2: number; kuantisasi: number; kolom_kode: string};
  perangkat: Record<string, string>;
  langkah: string[];
  tumpang_tindih_ditoleransi: {jumlah: number; luas_km2: number; terbesar: {kode: string[]; luas_km2: number} | null};
  remah_digabung: {kode_desa: string; desa: string; luas_m2: number; ke: string; ke_desa: string; batas_m: number}[];
  bagian_hilang_saat_simplifikasi: {kode_desa: string; desa: string; bagian_sebelum: number; bagian_sesudah: number}[];
  luas_km2: {peta_tanpa_simplifikasi: number; setelah_simplifikasi: number};
  peringatan: Warning[];
}

export const defaultShortName = (nama: string) => nama.replace(/^(kabupaten|kab\.|kota)\s+/i, "").trim();
export const fileStem = (namaPendek: string) => namaPendek.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");

/** Versions of the libraries that shape the output: a different mapshaper may draw different arcs. */
export const TOOLS = {mapshaper: MAPSHAPER_VERSION, polylabel: "2.1.0", "geographiclib-geodesic": "2.2.0"};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const partsOf = (g: Polygon | MultiPolygon) => (g.type === "Polygon" ? 1 : g.coordinates.length);

export async function buildPack(inputs: PackInputs, options: PackOptions): Promise<Pack> {
  const gapFillKm2 = options.gapFillKm2;
  const crumbKm2 = options.crumbKm2 ?? gapFillKm2;
  const overlapToleranceKm2 = options.overlapToleranceKm2 ?? gapFillKm2;
  const problems: Problem[] = [];
  if (!isKodeWilayah(options.kodeWilayah))
    refuseIfAny([problem("ARGUMEN_TIDAK_VALID", "--kode-wilayah", `kode wilayah "${options.kodeWilayah}" bukan format NN.NN (mis. 35.09)`, "region code is not NN.NN")]);

  // Codes and names first: the geometry is joined to them.
  const codes = parseCodeList(inputs.kode.text, options.kodeWilayah, inputs.kecamatan?.text);
  problems.push(...codes.problems);
  // Without its columns the code list cannot be joined: every polygon would be reported as unknown.
  if (problems.some((p) => p.code === "KOLOM_HILANG")) refuseIfAny(problems);
  let fc: FeatureCollection;
  try {
    fc = parseGeoJson(inputs.desaGeoJson.text);
  } catch (error) {
    problems.push(problem("BERKAS_TIDAK_TERBACA", inputs.desaGeoJson.name, `batas desa tidak terbaca: ${(error as Error).message}`, "desa boundary file unreadable"));
    throw new WilayahInputError(problems);
  }
  const joined = joinPolygons(fc, codes.desa, options.kolomKode);
  problems.push(...joined.problems, ...kecamatanWithoutPolygons(codes.desa, joined.polygons));
  // Overlaps are checked even when other problems were found, so the office sees all of them in one round.
  const overlaps = joined.polygons.length ? await findOverlaps(joined.polygons) : [];
  problems.push(...overlapProblems(overlaps, codes.desa, overlapToleranceKm2));
  // wilayah.json is settled before the boundaries: a folder holding another region's pack is refused early.
  const namaPendek = options.namaPendek ?? defaultShortName(options.nama);
  const stem = fileStem(namaPendek);
  const names = {batas: `${stem}.topo.json`, kecamatan: `${stem}_kecamatan.csv`, desa: `${stem}_desa_kelurahan.csv`};
  const wilayah = wilayahJson(
    {
      kode: options.kodeWilayah,
      nama: options.nama,
      nama_pendek: namaPendek,
      provinsi: options.provinsi,
      kecamatan: names.kecamatan,
      desa: names.desa,
      batas: names.batas,
      kontak: options.kontak,
      sumber_kode: options.sumberKode,
      sumber_batas: options.sumberBatas,
      catatan_batas: options.catatanBatas,
    },
    inputs.previousWilayah,
  );
  problems.push(...wilayah.problems);
  refuseIfAny(problems);

  const boundaries = await buildBoundaries(joined.polygons, {gapFillKm2, crumbKm2, simplify: options.simplify, quantization: options.quantization});
  refuseIfAny(
    boundaries.lost.map((kode) =>
      problem("GEOMETRI_TIDAK_VALID", kode, `poligon desa ${kode} hilang seluruhnya saat -clean (terlalu kecil atau tertutup desa lain)`, "polygon removed entirely by -clean"),
    ),
  );

  const desaByCode = new Map(codes.desa.map((d) => [d.kode_desa, d]));
  const areaM2 = new Map([...boundaries.cleaned].map(([kode, g]) => [kode, geometryAreaM2(g)]));
  const kecRows = kecamatanRows(codes.kecamatan, codes.desa, areaM2);
  const topology = withProperties(boundaries.topology, desaByCode, new Map(kecRows.map((k) => [k.kode_kec, k])), areaM2, options);

  const final = (name: string) => feature(topology, topology.objects[name] as GeometryCollection).features;
  const simplifiedDesa = final("desa");

  const tolerated = overlaps.filter((o) => o.luasM2 / 1e6 <= overlapToleranceKm2);
  const report: BuildReport = {
    wilayah: {kode: options.kodeWilayah, nama: options.nama, kecamatan: kecRows.length, desa: codes.desa.filter((d) => d.tipe === "desa").length, kelurahan: codes.desa.filter((d) => d.tipe === "kelurahan").length},
    masukan: [
      {peran: "batas desa (GeoJSON)", ...describe(inputs.desaGeoJson)},
      {peran: "daftar kode desa/kelurahan", ...describe(inputs.kode)},
      ...(inputs.kecamatan ? [{peran: "daftar kecamatan", ...describe(inputs.kecamatan)}] : []),
    ],
    parameter: {simplify: options.simplify, gap_fill_km2: gapFillKm2, remah_km2: crumbKm2, toleransi_tumpang_km2: overlapToleranceKm2, kuantisasi: options.quantization, kolom_kode: joined.kodeProperty!},
    perangkat: TOOLS,
    langkah: steps(options.simplify, gapFillKm2, crumbKm2, overlapToleranceKm2, options.quantization),
    tumpang_tindih_ditoleransi: {
      jumlah: tolerated.length,
      luas_km2: round6(tolerated.reduce((s, o) => s + o.luasM2, 0) / 1e6),
      terbesar: tolerated.length ? {kode: tolerated[0].kode, luas_km2: round6(tolerated[0].luasM2 / 1e6)} : null,
    },
    remah_digabung: boundaries.crumbs.map((c) => ({kode_desa: c.kode_desa, desa: desaByCode.get(c.kode_desa)!.desa, luas_m2: round2(c.luasM2), ke: c.ke, ke_desa: desaByCode.get(c.ke)!.desa, batas_m: round2(c.batasM)})),
    bagian_hilang_saat_simplifikasi: simplifiedDesa
      .map((f) => {
        const kode = (f.properties as {kode_desa: string}).kode_desa;
        return {kode_desa: kode, desa: desaByCode.get(kode)!.desa, bagian_sebelum: partsOf(boundaries.cleaned.get(kode)!), bagian_sesudah: partsOf(f.geometry as Polygon | MultiPolygon)};
      })
      .filter((x) => x.bagian_sesudah < x.bagian_sebelum),
    luas_km2: {
      peta_tanpa_simplifikasi: round2([...areaM2.values()].reduce((s, a) => s + a, 0) / 1e6),
      setelah_simplifikasi: round2(simplifiedDesa.reduce((s, f) => s + geometryAreaM2(f.geometry as Polygon | MultiPolygon), 0) / 1e6),
    },
    peringatan: [...codes.warnings, ...joined.warnings],
  };

  return {
    files: {
      [names.batas]: JSON.stringify(topology),
      [names.kecamatan]: kecamatanCsv(kecRows),
      [names.desa]: desaCsv(codes.desa),
      "wilayah.json": wilayah.text,
      "wilayah-build.json": JSON.stringify(report, null, 2) + "\n",
    },
    report,
  };
}

/** What was done, in the words of SOURCES.md (35.09) section 2, with this run's parameters. */
const steps = (simplify: number, gapFillKm2: number, crumbKm2: number, overlapKm2: number, quantization: number) => [
  `tumpang tindih antar-desa diukur dengan mapshaper -mosaic; lebih dari ${overlapKm2} km² per pasangan ditolak`,
  `mapshaper -clean gap-fill-area=${gapFillKm2}km2: ring diperbaiki, celah dan tumpang tindih serpih dibersihkan`,
  `remah (bagian terlepas < ${crumbKm2} km² yang menyentuh desa lain) digabung ke tetangga dengan batas bersama terpanjang`,
  `luas_km2_peta: luas geodesik WGS84 (GeographicLib) poligon bersih sebelum simplifikasi; kecamatan = jumlah desanya`,
  `mapshaper -simplify percentage=${simplify} visvalingam keep-shapes, lalu -clean gap-fill-area=${gapFillKm2}km2`,
  "kecamatan: mapshaper -dissolve kode_kec dari desa; kabupaten: -dissolve dari kecamatan (busur bersama)",
  `TopoJSON quantization=${quantization}; label_lat/label_lng: polylabel bagian terbesar poligon akhir, bidang diskalakan cos(lintang), 5 desimal, diperiksa di dalam poligon`,
];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const describe = (f: {name: string; text: string}) => ({berkas: f.name, sha256: sha256(f.text), bytes: Buffer.byteLength(f.text)});

/**
 * The published properties, in the Pemalang/Jember packs' order, on a copy of the topology; label points
 * are computed on the final quantized polygons and checked to lie inside them.
 */
function withProperties(
  topology: Topology,
  desa: Map<string, Desa>,
  kecamatan: Map<string, ReturnType<typeof kecamatanRows>[number]>,
  areaM2: Map<string, number>,
  options: PackOptions,
): Topology {
  const label = (g: GeometryObject, what: string) => {
    const f = feature(topology, g) as GeoJSON.Feature<Polygon | MultiPolygon>;
    const p = labelPoint(f.geometry);
    if (!booleanPointInPolygon([p.label_lng, p.label_lat], f)) throw new Error(`titik label ${what} di luar poligonnya (bug)`);
    return p;
  };
  type Codes = {kode_desa?: string; kode_kec?: string};
  const collection = (name: string) => (topology.objects[name] as GeometryCollection).geometries as (GeometryObject & {properties: Codes})[];
  const strip = (g: GeometryObject) => ({arcs: (g as {arcs: unknown}).arcs, type: g.type}) as GeometryObject;
  const desaGeometries = collection("desa")
    .map((g) => {
      const d = desa.get(g.properties.kode_desa!)!;
      return {
        ...strip(g),
        properties: {kode_desa: d.kode_desa, desa: d.desa, tipe: d.tipe, kode_kec: d.kode_kec, kode_kec_bps: d.kode_kec_bps, kecamatan: d.kecamatan, luas_km2_peta: round2(areaM2.get(d.kode_desa)! / 1e6), ...label(g, `desa ${d.kode_desa}`)},
      };
    })
    .sort((a, b) => (a.properties.kode_desa < b.properties.kode_desa ? -1 : 1));
  const kecGeometries = collection("kecamatan")
    .map((g) => {
      const k = kecamatan.get(g.properties.kode_kec!)!;
      return {
        ...strip(g),
        properties: {kode_kec: k.kode_kec, kode_kec_bps: k.kode_kec_bps, kecamatan: k.kecamatan, jml_desa: k.jml_desa, jml_kelurahan: k.jml_kelurahan, jml_desa_kel: k.jml_desa_kel, luas_km2_peta: k.luas_km2_peta, ...label(g, `kecamatan ${k.kode_kec}`)},
      };
    })
    .sort((a, b) => (a.properties.kode_kec < b.properties.kode_kec ? -1 : 1));
  const kabGeometries = collection("kabupaten").map((g) => ({...strip(g), properties: {kode_kab: options.kodeWilayah, kabupaten: options.nama}}));
  return {
    type: "Topology",
    arcs: topology.arcs,
    transform: topology.transform,
    objects: {
      desa: {type: "GeometryCollection", geometries: desaGeometries},
      kecamatan: {type: "GeometryCollection", geometries: kecGeometries},
      kabupaten: {type: "GeometryCollection", geometries: kabGeometries},
    },
  } as Topology;
}
