// Every page words the program's age band from parameter.json the same way (src/lib/usia.ts).
import {describe, expect, it} from "vitest";
import {ageBand, ageRule, exitAge, startAges} from "../../src/lib/usia.ts";

const p = {usia_min: 55, usia_maks: 65};

describe("the program's age band in words", () => {
  it("states the band as the program does: 55–65 tahun", () => {
    expect(ageBand(p)).toBe("55–65 tahun");
  });
  it("states the rule behind it: start under usia_maks, leave on reaching it", () => {
    expect(startAges(p)).toBe("55 tahun sampai sebelum 65 tahun");
    expect(ageRule(p)).toBe("berusia 55 tahun sampai sebelum 65 tahun saat mulai menjadi peserta; kepesertaan berakhir pada bulan peserta mencapai usia 65 tahun");
    expect(exitAge(p)).toBe("usia 65 tahun");
  });
  it("follows the parameters, not a literal", () => {
    expect(ageBand({usia_min: 50, usia_maks: 60})).toBe("50–60 tahun");
  });
  it("says nothing when a parameter is missing", () => {
    expect(ageBand({usia_min: 55})).toBeNull();
    expect(ageRule(null)).toBeNull();
  });
});
