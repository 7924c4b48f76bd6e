// Two kinds of error, never confused: a table that cannot be read stops the run (ExtractError naming
// the file, nothing published, the site build fails); a bad row is rejected with a reason and counted.
import {spawnSync} from "node:child_process";
import {cp, mkdir, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import JSZip from "jszip";
import {describe, expect, it} from "vitest";
import {ExtractError} from "../../loaders/errors.ts";
import {runPipeline} from "../../loaders/pipeline.ts";
import {fixture, referenceDir, root, tempDir} from "./helpers.ts";

async function kecilWith(files: Record<string, string | null>): Promise<string> {
  const dir = await tempDir("jaring-error-");
  await cp(fixture("kecil"), dir, {recursive: true});
  for (const [name, content] of Object.entries(files)) {
    if (content === null) await rm(join(dir, name));
    else await writeFile(join(dir, name), content);
  }
  return dir;
}

const fails = (extracts: string, reference = referenceDir) =>
  runPipeline({extracts, reference, out: join(extracts, "out")}).then(
    () => {
      throw new Error("the run succeeded");
    },
    (error) => error
  );

const PESERTA_HEADER = "nik,nama,kecamatan,sektor,mulai";

describe("fatal: the table cannot be read", () => {
  it("an unclosed quote that swallows the rest of the file names the row", async () => {
    const rows = ["3327041505609001,Fiktif,Watukumpul,Buruh tani,2025-03-01", '3327041505609002,"Fiktif,Watukumpul,Buruh tani,2025-03-01', "3327041505609003,Fiktif,Watukumpul,Buruh tani,2025-03-01", "3327041505609004,Fiktif,Watukumpul,Buruh tani,2025-03-01"];
    const error = await fails(await kecilWith({"peserta.csv": [PESERTA_HEADER, ...rows].join("\n") + "\n"}));
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toMatch(/peserta\.csv: tanda kutip \(""?\) pada baris 3 tidak ditutup, sehingga 2 baris sesudahnya/);
  });

  it("an unclosed quote on the last line is only that row's problem", async () => {
    const rows = ["3327041505609001,Fiktif,Watukumpul,Buruh tani,2025-03-01", '3327041505609002,"Fiktif,Watukumpul,Buruh tani,2025-03-01'];
    const {quality} = await runPipeline({extracts: await kecilWith({"peserta.csv": [PESERTA_HEADER, ...rows].join("\n") + "\n"}), reference: referenceDir, out: await tempDir()});
    expect(quality.tables.peserta).toMatchObject({rows_read: 2, rows_accepted: 1, rows_rejected: 1, rejects_by_reason: {BARIS_CSV_RUSAK: {rows: [3]}}});
  });

  it("a member table with no data rows", async () => {
    const error = await fails(await kecilWith({"peserta.csv": PESERTA_HEADER + "\n"}));
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain('peserta.csv: tabel "peserta" tidak berisi satu baris data pun');
  });

  it("a member table whose every row is rejected (columns swapped) names the commonest reason", async () => {
    const swapped = "nik,nama,kecamatan,sektor,mulai\nFiktif Satu,3327041505609001,Watukumpul,Buruh tani,2025-03-01\nFiktif Dua,3327045503629002,Watukumpul,Buruh tani,2025-03-01\n";
    const error = await fails(await kecilWith({"peserta.csv": swapped}));
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain("semua 2 baris ditolak; alasan terbanyak: NIK bukan 16 digit angka [NIK_FORMAT], 2 baris (mis. baris 2, 3)");
  });

  it("a reference file that cannot be read", async () => {
    const reference = await tempDir("jaring-ref-");
    await cp(referenceDir, reference, {recursive: true});
    await rm(join(reference, "pemalang.topo.json"));
    const error = await fails(await kecilWith({}), reference);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain("pemalang.topo.json: berkas batas wilayah tidak dapat dibaca");
  });
});

describe("row-level: the row is rejected with a reason and the run goes on", () => {
  it("a line with too few or too many cells, a bad date, an unknown kecamatan — counted, read = accepted + rejected", async () => {
    const rows = ["3327041505609001,Fiktif,Watukumpul,Buruh tani,2025-03-01", "3327041505609002,Fiktif,Watukumpul", "3327041505609003,Fiktif,Watukumpul,Buruh tani,2025-03-01,x", "3327041505609004,Fiktif,Watukumpul,Buruh tani,31/02/2025", "3327041505609005,Fiktif,Atlantis,Buruh tani,2025-03-01"];
    const {quality} = await runPipeline({extracts: await kecilWith({"peserta.csv": [PESERTA_HEADER, ...rows].join("\n")}), reference: referenceDir, out: await tempDir()});
    const peserta = quality.tables.peserta;
    expect(peserta).toMatchObject({rows_read: 5, rows_accepted: 1, rows_rejected: 4});
    expect(Object.fromEntries(Object.entries(peserta.rejects_by_reason).map(([k, v]) => [k, v.rows]))).toEqual({
      BARIS_CSV_RUSAK: [3, 4],
      KECAMATAN_TIDAK_DIKENAL: [6],
      MULAI_TIDAK_VALID: [5],
    });
  });
});

describe("outputs are all or nothing", () => {
  async function snapshot(dir: string): Promise<Record<string, string>> {
    const files = (await readdir(dir)).sort();
    return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await readFile(join(dir, f))).toString("base64")] as const)));
  }

  it("a run that fails after the tables were read leaves the previous outputs byte for byte", async () => {
    const out = join(await tempDir(), "out");
    await runPipeline({extracts: fixture("kecil"), reference: referenceDir, out});
    const before = await snapshot(out);
    expect(Object.keys(before)).toContain("quality.json");
    // different extracts (other outputs), and a reference whose boundary file is missing: fails at the very end
    const reference = await tempDir("jaring-ref-");
    await cp(referenceDir, reference, {recursive: true});
    await rm(join(reference, "pemalang.topo.json"));
    const changed = await kecilWith({"iuran.csv": "periode;jumlah_peserta;nominal\n2025-03;3;50400\n"});
    await expect(runPipeline({extracts: changed, reference, out})).rejects.toBeInstanceOf(ExtractError);
    expect(await snapshot(out)).toEqual(before);
  });

  it("an output path taken by a folder stops the run before any file is replaced", async () => {
    const out = join(await tempDir(), "out");
    await runPipeline({extracts: fixture("kecil"), reference: referenceDir, out});
    await rm(join(out, "summary.json"));
    await mkdir(join(out, "summary.json"));
    const files = (await readdir(out)).filter((f) => f !== "summary.json");
    const previous = Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(join(out, f), "utf8")] as const)));
    const changed = await kecilWith({"iuran.csv": "periode;jumlah_peserta;nominal\n2025-03;3;50400\n"});
    const error = await runPipeline({extracts: changed, reference: referenceDir, out}).catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.message).toContain("summary.json: sudah ada dan bukan berkas biasa");
    for (const f of files) expect(await readFile(join(out, f), "utf8"), f).toBe(previous[f]);
    expect((await readdir(out)).filter((f) => f.startsWith(".tmp-"))).toEqual([]);
  });
});

describe("the site's data loader (src/data/jaring.zip.ts)", () => {
  const loader = (extracts: string) =>
    spawnSync(process.execPath, ["--import", "tsx", join(root, "src/data/jaring.zip.ts")], {cwd: root, env: {...process.env, JARING_EXTRACTS: extracts}, maxBuffer: 64 << 20});

  it("fails the build on a broken extract: exit 1, the message on stderr, nothing on stdout", async () => {
    const run = loader(await kecilWith({"iuran.csv": "periode;nominal\n2025-03;50400\n"}));
    expect(run.status).toBe(1);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr.toString()).toMatch(/GAGAL: .*iuran\.csv \[kolom jumlah_peserta\]/);
  });

  it("zips the public outputs only: never the operator's reject list", async () => {
    const run = loader(fixture("silang"));
    expect(run.status, run.stderr.toString()).toBe(0);
    const names = Object.keys((await JSZip.loadAsync(run.stdout)).files).sort();
    expect(names).toContain("quality.json");
    expect(names.filter((n) => /penolakan|pemeriksaan/.test(n))).toEqual([]);
  });
});
