// Geography helpers: H3 cells at the place resolution and point-in-polygon with holes.
import { describe, expect, it } from 'vitest';
import { cellCenter, geometryContains, isPlaceCell, toCell } from './geo.ts';

describe('geo', () => {
  it('keeps places as resolution-9 cells whose centre is within ~200 m of the point', () => {
    const point = { lat: 47.3216, lng: 5.0415 };
    const cell = toCell(point);
    expect(isPlaceCell(cell)).toBe(true);
    const c = cellCenter(cell);
    expect(Math.abs(c.lat - point.lat)).toBeLessThan(0.002);
    expect(Math.abs(c.lng - point.lng)).toBeLessThan(0.003);
    expect(isPlaceCell('nonsense')).toBe(false);
  });

  it('finds points inside polygons, outside holes, and in any part of a multipolygon', () => {
    const square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]];
    const polygon = { type: 'Polygon', coordinates: [square, hole] };
    expect(geometryContains(polygon, { lat: 2, lng: 2 })).toBe(true);
    expect(geometryContains(polygon, { lat: 5, lng: 5 })).toBe(false);
    expect(geometryContains(polygon, { lat: 11, lng: 2 })).toBe(false);
    const multi = { type: 'MultiPolygon', coordinates: [[square], [[[20, 20], [30, 20], [30, 30], [20, 20]]]] };
    expect(geometryContains(multi, { lat: 22, lng: 25 })).toBe(true);
  });
});
