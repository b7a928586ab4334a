// @vitest-environment node
/** @module Percent wording keeps small shares visible. */
import { describe, expect, it } from 'vitest';
import { guardedSum, percentText } from './share.ts';

const format = (value: number, digits = 0) => new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(value);

describe('percentText', () => {
  it('writes one decimal for ordinary shares and two below 1 %', () => {
    expect(percentText(0.1234, format)).toBe('12.3');
    expect(percentText(0.0003, format)).toBe('0.03');
    expect(percentText(0, format)).toBe('0');
  });

  it('never rounds a tiny non-zero share down to zero', () => {
    expect(percentText(0.00001, format)).toBe('< 0.01');
  });
});

describe('guardedSum', () => {
  const hidden = { suppressed: true as const, reason: 'small_group' as const, minGroup: 5 };

  it('adds shown figures', () => {
    expect(guardedSum([1.5, 2, 0])).toBe(3.5);
    expect(guardedSum([])).toBe(0);
  });

  it('is suppressed as soon as one figure is, never a partial sum', () => {
    expect(guardedSum([3, hidden, 4])).toEqual(hidden);
    expect(guardedSum([hidden, { ...hidden, minGroup: 10 }])).toEqual({ ...hidden, minGroup: 10 });
  });
});
