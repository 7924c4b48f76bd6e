// Small-cell suppression for everything the public site publishes (docs/ARCHITECTURE.md, "Small-cell
// suppression"). A count of people below the threshold (parameter `ambang_sel_kecil`) is hidden, and so
// is enough of its neighbourhood that no total can give it back. The work is DuckDB SQL, generated per
// table because each table has its own dimensions; this module only strings the statements together.
//
// The model: every table is a tree. Its top is one group per value of `groups` (e.g. month × claim
// type, region-wide); below come `levels`, coarse → fine (e.g. kecamatan → sector → sex → age band);
// the leaves are the table's rows. Bottom-up, in every parent group:
//  - a child is *small* when one of its counts is 1..threshold−1 (a leaf), or when its own subtree
//    could not be protected (a group below);
//  - small children are hidden, then (secondary suppression) the next smallest children, until the
//    hidden set is safe: ≥ 2 non-empty children; every summed count 0 or ≥ threshold; and at least
//    threshold − 1 more people than hidden *rows* — a published row is known to hold ≥ 1 person, so with
//    k hidden rows under a remainder S a row can only be shown to lie in 1 … S − (k − 1), which must reach
//    the threshold (the disclosure audit, docs/AUDIT.md, checks what the tables imply together);
//  - their sum is published as a remainder row ("sisa": the parent's dimensions, finer ones null), so
//    that totals over the parent stay exact and the hidden children cannot be told apart;
//  - when even hiding every child gives no safe remainder, the whole parent is hidden and handled one
//    level up.
// At the top the remainder is always published (region-wide figures stay exact, like summary.json) and
// need not reach the threshold; if the hidden rows under it still cannot be told apart safely, they are
// not published at all, so nothing names where those few people are. Hidden rows keep their dimensions,
// with counts and money null and `ditekan` true.
import type {DuckDBConnection} from "@duckdb/node-api";

export type Audience = "public" | "internal";

/** How one output table is suppressed. Every dimension is text; a null is a value (e.g. unknown desa). */
export interface SuppressionSpec {
  /** Dimensions whose every value is its own top group, published exactly (month, claim type, …). */
  groups: readonly string[];
  /** The hierarchy below the top, coarse → fine. */
  levels: readonly string[];
  /** Person counts (INTEGER). */
  counts: readonly string[];
  /** Money that would give the counts away (a fixed amount per person): hidden and summed with them. */
  money?: readonly string[];
  /** Dimensions the public table does not itemise at all (always null there), e.g. desa in the cube. */
  publicDrop?: readonly string[];
  /** Money the public table never publishes (always null there): where amounts per person are fixed, any
   * published sum below the region splits its count by kind (klaim_tahunan: JKM 42 / 10, JKK 70 juta). */
  publicWithhold?: readonly string[];
}

export interface SuppressionStats {
  /** Rows before suppression. */
  cells: number;
  /** Rows published with their counts hidden. */
  hidden: number;
  /** Of those, hidden only to protect a small neighbour (secondary suppression). */
  secondary: number;
  /** Remainder rows published. */
  remainders: number;
  /** Hidden rows not published at all (a region-wide group too small to protect them). */
  dropped: number;
  /** Share of the first count (people) that is not itemised at the finest level. */
  notItemisedShare: number | null;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** An unambiguous text key for a tuple of values that may be null (null ≠ "", ≠ "n"). */
function tupleKey(columns: readonly string[]): string {
  if (!columns.length) return "''";
  return `concat_ws(chr(31), ${columns.map((c) => `CASE WHEN ${ident(c)} IS NULL THEN 'n' ELSE 'v' || ${ident(c)}::VARCHAR END`).join(", ")})`;
}

/** A cell (or child group) is small when one of its counts is 1..threshold−1. */
function smallCondition(counts: readonly string[], threshold: number): string {
  return `(${counts.map((c) => `coalesce(${ident(c)}, 0) BETWEEN 1 AND ${threshold - 1}`).join(" OR ")})`;
}

/**
 * Replaces `table` by its publishable form: the same columns plus `ditekan` and `sisa` (booleans).
 * Internal audience: every row as it is, both flags false. Public: suppressed as described above.
 * The unsuppressed table stays available as `<table>_rinci` for anything that runs later (internal: a view).
 */
export async function suppressTable(
  conn: DuckDBConnection,
  table: string,
  spec: SuppressionSpec,
  options: {audience: Audience; threshold: number; forced?: {dims: readonly string[]; table: string}}
): Promise<SuppressionStats> {
  const run = (sql: string) => conn.run(sql);
  const scalar = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowsJS()[0][0] ?? 0);
  const money = spec.money ?? [];
  const rinci = `${table}_rinci`;
  // A second run (linked tables, below) starts again from the exact table.
  const again = (await conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = '${rinci}'`)).getRowsJS()[0][0];
  if (Number(again) > 0) await run(`DROP TABLE IF EXISTS ${table}`);
  else await run(`ALTER TABLE ${table} RENAME TO ${rinci}`);
  const cells = await scalar(`SELECT count(*) FROM ${rinci}`);
  const columns = (await conn.runAndReadAll(`SELECT * FROM ${rinci} LIMIT 0`)).columnNames();

  if (options.audience === "internal" || options.threshold <= 1) {
    // Nothing to hide: the table itself is published with two constant flags (no copy of a national-size
    // table), and the exact table is a view of it without them.
    await run(`ALTER TABLE ${rinci} RENAME TO ${table}`);
    await run(`ALTER TABLE ${table} ADD COLUMN ditekan BOOLEAN DEFAULT false`);
    await run(`ALTER TABLE ${table} ADD COLUMN sisa BOOLEAN DEFAULT false`);
    await run(`CREATE VIEW ${rinci} AS SELECT * EXCLUDE (ditekan, sisa) FROM ${table}`);
    return {cells, hidden: 0, secondary: 0, remainders: 0, dropped: 0, notItemisedShare: cells ? 0 : null};
  }

  const T = Math.floor(options.threshold);
  // Units another table hides wholly (options.forced): hidden here too, as if small.
  const forcedAt = options.forced ? spec.levels.indexOf(options.forced.dims.at(-1)!) + 1 : -1;
  if (options.forced && forcedAt < 1) throw new Error(`penekanan sel kecil: ${table} tidak punya tingkat ${options.forced.dims.at(-1)}`);
  const drop = new Set(spec.publicDrop ?? []);
  const dims = [...spec.groups, ...spec.levels];
  const measures = [...spec.counts, ...money];
  const k = spec.levels.length;
  const prefix = (l: number) => [...spec.groups, ...spec.levels.slice(0, l)];
  const p = (l: number) => `_p${l}`;

  // The cells: the table re-summed without the dropped dimensions, with the key of every ancestor.
  const dimSelect = dims.map((d) => (drop.has(d) ? `NULL::VARCHAR AS ${ident(d)}` : ident(d)));
  await run(`
    CREATE OR REPLACE TEMP TABLE sup_source AS
    SELECT ${dimSelect.join(", ")}, ${spec.counts.map((c) => `sum(${ident(c)})::INTEGER AS ${ident(c)}`).join(", ")}
      ${money.map((m) => `, sum(${ident(m)})::DOUBLE AS ${ident(m)}`).join("")}
    FROM ${rinci} GROUP BY ALL;
    CREATE OR REPLACE TEMP TABLE sup_cell AS
    SELECT *, ${Array.from({length: k + 1}, (_, l) => `${tupleKey(prefix(l))} AS ${p(l)}`).join(", ")},
      -- The row's headcount: every published row is known to have at least 1 of it.
      greatest(${spec.counts.map((c) => `coalesce(${ident(c)}, 0)`).join(", ")}) AS _size,
      ${smallCondition(spec.counts, T)} AS _primary,
      false AS _hidden, false AS _dropped
    FROM sup_source;
    CREATE OR REPLACE TEMP TABLE sup_rest AS
    SELECT 0 AS _level, ${Array.from({length: k + 1}, (_, l) => `${p(l)}`).join(", ")}, ${dims.map(ident).join(", ")},
      ${measures.map(ident).join(", ")}
    FROM sup_cell LIMIT 0;
    CREATE OR REPLACE TEMP TABLE sup_failed (_key VARCHAR);
  `);
  if (options.forced) {
    const keyDims = prefix(forcedAt).map((d) => (options.forced!.dims.includes(d) ? ident(d) : `NULL::VARCHAR AS ${ident(d)}`));
    await run(`CREATE OR REPLACE TEMP TABLE sup_forced AS SELECT DISTINCT ${tupleKey(prefix(forcedAt))} AS _key FROM (SELECT ${keyDims.join(", ")} FROM ${options.forced.table})`);
  }

  for (let l = k; l >= 1; l--) {
    const parentDims = prefix(l - 1);
    // Children of each level-(l−1) group: leaves at the bottom, else the level-l groups below.
    await run(`
      CREATE OR REPLACE TEMP TABLE sup_unit AS
      SELECT ${p(l - 1)} AS _parent, ${p(l)} AS _key,
        ${parentDims.map((d) => `any_value(${ident(d)}) AS ${ident(d)}`).join(", ")}${parentDims.length ? "," : ""}
        ${measures.map((m) => `sum(${ident(m)}) AS ${ident(m)}`).join(", ")},
        sum(_size) AS _size,
        count(*) FILTER (WHERE _size > 0) AS _rows,
        (${l === k ? "bool_or(_primary)" : `${p(l)} IN (SELECT _key FROM sup_failed)`}${forcedAt === l ? ` OR ${p(l)} IN (SELECT _key FROM sup_forced)` : ""}) AS _small,
        ${l === k ? "bool_or(_primary)" : "false"} AS _primary
      FROM sup_cell GROUP BY ${p(l - 1)}, ${p(l)};

      -- Small children first, then by size (smallest first), then by key: the same input hides the same cells.
      CREATE OR REPLACE TEMP TABLE sup_rank AS
      SELECT *,
        count(*) FILTER (WHERE _small) OVER (PARTITION BY _parent) AS _n_small,
        row_number() OVER w AS _pos,
        count(*) FILTER (WHERE _size > 0) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS _cum_cells,
        sum(_size) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS _cum_size,
        sum(_rows) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS _cum_rows,
        ${spec.counts.map((c) => `sum(${ident(c)}) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${ident(`_sum_${c}`)}`).join(", ")}
      FROM sup_unit
      WINDOW w AS (PARTITION BY _parent ORDER BY _small DESC, _size, _key);

      -- The shortest prefix that holds every small child and is safe (see the top of this file).
      CREATE OR REPLACE TEMP TABLE sup_cut AS
      SELECT _parent, max(_n_small) AS _n_small,
        min(_pos) FILTER (WHERE _pos >= _n_small AND _cum_cells >= 2 AND _cum_size >= _cum_rows + ${T - 1}
          ${l - 1 === 0 ? "" : spec.counts.map((c) => `AND (${ident(`_sum_${c}`)} = 0 OR ${ident(`_sum_${c}`)} >= ${T})`).join(" ")}) AS _cut
      FROM sup_rank GROUP BY _parent;

      CREATE OR REPLACE TEMP TABLE sup_hide AS
      SELECT r.*, c._cut IS NULL AS _parent_failed
      FROM sup_rank r JOIN sup_cut c USING (_parent)
      WHERE c._n_small > 0 AND (c._cut IS NULL OR r._pos <= c._cut);
    `);

    // Hidden children: their leaves lose their counts, remainders inside them are merged upwards.
    await run(`
      UPDATE sup_cell SET _hidden = true WHERE ${p(l)} IN (SELECT _key FROM sup_hide);
      DELETE FROM sup_rest WHERE _level >= ${l} AND ${p(l)} IN (SELECT _key FROM sup_hide);
      CREATE OR REPLACE TEMP TABLE sup_failed AS SELECT DISTINCT _parent AS _key FROM sup_hide WHERE _parent_failed;
    `);

    // A protected parent (or the top, always) publishes the sum of its hidden children.
    const restDims = dims.map((d) => (parentDims.includes(d) ? `any_value(${ident(d)})` : "NULL"));
    await run(`
      INSERT INTO sup_rest BY NAME
      SELECT ${l - 1} AS _level,
        ${Array.from({length: k + 1}, (_, j) => (j <= l - 1 ? `any_value(c.${p(j)}) AS ${p(j)}` : `NULL AS ${p(j)}`)).join(", ")},
        ${dims.map((d, i) => `${restDims[i]} AS ${ident(d)}`).join(", ")},
        ${measures.map((m) => `sum(h.${ident(m)}) AS ${ident(m)}`).join(", ")}
      FROM sup_hide h JOIN (SELECT DISTINCT ${Array.from({length: l}, (_, j) => p(j)).join(", ")} FROM sup_cell) c ON c.${p(l - 1)} = h._parent
      ${l - 1 > 0 ? "WHERE NOT h._parent_failed" : ""}
      GROUP BY h._parent;
    `);
    if (l - 1 === 0) {
      // An unsafe top remainder is published (region-wide), but the hidden rows under it are not.
      await run(`UPDATE sup_cell SET _dropped = true WHERE ${p(0)} IN (SELECT _key FROM sup_failed)`);
    }
  }

  const secondary = await scalar(`SELECT count(*) FROM sup_cell WHERE _hidden AND NOT _primary AND NOT _dropped`);
  const withheld = new Set(spec.publicWithhold ?? []);
  const counted = (name: string) => (drop.has(name) ? "NULL" : ident(name));
  await run(`
    CREATE TABLE ${table} AS
    SELECT ${columns.map((c) => (withheld.has(c) ? `NULL::DOUBLE AS ${ident(c)}` : measures.includes(c) ? `CASE WHEN _hidden THEN NULL ELSE ${ident(c)} END AS ${ident(c)}` : `${counted(c)} AS ${ident(c)}`)).join(", ")},
      _hidden AS ditekan, false AS sisa
    FROM sup_cell WHERE NOT _dropped
    UNION ALL BY NAME
    SELECT ${columns.map((c) => (spec.counts.includes(c) ? `${ident(c)}::INTEGER AS ${ident(c)}` : withheld.has(c) ? `NULL::DOUBLE AS ${ident(c)}` : money.includes(c) ? `${ident(c)}::DOUBLE AS ${ident(c)}` : `${ident(c)}`)).join(", ")},
      false AS ditekan, true AS sisa
    FROM sup_rest
    ORDER BY ALL;
  `);

  const first = spec.counts[0];
  const stats = {
    cells,
    hidden: await scalar(`SELECT count(*) FROM ${table} WHERE ditekan`),
    secondary,
    remainders: await scalar(`SELECT count(*) FROM ${table} WHERE sisa`),
    dropped: await scalar(`SELECT count(*) FROM sup_cell WHERE _dropped`),
    notItemisedShare: null as number | null,
  };
  const total = await scalar(`SELECT coalesce(sum(${ident(first)}), 0) FROM ${rinci}`);
  if (total > 0) stats.notItemisedShare = (await scalar(`SELECT coalesce(sum(${ident(first)}), 0) FROM ${table} WHERE sisa`)) / total;
  for (const t of ["sup_source", "sup_cell", "sup_rest", "sup_failed", "sup_forced", "sup_unit", "sup_rank", "sup_cut", "sup_hide"]) await run(`DROP TABLE IF EXISTS ${t}`);
  return stats;
}

/**
 * Tables that publish the same units (the member tables all give month × kecamatan totals) must hide
 * the same ones: a kecamatan hidden in one and itemised in another would let its hidden rows be
 * worked out from the other's total. Suppresses each, then hides in all what any hides wholly, until
 * no table hides a new unit (the set only grows, so this ends).
 */
export async function suppressLinked(
  conn: DuckDBConnection,
  tables: readonly {table: string; spec: SuppressionSpec}[],
  dims: readonly string[],
  options: {audience: Audience; threshold: number}
): Promise<Record<string, SuppressionStats>> {
  const stats: Record<string, SuppressionStats> = {};
  const cols = dims.map(ident).join(", ");
  const last = ident(dims.at(-1)!);
  await conn.run(`CREATE OR REPLACE TEMP TABLE sup_link AS SELECT ${dims.map((d) => `NULL::VARCHAR AS ${ident(d)}`).join(", ")} LIMIT 0`);
  for (let round = 0; ; round++) {
    for (const {table, spec} of tables) stats[table] = await suppressTable(conn, table, spec, {...options, forced: {dims, table: "sup_link"}});
    if (options.audience === "internal") break;
    // Units present in the exact table with no itemised row (a visible cell or a remainder) in the published one.
    const hidden = tables
      .map(({table}) => `(SELECT DISTINCT ${cols} FROM ${table}_rinci EXCEPT SELECT DISTINCT ${cols} FROM ${table} WHERE NOT ditekan AND ${last} IS NOT NULL)`)
      .join(" UNION ");
    const before = Number((await conn.runAndReadAll(`SELECT count(*) FROM sup_link`)).getRowsJS()[0][0]);
    await conn.run(`CREATE OR REPLACE TEMP TABLE sup_link AS SELECT * FROM sup_link UNION SELECT * FROM (${hidden})`);
    const after = Number((await conn.runAndReadAll(`SELECT count(*) FROM sup_link`)).getRowsJS()[0][0]);
    if (after === before) break;
    if (round > 50) throw new Error("penekanan sel kecil: tabel bertaut tidak selesai dalam 50 putaran");
  }
  await conn.run(`DROP TABLE IF EXISTS sup_link`);
  return stats;
}
