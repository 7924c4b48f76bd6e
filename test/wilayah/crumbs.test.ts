// The crumb rule on a hand-made topology: a tiny detached part goes to the neighbour it shares the longest
// border with; an islet (touching no other desa) and a part above the crumb area stay where they are.
import {describe, expect, it} from "vitest";
import {mergeCrumbs, type Part, type PartsTopology} from "../../scripts/wilayah/crumbs.ts";

const part = (kode_desa: string, kode_kec: string, luas_bagian: number, arcs: number[][]): Part => ({type: "Polygon", arcs, properties: {kode_desa, kode_kec, luas_bagian}});

// The crumb's arc 0 (≈ 110 m) borders desa B, its arc 1 (≈ 11 m) desa C; arcs 2, 4 and 5 belong to A alone.
const topology = (crumbArea: number): PartsTopology => ({
  arcs: [
    [[113.0, -8.0], [113.001, -8.0]],
    [[113.001, -8.0], [113.001, -8.0001]],
    [[113.001, -8.0001], [113.0, -8.0]],
    [[113.001, -8.0001], [113.002, -8.0]],
    [[113.1, -8.1], [113.2, -8.1]],
    [[113.3, -8.3], [113.3001, -8.3]],
    [[113.001, -8.0], [113.0, -7.999]],
  ],
  objects: {
    bagian: {
      type: "GeometryCollection",
      geometries: [
        part("35.09.01.2001", "35.09.01", 1e6, [[4]]),
        part("35.09.01.2001", "35.09.01", crumbArea, [[0, 1, 2]]),
        part("35.09.01.2001", "35.09.01", 5, [[5]]),
        part("35.09.02.2001", "35.09.02", 2e6, [[~0, 6]]),
        part("35.09.03.2001", "35.09.03", 3e6, [[~1, 3]]),
      ],
    },
  },
});

describe("crumbs", () => {
  it("goes to the neighbour with the longest shared border, taking its kecamatan; an islet is kept", () => {
    const {parts, crumbs} = mergeCrumbs(topology(80), "bagian", 20_000);
    expect(crumbs).toEqual([{kode_desa: "35.09.01.2001", luasM2: 80, ke: "35.09.02.2001", batasM: expect.closeTo(110.3, 0)}]);
    expect(parts.map((p) => p.properties.kode_desa)).toEqual(["35.09.01.2001", "35.09.02.2001", "35.09.01.2001", "35.09.02.2001", "35.09.03.2001"]);
    expect(parts[1].properties.kode_kec).toBe("35.09.02");
  });

  it("leaves a detached part above the crumb area (an exclave) and never edits its input", () => {
    const input = topology(150_000);
    const {parts, crumbs} = mergeCrumbs(input, "bagian", 20_000);
    expect(crumbs).toEqual([]);
    expect(parts.map((p) => p.properties.kode_desa)).toEqual(input.objects.bagian.geometries!.map((p) => p.properties.kode_desa));
    const crumbInput = topology(80);
    mergeCrumbs(crumbInput, "bagian", 20_000);
    expect(crumbInput.objects.bagian.geometries![1].properties.kode_desa).toBe("35.09.01.2001");
  });
});
