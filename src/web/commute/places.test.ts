// @vitest-environment node
/** @module Place helpers: commune centres and typed coordinates. */
import { describe, expect, it } from 'vitest';
import { bboxCentre, degreesText, parseDegrees } from './places.ts';

describe('bboxCentre', () => {
  it('takes the middle of the bounding box of a polygon or multipolygon', () => {
    expect(bboxCentre({ type: 'Polygon', coordinates: [[[5, 47], [5.2, 47], [5.2, 47.4], [5, 47]]] })).toEqual({ lat: 47.2, lng: 5.1 });
    const multi = { type: 'MultiPolygon', coordinates: [[[[4, 46], [4.5, 46], [4, 46.5], [4, 46]]], [[[5, 47], [6, 48], [5, 47]]]] };
    expect(bboxCentre(multi)).toEqual({ lat: 47, lng: 5 });
  });

  it('returns null for a geometry without coordinates', () => {
    expect(bboxCentre(null)).toBeNull();
    expect(bboxCentre({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});

describe('parseDegrees', () => {
  it('accepts a comma or a dot and checks the range', () => {
    expect(parseDegrees(' 47,3220 ', -90, 90)).toBe(47.322);
    expect(parseDegrees('-5.1', -180, 180)).toBe(-5.1);
    expect(parseDegrees('91', -90, 90)).toBeNull();
    expect(parseDegrees('47°N', -90, 90)).toBeNull();
    expect(parseDegrees('', -90, 90)).toBeNull();
  });

  it('writes degrees back with four decimals', () => {
    expect(degreesText(47.33929554)).toBe('47.3393');
  });
});
