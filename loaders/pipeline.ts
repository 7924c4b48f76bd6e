import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {basename, join, resolve} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {loadTable} from "./read/index.ts";
import {readExtractMetadata, type ExtractMetadata} from "./read/metadata.ts";
import {loadReference, readReference, type Reference} from "./reference.ts";
import {tableQuality, type TableQuality} from "./quality.ts";
import {runSqlFile} from "./sql/run.ts";
import {tables} from "./tables/index.ts";
import {writeArrowFile} from "./write/arrow.ts";
import {arrowOutputs, linkedOutputs, stepSql, suppressedOutputs} from "./outputs.ts";
import {suppressLinked, suppressTable, type Audience, type SuppressionStats} from "./suppression.ts";
import {buildKamus, kamusReferensi} from "./kamus.ts";
import {quoteLiteral} from "./sql/quote.ts";
import {ExtractError} from "./errors.ts";
import {crossChecks, unmatchedPlaces, type CrossCheck, type UnmatchedPlace} from "./checks.ts";
import {crossCheckWorkbook, rejectWorkbook} from "./rejects.ts";
import {commitStaging, openStaging} from "./write/publish.ts";

export interface PipelineOptions {
  /** Folder of extract tables (peserta, iuran, anggaran, klaim, sasaran as CSV or XLSX). */
  extracts: string;
  /** Region pack (wilayah.json and the files it names, place aliases, its own parameter.json), read over data/program/ (pack.ts). */
  reference: string;
  /** Folder the outputs are written to; created when missing. */
  out: string;
  /**
   * "public" (the default): counts of 1..ambang_sel_kecil−1 people below region level are suppressed.
   * "internal": everything itemised, for a site that stays inside the offices (JARING_AUDIENCE=internal).
   */
  audience?: Audience;
  /**
   * Also write the operator's files — penolakan.xlsx (every rejected or flagged row with its NIK, KPJ
   * and offending value) and pemeriksaan.xlsx (the cross-check findings, per person). They hold
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
  /** Who the build is for: "public" files have small cells suppressed (these headline figures never are). */
  audience: Audience;
  /** Counts below this many people are suppressed in the public build's files. */
  suppression_threshold: number;
}

export interface Quality {
  tables: Record<string, TableQuality>;
  /** Cross-table checks (loaders/sql/pemeriksaan.sql): counts only. */
  cross_checks: Record<string, CrossCheck>;
  /** Kecamatan/desa texts that matched no official name, with the closest official names. */
  unmatched_places: UnmatchedPlace[];
}

/** Operator files: personal identifiers, never published. */
export const OPERATOR_FILES = ["penolakan.xlsx", "pemeriksaan.xlsx"];

/**
 * DuckDB's memory for tables and intermediate results; past it, it spills to the run's temp folder
 * (in-memory tables included). DuckDB's own default is 80% of the machine, which a national extract
 * would take; 1 GB keeps the whole pipeline under 2 GiB at 10 million members (docs/BENCHMARKS.md)
 * and costs nothing measurable at 1 million. JARING_DUCKDB_MEMORY (e.g. "4GB") changes it.
 */
export function duckdbMemoryLimit(env: NodeJS.ProcessEnv = process.env): string {
  const value = (env.JARING_DUCKDB_MEMORY ?? "").trim();
  if (value === "") return "1GB";
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) {
    throw new ExtractError("JARING_DUCKDB_MEMORY", `nilai "${value}" tidak dikenal; tulis misalnya "1GB" atau "512MB"`, "unknown DuckDB memory limit");
  }
  return value;
}

/** The database each connection from openDatabase() belongs to, for a second connection to it. */
const instances = new WeakMap<DuckDBConnection, DuckDBInstance>();

export async function openDatabase(): Promise<DuckDBConnection> {
  // Extensions would be downloaded at run time; offline that must fail at once, not hang.
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    memory_limit: duckdbMemoryLimit(),
  });
  const conn = await instance.connect();
  instances.set(conn, instance);
  await runSqlFile(conn, "macros.sql");
  return conn;
}

async function summarise(conn: DuckDBConnection, reference: Reference, metadata: ExtractMetadata, audience: Audience): Promise<Summary> {
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
    audience,
    suppression_threshold: smallCellThreshold(reference),
  };
}

/** JARING_AUDIENCE: "public" unless the build is told it is internal; anything else is a mistake worth stopping for. */
export function audienceFrom(env: NodeJS.ProcessEnv = process.env): Audience {
  const value = (env.JARING_AUDIENCE ?? "public").trim().toLowerCase();
  if (value === "public" || value === "") return "public";
  if (value === "internal") return "internal";
  throw new ExtractError("JARING_AUDIENCE", `nilai "${env.JARING_AUDIENCE}" tidak dikenal; pakai "public" (bawaan) atau "internal"`, "unknown audience");
}

/** parameter.json → ambang_sel_kecil: a whole number of people, at least 1 (1 turns suppression off). */
function smallCellThreshold(reference: Reference): number {
  const value = reference.parameters.ambang_sel_kecil;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new ExtractError("parameter.json", `ambang_sel_kecil harus bilangan bulat ≥ 1, bukan ${JSON.stringify(value)}`, "invalid small-cell threshold");
  }
  return value;
}

/** Every published table as CSV too (open data): money as whole rupiah, flags true/false, missing empty. */
async function writeCsv(conn: DuckDBConnection, select: string, path: string): Promise<void> {
  await conn.run(`COPY (${select}) TO ${quoteLiteral(path)} (FORMAT csv, HEADER true, DELIMITER ',')`);
}

async function referenceJson(conn: DuckDBConnection, reference: Reference): Promise<unknown> {
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  // File names and the sample's sizing (`program`) are the pack's business, not the site's.
  const {kecamatan, desa, batas, batas_objek, program, ...wilayah} = reference.region;
  void kecamatan, desa, batas, batas_objek, program;
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
    `all ${q.rows_read} rows rejected; most often: ${top.message_en} [${code}]`
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
 * In the public build a count below the threshold of members who wrote one unknown place text is not
 * published (a small cell below region level); the text and its suggestions are, the count reads "ditekan".
 */
function suppressPlaceCounts(places: UnmatchedPlace[], audience: Audience, threshold: number): UnmatchedPlace[] {
  if (audience !== "public") return places;
  return places.map((p) => (p.table === "peserta" && p.rows !== null && p.rows < threshold ? {...p, rows: null} : p));
}

/**
 * Reads the extracts, validates and normalises them in DuckDB, and writes the aggregates. Every output
 * is computed before anything is published: the files are written into a staging folder inside `out`
 * and renamed over the old ones only when all are there (write/publish.ts), so a failed run leaves the
 * previous outputs as they were and a build never sees half of them.
 */
export async function runPipeline(
  options: PipelineOptions
): Promise<{summary: Summary; quality: Quality; files: string[]; suppression: Record<string, SuppressionStats>}> {
  const reference = await readReference(resolve(options.reference));
  const tmp = await mkdtemp(join(tmpdir(), "jaring-"));
  const conn = options.conn ?? (await openDatabase());
  try {
    await conn.run(`SET temp_directory = '${tmp.replace(/'/g, "''")}'`);
    // A reused connection keeps the last run's tables. The exact copies suppression keeps (`<out>_rinci`)
    // would be taken for this run's, so they go; the reference tables are reloaded only when they differ.
    for (const row of (await conn.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%\\_rinci' ESCAPE '\\'")).getRowObjectsJS()) {
      await conn.run(`DROP TABLE IF EXISTS "${String(row.table_name)}"`);
    }
    for (const row of (await conn.runAndReadAll("SELECT view_name FROM duckdb_views() WHERE view_name LIKE '%\\_rinci' ESCAPE '\\'")).getRowObjectsJS()) {
      await conn.run(`DROP VIEW IF EXISTS "${String(row.view_name)}"`);
    }
    const referenceKey = JSON.stringify(reference);
    if (referenceLoaded.get(conn) !== referenceKey) {
      referenceLoaded.delete(conn);
      await loadReference(conn, reference);
      referenceLoaded.set(conn, referenceKey);
    }
    const loaded = new Map<string, {file: string; malformedRows: number[]}>();
    for (const spec of tables) loaded.set(spec.name, await loadTable(conn, spec, resolve(options.extracts), tmp));
    for (const file of stepSql) await runSqlFile(conn, file);

    const audience = options.audience ?? audienceFrom();
    const threshold = smallCellThreshold(reference);
    const quality: Quality = {
      tables: {},
      cross_checks: await crossChecks(conn),
      unmatched_places: suppressPlaceCounts(await unmatchedPlaces(conn), audience, threshold),
    };
    for (const spec of tables) {
      const {file, malformedRows} = loaded.get(spec.name)!;
      quality.tables[spec.name] = await tableQuality(conn, spec.name, basename(file), malformedRows);
      requireAcceptedRows(spec.name, file, quality.tables[spec.name]);
    }
    const metadata = await readExtractMetadata(resolve(options.extracts));
    const summary = await summarise(conn, reference, metadata, audience);
    const boundaries = await readBoundaries(reference);
    // Last: everything above (summary, checks) sees the exact tables; the files below are suppressed.
    const suppressOptions = {audience, threshold: summary.suppression_threshold};
    const linked = linkedOutputs.files.map((name) => ({name, table: arrowOutputs[name].table, spec: suppressedOutputs[name]}));
    const linkedStats = await suppressLinked(conn, linked, linkedOutputs.dims, suppressOptions);
    const suppression: Record<string, SuppressionStats> = {};
    for (const [name, spec] of Object.entries(suppressedOutputs)) {
      const table = arrowOutputs[name].table;
      suppression[name] = linkedStats[table] ?? (await suppressTable(conn, table, spec, suppressOptions));
    }

    const out = resolve(options.out);
    const staging = await openStaging(out);
    try {
      const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
      await writeFile(join(staging, "summary.json"), json(summary));
      await writeFile(join(staging, "quality.json"), json(quality));
      await writeFile(join(staging, "referensi.json"), json(await referenceJson(conn, reference)));
      await writeFile(join(staging, "batas.topo.json"), boundaries);
      const rows: Record<string, number> = {};
      // The Arrow files (JavaScript encodes them as DuckDB streams the rows) and the CSV copies (DuckDB
      // alone) are written side by side on two connections to the same database: each keeps a core busy.
      const csvConn = await instances.get(conn)?.connect();
      const writeArrows = async () => {
        for (const [name, {table, schema}] of Object.entries(arrowOutputs)) rows[name] = await writeArrowFile(conn, table, schema, join(staging, name));
      };
      const writeCsvs = async () => {
        for (const [name, {table, schema}] of Object.entries(arrowOutputs)) {
          const columns = Object.entries(schema).map(([c, type]) => (type === "float64" ? `round("${c}")::BIGINT AS "${c}"` : `"${c}"`));
          await writeCsv(csvConn ?? conn, `SELECT ${columns.join(", ")} FROM ${table}`, join(staging, name.replace(/\.arrow$/, ".csv")));
        }
      };
      try {
        if (csvConn) {
          // allSettled: the second connection is closed only when neither side is still running.
          const failed = (await Promise.allSettled([writeArrows(), writeCsvs()])).find((r) => r.status === "rejected");
          if (failed) throw failed.reason;
        } else {
          await writeArrows();
          await writeCsvs();
        }
      } finally {
        csvConn?.closeSync();
      }
      for (const [name, {sql}] of Object.entries(kamusReferensi)) {
        await writeCsv(conn, sql, join(staging, name));
        rows[name] = Number((await conn.runAndReadAll(`SELECT count(*) FROM (${sql})`)).getRowsJS()[0][0]);
      }
      const kamus = buildKamus({
        wilayah: reference.region.nama,
        asOf: summary.as_of,
        extractDate: summary.extract_date,
        audience,
        threshold: summary.suppression_threshold,
        rows,
      });
      await writeFile(join(staging, "kamus-data.json"), json(kamus));
      if (options.operatorFiles) {
        // Dated by the extract (or the as-of month), not by the clock: the same extracts, the same bytes.
        const dated = new Date(`${summary.extract_date ?? `${summary.as_of ?? "2000-01"}-01`}T00:00:00Z`);
        await rejectWorkbook(conn, tables, quality.tables, join(staging, OPERATOR_FILES[0]), dated);
        await crossCheckWorkbook(conn, quality.cross_checks, join(staging, OPERATOR_FILES[1]), dated);
      }
      const files = await commitStaging(staging, out);
      return {summary, quality, files, suppression};
    } catch (error) {
      if (error instanceof ExtractError) throw error;
      throw new ExtractError(out, `keluaran tidak dapat ditulis: ${(error as Error).message}`, "outputs could not be written");
    } finally {
      await rm(staging, {recursive: true, force: true});
    }
  } finally {
    if (!options.conn) conn.closeSync();
    await rm(tmp, {recursive: true, force: true});
  }
}
