import {spawnSync} from "node:child_process";
import {cp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readWorkbook} from "../support/xlsx.ts";
import {fixture, root, tempDir} from "./helpers.ts";

function pipeline(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", join(root, "loaders/cli.ts"), ...args], {cwd: root, encoding: "utf8"});
}

describe("npm run pipeline", () => {
  it("prints where its outputs are and writes a quality.json whose counts add up", async () => {
    const out = await tempDir();
    const run = pipeline("--extracts", fixture("kecil"), "--out", out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(join(out, "summary.json"));
    expect(run.stdout).toContain(join(out, "quality.json"));
    const quality = JSON.parse(await readFile(join(out, "quality.json"), "utf8"));
    for (const table of Object.values<{rows_read: number; rows_accepted: number; rows_rejected: number}>(quality.tables)) {
      expect(table.rows_accepted + table.rows_rejected).toBe(table.rows_read);
    }
  });

  it("lists the reasons, and writes the operator's reject list with the identifiers to fix the source", async () => {
    const out = await tempDir();
    const run = pipeline("--extracts", fixture("kecil"), "--out", out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("ditolak       1  NIK_RUSAK_EXCEL: NIK diubah Excel menjadi angka");
    expect(run.stdout).toContain(join(out, "penolakan.xlsx"));
    const book = await readWorkbook(join(out, "penolakan.xlsx"));
    expect(book.peserta.rows).toContainEqual([7, "ditolak", "KECAMATAN_TIDAK_DIKENAL", "Nama/kode kecamatan tidak ditemukan di daftar resmi maupun daftar alias", "kecamatan", "Atlantis", "3327041505609006", "11000000006"]);
  });

  it("reads relative paths from the folder npm was started in", async () => {
    const here = await tempDir();
    await cp(fixture("kecil"), join(here, "ekstrak"), {recursive: true});
    const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "loaders/cli.ts"), "--extracts", "ekstrak", "--out", "hasil"], {
      cwd: root,
      encoding: "utf8",
      env: {...process.env, INIT_CWD: here},
    });
    expect(run.status, run.stderr).toBe(0);
    expect(await readdir(join(here, "hasil"))).toContain("quality.json");
  });

  it("stops with a message naming the file and column, exits non-zero and writes nothing", async () => {
    const extracts = await tempDir();
    await cp(fixture("kecil"), extracts, {recursive: true});
    await writeFile(join(extracts, "iuran.csv"), "periode;nominal\n2025-03;50400\n");
    const out = join(await tempDir(), "out");
    const run = pipeline("--extracts", extracts, "--out", out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("iuran.csv");
    expect(run.stderr).toContain('"jumlah_peserta"');
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it("names a missing table", async () => {
    const extracts = await tempDir();
    await cp(fixture("kecil"), extracts, {recursive: true});
    await rm(join(extracts, "klaim.csv"));
    const run = pipeline("--extracts", extracts, "--out", join(extracts, "out"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("klaim.csv atau klaim.xlsx");
  });
});
