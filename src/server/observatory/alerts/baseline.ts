/**
 * @module Seasonal baselines and anomalies, pure. A sensor's baseline at an instant is what it read at the
 * same weekday and time of day (Paris wall clock, so a DST week compares 08:00 with 08:00) over the past
 * weeks: the median of those readings and their median absolute deviation. A reading is an anomaly when it
 * lies far from that median in robust standard deviations (1.4826 × MAD), and the answer says how far.
 */
import { localDate, localInstant } from '../../core/time-of-day.ts';

export interface Point {
  /** Epoch milliseconds. */
  at: number;
  value: number;
}

export interface Baseline {
  median: number;
  /** Median absolute deviation of the samples. */
  mad: number;
  /** How many past weeks gave a sample. */
  samples: number;
  weeks: number;
}

export interface BaselineOptions {
  /** Past weeks looked at (default 4). */
  weeks?: number;
  /** Half-width of the window around the same wall-clock time, minutes (default 30). */
  halfWindowMinutes?: number;
  /** Fewer samples than this: no baseline (default 3). */
  minSamples?: number;
  timeZone?: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function minutesOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The baseline at `at` from `history` (any order). For each past week k, the samples are the readings within
 * ±halfWindow of the same wall-clock time k weeks earlier; each week contributes its mean, so a sensor that
 * reports every minute does not outweigh one that reports hourly.
 */
export function seasonalBaseline(history: readonly Point[], at: number, options: BaselineOptions = {}): Baseline | null {
  const weeks = options.weeks ?? 4;
  const half = (options.halfWindowMinutes ?? 30) * 60_000;
  const minSamples = options.minSamples ?? 3;
  const timeZone = options.timeZone ?? 'Europe/Paris';
  const when = new Date(at);
  const date = localDate(when, timeZone);
  const minutes = minutesOfDay(when, timeZone);
  const weekMeans: number[] = [];
  for (let k = 1; k <= weeks; k += 1) {
    const centre = localInstant(addDays(date, -7 * k), minutes, timeZone).getTime();
    let sum = 0;
    let n = 0;
    for (const p of history) {
      if (p.at >= centre - half && p.at <= centre + half && Number.isFinite(p.value)) {
        sum += p.value;
        n += 1;
      }
    }
    if (n > 0) weekMeans.push(sum / n);
  }
  if (weekMeans.length < minSamples) return null;
  const m = median(weekMeans);
  return { median: m, mad: median(weekMeans.map((v) => Math.abs(v - m))), samples: weekMeans.length, weeks };
}

export interface Deviation {
  /** Robust z-score: (value − median) / (1.4826 × MAD), with a floor on the spread. */
  z: number;
  /** value − median, in the reading's unit. */
  difference: number;
  /** (value − median) / |median|, null when the median is 0. */
  relative: number | null;
}

/**
 * How far `value` lies from `baseline`. The spread has a floor (5 % of the median, at least `minSpread`) so a
 * sensor that read exactly the same four weeks running does not turn every small change into an anomaly.
 */
export function deviation(value: number, baseline: Baseline, minSpread = 1e-6): Deviation {
  const spread = Math.max(1.4826 * baseline.mad, 0.05 * Math.abs(baseline.median), minSpread);
  const difference = value - baseline.median;
  return { z: difference / spread, difference, relative: baseline.median === 0 ? null : difference / Math.abs(baseline.median) };
}
