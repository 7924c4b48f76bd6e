// Region packs over the program's rules (loaders/pack.ts, paths.ts): which pack and extracts are read,
// what a pack's own files and settings override, and that an older, self-contained pack kept anywhere
// on disk gives exactly what the same pack in data/regions/ gives.
import {cp, readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {ExtractError} from "../../loaders/errors.ts";
import {DEFAULT_EXTRACTS, PROGRAM_DIR, REGIONS_DIR, SAMPLES_DIR, availableRegions, chooseRegion, defaultRegion, packFile, packParameters} from "../../loaders/pack.ts";
import {defaultPaths} from "../../loaders/paths.ts";
import {runPipeline} from "../../loaders/pipeline.ts";
import {fixture, referenceDir, secondRegionDir, tempDir} from "./helpers.ts";

describe("choosing a region", () => {
  it("is the default pack unless JARING_REGION or JARING_REFERENCE says otherwise", () => {
    expect(chooseRegion({})).toEqual({reference: join(REGIONS_DIR, defaultRegion()), region: defaultRegion()});
    expect(chooseRegion({JARING_REGION: "35.09"})).toEqual({reference: secondRegionDir, region: "35.09"});
    expect(chooseRegion({JARING_REGION: "35.09", JARING_REFERENCE: "/elsewhere/pack"})).toEqual({reference: "/elsewhere/pack", region: null});
    expect(availableRegions()).toEqual(expect.arrayContaining([defaultRegion(), "35.09"]));
  });

  it("refuses a region with no pack, naming the ones there are", () => {
    expect(() => chooseRegion({JARING_REGION: "99.99"})).toThrow(ExtractError);
    expect(() => chooseRegion({JARING_REGION: "99.99"})).toThrow(/tidak ada paket wilayah "99\.99".*tersedia: .*35\.09/);
  });

  it("reads the default region's committed sample, another region's generated one, or the extracts given", () => {
    expect(defaultPaths({}).extracts).toBe(DEFAULT_EXTRACTS);
    expect(defaultPaths({JARING_REGION: "35.09"})).toEqual({extracts: join(SAMPLES_DIR, "35.09"), reference: secondRegionDir, region: "35.09"});
    expect(defaultPaths({JARING_REGION: "35.09", JARING_EXTRACTS: "/data/ekstrak"}).extracts).toBe("/data/ekstrak");
  });
});

describe("a pack over the program's rules", () => {
  it("takes the program's rules and adds only its own settings", () => {
    const program = JSON.parse(JSON.stringify(packParameters(PROGRAM_DIR)));
    const pemalang = packParameters(referenceDir);
    const jember = packParameters(secondRegionDir);
    for (const rule of ["iuran_per_bulan", "santunan_jkm", "tmi_iv_2019", "usia_maks"]) {
      expect(pemalang[rule], rule).toEqual(program[rule]);
      expect(jember[rule], rule).toEqual(program[rule]);
    }
    // Only Pemalang's regent has stated an expansion.
    expect(pemalang.skenario_perluasan).toMatchObject({sektor: expect.any(Array)});
    expect(jember.skenario_perluasan).toBeUndefined();
  });

  it("lets a pack's own setting and own file win", async () => {
    const pack = await tempDir("jaring-pack-");
    await writeFile(join(pack, "parameter.json"), JSON.stringify({usia_maks: 60, ambang_sel_kecil: 10}));
    await writeFile(join(pack, "sektor.csv"), "kode,nama,nama_en,urutan\n");
    expect(packParameters(pack)).toMatchObject({usia_maks: 60, ambang_sel_kecil: 10, usia_min: 55, iuran_per_bulan: 16800});
    expect(packFile(pack, "sektor.csv")).toBe(join(pack, "sektor.csv"));
    expect(packFile(pack, "alias_sektor.csv")).toBe(join(PROGRAM_DIR, "alias_sektor.csv"));
    // A file neither has is looked for in the pack, so its error names the pack's folder.
    expect(packFile(pack, "alias_wilayah.csv")).toBe(join(pack, "alias_wilayah.csv"));
  });

  it("an older self-contained pack kept elsewhere gives byte-identical outputs", async () => {
    const old = await tempDir("jaring-old-pack-");
    await cp(referenceDir, old, {recursive: true});
    for (const file of ["sektor.csv", "alias_sektor.csv"]) await cp(join(PROGRAM_DIR, file), join(old, file));
    await writeFile(join(old, "parameter.json"), JSON.stringify(packParameters(referenceDir), null, 2));
    const [a, b] = [await tempDir(), await tempDir()];
    await runPipeline({extracts: fixture("kecil"), reference: referenceDir, out: a});
    await runPipeline({extracts: fixture("kecil"), reference: old, out: b});
    const files = (await readdir(a)).sort();
    expect(files.length).toBeGreaterThan(10);
    expect((await readdir(b)).sort()).toEqual(files);
    for (const file of files) expect((await readFile(join(b, file))).equals(await readFile(join(a, file))), file).toBe(true);
  });
});
