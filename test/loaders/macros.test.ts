import {describe, expect, it} from "vitest";
import {evaluate} from "./helpers.ts";

const sql = (s: string | null) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);

describe("dates (j_date)", () => {
  it.each([
    ["2025-03-01", "2025-03-01"],
    ["2025-3-1", "2025-03-01"],
    ["01/03/2025", "2025-03-01"],
    ["1/3/2025", "2025-03-01"],
    ["01-03-2025", "2025-03-01"],
    ["2025-03-01 00:00:00", "2025-03-01"],
    ["45717", "2025-03-01"], // Excel serial day number
    [" 15/08/2025 ", "2025-08-15"],
  ])("reads %s as %s", async (text, iso) => {
    expect(await evaluate(`j_date(${sql(text)})`)).toBe(iso);
  });
  it.each(["31/02/2025", "2025-13-01", "kemarin", "", "03/2025", "2025"])("rejects %s", async (text) => {
    expect(await evaluate(`j_date(${sql(text)})`)).toBeNull();
  });
});

describe("months (j_month)", () => {
  it.each([
    ["2025-03", "2025-03-01"],
    ["202503", "2025-03-01"],
    ["Maret 2025", "2025-03-01"],
    ["Agustus 2025", "2025-08-01"],
    ["Agt 2025", "2025-08-01"],
    ["Des. 2025", "2025-12-01"],
    ["15/08/2025", "2025-08-01"],
    ["2025-08-31", "2025-08-01"],
  ])("reads %s as %s", async (text, iso) => {
    expect(await evaluate(`j_month(${sql(text)})`)).toBe(iso);
  });
  it.each(["bulan depan", "2025-13", "Smarch 2025"])("rejects %s", async (text) => {
    expect(await evaluate(`j_month(${sql(text)})`)).toBeNull();
  });
});

describe("money (j_money)", () => {
  it.each([
    ["16800", 16800],
    ["16.800", 16800],
    ["Rp 16.800", 16800],
    ["Rp16.800", 16800],
    ["Rp16.800,00", 16800],
    ["RP. 16.800,-", 16800],
    ["2.215.680.000", 2215680000],
    ["1.234.567,50", 1234568], // half-up
    ["1.234.567,49", 1234567],
    ["16800.00", 16800],
    ["16,800", 16800], // English thousands from some exports
  ])("reads %s as %d rupiah", async (text, value) => {
    expect(await evaluate(`j_money(${sql(text)})`)).toBe(value);
  });
  it.each(["", "abc", "-16800", "16.80.0", "Rp", "1.2345"])("rejects %s", async (text) => {
    expect(await evaluate(`j_money(${sql(text)})`)).toBeNull();
  });
});

describe("counts (j_count)", () => {
  it.each([["1234", 1234], ["1.234", 1234], ["1234,0", 1234], ["12.0", 12]])("reads %s as %d", async (text, value) => {
    expect(await evaluate(`j_count(${sql(text)})`)).toBe(value);
  });
  it.each(["12,5", "dua", "-3", ""])("rejects %s", async (text) => {
    expect(await evaluate(`j_count(${sql(text)})`)).toBeNull();
  });
});

describe("place keys (j_key)", () => {
  it.each([
    ["Watukumpul", "watukumpul"],
    ["Kec. Watukumpul", "watukumpul"],
    ["KECAMATAN  WATUKUMPUL", "watukumpul"],
    ["Watu Kumpul", "watukumpul"],
    ["Kec.Watukumpul", "watukumpul"],
    ["Desa Pener", "pener"],
    ["33.27.04", "332704"],
    ["Kelapa", "kelapa"], // a name that merely starts with "kel" keeps its letters
  ])("keys %s as %s", async (text, key) => {
    expect(await evaluate(`j_key(${sql(text)})`)).toBe(key);
  });
});

describe("sector keys and sex", () => {
  it("collapses spaces and the spacing around a slash", async () => {
    expect(await evaluate(`j_sector_key('  Buruh   Tani / Perkebunan ')`)).toBe("buruh tani/perkebunan");
  });
  it.each([["L", "L"], ["laki-laki", "L"], ["Laki laki", "L"], ["PRIA", "L"], ["P", "P"], ["PEREMPUAN", "P"], ["wanita", "P"], ["X", null]])(
    "reads sex %s as %s",
    async (text, value) => {
      expect(await evaluate(`j_sex(${sql(text)})`)).toBe(value);
    }
  );
});

describe("NIK", () => {
  it("rejects a NIK that Excel turned into 3.32704E+15", async () => {
    expect(await evaluate(`j_nik_mangled('3.32704E+15')`)).toBe(true);
    expect(await evaluate(`j_nik_mangled('3,32704E+15')`)).toBe(true);
    expect(await evaluate(`j_nik_mangled('3327041505609001.0')`)).toBe(true);
    expect(await evaluate(`j_nik_mangled('3327041505609001')`)).toBe(false);
  });
  it("accepts 16 digits, also behind Excel's apostrophe, and nothing else", async () => {
    expect(await evaluate(`j_nik_valid_format('3327041505609001')`)).toBe(true);
    expect(await evaluate(`j_nik_valid_format('''3327041505609001')`)).toBe(true);
    expect(await evaluate(`j_nik_valid_format('332704150560900')`)).toBe(false);
    expect(await evaluate(`j_nik_valid_format('33270415056090011')`)).toBe(false);
    expect(await evaluate(`j_nik_valid_format('33270415056O9001')`)).toBe(false);
  });
  it("reads the birth date, with day + 40 for women", async () => {
    expect(await evaluate(`j_nik_birth('3327041505609001', 2025)`)).toBe("1960-05-15");
    expect(await evaluate(`j_nik_birth('3327045505609001', 2025)`)).toBe("1960-05-15");
    expect(await evaluate(`j_nik_sex('3327045505609001')`)).toBe("P");
    expect(await evaluate(`j_nik_sex('3327041505609001')`)).toBe("L");
  });
  it("picks the latest century not after the reference year", async () => {
    expect(await evaluate(`j_nik_birth('3327041505059001', 2025)`)).toBe("2005-05-15");
    expect(await evaluate(`j_nik_birth('3327041505259001', 2024)`)).toBe("1925-05-15");
  });
  it.each(["3327043202609001", "3327040013609001", "3327047205609001", "3327040005609001", "3327042902619001"])(
    "rejects impossible birth digits in %s",
    async (nik) => {
      expect(await evaluate(`j_nik_birth('${nik}', 2025)`)).toBeNull();
    }
  );
  it("accepts 29 February in a leap year", async () => {
    expect(await evaluate(`j_nik_birth('3327042902609001', 2025)`)).toBe("1960-02-29");
  });
});

describe("age (j_age)", () => {
  it.each([
    ["1960-05-15", "2025-05-14", 64],
    ["1960-05-15", "2025-05-15", 65],
    ["1960-02-29", "2025-02-28", 64],
    ["1960-02-29", "2025-03-01", 65],
  ])("born %s, on %s, is %d", async (birth, on, age) => {
    expect(await evaluate(`j_age(DATE '${birth}', DATE '${on}')`)).toBe(age);
  });
});
