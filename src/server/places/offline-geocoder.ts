/**
 * @module The offline adapter of the geocoding port, Maille's default: it searches the territory's communes and its
 * active meeting points by name (accents and case aside, every typed word starting a word of the name), and takes a
 * point clicked on the map back to the commune it falls in (or one within a kilometre of its edge, for a click just
 * across a river or a border line). It needs no network and sends nothing anywhere.
 */
import type { Executor } from '../core/database/schema.ts';
import { geometryContains } from '../core/geo.ts';
import { territoryCommunes } from '../territories/index.ts';
import type { Geocoder, PlaceCandidate } from './geocoder.ts';
import { distanceM, distanceToEdgesM, matchScore, type LatLon } from './model.ts';

interface CommunePlace {
  code: string;
  name: string;
  boundary: { type: string; coordinates?: unknown };
  centre: LatLon;
}

/** How far outside every commune a click may be and still be taken to the nearest one. */
export const REVERSE_SNAP_M = 1000;

/** The territory's communes (territories keeps them, cached), their centres as places write points. */
export async function communePlaces(db: Executor, territoryId: string): Promise<CommunePlace[]> {
  return (await territoryCommunes(db, territoryId)).map((c) => ({ code: c.code, name: c.name, boundary: c.boundary, centre: { lat: c.centre.lat, lon: c.centre.lng } }));
}

/** The commune a point is in, or the nearest one within REVERSE_SNAP_M of its edge; null when none is. */
export async function communeOfPoint(db: Executor, territoryId: string, point: LatLon): Promise<CommunePlace | null> {
  const communes = await communePlaces(db, territoryId);
  const inside = communes.find((c) => geometryContains(c.boundary, { lat: point.lat, lng: point.lon }));
  if (inside) return inside;
  let best: { commune: CommunePlace; m: number } | null = null;
  for (const commune of communes) {
    const m = distanceToEdgesM(commune.boundary, point);
    if (m <= REVERSE_SNAP_M && (!best || m < best.m)) best = { commune, m };
  }
  return best?.commune ?? null;
}

/** The territory's active meeting points matching the text, as candidates. */
export async function searchMeetingPoints(db: Executor, territoryId: string, text: string): Promise<PlaceCandidate[]> {
  const points = await db
    .selectFrom('meeting_points')
    .select(['id', 'name', 'lat', 'lon', 'commune_code'])
    .where('territory_id', '=', territoryId)
    .where('active', '=', true)
    .execute();
  return points
    .map((p) => ({ label: p.name, lat: p.lat, lon: p.lon, communeCode: p.commune_code, kind: 'meeting_point' as const, meetingPointId: p.id, score: matchScore(p.name, text) }))
    .filter((c) => c.score > 0);
}

/** Best first: score, then nearness to `near`, then the label. */
export function rankCandidates(candidates: PlaceCandidate[], near: LatLon | undefined, limit: number): PlaceCandidate[] {
  const distance = (c: PlaceCandidate) => (near ? distanceM(near, c) : 0);
  return [...candidates]
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || distance(a) - distance(b) || a.label.localeCompare(b.label, 'fr'))
    .slice(0, limit);
}

export function offlineGeocoder(db: Executor, territoryId: string): Geocoder {
  return {
    source: 'offline',
    async search(text, { near, limit }) {
      const [communes, points] = await Promise.all([communePlaces(db, territoryId), searchMeetingPoints(db, territoryId, text)]);
      const towns: PlaceCandidate[] = communes
        .map((c) => ({ label: c.name, lat: c.centre.lat, lon: c.centre.lon, communeCode: c.code, kind: 'municipality' as const, score: matchScore(c.name, text) }))
        .filter((c) => c.score > 0);
      return rankCandidates([...towns, ...points], near, limit);
    },
    async reverse(point) {
      const commune = await communeOfPoint(db, territoryId, point);
      return commune ? { label: commune.name, lat: point.lat, lon: point.lon, communeCode: commune.code, kind: 'point' } : null;
    },
  };
}
