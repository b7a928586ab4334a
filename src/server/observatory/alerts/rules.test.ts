// Alert rules and seasonal baselines: each rule kind fires exactly when its condition has held long enough,
// the baseline compares the same wall-clock time across a DST change, and the alert lifecycle has one rule.
import { describe, expect, it } from 'vitest';
import { deviation, median, seasonalBaseline, type Point } from './baseline.ts';
import { evaluateRule, nextStatus } from './rules.ts';

const MIN = 60_000;
const now = Date.parse('2026-12-07T10:00:00Z');
/** A reading every 15 minutes over the last `count` quarters, the newest at `now`. */
const quarters = (values: number[]): Point[] => values.map((value, i) => ({ at: now - (values.length - 1 - i) * 15 * MIN, value }));

describe('threshold held for a duration', () => {
  const rule = { kind: 'threshold', attribute: 'pm10', op: '>', value: 50, forMinutes: 60 } as const;

  it('fires once every reading of the last hour is over the threshold, and says since when', () => {
    // Over since the reading an hour ago (the one before it was under): held for 60 minutes.
    const series = quarters([40, 55, 60, 58, 52, 51]);
    const result = evaluateRule(rule, { series, lastSeen: now, now });
    expect(result).toEqual({ firing: true, since: now - 60 * MIN, observed: 51, expected: 50 });
  });

  it('does not fire for 45 minutes over, nor when one reading of the hour dipped under', () => {
    expect(evaluateRule(rule, { series: quarters([40, 40, 60, 58, 52]), lastSeen: now, now }).firing).toBe(false);
    expect(evaluateRule(rule, { series: quarters([55, 60, 49, 58, 52]), lastSeen: now, now }).firing).toBe(false);
  });

  it('does not fire on stale readings (that is the silence rule)', () => {
    const stale = quarters([55, 60, 58, 52, 51]).map((p) => ({ ...p, at: p.at - 2 * 60 * MIN }));
    expect(evaluateRule(rule, { series: stale, lastSeen: stale.at(-1)!.at, now }).firing).toBe(false);
  });
});

describe('rate of change', () => {
  it('fires on a rise of at least the change within the window, not on a fall', () => {
    const rise = { kind: 'rate', attribute: 'intensity', direction: 'rise', change: 300, withinMinutes: 30 } as const;
    expect(evaluateRule(rise, { series: quarters([100, 200, 350, 520]), lastSeen: now, now })).toMatchObject({ firing: true, observed: 320 });
    expect(evaluateRule(rise, { series: quarters([520, 350, 200]), lastSeen: now, now }).firing).toBe(false);
    const fall = { ...rise, direction: 'fall' } as const;
    expect(evaluateRule(fall, { series: quarters([520, 350, 200]), lastSeen: now, now })).toMatchObject({ firing: true, observed: -320 });
  });
});

describe('silence', () => {
  const rule = { kind: 'silence', minutes: 60 } as const;
  it('fires when nothing came for the rule’s minutes, or ever', () => {
    expect(evaluateRule(rule, { series: [], lastSeen: now - 61 * MIN, now })).toMatchObject({ firing: true, observed: 61, since: now - MIN });
    expect(evaluateRule(rule, { series: [], lastSeen: now - 59 * MIN, now }).firing).toBe(false);
    expect(evaluateRule(rule, { series: [], lastSeen: null, now }).firing).toBe(true);
  });
});

describe('seasonal baseline and anomalies', () => {
  /** Four past Mondays at 08:00 Paris reading 400 ± 10, one sample each. */
  const mondays = (at: string, values: number[]): Point[] => values.map((value, k) => ({ at: Date.parse(at) - (k + 1) * 7 * 24 * 60 * MIN, value }));

  it('is the median of the same weekday and time over past weeks, with its spread', () => {
    const at = Date.parse('2026-12-07T07:00:00Z'); // Monday 08:00 in Paris (winter)
    const base = seasonalBaseline(mondays('2026-12-07T07:00:00Z', [390, 400, 410, 405]), at);
    expect(base).toEqual({ median: 402.5, mad: 5, samples: 4, weeks: 4 });
    expect(median([3, 1, 2])).toBe(2);
  });

  it('compares 08:00 with 08:00 across the autumn clock change', () => {
    // Monday 2 November 2026, 08:00 Paris = 07:00 UTC; the Mondays before 25 October were at 06:00 UTC.
    const at = Date.parse('2026-11-02T07:00:00Z');
    const history: Point[] = [
      { at: Date.parse('2026-10-26T07:00:00Z'), value: 100 },
      { at: Date.parse('2026-10-19T06:00:00Z'), value: 100 },
      { at: Date.parse('2026-10-12T06:00:00Z'), value: 100 },
      { at: Date.parse('2026-10-12T07:00:00Z'), value: 900 }, // 09:00 that day: another time of day
    ];
    expect(seasonalBaseline(history, at)).toMatchObject({ median: 100, samples: 3 });
  });

  it('has no baseline with fewer past weeks than asked, and measures how far a reading is', () => {
    const at = Date.parse('2026-12-07T07:00:00Z');
    expect(seasonalBaseline(mondays('2026-12-07T07:00:00Z', [400, 410]), at)).toBeNull();
    const d = deviation(480, { median: 400, mad: 10, samples: 4, weeks: 4 });
    expect(d.difference).toBe(80);
    expect(d.relative).toBeCloseTo(0.2);
    expect(d.z).toBeCloseTo(80 / 20, 5); // spread: max(14.8, 5 % of 400 = 20)
  });

  it('fires the anomaly rule when the latest readings are far from their baseline', () => {
    const history: Point[] = [];
    for (let k = 1; k <= 4; k += 1) for (let q = 0; q < 5; q += 1) history.push({ at: now - k * 7 * 24 * 60 * MIN - q * 15 * MIN, value: 100 + k });
    const rule = { kind: 'anomaly', attribute: 'intensity', z: 4, forMinutes: 30 } as const;
    const calm = quarters([101, 103, 102]);
    expect(evaluateRule(rule, { series: calm, history: [...history, ...calm], lastSeen: now, now }).firing).toBe(false);
    const surge = quarters([101, 300, 320, 310]);
    const result = evaluateRule(rule, { series: surge, history: [...history, ...surge], lastSeen: now, now });
    expect(result.firing).toBe(true);
    expect(result.since).toBe(now - 30 * MIN);
    expect(result.expected).toBe(102.5);
    expect(result.observed!).toBeGreaterThan(4);
  });
});

describe('alert lifecycle', () => {
  it('opens on fire, is acknowledged once, resolves on clear or by hand, and reopens only when fired again', () => {
    expect(nextStatus(null, 'fire')).toBe('open');
    expect(nextStatus('open', 'fire')).toBeNull();
    expect(nextStatus('open', 'acknowledge')).toBe('acknowledged');
    expect(nextStatus('acknowledged', 'acknowledge')).toBeNull();
    expect(nextStatus('acknowledged', 'clear')).toBe('resolved');
    expect(nextStatus('open', 'resolve')).toBe('resolved');
    expect(nextStatus('resolved', 'acknowledge')).toBeNull();
    expect(nextStatus('resolved', 'fire')).toBe('open');
    expect(nextStatus(null, 'clear')).toBeNull();
  });
});
