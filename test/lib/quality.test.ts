import {describe, expect, it} from "vitest";
import {HIDDEN_NAME, crossCheckRows, monthList, reasonRows, rowList, tableRows, unmatchedRows, type Quality} from "../../src/lib/quality.ts";

// A hand-made quality.json in the pipeline's shape (docs/ARCHITECTURE.md).
const quality: Quality = {
  tables: {
    peserta: {
      file: "peserta.csv",
      rows_read: 10,
      rows_accepted: 6,
      rows_rejected: 4,
      rejects_by_reason: {
        DUPLIKAT: {count: 1, message: "Baris ganda", message_en: "Duplicate row", rows: [5]},
        NIK_FORMAT: {count: 3, message: "NIK bukan 16 digit angka", message_en: "NIK is not 16 digits", rows: [2, 3, 9]},
      },
      warnings_by_reason: {SEKTOR_TIDAK_DIKENAL: {count: 2, message: "Pekerjaan tidak dikenal", message_en: "Unknown job", rows: [4, 7]}},
    },
    iuran: {file: "iuran.xlsx", rows_read: 0, rows_accepted: 0, rows_rejected: 0, rejects_by_reason: {}, warnings_by_reason: {}},
  },
  cross_checks: {
    DITAGIH_MELEBIHI_AKTIF: {count: 2, unit: "bulan", message: "Bulan ditagih lebih", message_en: "Months invoiced over active", months: ["2025-03", "2025-04"]},
    NIK_DUA_KECAMATAN: {count: 0, unit: "peserta", message: "NIK di dua kecamatan", message_en: "NIK in two kecamatan"},
  },
  unmatched_places: [
    {table: "peserta", level: "kecamatan", name: "Watukumpl", kode_kec: null, nama_kec: null, rows: 3, suggestions: [{kode: "33.27.04", nama: "Watukumpul", similarity: 0.98}]},
    {table: "peserta", level: "kecamatan", name: null, kode_kec: null, nama_kec: null, rows: 2, suggestions: []},
    {table: "sasaran", level: "desa", name: "Tlagasan", kode_kec: "33.27.04", nama_kec: "Watukumpul", rows: 1, suggestions: [{kode: "x", nama: "Tlagasana", similarity: 0.975}, {kode: "y", nama: "Tlagas", similarity: 0.9}]},
  ],
};

describe("tableRows", () => {
  it("keeps the pipeline's table order and sums the warnings", () => {
    expect(tableRows(quality)).toEqual([
      {tabel: "peserta", label: "Kepesertaan", file: "peserta.csv", dibaca: 10, diterima: 6, ditolak: 4, peringatan: 2, porsiDitolak: 0.4},
      {tabel: "iuran", label: "Iuran", file: "iuran.xlsx", dibaca: 0, diterima: 0, ditolak: 0, peringatan: 0, porsiDitolak: null},
    ]);
  });
});

describe("reasonRows", () => {
  it("lists the commonest reason of each table first", () => {
    expect(reasonRows(quality, "rejects").map((r) => [r.tabel, r.kode, r.jumlah, r.baris])).toEqual([
      ["peserta", "NIK_FORMAT", 3, [2, 3, 9]],
      ["peserta", "DUPLIKAT", 1, [5]],
    ]);
    expect(reasonRows(quality, "warnings").map((r) => r.pesan)).toEqual(["Pekerjaan tidak dikenal"]);
  });
});

describe("rowList", () => {
  it("shows row numbers as a spreadsheet does, and says when the list is cut", () => {
    expect(rowList([2, 3, 9], 3)).toBe("2, 3, 9");
    expect(rowList([12001, 12002], 2)).toBe("12001, 12002");
    expect(rowList([1, 2, 3, 4], 121, 3)).toBe("1, 2, 3, … (3 dari 121)");
    expect(rowList([1, 2], 121)).toBe("1, 2, … (2 dari 121)");
    expect(rowList([], 0)).toBe("–");
  });
});

describe("crossCheckRows and monthList", () => {
  it("keeps a check that found nothing, with zero", () => {
    expect(crossCheckRows(quality)).toEqual([
      {kode: "DITAGIH_MELEBIHI_AKTIF", pesan: "Bulan ditagih lebih", jumlah: 2, satuan: "bulan", bulan: ["2025-03", "2025-04"]},
      {kode: "NIK_DUA_KECAMATAN", pesan: "NIK di dua kecamatan", jumlah: 0, satuan: "peserta", bulan: []},
    ]);
  });
  it("names months in Indonesian, and shortens a long run", () => {
    expect(monthList(["2025-03", "2025-08"])).toBe("Mar 2025, Agu 2025");
    expect(monthList(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"])).toBe("Jan 2025 – Jul 2025 (7 bulan)");
    expect(monthList([])).toBe("–");
  });
});

describe("unmatchedRows", () => {
  it("shows the text, the kecamatan of a desa, the row count and the closest official names in id-ID", () => {
    expect(unmatchedRows(quality)).toEqual([
      {tabel: "peserta", label: "Kepesertaan", tingkat: "Kecamatan", nama: "Watukumpl", kecamatan: "–", jumlah: 3, saran: "Watukumpul (98% mirip)"},
      {tabel: "peserta", label: "Kepesertaan", tingkat: "Kecamatan", nama: HIDDEN_NAME, kecamatan: "–", jumlah: 2, saran: "–"},
      {tabel: "sasaran", label: "Sasaran", tingkat: "Desa/kelurahan", nama: "Tlagasan", kecamatan: "Watukumpul", jumlah: 1, saran: "Tlagasana (98% mirip); Tlagas (90% mirip)"},
    ]);
  });
});
