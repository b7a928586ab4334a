/**
 * @module Green, orange and red zones, pure. A zone's colour comes from an indicator published by an
 * authority (e.g. new cases per 100,000 inhabitants over 7 days, the incidence French authorities used in
 * 2020) against thresholds an operator sets, and from cluster results: a commune inside a significant
 * cluster is at least orange. The answer keeps the figure, the thresholds and the reason, so anyone can
 * check the colour.
 */

export type ZoneColour = 'green' | 'orange' | 'red';

export interface ZoneThresholds {
  /** The indicator's value at or above which the zone is orange. */
  orange: number;
  /** At or above which it is red; must be ≥ orange. */
  red: number;
}

export interface DailyValue {
  /** YYYY-MM-DD. */
  day: string;
  value: number;
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * New cases per 100,000 inhabitants over the 7 days ending on `endDay` (inclusive). Null when a day of
 * the seven is missing (an incomplete week is not a low incidence) or the population is not positive.
 */
export function incidence7d(daily: readonly DailyValue[], population: number, endDay: string): number | null {
  if (!(population > 0)) return null;
  const byDay = new Map(daily.map((d) => [d.day, d.value]));
  let sum = 0;
  for (let i = 0; i < 7; i += 1) {
    const v = byDay.get(addDays(endDay, -i));
    if (v === undefined) return null;
    sum += v;
  }
  return (sum * 100_000) / population;
}

export function validThresholds(t: ZoneThresholds): boolean {
  return Number.isFinite(t.orange) && Number.isFinite(t.red) && t.orange >= 0 && t.red >= t.orange;
}

export type ZoneReason = 'indicator' | 'cluster' | 'no_data';

export interface Zone {
  colour: ZoneColour | null;
  /** The indicator's figure the colour was read from; null without data. */
  value: number | null;
  reason: ZoneReason;
}

/** The colour of one area: from its indicator value, raised to orange when inside a significant cluster. */
export function classifyZone(value: number | null, thresholds: ZoneThresholds, inCluster = false): Zone {
  if (!validThresholds(thresholds)) throw new RangeError('thresholds: red must be at or above orange, both non-negative');
  if (value === null) return inCluster ? { colour: 'orange', value: null, reason: 'cluster' } : { colour: null, value: null, reason: 'no_data' };
  const colour: ZoneColour = value >= thresholds.red ? 'red' : value >= thresholds.orange ? 'orange' : 'green';
  if (inCluster && colour === 'green') return { colour: 'orange', value, reason: 'cluster' };
  return { colour, value, reason: 'indicator' };
}

/** A rough centre of a commune's boundary (mean of its outer ring's vertices): where its colour and alert are pinned. */
export function boundaryCentre(boundary: unknown): { lat: number; lon: number } {
  const geometry = boundary as { type?: string; coordinates?: unknown };
  const ring = (geometry.type === 'MultiPolygon' ? (geometry.coordinates as number[][][][])[0]?.[0] : (geometry.coordinates as number[][][])?.[0]) ?? [];
  if (ring.length === 0) return { lat: 0, lon: 0 };
  let lat = 0;
  let lon = 0;
  for (const [x, y] of ring) {
    lon += x ?? 0;
    lat += y ?? 0;
  }
  return { lat: lat / ring.length, lon: lon / ring.length };
}
