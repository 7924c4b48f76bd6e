import {describe, expect, it} from "vitest";
import {sourceNoteParts} from "../../src/lib/sourceNote.ts";

const summary = {as_of: "2026-10", extract_date: "2026-11-05", eligible_source: "Estimasi DTSEN desil 1–4", synthetic: false};
const referensi = {wilayah: {nama: "Kabupaten Contoh", kontak: "Dinas Tenaga Kerja Kabupaten Contoh"}};

describe("sourceNoteParts: the data month, source and contact under every page", () => {
  it("names the region and the as-of month, the extract date and the eligible source, then the contact", () => {
    expect(sourceNoteParts({summary, referensi})).toEqual([
      {key: "as_of", text: "Data Kabupaten Contoh s.d. Oktober 2026"},
      {key: "sumber", text: "Sumber: ekstrak bulanan program (kepesertaan, iuran, anggaran, klaim) per 5 November 2026; sasaran: Estimasi DTSEN desil 1–4"},
      {key: "kontak", text: "Kontak: Dinas Tenaga Kerja Kabupaten Contoh"}
    ]);
  });

  it("says so when the figures come from synthetic sample data", () => {
    const parts = sourceNoteParts({summary: {...summary, synthetic: true}, referensi});
    expect(parts.map((p) => p.key)).toEqual(["as_of", "sumber", "sintetis", "kontak"]);
  });

  it("says, for a public build only, that counts under the small-cell threshold are hidden", () => {
    const parts = sourceNoteParts({summary: {...summary, audience: "public", suppression_threshold: 5}, referensi});
    expect(parts.map((p) => p.key)).toEqual(["as_of", "sumber", "penekanan", "kontak"]);
    expect(parts[2].text).toBe("Jumlah di bawah 5 orang ditekan untuk melindungi peserta");
    expect(sourceNoteParts({summary: {...summary, audience: "internal", suppression_threshold: 5}, referensi}).map((p) => p.key)).not.toContain("penekanan");
  });

  it("leaves out what the data does not give (no month, no extract date, no contact) instead of printing a dash", () => {
    expect(sourceNoteParts({summary: {}, referensi: {wilayah: {}}})).toEqual([
      {key: "sumber", text: "Sumber: ekstrak bulanan program (kepesertaan, iuran, anggaran, klaim)"}
    ]);
    expect(sourceNoteParts({summary: null, referensi: null}).map((p) => p.text).join(" ")).not.toContain("–");
  });
});
