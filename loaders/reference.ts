import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {ExtractError} from "./errors.ts";
import {quoteLiteral} from "./sql/quote.ts";
import {runSqlFile} from "./sql/run.ts";
import {packFile, packParameters} from "./pack.ts";

/** The pack's wilayah.json: the region the dashboard describes, and its reference files. */
export interface Region {
  kode: string;
  nama: string;
  nama_pendek: string;
  provinsi: string;
  kecamatan: string;
  desa: string;
  batas: string;
  batas_objek: {kecamatan: string; desa: string};
  kontak?: string;
  /** The program's size, for a sample generated for the region (loaders/sample). */
  program?: {peserta?: number; sumber?: string; nama_sampel?: string};
}

/** data/program/parameter.json with the pack's own settings over it (pack.ts); never a literal in code. */
export interface Parameters {
  iuran_per_bulan: number;
  usia_min: number;
  usia_maks: number;
  sumber_dana_bawaan: string;
  kelompok_umur: {kode: string; dari: number; sampai: number}[];
  [name: string]: unknown;
}

export interface Reference {
  dir: string;
  region: Region;
  parameters: Parameters;
}

async function readJson<T>(path: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (error) {
    throw new ExtractError(path, `berkas referensi tidak dapat dibaca: ${(error as Error).message}`, "unreadable reference file");
  }
}

export async function readReference(dir: string): Promise<Reference> {
  return {
    dir,
    region: await readJson<Region>(join(dir, "wilayah.json")),
    parameters: packParameters(dir) as Parameters,
  };
}

/** Loads codes, names, aliases and parameters into DuckDB tables and variables the table SQL joins on. */
export async function loadReference(conn: DuckDBConnection, reference: Reference): Promise<void> {
  const csv = (file: string) => `read_csv(${quoteLiteral(packFile(reference.dir, file))}, header = true, all_varchar = true)`;
  await conn.run(`
    CREATE OR REPLACE TABLE ref_kecamatan_raw AS SELECT * FROM ${csv(reference.region.kecamatan)};
    CREATE OR REPLACE TABLE ref_desa_raw AS SELECT * FROM ${csv(reference.region.desa)};
    CREATE OR REPLACE TABLE ref_sektor_raw AS SELECT * FROM ${csv("sektor.csv")};
    CREATE OR REPLACE TABLE ref_alias_sektor AS SELECT * FROM ${csv("alias_sektor.csv")};
    CREATE OR REPLACE TABLE ref_alias_wilayah AS SELECT * FROM ${csv("alias_wilayah.csv")};
  `);
  const p = reference.parameters;
  await conn.run(`
    SET VARIABLE usia_min = ${Number(p.usia_min)};
    SET VARIABLE usia_maks = ${Number(p.usia_maks)};
    SET VARIABLE iuran_per_bulan = ${Number(p.iuran_per_bulan)};
    SET VARIABLE sumber_dana_bawaan = ${quoteLiteral(p.sumber_dana_bawaan)};
    CREATE OR REPLACE TABLE ref_kelompok_umur (kode VARCHAR, dari INTEGER, sampai INTEGER);
  `);
  for (const band of p.kelompok_umur) {
    await conn.run(`INSERT INTO ref_kelompok_umur VALUES (${quoteLiteral(band.kode)}, ${Number(band.dari)}, ${Number(band.sampai)})`);
  }
  await runSqlFile(conn, "reference.sql");
}
