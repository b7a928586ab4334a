/**
 * @module Which helpers hear about a new request (pure): those whose skills include its kind and whose radius covers
 * its cell (great-circle distance between the cells' centres), members of a community the requester is in first,
 * then the nearest, at most N; never the requester, never someone either of them blocked.
 */
import { cellToLatLng } from 'h3-js';
import type { AidKind } from './tables.ts';

export interface HelperCandidate {
  userId: string;
  skills: readonly AidKind[];
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

export function rankHelpers(
  request: { kind: AidKind; cell: string; requesterId: string },
  candidates: readonly HelperCandidate[],
  options: { limit: number; blocked: ReadonlySet<string> },
): RankedHelper[] {
  const suitable: RankedHelper[] = [];
  for (const c of candidates) {
    if (c.userId === request.requesterId || options.blocked.has(c.userId) || !c.skills.includes(request.kind)) continue;
    const distanceKm = cellDistanceKm(c.homeCell, request.cell);
    if (distanceKm > c.radiusKm) continue;
    suitable.push({ userId: c.userId, distanceKm, sharesCommunity: c.sharesCommunity });
  }
  suitable.sort((a, b) => Number(b.sharesCommunity) - Number(a.sharesCommunity) || a.distanceKm - b.distanceKm || a.userId.localeCompare(b.userId));
  return suitable.slice(0, options.limit);
}
