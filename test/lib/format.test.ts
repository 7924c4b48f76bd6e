import {describe, expect, it} from "vitest";
import {
  MISSING,
  dateToMonth,
  formatCount,
  formatDate,
  formatDateLong,
  formatDecimal,
  formatInteger,
  formatMoney,
  formatNumber,
  formatMonth,
  formatMonthShort,
  formatMonthTick,
  formatPercent,
  formatRupiah,
  idLocale,
  monthToDate,
  parseMonth,
  toNumber
} from "../../src/lib/format.ts";

describe("formatInteger", () => {
  it("groups thousands with a dot (id-ID)", () => {
    expect(formatInteger(11482)).toBe("11.482");
    expect(formatInteger(1234567)).toBe("1.234.567");
    expect(formatInteger(999)).toBe("999");
  });
  it("prints zero and negatives without a signed zero", () => {
    expect(formatInteger(0)).toBe("0");
    expect(formatInteger(-0)).toBe("0");
    expect(formatInteger(-0.4)).toBe("0");
    expect(formatInteger(-1234)).toBe("-1.234");
  });
  it("rounds half away from zero", () => {
    expect(formatInteger(1234.5)).toBe("1.235");
    expect(formatInteger(-1234.5)).toBe("-1.235");
    expect(formatInteger(0.49)).toBe("0");
  });
  it("accepts bigint and numeric strings (Arrow Int64, JSON)", () => {
    expect(formatInteger(11482n)).toBe("11.482");
    expect(formatInteger("11482")).toBe("11.482");
  });
  it("prints an en dash for a missing value", () => {
    expect(formatInteger(null)).toBe(MISSING);
    expect(formatInteger(undefined)).toBe(MISSING);
    expect(formatInteger(NaN)).toBe(MISSING);
    expect(formatInteger(Infinity)).toBe(MISSING);
    expect(formatInteger("")).toBe(MISSING);
    expect(formatInteger("abc")).toBe(MISSING);
    expect(MISSING).toBe("–");
  });
});

describe("formatDecimal", () => {
  it("writes a decimal comma and grouped thousands", () => {
    expect(formatDecimal(1.5)).toBe("1,5");
    expect(formatDecimal(1234.5, 2)).toBe("1.234,50");
    expect(formatDecimal(0)).toBe("0,0");
    expect(formatDecimal(-2.25, 1)).toBe("-2,3");
  });
  it("is not fooled by binary noise (1.005 → 1,01)", () => {
    expect(formatDecimal(1.005, 2)).toBe("1,01");
    expect(formatDecimal(-0.04, 1)).toBe("0,0");
  });
  it("prints an en dash for a missing value", () => {
    expect(formatDecimal(null)).toBe(MISSING);
  });
});

describe("formatNumber", () => {
  it("drops trailing zeros after the decimal comma", () => {
    expect(formatNumber(1.5)).toBe("1,5");
    expect(formatNumber(2)).toBe("2");
    expect(formatNumber(0.25)).toBe("0,25");
    expect(formatNumber(1500.004)).toBe("1.500");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatNumber(null)).toBe(MISSING);
  });
});

describe("formatPercent", () => {
  it("formats a fraction as a percentage with a decimal comma", () => {
    expect(formatPercent(0.342)).toBe("34,2%");
    expect(formatPercent(0.3425)).toBe("34,3%");
    expect(formatPercent(1)).toBe("100,0%");
    expect(formatPercent(0.9995)).toBe("100,0%");
    expect(formatPercent(12.5)).toBe("1.250,0%");
    expect(formatPercent(0.342, 0)).toBe("34%");
  });
  it("handles zero and negatives", () => {
    expect(formatPercent(0)).toBe("0,0%");
    expect(formatPercent(-0.0001)).toBe("0,0%");
    expect(formatPercent(-0.05)).toBe("-5,0%");
  });
  it("prints an en dash for a missing value", () => {
    expect(formatPercent(undefined)).toBe(MISSING);
    expect(formatPercent(NaN)).toBe(MISSING);
  });
});

describe("formatRupiah (full amount)", () => {
  it("writes Rp and grouped whole rupiah", () => {
    expect(formatRupiah(2215680000)).toBe("Rp2.215.680.000");
    expect(formatRupiah(16800)).toBe("Rp16.800");
    expect(formatRupiah(16800.5)).toBe("Rp16.801");
    expect(formatRupiah(0)).toBe("Rp0");
    expect(formatRupiah(-0.2)).toBe("Rp0");
    expect(formatRupiah(-16800)).toBe("-Rp16.800");
  });
  it("stays exact for large integer rupiah (Float64 below 2^53)", () => {
    expect(formatRupiah(9_007_199_254_740_991)).toBe("Rp9.007.199.254.740.991");
  });
  it("prints an en dash for a missing value", () => {
    expect(formatRupiah(null)).toBe(MISSING);
  });
});

describe("formatMoney (in words)", () => {
  it("writes miliar and juta in words with up to three significant digits", () => {
    expect(formatMoney(2215680000)).toBe("Rp2,22 miliar");
    expect(formatMoney(2.2e9)).toBe("Rp2,2 miliar");
    expect(formatMoney(1.93e9)).toBe("Rp1,93 miliar");
    expect(formatMoney(12.345e9)).toBe("Rp12,3 miliar");
    expect(formatMoney(123.4e9)).toBe("Rp123 miliar");
    expect(formatMoney(350e6)).toBe("Rp350 juta");
    expect(formatMoney(1_234_567)).toBe("Rp1,23 juta");
    expect(formatMoney(1e6)).toBe("Rp1 juta");
    expect(formatMoney(3.7e12)).toBe("Rp3,7 triliun");
  });
  it("honours a smaller number of significant digits", () => {
    expect(formatMoney(2215680000, 2)).toBe("Rp2,2 miliar");
    expect(formatMoney(1_930_000_000, 2)).toBe("Rp1,9 miliar");
  });
  it("writes the full amount below a million", () => {
    expect(formatMoney(16800)).toBe("Rp16.800");
    expect(formatMoney(999_999)).toBe("Rp999.999");
    expect(formatMoney(999_999.4)).toBe("Rp999.999");
    expect(formatMoney(1)).toBe("Rp1");
  });
  it("moves up a unit when rounding reaches 1000 of the smaller one", () => {
    expect(formatMoney(999_999.5)).toBe("Rp1 juta");
    expect(formatMoney(999_400_000)).toBe("Rp999 juta");
    expect(formatMoney(999_500_000)).toBe("Rp1 miliar");
    expect(formatMoney(999_999_999)).toBe("Rp1 miliar");
    expect(formatMoney(1.995e9)).toBe("Rp2 miliar");
    expect(formatMoney(1.9949e9)).toBe("Rp1,99 miliar");
    expect(formatMoney(999.6e9)).toBe("Rp1 triliun");
  });
  it("handles zero and negatives", () => {
    expect(formatMoney(0)).toBe("Rp0");
    expect(formatMoney(-0.3)).toBe("Rp0");
    expect(formatMoney(-2.2e9)).toBe("-Rp2,2 miliar");
    expect(formatMoney(-16800)).toBe("-Rp16.800");
  });
  it("prints an en dash for a missing value", () => {
    expect(formatMoney(null)).toBe(MISSING);
    expect(formatMoney(undefined)).toBe(MISSING);
    expect(formatMoney(NaN)).toBe(MISSING);
  });
});

describe("formatCount (compact counts for chart labels)", () => {
  it("keeps small counts whole and writes ribu/juta in words", () => {
    expect(formatCount(950)).toBe("950");
    expect(formatCount(9999)).toBe("9.999");
    expect(formatCount(11482)).toBe("11,5 ribu");
    expect(formatCount(1_250_000)).toBe("1,25 juta");
    expect(formatCount(999_999)).toBe("1 juta");
    expect(formatCount(null)).toBe(MISSING);
  });
});

describe("months", () => {
  it("names months in Indonesian", () => {
    expect(formatMonth("2025-03")).toBe("Maret 2025");
    expect(formatMonth("2025-08")).toBe("Agustus 2025");
    expect(formatMonthShort("2025-03")).toBe("Mar 2025");
    expect(formatMonthShort("2025-05")).toBe("Mei 2025");
    expect(formatMonthShort("2025-08")).toBe("Agu 2025");
    expect(formatMonthShort("2025-12")).toBe("Des 2025");
  });
  it("accepts a full ISO date and cuts it to its month", () => {
    expect(formatMonth("2025-07-31")).toBe("Juli 2025");
  });
  it("rejects an invalid month key", () => {
    expect(formatMonth("2025-13")).toBe(MISSING);
    expect(formatMonth("03/2025")).toBe(MISSING);
    expect(formatMonth(null)).toBe(MISSING);
    expect(formatMonthShort(undefined)).toBe(MISSING);
    expect(parseMonth("2025-00")).toBeNull();
  });
  it("round-trips month keys through UTC dates", () => {
    const d = monthToDate("2025-03")!;
    expect(d.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(dateToMonth(d)).toBe("2025-03");
    expect(monthToDate("x")).toBeNull();
  });
  it("labels axis ticks with the year at January", () => {
    expect(formatMonthTick(new Date(Date.UTC(2025, 2, 1)))).toBe("Mar");
    expect(formatMonthTick(new Date(Date.UTC(2026, 0, 1)))).toBe("Jan 2026");
    expect(formatMonthTick(new Date(Date.UTC(2025, 2, 1)), true)).toBe("Mar 2025");
  });
});

describe("dates", () => {
  it("writes DD/MM/YYYY and the long Indonesian form", () => {
    expect(formatDate("2026-11-25")).toBe("25/11/2026");
    expect(formatDate("2026-01-05T10:00:00Z")).toBe("05/01/2026");
    expect(formatDateLong("2026-11-25")).toBe("25 November 2026");
    expect(formatDateLong("2025-03-01")).toBe("1 Maret 2025");
    expect(formatDate(new Date(Date.UTC(2025, 6, 9)))).toBe("09/07/2025");
  });
  it("rejects dates that do not exist", () => {
    expect(formatDate("2025-02-30")).toBe(MISSING);
    expect(formatDateLong("25/11/2026")).toBe(MISSING);
    expect(formatDate(new Date(NaN))).toBe(MISSING);
    expect(formatDate(null)).toBe(MISSING);
  });
});

describe("idLocale (d3-format for axes)", () => {
  it("uses a decimal comma, dot thousands and Rp", () => {
    expect(idLocale.format(",d")(1234567)).toBe("1.234.567");
    expect(idLocale.format(",.1f")(1234.56)).toBe("1.234,6");
    expect(idLocale.format("$,d")(16800)).toBe("Rp16.800");
    expect(idLocale.format(".0%")(0.35)).toBe("35%");
    expect(idLocale.format(",d")(-5)).toBe("-5");
  });
});

describe("toNumber", () => {
  it("turns Arrow and JSON values into plain numbers or null", () => {
    expect(toNumber(5n)).toBe(5);
    expect(toNumber("1.5")).toBe(1.5);
    expect(toNumber(" ")).toBeNull();
    expect(toNumber(null)).toBeNull();
  });
});
