/**
 * @module Which helpers hear about a new request (pure): those whose skills include its kind, who are available at some
 * hour of its window (weekday and time of day, Paris time) and whose radius covers its cell (great-circle distance
 * between the cells' centres), members of a community the requester is in first, then the nearest, at most N; never
 * the requester, never someone either of them blocked.
 */
import { cellToLatLng } from 'h3-js';
import type { AidKind, AidTime } from './tables.ts';

export interface HelperCandidate {
  userId: string;
  skills: readonly AidKind[];
  /** ISO weekdays (1 Monday … 7 Sunday) and times of day the helper is available; absent: any time. */
  weekdays?: readonly number[];
  times?: readonly AidTime[];
  radiusKm: number;
  homeCell: string;
  /** Shares an active community with the requester. */
  sharesCommunity: boolean;
}

export interface RankedHelper {
  userId: string;
  distanceKm: number;
  sharesCommunity: boolean;
}

const EARTH_KM = 6371.0088;

/** Great-circle distance in km between two H3 cells' centres. */
export function cellDistanceKm(a: string, b: string): number {
  if (a === b) return 0;
  const [lat1, lng1] = cellToLatLng(a);
  const [lat2, lng2] = cellToLatLng(b);
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A distance as shown to a helper: whole km above 2 km, half-km below, so it never pins a doorstep. */
export function roundedKm(km: number): number {
  return km >= 2 ? Math.round(km) : Math.round(km * 2) / 2;
}

/** Hours (Europe/Paris) that make each time of day: morning 8–12, afternoon 12–18, evening 18–22. */
export const TIME_HOURS: Record<AidTime, readonly [number, number]> = { morning: [8, 12], afternoon: [12, 18], evening: [18, 22] };

const parisParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The ISO weekday and hour of an instant in Paris. */
export function parisWeekdayHour(at: Date): { weekday: number; hour: number } {
  const parts = parisParts.formatToParts(at);
  return { weekday: WEEKDAY[parts.find((p) => p.type === 'weekday')?.value ?? 'Mon'] ?? 1, hour: Number(parts.find((p) => p.type === 'hour')?.value ?? 0) };
}

/**
 * Whether a helper available on `weekdays` at `times` can help at some hour of the window (checked hour by hour, at
 * most the first eight days: a longer window meets every weekly availability anyway).
 */
export function availableDuring(weekdays: readonly number[], times: readonly AidTime[], from: Date, to: Date): boolean {
  const end = Math.min(to.getTime(), from.getTime() + 8 * 86_400_000);
  for (let t = from.getTime(); t < end; t += 3_600_000) {
    const { weekday, hour } = parisWeekdayHour(new Date(t));
    if (weekdays.includes(weekday) && times.some((slot) => hour >= TIME_HOURS[slot][0] && hour < TIME_HOURS[slot][1])) return true;
  }
  return false;
}

export function rankHelpers(
  request: { kind: AidKind; cell: string; requesterId: string; window?: { from: Date; to: Date } },
  candidates: readonly HelperCandidate[],
  options: { limit: number; blocked: ReadonlySet<string> },
): RankedHelper[] {
  const suitable: RankedHelper[] = [];
  for (const c of candidates) {
    if (c.userId === request.requesterId || options.blocked.has(c.userId) || !c.skills.includes(request.kind)) continue;
    if (request.window && c.weekdays && c.times && !availableDuring(c.weekdays, c.times, request.window.from, request.window.to)) continue;
    const distanceKm = cellDistanceKm(c.homeCell, request.cell);
    if (distanceKm > c.radiusKm) continue;
    suitable.push({ userId: c.userId, distanceKm, sharesCommunity: c.sharesCommunity });
  }
  suitable.sort((a, b) => Number(b.sharesCommunity) - Number(a.sharesCommunity) || a.distanceKm - b.distanceKm || a.userId.localeCompare(b.userId));
  return suitable.slice(0, options.limit);
}
