// No person's data may reach the published site: every NIK, KPJ number and name in the extracts is
// searched for, byte for byte (ASCII case-insensitive, inside archives too), in every file of dist/.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, inject, it} from "vitest";
import {ROOT, listFiles} from "./browser/site.ts";
import {ByteScanner, contents, extractsDir, needlesFromRows, parseCsv, readNeedles, type Needle} from "./browser/privacy.ts";

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
