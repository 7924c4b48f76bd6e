// No person's data may reach the published site: every NIK, KPJ number and name in the extracts is
// searched for, byte for byte (ASCII case-insensitive, inside archives too), in every file of dist/;
// every birth date in the data files of dist/; and every published Arrow and CSV file is read to check
// that no count of people under the small-cell threshold is shown (a default build is public).
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, inject, it} from "vitest";
import {ROOT, listFiles} from "./browser/site.ts";
import {tableFromArrays, tableFromIPC, tableToIPC} from "apache-arrow";
import {ByteScanner, birthDateNeedles, contents, extractsDir, isoDate, needlesFromRows, nikBirthDate, parseCsv, readBirthDates, readNeedles, type Needle} from "./browser/privacy.ts";
import {smallCellViolations, type KamusLike} from "./support/smallCells.ts";

const dist = inject("distDir");

async function scanDir(dir: string, scanner: ByteScanner): Promise<string[]> {
  const hits: string[] = [];
  for (const file of listFiles(dir)) {
    for (const part of await contents(file)) {
      for (const needle of scanner.scan(part.bytes)) {
        // Say what leaked and where, without printing the value itself in CI logs.
        hits.push(`${needle.kind} dari ${needle.source} (${needle.value.slice(0, 4)}…) ditemukan di ${relative(dir, part.name)}`);
      }
    }
  }
  return hits;
}

describe("privacy: the built site holds no personal data", () => {
  it("the scanner finds a planted NIK, KPJ and name, in plain bytes, in binary and in a gzip", async () => {
    const needles: Needle[] = [
      {kind: "nik", value: "3327054708699609", source: "tes"},
      {kind: "kpj", value: "35853364183", source: "tes"},
      {kind: "nama", value: "Juwariyah Wijaya", source: "tes"}
    ];
    const scanner = new ByteScanner(needles);
    const dir = mkdtempSync(join(tmpdir(), "jaring-privacy-"));
    try {
      writeFileSync(join(dir, "clean.json"), JSON.stringify({nik: "3327054708699610", nama: "Juwariyah"}));
      expect(await scanDir(dir, scanner)).toEqual([]);
      writeFileSync(join(dir, "a.bin"), Buffer.concat([Buffer.from([0, 255, 1]), Buffer.from("xx3327054708699609yy"), Buffer.from([0])]));
      writeFileSync(join(dir, "b.js"), 'const s = "JUWARIYAH WIJAYA";');
      writeFileSync(join(dir, "c.json.gz"), gzipSync('{"kpj":"35853364183"}'));
      const hits = await scanDir(dir, scanner);
      expect(hits.some((h) => h.startsWith("nik") && h.endsWith("a.bin"))).toBe(true);
      expect(hits.some((h) => h.startsWith("nama") && h.endsWith("b.js"))).toBe(true);
      expect(hits.some((h) => h.startsWith("kpj") && h.includes("c.json.gz (gunzip)"))).toBe(true);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("reads identifiers from a ;-delimited UTF-8 CSV with BOM, quotes and CRLF", () => {
    const csv = '\uFEFFNIK;No. KPJ;Nama Lengkap;JK\r\n3327054708699609;35853364183;"WIJAYA; JUWARIYAH";P\r\n';
    const needles = needlesFromRows(parseCsv(csv), "peserta.csv");
    expect(needles.map((n) => [n.kind, n.value])).toEqual([
      ["nik", "3327054708699609"],
      ["kpj", "35853364183"],
      ["nama", "WIJAYA; JUWARIYAH"]
    ]);
  });

  it("no NIK, KPJ or name from the extracts appears in any file of dist/", async () => {
    const needles = await readNeedles(extractsDir(ROOT));
    // The sample has thousands of people: finding few means the reader, not the site, is broken.
    const count = (kind: string) => needles.filter((n) => n.kind === kind).length;
    expect(count("nik")).toBeGreaterThan(100);
    expect(count("kpj")).toBeGreaterThan(100);
    expect(count("nama")).toBeGreaterThan(100);
    const files = listFiles(dist);
    expect(files.length).toBeGreaterThan(0);
    const hits = await scanDir(dist, new ByteScanner(needles));
    expect(hits).toEqual([]);
  });
});

/** The files Framework copied into dist/ for the pages: the data files (dist/_file/…). */
const dataFiles = (dir: string) => listFiles(dir).filter((f) => /[\\/]_file[\\/]/.test(f));

describe("privacy: birth dates", () => {
  it("reads birth dates from the date column and the NIK, in both ways a page could print them", () => {
    expect(isoDate("07/08/1969")).toBe("1969-08-07");
    expect(isoDate("16-03-1960")).toBe("1960-03-16");
    expect(isoDate("1961-12-31")).toBe("1961-12-31");
    expect(isoDate("31/02/1961")).toBeNull();
    // 47 = 7 + 40: a woman born 07/08/69.
    expect(nikBirthDate("3327054708699609", 2025)).toBe("1969-08-07");
    expect(birthDateNeedles("1969-08-07", "t").map((n) => n.value)).toEqual(["1969-08-07", "07/08/1969"]);
  });

  it("the scanner finds a planted birth date in a data file, and leaves program dates alone", async () => {
    const needles = birthDateNeedles("1969-08-07", "tes");
    const dir = mkdtempSync(join(tmpdir(), "jaring-privacy-"));
    try {
      writeFileSync(join(dir, "clean.csv"), "bulan,tanggal_bayar\r\n2025-04,2025-04-15\r\n");
      expect(await scanDir(dir, new ByteScanner(needles))).toEqual([]);
      writeFileSync(join(dir, "leak.csv"), "kode_kec,lahir\r\n33.27.05,07/08/1969\r\n");
      expect(await scanDir(dir, new ByteScanner(needles))).toEqual([expect.stringMatching(/^tanggal_lahir .*leak\.csv$/)]);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("no birth date of a member appears in the data files of dist/", async () => {
    const needles = await readBirthDates(extractsDir(ROOT));
    // Thousands of people: finding few means the reader, not the site, is broken.
    expect(needles.length).toBeGreaterThan(1000);
    const files = dataFiles(dist);
    expect(files.length).toBeGreaterThan(10);
    const scanner = new ByteScanner(needles);
    const hits: string[] = [];
    for (const file of files) for (const part of await contents(file)) for (const n of scanner.scan(part.bytes)) hits.push(`${n.kind} (${n.value.slice(0, 4)}…) di ${relative(dist, part.name)}`);
    expect(hits).toEqual([]);
  });
});

describe("privacy: small cells", () => {
  const kamusOf = (files: string[]) => {
    const found = files.filter((f) => /[\\/]kamus-data\.[^\\/]*json$/.test(f));
    if (found.length !== 1) throw new Error(`kamus-data.json di dist: ${found.length} berkas (harus 1)`);
    return JSON.parse(readFileSync(found[0], "utf8")) as KamusLike & {audience: string};
  };
  const kamus: KamusLike = {
    ambang_sel_kecil: 5,
    berkas: [{nama: "anggota_desa", rincian: ["kode_kec", "kode_desa"], kolom: [{nama: "aktif", hitungan_orang: true}]}]
  };

  it("the check finds a planted small cell, a hidden count left visible, in CSV and Arrow, and passes a safe table", () => {
    const dir = mkdtempSync(join(tmpdir(), "jaring-privacy-"));
    try {
      const header = "bulan,kode_kec,kode_desa,aktif,ditekan,sisa\r\n";
      writeFileSync(join(dir, "anggota_desa.csv"), header + "2026-10,33.27.01,33.27.01.2001,12,false,false\r\n2026-10,33.27.01,33.27.01.2002,,true,false\r\n2026-10,33.27.01,,7,false,true\r\n2026-10,,,3,false,true\r\n");
      expect(smallCellViolations(kamus, [join(dir, "anggota_desa.csv")])).toEqual([]);
      writeFileSync(join(dir, "anggota_desa.1a2b3c4d.csv"), header + "2026-10,33.27.01,33.27.01.2001,3,false,false\r\n2026-10,33.27.01,33.27.01.2002,4,true,false\r\n2026-10,33.27.01,,2,false,true\r\n");
      expect(smallCellViolations(kamus, [join(dir, "anggota_desa.1a2b3c4d.csv")])).toEqual([
        "anggota_desa.1a2b3c4d.csv baris 1: aktif = 3 (< 5) tidak ditekan",
        "anggota_desa.1a2b3c4d.csv baris 2: aktif = 4 padahal ditekan",
        "anggota_desa.1a2b3c4d.csv baris 2: aktif = 4 (< 5) tidak ditekan",
        "anggota_desa.1a2b3c4d.csv baris 3: aktif = 2 (< 5) tidak ditekan"
      ]);
      const arrow = tableFromArrays({bulan: ["2026-10"], kode_kec: ["33.27.01"], kode_desa: ["33.27.01.2001"], aktif: Int32Array.from([2]), ditekan: [false], sisa: [false]});
      writeFileSync(join(dir, "anggota_desa.arrow"), tableToIPC(arrow, "file"));
      expect(tableFromIPC(readFileSync(join(dir, "anggota_desa.arrow"))).numRows).toBe(1);
      expect(smallCellViolations(kamus, [join(dir, "anggota_desa.arrow")])).toEqual(["anggota_desa.arrow baris 1: aktif = 2 (< 5) tidak ditekan"]);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("no published Arrow or CSV file in dist/ shows a count of people under the threshold (default build: public)", () => {
    const files = dataFiles(dist);
    const published = kamusOf(files);
    expect(published.audience).toBe("public");
    const counted = published.berkas.filter((b) => b.kolom.some((k) => k.hitungan_orang)).map((b) => b.nama);
    // Every file that counts people is in the site (the Transparansi page links them), as CSV and as Arrow.
    const checked = files.filter((f) => /\.(csv|arrow)$/.test(f));
    for (const name of counted) {
      for (const ext of ["csv", "arrow"]) expect(checked.some((f) => new RegExp(`[\\\\/]${name}\\.[0-9a-f]+\\.${ext}$`).test(f)), `${name}.${ext} di dist`).toBe(true);
    }
    expect(smallCellViolations(published, checked)).toEqual([]);
  });
});
