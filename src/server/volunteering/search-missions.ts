/**
 * @module Search published missions (not hidden, of a public organisation) by distance from a commune or a point, day
 * range, skill, weekday and online / on site; nearest first when a place is given, else soonest first.
 */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { localDate } from '../core/time-of-day.ts';
import { addDays, MAX_RADIUS_KM, matchSearch, MIN_RADIUS_KM, nextOccurrence, scheduleOf, type LatLng, type SearchFilters, type Skill } from './model.ts';
import { communeNames, countsOf, missionSummary } from './view-mission.ts';
import type { MissionSearch } from './schemas.ts';

export interface SearchQuery {
  commune?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  radiusKm?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  skill?: Skill | undefined;
  weekday?: number[] | undefined;
  mode?: 'online' | 'on_site' | undefined;
  organisation?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The centre of a commune: the middle of its outline's bounding box. */
function centreOf(boundary: { type: string; coordinates?: unknown }): LatLng | null {
  let minLat = Infinity, maxLat = -Infinity, minLng = Infinity, maxLng = -Infinity;
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [lng, lat] = value as [number, number];
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
    } else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(boundary.coordinates);
  return Number.isFinite(minLat) ? { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 } : null;
}

async function origin(db: Executor, territoryId: string, q: SearchQuery): Promise<LatLng | null> {
  if (q.commune !== undefined) {
    const c = await db.selectFrom('communes').select('boundary').where('territory_id', '=', territoryId).where('code', '=', q.commune).executeTakeFirst();
    if (!c) throw invalid('/query/commune', 'No commune of this territory has this code.');
    return centreOf(c.boundary as { type: string; coordinates?: unknown });
  }
  if ((q.lat === undefined) !== (q.lng === undefined)) throw invalid(q.lat === undefined ? '/query/lat' : '/query/lng', 'Give both latitude and longitude.');
  return q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
}

export async function searchMissions(deps: Pick<Deps, 'db' | 'clock'>, { territory }: RequestScope, q: SearchQuery): Promise<MissionSearch> {
  const now = deps.clock.now();
  if (q.radiusKm !== undefined && !(q.radiusKm >= MIN_RADIUS_KM && q.radiusKm <= MAX_RADIUS_KM)) {
    throw new AppError('invalid', `The radius is from ${MIN_RADIUS_KM} to ${MAX_RADIUS_KM} km.`, { field: '/query/radiusKm', reason: 'radius_out_of_range' });
  }
  const point = await origin(deps.db, territory.id, q);
  if (q.radiusKm !== undefined && point === null) throw invalid('/query/radiusKm', 'A radius needs a commune or a point to measure from.');
  const today = localDate(now);
  const from = q.from ?? today;
  if (q.to !== undefined && q.to < from) throw invalid('/query/to', 'The end of the range comes after its start.');
  if (q.to !== undefined && q.to > addDays(from, 400)) throw invalid('/query/to', 'Search at most a year ahead.');
  const filters: SearchFilters = {
    from: from < today ? today : from,
    ...(q.to !== undefined ? { to: q.to } : {}),
    ...(point ? { near: { point, radiusKm: q.radiusKm ?? 10 } } : {}),
    ...(q.weekday && q.weekday.length > 0 ? { weekdays: q.weekday } : {}),
    ...(q.mode ? { mode: q.mode } : {}),
  };
  const rows = await deps.db
    .selectFrom('missions as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .selectAll('m')
    .select(['o.name as org_name', 'o.kind as org_kind'])
    .where('m.territory_id', '=', territory.id)
    .where('m.status', '=', 'published')
    .where('m.hidden_at', 'is', null)
    .where('o.status', '=', 'validated')
    .where('o.hidden_at', 'is', null)
    .$if(q.skill !== undefined, (qb) => qb.where(sql<boolean>`${q.skill!} = any(m.skills)`))
    .$if(q.organisation !== undefined, (qb) => qb.where('m.organisation_id', '=', q.organisation!))
    .orderBy('m.id')
    .limit(2000)
    .execute();
  const matched = rows
    .map((m) => {
      const hit = matchSearch({ schedule: scheduleOf(m), online: m.online, area: m.approx_lat !== null && m.approx_lng !== null ? { lat: m.approx_lat, lng: m.approx_lng } : null }, filters, now);
      return hit ? { m, distanceKm: hit.distanceKm, next: nextOccurrence(scheduleOf(m), now) } : null;
    })
    .filter((x) => x !== null);
  matched.sort((a, b) => {
    if (point && a.distanceKm !== b.distanceKm) return (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity);
    return (a.next?.getTime() ?? Infinity) - (b.next?.getTime() ?? Infinity) || Number(a.m.id) - Number(b.m.id);
  });
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const page = matched.slice(offset, offset + limit);
  const counts = await countsOf(deps.db, page.map((x) => x.m.id));
  const names = await communeNames(deps.db, territory.id);
  return {
    total: matched.length,
    items: page.map(({ m, distanceKm }) => ({
      ...missionSummary(m, { id: m.organisation_id, name: m.org_name, kind: m.org_kind }, m.commune_code ? (names.get(m.commune_code) ?? null) : null, counts.get(m.id)!, now),
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    })),
    origin: point,
  };
}
