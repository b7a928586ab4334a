// @vitest-environment node
/** @module Chart geometry: round axis tops, ticks, and step paths that stay inside the frame. */
import { describe, expect, it } from 'vitest';
import { niceCeiling, stepPath, ticks, yOf, type Frame } from './scale.ts';

const frame: Frame = { width: 100, height: 60, left: 10, right: 10, top: 5, bottom: 5 };

describe('niceCeiling', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(0.3)).toBeCloseTo(0.5);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(62)).toBe(100);
    expect(niceCeiling(21)).toBe(25);
    expect(niceCeiling(200)).toBe(200);
  });

  it('is never below the value (property over many values)', () => {
    for (let v = 0.01; v < 1e6; v *= 1.37) expect(niceCeiling(v)).toBeGreaterThanOrEqual(v);
  });
});

describe('ticks and positions', () => {
  it('spans 0 to the top', () => {
    expect(ticks(100, 4)).toEqual([0, 25, 50, 75, 100]);
  });

  it('puts 0 on the baseline and the top on the top edge, clamping outliers', () => {
    expect(yOf(frame, 10, 0)).toBe(55);
    expect(yOf(frame, 10, 10)).toBe(5);
    expect(yOf(frame, 10, 50)).toBe(5);
  });

  it('draws one horizontal step per value', () => {
    expect(stepPath(frame, 10, [0, 10])).toBe('M10 55 H50 V5 H90');
    expect(stepPath(frame, 10, [])).toBe('');
  });
});
