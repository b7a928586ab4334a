/** @module Reading meeting points: the territory's list, one point, and the nearest ones to a point (for forms and, later, matches). */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { notFound } from '../core/errors.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { roundedDistanceM, type LatLon } from './model.ts';
import type { ListQuery, MeetingPoint, MeetingPointList, NearestAnswer, NearestQuery, NearMeetingPoint } from './schemas.ts';

function selectPoints(db: Executor, territoryId: string) {
  return db
    .selectFrom('meeting_points as p')
    .innerJoin('communes as c', (j) => j.onRef('c.territory_id', '=', 'p.territory_id').onRef('c.code', '=', 'p.commune_code'))
    .select(['p.id', 'p.name', 'p.kind', 'p.lat', 'p.lon', 'p.commune_code', 'c.name as commune_name', 'p.notes', 'p.active', 'p.gtfs_stop_id', 'p.updated_at'])
    .where('p.territory_id', '=', territoryId);
}

type PointRow = Awaited<ReturnType<ReturnType<typeof selectPoints>['executeTakeFirstOrThrow']>>;

function view(r: PointRow): MeetingPoint {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    lat: r.lat,
    lon: r.lon,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    notes: r.notes,
    active: r.active,
    gtfsStopId: r.gtfs_stop_id,
    updatedAt: r.updated_at,
  };
}

/** One meeting point of the territory (active or not), or null. */
export async function findMeetingPoint(db: Executor, territoryId: string, id: string): Promise<MeetingPoint | null> {
  const row = await selectPoints(db, territoryId).where('p.id', '=', id).executeTakeFirst();
  return row ? view(row) : null;
}

/** The territory's active meeting points by name; operators and admins may ask for the deactivated ones too. */
export async function listMeetingPoints({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: ListQuery): Promise<MeetingPointList> {
  if (input.includeInactive) await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  let query = selectPoints(db, territory.id);
  if (!input.includeInactive) query = query.where('p.active', '=', true);
  const rows = await query.orderBy('p.name').orderBy('p.id').execute();
  return { items: rows.map(view) };
}

export async function getMeetingPoint({ db }: Pick<Deps, 'db'>, { territory }: RequestScope, input: { id: string }): Promise<MeetingPoint> {
  const point = await findMeetingPoint(db, territory.id, input.id);
  if (!point) throw notFound('Meeting point');
  return point;
}

/**
 * The `limit` active meeting points nearest to a point, nearest first, each with its distance (rounded to 10 m).
 * The public function other capabilities call (a match proposing a meeting point near the passenger).
 * @example await nearestMeetingPoints(db, territory.id, { lat: 47.32, lon: 5.04 }, 3)
 */
export async function nearestMeetingPoints(db: Executor, territoryId: string, point: LatLon, limit: number): Promise<NearMeetingPoint[]> {
  // Ordered in SQL by the equirectangular distance (exact enough to rank within a territory), measured here on the sphere.
  const [lat, lon, scale] = [point.lat, point.lon, Math.cos((point.lat * Math.PI) / 180)].map((n) => sql.lit(Number.isFinite(n) ? n : 0));
  const rows = await selectPoints(db, territoryId)
    .where('p.active', '=', true)
    .orderBy(sql`(p.lat - ${lat}) * (p.lat - ${lat}) + ((p.lon - ${lon}) * ${scale}) * ((p.lon - ${lon}) * ${scale})`)
    .orderBy('p.id')
    .limit(Math.max(1, Math.min(100, Math.floor(limit))))
    .execute();
  return rows.map((r) => ({ ...view(r), distanceM: roundedDistanceM(point, r) }));
}

export async function listNearestMeetingPoints({ db }: Pick<Deps, 'db'>, { territory }: RequestScope, input: NearestQuery): Promise<NearestAnswer> {
  return { items: await nearestMeetingPoints(db, territory.id, { lat: input.lat, lon: input.lon }, input.limit ?? 5) };
}
