/** @module Pure place rules: meeting point kinds, distances, and how typed text matches a place's name (accents and case aside). */

/** The kinds of public place people meet at. */
export const MEETING_POINT_KINDS = ['park_and_ride', 'tram_stop', 'bus_stop', 'car_park', 'station', 'other'] as const;
export type MeetingPointKind = (typeof MEETING_POINT_KINDS)[number];

/**
 * What a geocoder candidate is: an address's precision as the Base Adresse Nationale grades it (a house number, a
 * street, a locality, a commune), a meeting point, or a point chosen on the map.
 */
export const PLACE_KINDS = ['housenumber', 'street', 'locality', 'municipality', 'meeting_point', 'point'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_M = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distances shown to people: metres rounded to 10 m (closer than that means nothing for a meeting point). */
export function roundedDistanceM(a: LatLon, b: LatLon): number {
  return Math.round(distanceM(a, b) / 10) * 10;
}

/** "Saint-Apollinaire", "saint apollinaire", "ST APOLLINAIRE" → "saint apollinaire": lower case, no accents, words. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte');
}

/**
 * How well `name` answers the typed `query`, from 0 (not at all) to 1 (the same words): every word typed must start a
 * word of the name (autocomplete: "gare dij" finds « Gare de Dijon-Ville »); a name that starts with the query ranks
 * higher, then shorter names.
 */
export function matchScore(name: string, query: string): number {
  const q = foldText(query);
  const n = foldText(name);
  if (!q || !n) return 0;
  if (n === q) return 1;
  const words = n.split(' ');
  const typed = q.split(' ');
  if (!typed.every((t) => words.some((w) => w.startsWith(t)))) return 0;
  const starts = n.startsWith(q) ? 0.2 : 0;
  return Math.min(0.99, 0.6 + starts + 0.19 * Math.min(1, q.length / n.length));
}

/**
 * The smallest distance in metres from a point to the edges of a GeoJSON Polygon or MultiPolygon (Infinity for none),
 * measured on a plane tangent at the point: exact enough within a few kilometres.
 */
export function distanceToEdgesM(geometry: { type: string; coordinates?: unknown }, point: LatLon): number {
  const mPerLat = (Math.PI * EARTH_RADIUS_M) / 180;
  const mPerLon = mPerLat * Math.cos(rad(point.lat));
  const xy = (p: number[]) => [(p[0]! - point.lon) * mPerLon, (p[1]! - point.lat) * mPerLat] as const;
  let best = Infinity;
  const ring = (positions: number[][]) => {
    for (let i = 1; i < positions.length; i += 1) {
      const [ax, ay] = xy(positions[i - 1]!);
      const [bx, by] = xy(positions[i]!);
      const dx = bx - ax;
      const dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  };
  const visit = (value: unknown): void => {
    if (!Array.isArray(value) || value.length === 0) return;
    const first = value[0] as unknown;
    if (Array.isArray(first) && typeof first[0] === 'number') ring(value as number[][]);
    else for (const item of value) visit(item);
  };
  visit(geometry.coordinates);
  return best;
}
