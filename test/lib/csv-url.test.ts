import {describe, expect, it} from "vitest";
import {toCsv} from "../../src/lib/csv.ts";
import {readState, writeState} from "../../src/lib/urlState.ts";

describe("toCsv", () => {
  const columns = [
    {label: "Kecamatan", value: (r: {nama: string; n: number}) => r.nama},
    {label: "Peserta aktif", value: (r: {nama: string; n: number}) => r.n.toLocaleString("id-ID"), csv: (r: {nama: string; n: number}) => r.n},
  ];
  it("writes the header, raw numbers and CRLF line ends", () => {
    expect(toCsv([{nama: "Moga", n: 1234}], columns)).toBe("Kecamatan,Peserta aktif\r\nMoga,1234\r\n");
  });
  it("quotes commas, semicolons, quotes and line breaks", () => {
    expect(toCsv([{nama: 'A, "B"; C\nD', n: 1}], columns)).toBe('Kecamatan,Peserta aktif\r\n"A, ""B""; C\nD",1\r\n');
  });
});

describe("URL state", () => {
  const defaults = {kec: "", sektor: [] as string[], bulan: "2026-10", rate: 1.5, jkk: false};
  it("round-trips every kind of value and leaves defaults out", () => {
    const state = {kec: "33.27.04", sektor: ["nelayan", "jasa"], bulan: "2026-10", rate: 2, jkk: true};
    const query = writeState(state, defaults);
    expect(query).toBe("?jkk=1&kec=33.27.04&rate=2&sektor=nelayan%2Cjasa");
    expect(readState(query, defaults)).toEqual(state);
    expect(writeState(defaults, defaults)).toBe("");
  });
  it("falls back to the default for a bad number or boolean and ignores unknown keys", () => {
    expect(readState("?rate=abc&jkk=maybe&other=1", defaults)).toEqual(defaults);
  });
});
