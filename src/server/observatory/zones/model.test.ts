// Zones: the 7-day incidence per 100,000 from daily counts, the colour from an operator's thresholds,
// a significant cluster raising a green commune to orange, and no colour invented without data.
import { describe, expect, it } from 'vitest';
import { classifyZone, incidence7d } from './model.ts';

const week = (values: number[], end = '2026-12-07') =>
  values.map((value, i) => {
    const d = new Date(`${end}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - (values.length - 1 - i));
    return { day: d.toISOString().slice(0, 10), value };
  });

describe('incidence over 7 days', () => {
  it('sums the seven days ending on the day, per 100,000 inhabitants', () => {
    // 8 days given: the oldest is outside the window.
    expect(incidence7d(week([1000, 10, 20, 30, 40, 50, 60, 70]), 56_000, '2026-12-07')).toBeCloseTo((280 * 100_000) / 56_000, 9);
  });
  it('is unknown when a day is missing or the population is not positive', () => {
    expect(incidence7d(week([10, 20, 30, 40, 50, 60]), 56_000, '2026-12-07')).toBeNull();
    expect(incidence7d(week([1, 1, 1, 1, 1, 1, 1]), 0, '2026-12-07')).toBeNull();
  });
});

describe('classifyZone', () => {
  const t = { orange: 50, red: 150 };
  it('reads green, orange and red from the thresholds, inclusive', () => {
    expect(classifyZone(49.9, t)).toEqual({ colour: 'green', value: 49.9, reason: 'indicator' });
    expect(classifyZone(50, t).colour).toBe('orange');
    expect(classifyZone(150, t).colour).toBe('red');
  });
  it('raises a green commune inside a significant cluster to orange, and keeps red red', () => {
    expect(classifyZone(10, t, true)).toEqual({ colour: 'orange', value: 10, reason: 'cluster' });
    expect(classifyZone(200, t, true)).toEqual({ colour: 'red', value: 200, reason: 'indicator' });
    expect(classifyZone(null, t, true)).toEqual({ colour: 'orange', value: null, reason: 'cluster' });
  });
  it('gives no colour without data, and refuses thresholds in the wrong order', () => {
    expect(classifyZone(null, t)).toEqual({ colour: null, value: null, reason: 'no_data' });
    expect(() => classifyZone(10, { orange: 100, red: 50 })).toThrow(RangeError);
  });
});
