/**
 * @module Places people recognise, for a typed text or a click on the map. With the address API (GEOCODER_URL) the
 * territory's meeting points come first, then addresses inside the territory (the search leans towards the point
 * given, else the territory's middle); offline, communes and meeting points. Nothing typed is stored or logged.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { geocoderFor } from './choose-geocoder.ts';
import type { PlaceCandidate } from './geocoder.ts';
import type { LatLon } from './model.ts';
import { communeOfPoint, communePlaces, rankCandidates, searchMeetingPoints } from './offline-geocoder.ts';
import type { PointQuery, ReverseAnswer, SearchAnswer, SearchQuery } from './schemas.ts';

/** At most this many meeting points lead an address search, so addresses still show. */
const MEETING_POINTS_FIRST = 3;

function nearOf(input: { lat?: number | undefined; lon?: number | undefined }): LatLon | undefined {
  if (input.lat === undefined && input.lon === undefined) return undefined;
  if (input.lat === undefined || input.lon === undefined) {
    const missing = input.lat === undefined ? 'lat' : 'lon';
    throw new AppError('invalid', 'Give lat and lon together, or neither.', { field: `/query/${missing}`, reason: 'lat_and_lon' });
  }
  return { lat: input.lat, lon: input.lon };
}

const outside = (field: string) => new AppError('invalid', 'This place is outside the territory.', { field, reason: 'outside_territory' });

export async function searchPlaces(deps: Pick<Deps, 'db' | 'config'>, { territory }: RequestScope, input: SearchQuery): Promise<SearchAnswer> {
  const near = nearOf(input);
  const limit = input.limit ?? 8;
  const geocoder = geocoderFor(deps, territory.id);
  if (geocoder.source === 'offline') return { source: 'offline', items: await geocoder.search(input.q, { near, limit }) };
  const communes = await communePlaces(deps.db, territory.id);
  const middle = communes.length > 0 ? { lat: communes.reduce((s, c) => s + c.centre.lat, 0) / communes.length, lon: communes.reduce((s, c) => s + c.centre.lon, 0) / communes.length } : undefined;
  const codes = new Set(communes.map((c) => c.code));
  const [points, addresses] = await Promise.all([
    searchMeetingPoints(deps.db, territory.id, input.q),
    // Ask for more than shown: addresses outside the territory are dropped.
    geocoder.search(input.q, { near: near ?? middle, limit: Math.min(20, limit * 2) }),
  ]);
  const first = rankCandidates(points, near, Math.min(MEETING_POINTS_FIRST, limit));
  const inside: PlaceCandidate[] = addresses.filter((a) => a.communeCode !== null && codes.has(a.communeCode));
  return { source: 'ban', items: [...first, ...inside].slice(0, limit) };
}

/** The place a point on the map is at: the address API's nearest address when it lies in the territory, else the commune. */
export async function reversePlace(deps: Pick<Deps, 'db' | 'config'>, { territory }: RequestScope, input: PointQuery): Promise<ReverseAnswer> {
  const point = { lat: input.lat, lon: input.lon };
  const commune = await communeOfPoint(deps.db, territory.id, point);
  if (!commune) throw outside('/query/lat');
  const geocoder = geocoderFor(deps, territory.id);
  if (geocoder.source === 'ban') {
    const found = await geocoder.reverse(point);
    // The point stays where the person clicked; the address only names it.
    if (found && found.communeCode === commune.code) return { source: 'ban', place: { ...found, lat: point.lat, lon: point.lon } };
  }
  return { source: geocoder.source, place: { label: commune.name, lat: point.lat, lon: point.lon, communeCode: commune.code, kind: 'point' } };
}
