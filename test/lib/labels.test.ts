// Map labels (src/lib/labels.ts): with 40+ places on a phone, names that would overlap or be cut at
// the map's edge are left out, most important first.
import {describe, expect, it} from "vitest";
import {placeLabels} from "../../src/lib/labels.ts";

const box = (x: number, y: number, priority = 0, width = 40, height = 10) => ({x, y, width, height, priority});

describe("placing place names on a map", () => {
  it("keeps every label that fits", () => {
    expect(placeLabels([box(30, 20), box(100, 20)], {width: 200, height: 100})).toEqual([{x: 30, y: 20}, {x: 100, y: 20}]);
  });
  it("drops the lower-priority one of two overlapping labels, whatever their order", () => {
    expect(placeLabels([box(50, 20, 1), box(60, 22, 5)], {width: 200, height: 100})).toEqual([null, {x: 60, y: 22}]);
  });
  it("moves a label at the edge inward instead of clipping it", () => {
    const [placed] = placeLabels([box(5, 50)], {width: 200, height: 100, inset: 2});
    expect(placed).toEqual({x: 22, y: 50});
  });
  it("drops a label wider than the map or whose anchor would end up outside it", () => {
    expect(placeLabels([box(50, 50, 0, 300)], {width: 200, height: 100})).toEqual([null]);
    expect(placeLabels([box(-30, 50)], {width: 200, height: 100})).toEqual([null]);
  });
  it("skips a label without a position", () => {
    expect(placeLabels([box(NaN, 10)], {width: 200, height: 100})).toEqual([null]);
  });
});
