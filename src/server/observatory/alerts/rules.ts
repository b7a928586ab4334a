/**
 * @module Alert rules, pure: thresholds held for a duration ("PM10 over 50 µg/m³ for an hour"), rates of
 * change, silence, and anomalies against the seasonal baseline. `evaluateRule` looks at one thing's series
 * and says whether the rule fires now, since when, and why, in figures a person can check.
 */
import { deviation, seasonalBaseline, type BaselineOptions, type Point } from './baseline.ts';

export type Comparison = '>' | '>=' | '<' | '<=';

export type AlertRule =
  | { kind: 'threshold'; attribute: string; op: Comparison; value: number; forMinutes: number }
  | { kind: 'rate'; attribute: string; direction: 'rise' | 'fall'; change: number; withinMinutes: number }
  | { kind: 'silence'; minutes: number }
  | { kind: 'anomaly'; attribute: string; z: number; forMinutes: number };

export interface RuleEvaluation {
  firing: boolean;
  /** When the condition started to hold (epoch ms), when firing. */
  since: number | null;
  /** The figure compared: the latest value, the change, the silence in minutes or the z-score. */
  observed: number | null;
  /** For anomalies: the baseline's median the reading was compared with. */
  expected: number | null;
}

const quiet: RuleEvaluation = { firing: false, since: null, observed: null, expected: null };

export function compare(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '>': return a > b;
    case '>=': return a >= b;
    case '<': return a < b;
    case '<=': return a <= b;
  }
}

/**
 * The start of the run of consecutive latest points that satisfy `holds`, or null when the latest does not.
 * `points` are sorted by time.
 */
function runStart(points: readonly Point[], holds: (p: Point) => boolean): number | null {
  let start: number | null = null;
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const p = points[i]!;
    if (!holds(p)) break;
    start = p.at;
  }
  return start;
}

/** Readings older than this when the rule is evaluated no longer count as "now" (a silent sensor is the silence rule's business). */
export const STALE_AFTER_MINUTES = 30;

/**
 * Evaluates `rule` at `now` over `series` (the thing's readings of the rule's attribute, sorted by time) and
 * `lastSeen` (the thing's last reading of any attribute, for silence). `history` feeds the anomaly baseline.
 */
export function evaluateRule(
  rule: AlertRule,
  input: { series: readonly Point[]; lastSeen: number | null; now: number; history?: readonly Point[]; baseline?: BaselineOptions },
): RuleEvaluation {
  const { series, now } = input;
  if (rule.kind === 'silence') {
    if (input.lastSeen === null) return { firing: true, since: null, observed: null, expected: rule.minutes };
    const silentMinutes = (now - input.lastSeen) / 60_000;
    return silentMinutes >= rule.minutes
      ? { firing: true, since: input.lastSeen + rule.minutes * 60_000, observed: Math.floor(silentMinutes), expected: rule.minutes }
      : { ...quiet, observed: Math.floor(silentMinutes), expected: rule.minutes };
  }
  const latest = series[series.length - 1];
  if (!latest || now - latest.at > STALE_AFTER_MINUTES * 60_000) return quiet;

  if (rule.kind === 'threshold') {
    const start = runStart(series, (p) => compare(p.value, rule.op, rule.value));
    const firing = start !== null && now - start >= rule.forMinutes * 60_000;
    return { firing, since: firing ? start : null, observed: latest.value, expected: rule.value };
  }
  if (rule.kind === 'rate') {
    const window = series.filter((p) => p.at >= now - rule.withinMinutes * 60_000);
    const first = window[0];
    if (!first || window.length < 2) return { ...quiet, observed: 0 };
    const change = latest.value - first.value;
    const firing = rule.direction === 'rise' ? change >= rule.change : -change >= rule.change;
    return { firing, since: firing ? first.at : null, observed: change, expected: rule.change };
  }
  // Anomaly: each recent point against its own baseline; the run of points beyond |z| must last forMinutes.
  const history = input.history ?? series;
  let lastZ: number | null = null;
  let lastExpected: number | null = null;
  const start = runStart(series, (p) => {
    if (now - p.at > Math.max(rule.forMinutes, STALE_AFTER_MINUTES) * 60_000 + 60_000) return false;
    const base = seasonalBaseline(history, p.at, input.baseline);
    if (!base) return false;
    const d = deviation(p.value, base);
    if (p === latest) {
      lastZ = d.z;
      lastExpected = base.median;
    }
    return Math.abs(d.z) >= rule.z;
  });
  const firing = start !== null && now - start >= rule.forMinutes * 60_000;
  return { firing, since: firing ? start : null, observed: lastZ, expected: lastExpected };
}

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/**
 * The one transition rule of an alert: a firing rule opens an alert when none is open; an operator
 * acknowledges an open one; it resolves when an operator says so or when the condition has cleared.
 * Returns the new status, or null when nothing changes.
 */
export function nextStatus(current: AlertStatus | null, event: 'fire' | 'clear' | 'acknowledge' | 'resolve'): AlertStatus | null {
  if (current === null || current === 'resolved') return event === 'fire' ? 'open' : null;
  if (event === 'acknowledge') return current === 'open' ? 'acknowledged' : null;
  if (event === 'resolve' || event === 'clear') return 'resolved';
  return null;
}
