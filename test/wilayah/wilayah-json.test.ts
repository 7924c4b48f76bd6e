// wilayah.json: the builder's keys replaced, an office's additions kept, another region's folder refused.
import {describe, expect, it} from "vitest";
import {wilayahJson} from "../../scripts/wilayah/wilayahJson.ts";

const fields = {kode: "35.09", nama: "Kabupaten Jember", nama_pendek: "Jember", provinsi: "Jawa Timur", kecamatan: "jember_kecamatan.csv", desa: "jember_desa_kelurahan.csv", batas: "jember.topo.json"};

describe("wilayah.json", () => {
  it("keeps the keys an office added and the contact it wrote, in their place after the builder's own", () => {
    const previous = JSON.stringify({kode: "35.09", nama: "lama", kontak: "Disnaker", program: {peserta: 20000}, batas: "lama.topo.json"});
    const json = JSON.parse(wilayahJson(fields, previous).text);
    expect(Object.keys(json)).toEqual(["kode", "nama", "nama_pendek", "provinsi", "kecamatan", "desa", "batas", "batas_objek", "kontak", "program"]);
    expect([json.nama, json.batas, json.kontak, json.program]).toEqual(["Kabupaten Jember", "jember.topo.json", "Disnaker", {peserta: 20000}]);
    expect(JSON.parse(wilayahJson({...fields, kontak: "Dinas Tenaga Kerja"}, previous).text).kontak).toBe("Dinas Tenaga Kerja");
  });

  it("refuses to write over another region's pack, or over a wilayah.json it cannot read", () => {
    expect(wilayahJson(fields, JSON.stringify({kode: "33.27"})).problems.map((p) => [p.code, p.pesan])).toEqual([
      ["ARGUMEN_TIDAK_VALID", "folder --out berisi paket wilayah lain (33.27), bukan 35.09: pilih folder lain"],
    ]);
    expect(wilayahJson(fields, "{kode").problems.map((p) => p.code)).toEqual(["BERKAS_TIDAK_TERBACA"]);
  });
});
