// polylabel 2.x ships no types.
declare module "polylabel" {
  /** Pole of inaccessibility of a polygon given as rings of [x, y]; `distance` is its distance to the nearest edge. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & {distance: number};
}
