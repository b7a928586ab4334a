/**
 * @module Operators and admins create, edit, deactivate and offer again the territory's meeting points; each change is
 * audited (who, what changed). A point must fall in one of the territory's communes.
 */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { auditActor, recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { findMeetingPoint } from './meeting-points.ts';
import type { LatLon } from './model.ts';
import { communeOfPoint } from './offline-geocoder.ts';
import type { MeetingPoint, MeetingPointBody, MeetingPointPatch } from './schemas.ts';

const STAFF = ['operator', 'admin'] as const;

/** The commune code of a meeting point's place, or a 400 naming the field when it lies outside the territory. */
export async function communeFor(db: Executor, territoryId: string, point: LatLon, field: string): Promise<string> {
  const commune = await communeOfPoint(db, territoryId, point);
  if (!commune) throw new AppError('invalid', 'This place is outside the territory.', { field, reason: 'outside_territory' });
  return commune.code;
}

export async function createMeetingPoint(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: MeetingPointBody): Promise<MeetingPoint> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  const now = deps.clock.now();
  return inUnitOfWork(deps, async ({ db }) => {
    const communeCode = await communeFor(db, territory.id, input, '/lat');
    const row = await db
      .insertInto('meeting_points')
      .values({ territory_id: territory.id, name: input.name.trim(), kind: input.kind, lat: input.lat, lon: input.lon, commune_code: communeCode, notes: input.notes?.trim() || null, gtfs_stop_id: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'place.meeting_point_created', subjectType: 'meeting_point', subjectId: row.id, details: { name: input.name.trim(), kind: input.kind, commune: communeCode }, requestId, at: now });
    return (await findMeetingPoint(db, territory.id, row.id))!;
  });
}

export async function updateMeetingPoint(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: MeetingPointPatch & { id: string }): Promise<MeetingPoint> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  const now = deps.clock.now();
  return inUnitOfWork(deps, async ({ db }) => {
    const current = await db.selectFrom('meeting_points').selectAll().where('territory_id', '=', territory.id).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Meeting point');
    const next = {
      name: input.name === undefined ? current.name : input.name.trim(),
      kind: input.kind ?? current.kind,
      lat: input.lat ?? current.lat,
      lon: input.lon ?? current.lon,
      notes: input.notes === undefined ? current.notes : input.notes?.trim() || null,
      active: input.active ?? current.active,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
    if (changed.length === 0) return (await findMeetingPoint(db, territory.id, input.id))!;
    const moved = changed.includes('lat') || changed.includes('lon');
    const communeCode = moved ? await communeFor(db, territory.id, next, changed.includes('lat') ? '/lat' : '/lon') : current.commune_code;
    await db
      .updateTable('meeting_points')
      .set({ ...next, commune_code: communeCode, updated_at: now })
      .where('territory_id', '=', territory.id)
      .where('id', '=', input.id)
      .execute();
    const action = changed.includes('active') && !next.active ? 'place.meeting_point_deactivated' : 'place.meeting_point_updated';
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action, subjectType: 'meeting_point', subjectId: input.id, details: { changed }, requestId, at: now });
    return (await findMeetingPoint(db, territory.id, input.id))!;
  });
}
