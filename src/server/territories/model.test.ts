// Pure territory rules: bounding boxes and role normalisation.
import { describe, expect, it } from 'vitest';
import { bboxOf, hasAnyRole, normaliseRoles } from './model.ts';

describe('bboxOf', () => {
  it('covers polygons and multipolygons', () => {
    const polygon = { type: 'Polygon', coordinates: [[[5, 47], [5.2, 47.1], [4.9, 47.3], [5, 47]]] };
    const multi = { type: 'MultiPolygon', coordinates: [[[[5.5, 46.9], [5.6, 47], [5.5, 46.9]]]] };
    expect(bboxOf([polygon, multi])).toEqual([4.9, 46.9, 5.6, 47.3]);
  });
});

describe('roles', () => {
  it('always keeps resident and orders roles', () => {
    expect(normaliseRoles(['admin', 'operator'])).toEqual(['resident', 'operator', 'admin']);
    expect(normaliseRoles([])).toEqual(['resident']);
  });

  it('matches any allowed role', () => {
    expect(hasAnyRole(['resident', 'operator'], ['operator', 'admin'])).toBe(true);
    expect(hasAnyRole(['resident'], ['operator', 'admin'])).toBe(false);
  });
});
