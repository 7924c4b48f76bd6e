// `npm run wilayah` as an office runs it: a pack written, or nothing written and every problem on stderr.
import {spawnSync} from "node:child_process";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {fixture, fixtureDir, root, tempDir} from "./helpers.ts";

function wilayah(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/wilayah/cli.ts"), ...args], {cwd: root, encoding: "utf8"});
}
const region = ["--kode-wilayah", "35.09", "--nama", "Kabupaten Jember", "--provinsi", "Jawa Timur"];

describe("npm run wilayah", () => {
  it("writes the pack, and says which program settings it does not write", () => {
    const out = join(tempDir(), "35.09");
    const run = wilayah("--desa", join(fixtureDir, "jombang_kencong.geojson"), "--kode", join(fixtureDir, "jombang_kencong.csv"), "--out", out, ...region, "--nama-pendek", "Jember Barat");
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["alias_wilayah.csv", "jember_barat.topo.json", "jember_barat_desa_kelurahan.csv", "jember_barat_kecamatan.csv", "wilayah-build.json", "wilayah.json"]);
    expect(readFileSync(join(out, "alias_wilayah.csv"), "utf8")).toBe("tingkat,alias,kode\n");
    expect(JSON.parse(readFileSync(join(out, "wilayah.json"), "utf8")).batas).toBe("jember_barat.topo.json");
    expect(run.stdout).toContain("2 kecamatan, 11 desa/kelurahan");
    expect(run.stdout).toContain("parameter.json, sektor.csv, alias_sektor.csv (tidak ditulis; tidak ditulis; tidak ditulis)");
    expect(run.stdout).toContain("alias_wilayah.csv (dibuat kosong, hanya baris judul)");
  });

  it("rebuilding into a pack folder keeps what the office added to wilayah.json, and refuses another region's folder", () => {
    const out = tempDir();
    const args = ["--desa", join(fixtureDir, "jombang_kencong.geojson"), "--kode", join(fixtureDir, "jombang_kencong.csv"), "--out", out];
    writeFileSync(join(out, "wilayah.json"), JSON.stringify({kode: "35.09", kontak: "Disnaker", program: {peserta: 20000, nama_sampel: "jawa"}}));
    writeFileSync(join(out, "alias_wilayah.csv"), "tingkat,alias,kode\ndesa,sumber rejo,35.09.01.2001\n");
    const run = wilayah(...args, ...region);
    expect(readFileSync(join(out, "alias_wilayah.csv"), "utf8")).toContain("sumber rejo");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("alias_wilayah.csv (sudah ada, tidak diubah)");
    const w = JSON.parse(readFileSync(join(out, "wilayah.json"), "utf8"));
    expect([w.nama, w.kontak, w.program]).toEqual(["Kabupaten Jember", "Disnaker", {peserta: 20000, nama_sampel: "jawa"}]);
    const otherPack = tempDir();
    writeFileSync(join(otherPack, "wilayah.json"), JSON.stringify({kode: "33.27", nama: "Kabupaten Lain"}));
    const other = wilayah(...args.slice(0, -1), otherPack, ...region);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain("folder --out berisi paket wilayah lain (33.27), bukan 35.09");
    expect(readdirSync(otherPack)).toEqual(["wilayah.json"]);
  });

  it("exits 1, writes nothing and lists every problem with the desa named", () => {
    const dir = tempDir();
    const {geojson, csv} = fixture();
    geojson.features = geojson.features.filter((f) => f.properties!.kode_desa !== "35.09.02.2004");
    writeFileSync(join(dir, "desa.geojson"), JSON.stringify(geojson));
    writeFileSync(join(dir, "kode.csv"), csv + "35.09.01.2001,Padomasan,desa,35.09.01,3509160,Jombang\n");
    const out = join(dir, "out");
    const run = wilayah("--desa", join(dir, "desa.geojson"), "--kode", join(dir, "kode.csv"), "--out", out, ...region);
    expect(run.status).toBe(1);
    expect(readdirSync(dir)).not.toContain("out");
    expect(run.stderr).toContain("Paket wilayah TIDAK dibuat: 2 masalah");
    expect(run.stderr).toContain("[KODE_GANDA_DAFTAR] 35.09.01.2001 Padomasan");
    expect(run.stderr).toContain("[DESA_TANPA_POLIGON] 35.09.02.2004 Kencong");
  });

  it("exits 2 with the usage when a required option is missing or a number is not one", () => {
    const missing = wilayah("--desa", "x.geojson");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--kode wajib diisi");
    const bad = wilayah("--desa", "x", "--kode", "y", "--out", "z", ...region, "--simplify", "40%");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--simplify "40%" bukan angka positif ≤ 1');
  });
});
