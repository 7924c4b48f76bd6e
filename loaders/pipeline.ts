import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {basename, join, resolve} from "node:path";
import {ExtractError} from "./errors.ts";
import {crossChecks, unmatchedPlaces, type CrossCheck, type UnmatchedPlace} from "./checks.ts";
import {rejectListCsv, crossCheckCsv} from "./rejects.ts";
import {publishOutputs} from "./write/publish.ts";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {loadTable} from "./read/index.ts";
import {readExtractMetadata, type ExtractMetadata} from "./read/metadata.ts";
import {loadReference, readReference, type Reference} from "./reference.ts";
import {tableQuality, type TableQuality} from "./quality.ts";
import {runSqlFile} from "./sql/run.ts";
import {tables} from "./tables/index.ts";
import {tableToArrow} from "./write/arrow.ts";
import {arrowOutputs, stepSql} from "./outputs.ts";

export interface PipelineOptions {
  /** Folder of extract tables (peserta, iuran, anggaran, klaim, sasaran as CSV or XLSX). */
  extracts: string;
  /** Folder of reference data (wilayah.json and the files it names, parameter.json, aliases). */
  reference: string;
  /** Folder the outputs are written to; created when missing. */
  out: string;
  /**
   * Also write the operator's files — penolakan.csv (every rejected or flagged row with its NIK, KPJ
   * and offending value) and pemeriksaan.csv (the cross-check findings, per person). They hold
   * personal data: only `npm run pipeline` asks for them, never the site's data loader.
   */
  operatorFiles?: boolean;
  /** An open connection from openDatabase() to reuse (tests running many pipelines); left open. */
  conn?: DuckDBConnection;
}

export interface Summary {
  as_of: string | null;
  tahun: number | null;
  members_active: number;
  eligible: number;
  coverage_rate: number | null;
  allocation: number | null;
  realisation: number;
  absorption: number | null;
  claims_count: number;
  claims_amount: number;
  contribution_per_month: number;
  wilayah: {kode: string; nama: string};
  /** From the extract folder's optional ekstrak.json. */
  synthetic: boolean;
  extract_date: string | null;
  /** The distinct `sumber` values of sasaran, e.g. "DTSEN desil 1–4". */
  eligible_source: string | null;
}

export interface Quality {
  tables: Record<string, TableQuality>;
  /** Cross-table checks (loaders/sql/pemeriksaan.sql): counts only. */
  cross_checks: Record<string, CrossCheck>;
  /** Kecamatan/desa texts that matched no official name, with the closest official names. */
  unmatched_places: UnmatchedPlace[];
}

/** Operator files: personal identifiers, never published. */
export const OPERATOR_FILES = ["penolakan.csv", "pemeriksaan.csv"];

export async function openDatabase(): Promise<DuckDBConnection> {
  // Extensions would be downloaded at run time; offline that must fail at once, not hang.
  const instance = await DuckDBInstance.create(":memory:", {autoinstall_known_extensions: "false", autoload_known_extensions: "false"});
  const conn = await instance.connect();
  await runSqlFile(conn, "macros.sql");
  return conn;
}

async function summarise(conn: DuckDBConnection, reference: Reference, metadata: ExtractMetadata): Promise<Summary> {
  const row = (await conn.runAndReadAll("SELECT * FROM out_summary")).getRowObjectsJS()[0];
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const members = n(row.members_active) ?? 0;
  const eligible = n(row.eligible) ?? 0;
  const allocation = n(row.allocation);
  const realisation = n(row.realisation) ?? 0;
  return {
    as_of: (row.as_of as string | null) ?? null,
    tahun: n(row.tahun),
    members_active: members,
    eligible,
    coverage_rate: eligible > 0 ? members / eligible : null,
    allocation,
    realisation,
    absorption: allocation ? realisation / allocation : null,
    claims_count: n(row.claims_count) ?? 0,
    claims_amount: n(row.claims_amount) ?? 0,
    contribution_per_month: reference.parameters.iuran_per_bulan,
    wilayah: {kode: reference.region.kode, nama: reference.region.nama},
    synthetic: metadata.sintetis === true,
    extract_date: metadata.tanggal_ekstrak ?? null,
    eligible_source: (row.eligible_source as string | null) ?? null,
  };
}

async function referenceJson(conn: DuckDBConnection, reference: Reference): Promise<unknown> {
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  const {kecamatan, desa, batas, batas_objek, ...wilayah} = reference.region;
  void kecamatan, desa, batas, batas_objek;
  return {
    wilayah,
    kecamatan: await rows("SELECT kode_kec AS kode, nama FROM ref_kecamatan ORDER BY kode_kec"),
    desa: await rows("SELECT kode_desa AS kode, nama, kode_kec FROM ref_desa ORDER BY kode_desa"),
    sektor: await rows("SELECT kode, nama, nama_en FROM ref_sektor ORDER BY urutan"),
    kelompok_umur: reference.parameters.kelompok_umur,
    parameter: reference.parameters,
  };
}

const referenceLoaded = new WeakMap<DuckDBConnection, string>();

/** A table that must hold accepted rows, or there is nothing to show: an empty or wholly rejected one is fatal. */
function requireAcceptedRows(name: string, file: string, q: TableQuality): void {
  if (!["peserta", "iuran"].includes(name) || q.rows_accepted > 0) return;
  if (q.rows_read === 0) {
    throw new ExtractError(file, `tabel "${name}" tidak berisi satu baris data pun di bawah baris judul kolom.`, `table "${name}" has no data rows`);
  }
  const [code, top] = Object.entries(q.rejects_by_reason).sort((a, b) => b[1].count - a[1].count)[0];
  throw new ExtractError(
    file,
    `semua ${q.rows_read} baris ditolak; alasan terbanyak: ${top.message} [${code}], ${top.count} baris (mis. baris ${top.rows.slice(0, 5).join(", ")}). ` +
      "Periksa apakah kolomnya tertukar atau berkasnya salah.",
    `all ${q.rows_read} rows rejected; most often: ${top.message_en} [${code}]`,
    undefined
  );
}

async function readBoundaries(reference: Reference): Promise<Buffer> {
  const file = join(reference.dir, reference.region.batas);
  try {
    return await readFile(file);
  } catch (error) {
    throw new ExtractError(file, `berkas batas wilayah tidak dapat dibaca: ${(error as Error).message}`, "unreadable boundary file");
  }
}

/**
 * Reads the extracts, validates and normalises them in DuckDB, and writes the aggregates. Every
 * output is computed before anything is written, then staged beside `out` and moved in only when
 * all are on disk (write/publish.ts), so a failed run leaves the previous outputs as they were.
 */
export async function runPipeline(options: PipelineOptions): Promise<{summary: Summary; quality: Quality; files: string[]}> {
  const reference = await readReference(resolve(options.reference));
  const tmp = await mkdtemp(join(tmpdir(), "jaring-"));
  const conn = options.conn ?? (await openDatabase());
  try {
    await conn.run(`SET temp_directory = '${tmp.replace(/'/g, "''")}'`);
    // A reused connection keeps the reference tables of its last run: reload only when they differ.
    const referenceKey = JSON.stringify(reference);
    if (referenceLoaded.get(conn) !== referenceKey) {
      referenceLoaded.delete(conn);
      await loadReference(conn, reference);
      referenceLoaded.set(conn, referenceKey);
    }
    const loaded = new Map<string, {file: string; malformedRows: number[]}>();
    for (const spec of tables) loaded.set(spec.name, await loadTable(conn, spec, resolve(options.extracts), tmp));
    for (const file of stepSql) await runSqlFile(conn, file);

    const quality: Quality = {tables: {}, cross_checks: await crossChecks(conn), unmatched_places: await unmatchedPlaces(conn)};
    for (const spec of tables) {
      const {file, malformedRows} = loaded.get(spec.name)!;
      quality.tables[spec.name] = await tableQuality(conn, spec.name, basename(file), malformedRows);
      requireAcceptedRows(spec.name, file, quality.tables[spec.name]);
    }
    const summary = await summarise(conn, reference, await readExtractMetadata(resolve(options.extracts)));

    const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
    const outputs = new Map<string, Uint8Array | string>([
      ["summary.json", json(summary)],
      ["quality.json", json(quality)],
      ["referensi.json", json(await referenceJson(conn, reference))],
      ["batas.topo.json", await readBoundaries(reference)],
    ]);
    for (const [name, {table, schema}] of Object.entries(arrowOutputs)) outputs.set(name, await tableToArrow(conn, table, schema));
    if (options.operatorFiles) {
      outputs.set("penolakan.csv", await rejectListCsv(conn, tables, tmp));
      outputs.set("pemeriksaan.csv", await crossCheckCsv(conn, tmp));
    }
    const files = await publishOutputs(resolve(options.out), outputs);
    return {summary, quality, files};
  } finally {
    if (!options.conn) conn.closeSync();
    await rm(tmp, {recursive: true, force: true});
  }
}
