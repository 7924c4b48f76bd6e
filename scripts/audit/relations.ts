// The attacker's view of a published build (docs/AUDIT.md): every linear relation that the published
// CSV files and docs/ARCHITECTURE.md allow between the counts a public build hides. Nothing here reads
// the pipeline's internals; the table structure (top groups, levels) is the one ARCHITECTURE documents,
// taken from loaders/outputs.ts so that the two cannot drift apart.
//
// Unknowns: every count of a published hidden row (`ditekan`), and for claims the split of each count by
// benefit amount (JKM full / JKM in the first three months / JKK), which money can give away. Relations:
//  - a remainder row (`sisa`) is the sum of the hidden rows it covers (the deepest remainder above them);
//  - a published row holds at least one person; counts are integers ≥ 0; active ≤ registered;
//  - the member tables give the same month × kecamatan totals (anggota_bulanan, anggota_desa,
//    peserta_sumber_dana);
//  - per kecamatan × sector × sex and month: active(m) − active(m−1) = new − exits (perubahan_bulanan),
//    wherever both tables account for every row of those months;
//  - a year's claims by type per kecamatan add up to the region's months (klaim_bulanan);
//  - a claim group's money is 42 / 10 / 70 million rupiah per claim by kind (referensi.json).
import {readFileSync, existsSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3";
import {suppressedOutputs, linkedOutputs} from "../../loaders/outputs.ts";

export type Row = Record<string, string | number | boolean | null>;

/** A linear relation Σ coef·x (+ constant) within [lower, upper]. */
export interface Relation {
  terms: Map<number, number>;
  lower: number;
  upper: number;
  why: string;
}

export interface Unknown {
  /** Human-readable: file, the row's dimensions and the column. */
  label: string;
  file: string;
  /** The row's dimensions (as published) and the column, to look the true value up in an internal build. */
  dims: Record<string, string | null>;
  column: string;
  /** A count of people that the release hides (audited); claim splits are audited too. */
  audited: boolean;
}

export interface System {
  unknowns: Unknown[];
  relations: Relation[];
}

const ONE_MILLION = 1_000_000;

function readCsv(dir: string, file: string): Row[] {
  const path = join(dir, file.replace(/\.arrow$/, ".csv"));
  if (!existsSync(path)) return [];
  return csvParse(readFileSync(path, "utf8")).map((r) => {
    const row: Row = {};
    for (const [k, v] of Object.entries(r)) row[k] = v === "" || v === undefined ? null : v === "true" ? true : v === "false" ? false : v;
    return row;
  });
}

const num = (v: Row[string]) => (v === null || v === undefined ? null : Number(v));
const keyOf = (row: Row, dims: readonly string[]) => dims.map((d) => (row[d] === null ? "∅" : String(row[d]))).join("|");

/** A linear expression being built: known constant + unknown terms. */
class Expr {
  terms = new Map<number, number>();
  constant = 0;
  add(x: number, coef = 1) {
    this.terms.set(x, (this.terms.get(x) ?? 0) + coef);
    return this;
  }
  plus(other: Expr, sign = 1) {
    this.constant += sign * other.constant;
    for (const [x, c] of other.terms) this.add(x, sign * c);
    return this;
  }
}

/** One published table read as the documented tree: its leaves, hidden leaves and remainders. */
interface Tree {
  file: string;
  groups: string[];
  levels: string[];
  /** The levels this build itemises (not null in every row). */
  itemised: string[];
  counts: string[];
  rows: Row[];
  /** Hidden leaf row index → count column → unknown. */
  vars: Map<number, Record<string, number>>;
  /** Remainder row index → the hidden leaves it covers. */
  scope: Map<number, number[]>;
  /** Hidden leaves covered by no remainder, or by the region-wide one. */
  topLevel: Set<number>;
  /** Months (years) with a remainder that covers no published hidden row: rows left out, cells not all known. */
  incomplete: Set<string>;
  /** Row indices by the values of some dimensions (see `indexBy`). */
  index: Map<string, Map<string, number[]>>;
}

/** The rows of a tree whose `dims` take the values in `key` (built once per set of dims). */
function rowsAt(tree: Tree, dims: readonly string[], key: string): number[] {
  const name = dims.join(",");
  if (!tree.index.has(name)) {
    const m = new Map<string, number[]>();
    tree.rows.forEach((r, i) => {
      const k = keyOf(r, dims);
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(i);
    });
    tree.index.set(name, m);
  }
  return tree.index.get(name)!.get(key) ?? [];
}

export function buildSystem(dir: string): System {
  const unknowns: Unknown[] = [];
  const relations: Relation[] = [];
  const relate = (e: Expr, lower: number, upper: number, why: string) => {
    const terms = new Map([...e.terms].filter(([, c]) => c !== 0));
    if (!terms.size) return;
    relations.push({terms, lower: lower - e.constant, upper: upper - e.constant, why});
  };
  const unknown = (u: Unknown) => unknowns.push(u) - 1;

  const trees = new Map<string, Tree>();
  for (const [file, spec] of Object.entries(suppressedOutputs)) {
    const rows = readCsv(dir, file);
    if (!rows.length) continue;
    // A dimension the build does not itemise is null in every row (ARCHITECTURE: "always null in a public build").
    const drop = new Set([...spec.groups, ...spec.levels].filter((d) => rows.every((r) => r[d] === null)));
    const groups = spec.groups.filter((g) => g in rows[0]);
    const levels = spec.levels.filter((l) => l in rows[0]);
    const tree: Tree = {file, groups, levels, itemised: levels.filter((l) => !drop.has(l)), counts: [...spec.counts], rows, vars: new Map(), scope: new Map(), topLevel: new Set(), incomplete: new Set(), index: new Map()};
    const remainderAt = new Map<string, number>();
    rows.forEach((r, i) => {
      if (r.sisa !== true) return;
      // A remainder's level: the number of leading levels it names (the finer ones are null).
      let l = 0;
      while (l < levels.length && r[levels[l]] !== null && !drop.has(levels[l])) l++;
      remainderAt.set(`${l}#${keyOf(r, [...groups, ...levels.slice(0, l)])}`, i);
      tree.scope.set(i, []);
    });
    rows.forEach((r, i) => {
      if (r.ditekan !== true) return;
      const vars: Record<string, number> = {};
      const dims = Object.fromEntries([...groups, ...levels].filter((d) => !drop.has(d)).map((d) => [d, r[d] === null ? null : String(r[d])]));
      for (const c of spec.counts) {
        vars[c] = unknown({label: `${file} ${Object.values(dims).map((v) => v ?? "–").join(" ")} ${c}`, file, dims, column: c, audited: true});
        relate(new Expr().add(vars[c]), 0, Infinity, "count ≥ 0");
      }
      tree.vars.set(i, vars);
      // A published row holds at least one person.
      const e = new Expr();
      for (const c of spec.counts) e.add(vars[c]);
      relate(e, 1, Infinity, `${file}: a published row holds ≥ 1`);
      if ("terdaftar" in vars && "aktif" in vars) relate(new Expr().add(vars.terdaftar).add(vars.aktif, -1), 0, Infinity, "aktif ≤ terdaftar");
      // The deepest remainder above the row covers it.
      for (let l = levels.length - 1; l >= 0; l--) {
        const at = remainderAt.get(`${l}#${keyOf(r, [...groups, ...levels.slice(0, l)])}`);
        if (at !== undefined) {
          tree.scope.get(at)!.push(i);
          if (l === 0) tree.topLevel.add(i);
          return;
        }
      }
      tree.topLevel.add(i);
    });
    for (const [at, covered] of tree.scope) {
      const r = rows[at];
      if (!covered.length) {
        if (spec.counts.some((c) => (num(r[c]) ?? 0) > 0)) tree.incomplete.add(String(r[groups[0]]));
        continue;
      }
      for (const c of spec.counts) {
        const e = new Expr();
        for (const i of covered) e.add(tree.vars.get(i)![c]);
        relate(e, num(r[c]) ?? 0, num(r[c]) ?? 0, `${file}: remainder = Σ hidden rows`);
      }
    }
    trees.set(file, tree);
  }

  /**
   * A count over some rows: published values and hidden unknowns; with `withinRemainders`, remainders
   * among the rows stand for the hidden rows they cover (only rows covered higher up stay unknowns).
   */
  const total = (tree: Tree, count: string, rows: number[], withinRemainders: boolean) => {
    const e = new Expr();
    for (const i of rows) {
      const r = tree.rows[i];
      if (r.sisa === true) {
        if (withinRemainders) e.constant += num(r[count]) ?? 0;
      } else if (r.ditekan === true) {
        if (!withinRemainders || tree.topLevel.has(i)) e.add(tree.vars.get(i)![count]);
      } else e.constant += num(r[count]) ?? 0;
    }
    return e;
  };

  // Linked tables: the same month × kecamatan totals.
  const linked = linkedOutputs.files.map((f) => trees.get(f)).filter((t): t is Tree => !!t);
  const [month, kec] = linkedOutputs.dims;
  if (linked.length > 1) {
    const units = new Set<string>();
    for (const t of linked) for (const r of t.rows) if (r[kec] !== null) units.add(`${r[month]}|${r[kec]}`);
    for (const unit of [...units].sort()) {
      const [m, k] = unit.split("|");
      if (linked.some((t) => t.incomplete.has(m))) continue;
      const at = (t: Tree) => rowsAt(t, [month, kec], `${m}|${k}`);
      for (const count of ["terdaftar", "aktif"]) {
        const base = total(linked[0], count, at(linked[0]), true);
        for (const t of linked.slice(1)) relate(new Expr().plus(base).plus(total(t, count, at(t), true), -1), 0, 0, `${t.file} = ${linked[0].file} per bulan × kecamatan`);
      }
    }
  }

  // Month-to-month change: active(m) − active(m−1) = new − exits, per cell of the change table.
  const cube = trees.get("anggota_bulanan.arrow");
  const change = trees.get("perubahan_bulanan.arrow");
  if (cube && change && change.itemised.length) {
    const cellDims = change.itemised;
    const months = [...new Set(cube.rows.map((r) => String(r.bulan)))].sort();
    const cells = new Set<string>();
    for (const r of change.rows) if (r.sisa !== true) cells.add(keyOf(r, cellDims));
    for (const r of cube.rows) if (r.sisa !== true) cells.add(keyOf(r, cellDims));
    const flows = ["baru", "keluar_meninggal", "keluar_usia", "keluar_lainnya"];
    months.forEach((m, idx) => {
      const prev = idx > 0 ? months[idx - 1] : null;
      if (cube.incomplete.has(m) || change.incomplete.has(m) || (prev && cube.incomplete.has(prev))) return;
      if (!change.rows.some((r) => r.bulan === m)) return;
      for (const cell of cells) {
        const at = (t: Tree, mm: string) => rowsAt(t, ["bulan", ...cellDims], `${mm}|${cell}`).filter((i) => t.rows[i].sisa !== true);
        const e = total(cube, "aktif", at(cube, m), false);
        if (prev) e.plus(total(cube, "aktif", at(cube, prev), false), -1);
        for (const f of flows) e.plus(total(change, f, at(change, m), false), f === "baru" ? -1 : 1);
        relate(e, 0, 0, `perubahan ${m} ${cell}`);
      }
    });
  }

  // Claims: a year's claims by type add up over kecamatan to the region's months, and money splits counts.
  const yearly = trees.get("klaim_tahunan.arrow");
  const monthly = trees.get("klaim_bulanan.arrow");
  const ref = existsSync(join(dir, "referensi.json")) ? JSON.parse(readFileSync(join(dir, "referensi.json"), "utf8")) : {parameter: {}};
  const amounts = {
    JKM: [ref.parameter.santunan_jkm, ref.parameter.santunan_jkm_sebelum_3_bulan].filter(Boolean).map(Number),
    JKK: [ref.parameter.santunan_jkk_meninggal].filter(Boolean).map(Number),
  } as Record<string, number[]>;
  if (yearly) {
    const years = new Set(yearly.rows.map((r) => String(r.tahun)));
    if (monthly && yearly.itemised.includes("jenis")) {
      for (const y of years) {
        if (yearly.incomplete.has(y)) continue;
        for (const jenis of Object.keys(amounts)) {
          const rows = yearly.rows.flatMap((r, i) => (String(r.tahun) === y && r.jenis === jenis && r.sisa !== true ? [i] : []));
          const e = total(yearly, "jumlah", rows, false);
          const region = monthly.rows.filter((r) => String(r.bulan).startsWith(`${y}-`) && r.jenis === jenis).reduce((s, r) => s + (num(r.jumlah) ?? 0), 0);
          relate(e, region, region, `klaim_tahunan ${y} ${jenis} = Σ klaim_bulanan`);
        }
      }
    }
    // Money: each claim row's count splits by amount; its money (when published) fixes the split.
    const hasMoney = yearly.rows.some((r) => num(r.nominal) !== null && r.kode_kec !== null);
    if (hasMoney && yearly.itemised.includes("jenis")) {
      const parts = new Map<number, {count: Expr; money: Expr}>();
      yearly.rows.forEach((r, i) => {
        if (r.sisa === true || r.jenis === null || !(String(r.jenis) in amounts)) return;
        const count = new Expr();
        const money = new Expr();
        for (const amount of amounts[String(r.jenis)]) {
          const x = unknown({label: `klaim_tahunan.arrow ${r.tahun} ${r.kode_kec ?? "–"} ${r.jenis} × Rp${amount / ONE_MILLION} juta`, file: "klaim_tahunan.arrow", dims: {tahun: String(r.tahun), kode_kec: r.kode_kec === null ? null : String(r.kode_kec), jenis: String(r.jenis)}, column: `jumlah@${amount}`, audited: true});
          relate(new Expr().add(x), 0, Infinity, "count ≥ 0");
          count.add(x);
          money.add(x, amount / ONE_MILLION);
        }
        // The split adds up to the row's count (published or hidden).
        const c = new Expr().plus(count);
        if (r.ditekan === true) c.add(yearly.vars.get(i)!.jumlah, -1);
        else c.constant -= num(r.jumlah) ?? 0;
        relate(c, 0, 0, "klaim: count = Σ by amount");
        if (r.ditekan !== true && num(r.nominal) !== null) {
          const target = num(r.nominal)! / ONE_MILLION;
          relate(money, target, target, "klaim: nominal = Σ amount × count");
        }
        parts.set(i, {count, money});
      });
      for (const [at, covered] of yearly.scope) {
        const r = yearly.rows[at];
        if (!covered.length || num(r.nominal) === null) continue;
        const e = new Expr();
        for (const i of covered) if (parts.has(i)) e.plus(parts.get(i)!.money);
        const target = num(r.nominal)! / ONE_MILLION;
        relate(e, target, target, "klaim: remainder nominal");
      }
      // Region-wide money by type per year (klaim_bulanan) against the kecamatan rows' splits.
      if (monthly) {
        for (const y of years) {
          for (const jenis of Object.keys(amounts)) {
            const e = new Expr();
            let complete = true;
            yearly.rows.forEach((r, i) => {
              if (String(r.tahun) !== y || r.jenis !== jenis) return;
              if (parts.has(i)) e.plus(parts.get(i)!.money);
              else complete = false;
            });
            const months = monthly.rows.filter((r) => String(r.bulan).startsWith(`${y}-`) && r.jenis === jenis);
            if (months.some((r) => num(r.nominal) === null)) complete = false;
            const region = months.reduce((s, r) => s + (num(r.nominal) ?? 0), 0) / ONE_MILLION;
            if (complete && e.terms.size) relate(e, region, region, `klaim ${y} ${jenis}: money = Σ klaim_bulanan`);
          }
        }
      }
    }
  }
  return {unknowns, relations};
}

/**
 * The true value of each unknown, looked up in an internal build of the same extracts (rows summed over
 * the dimensions the public table leaves out). Claim splits come from the internal row's money.
 */
export function trueValues(system: System, internalDir: string): (number | null)[] {
  const index = new Map<string, Map<string, Row[]>>();
  const rowsAt = (file: string, dims: string[], key: string) => {
    const name = `${file}#${dims.join(",")}`;
    if (!index.has(name)) {
      const m = new Map<string, Row[]>();
      for (const r of readCsv(internalDir, file)) {
        const k = keyOf(r, dims);
        if (!m.has(k)) m.set(k, []);
        m.get(k)!.push(r);
      }
      index.set(name, m);
    }
    return index.get(name)!.get(key) ?? [];
  };
  const parameter = JSON.parse(readFileSync(join(internalDir, "referensi.json"), "utf8")).parameter;
  const full = parameter.santunan_jkm / ONE_MILLION;
  const early = parameter.santunan_jkm_sebelum_3_bulan / ONE_MILLION;
  return system.unknowns.map((u) => {
    const dims = Object.keys(u.dims);
    const match = rowsAt(u.file, dims, dims.map((d) => u.dims[d] ?? "∅").join("|"));
    const [column, amount] = u.column.split("@");
    if (!amount) return match.reduce((s, r) => s + (num(r[column]) ?? 0), 0);
    // JKM's two amounts from count n and money N: full = (N − early·n) / (full − early).
    const n = match.reduce((s, r) => s + (num(r.jumlah) ?? 0), 0);
    if (u.dims.jenis === "JKK") return n;
    const money = match.reduce((s, r) => s + (num(r.nominal) ?? 0), 0) / ONE_MILLION;
    const fullCount = (money - early * n) / (full - early);
    return Number(amount) / ONE_MILLION === full ? fullCount : n - fullCount;
  });
}
