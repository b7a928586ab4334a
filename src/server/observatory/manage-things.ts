/**
 * @module The thing registry for operators: the list with each thing's health, one thing with its last readings and
 * its rejection counts, and adding or editing a thing (audited). Operators and admins only.
 */
import type { JsonValue } from '../audit/index.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { auditActor, recordAudit } from '../audit/index.ts';
import { communeAt, requireTerritoryRole } from '../territories/index.ts';
import { healthOf } from './health.ts';
import type { Thing, ThingBody, ThingDetail, ThingList, ThingListQuery, ThingPatch } from './schemas.ts';
import { entityIdOf, findThing, isKnownType, upsertThing } from './things.ts';
import type { ObservatoryThingsTable } from './tables.ts';
import type { Selectable } from 'kysely';

const STAFF = ['operator', 'admin'] as const;
type Row = Selectable<ObservatoryThingsTable>;

function present(row: Row, now: Date): Thing {
  return {
    id: row.id,
    entityId: row.entity_id,
    type: row.type,
    known: isKnownType(row.type),
    name: row.name,
    ownerService: row.owner_service,
    lat: row.lat,
    lon: row.lon,
    communeCode: row.commune_code,
    silentAfterSeconds: row.silent_after_seconds,
    lastSeenAt: row.last_seen_at,
    health: healthOf(row, now),
  };
}

export async function listThings(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, query: ThingListQuery): Promise<ThingList> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  const now = deps.clock.now();
  let select = deps.db.selectFrom('observatory_things').selectAll().where('territory_id', '=', territory.id);
  if (query.type) select = select.where('type', '=', query.type);
  const rows = await select.orderBy('type').orderBy('entity_id').execute();
  const all = rows.map((r) => present(r, now));
  const counts: Record<string, number> = { ok: 0, silent: 0, faulty: 0, unknown: 0 };
  for (const t of all) counts[t.health] = (counts[t.health] ?? 0) + 1;
  const items = (query.health ? all.filter((t) => t.health === query.health) : all).slice(0, query.limit ?? 1000);
  return { items, counts };
}

export async function getThing(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: { id: string }): Promise<ThingDetail> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  const row = await deps.db.selectFrom('observatory_things').selectAll().where('territory_id', '=', territory.id).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('Thing');
  const readings = await deps.db
    .selectFrom('observatory_readings')
    .select(['attribute', 'observed_at', 'value', 'text_value', 'unit_code', 'source'])
    .where('thing_id', '=', row.id)
    .orderBy('observed_at', 'desc')
    .limit(50)
    .execute();
  // Rejections are counted by the reference the device used: its entity id or its local id.
  const local = row.entity_id.slice(`urn:ngsi-ld:${row.type}:${territory.slug}:`.length);
  const refs = row.entity_id.startsWith(`urn:ngsi-ld:${row.type}:${territory.slug}:`) ? [row.entity_id, local] : [row.entity_id];
  const rejections = await deps.db
    .selectFrom('observatory_rejections')
    .select(['source', 'reason', 'n', 'last_at', 'last_sample'])
    .where('territory_id', '=', territory.id)
    .where('device_ref', 'in', refs)
    .orderBy('last_at', 'desc')
    .execute();
  return {
    ...present(row, deps.clock.now()),
    // Stored as JSON (jsonb): JSON values all the way down.
    attributes: row.attributes as Record<string, JsonValue>,
    readings: readings.map((r) => ({ attribute: r.attribute, observedAt: r.observed_at, value: r.value, textValue: r.text_value, unitCode: r.unit_code, source: r.source })),
    rejections: rejections.map((r) => ({ source: r.source, reason: r.reason, n: r.n, lastAt: r.last_at, lastSample: r.last_sample })),
  };
}

/** Adds a thing (its commune found from its place); the same local id and type again is a 409. Audited. */
export async function createThing(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: ThingBody): Promise<Thing> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  if ((input.lat === undefined) !== (input.lon === undefined)) throw new AppError('invalid', 'Send lat and lon together.', { field: input.lat === undefined ? '/lat' : '/lon' });
  const now = deps.clock.now();
  const entityId = entityIdOf(input.type, territory.slug, input.localId);
  return inUnitOfWork(deps, async ({ db }) => {
    if (await findThing(db, territory.id, entityId)) throw new AppError('conflict', `A thing ${entityId} exists already.`, { field: '/localId' });
    const commune = input.lat !== undefined && input.lon !== undefined ? await communeAt(db, territory.id, { lat: input.lat, lng: input.lon }, '/lat') : null;
    const row = await upsertThing(
      db,
      territory.id,
      { entityId, type: input.type, name: input.name ?? null, ownerService: input.ownerService ?? null, lat: input.lat ?? null, lon: input.lon ?? null, communeCode: commune, ...(input.silentAfterSeconds ? { silentAfterSeconds: input.silentAfterSeconds } : {}) },
      now,
    );
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.thing_created', subjectType: 'observatory_thing', subjectId: row.id, details: { entityId, type: input.type }, requestId, at: now });
    return present(row, now);
  });
}

/** Edits a thing's name, owner service, place or silence delay. Audited with the fields that changed. */
export async function updateThing(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: ThingPatch & { id: string }): Promise<Thing> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  if ((input.lat === undefined) !== (input.lon === undefined)) throw new AppError('invalid', 'Send lat and lon together.', { field: input.lat === undefined ? '/lat' : '/lon' });
  const now = deps.clock.now();
  return inUnitOfWork(deps, async ({ db }) => {
    const current = await db.selectFrom('observatory_things').selectAll().where('territory_id', '=', territory.id).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Thing');
    const next = {
      name: input.name === undefined ? current.name : input.name,
      owner_service: input.ownerService === undefined ? current.owner_service : input.ownerService,
      lat: input.lat ?? current.lat,
      lon: input.lon ?? current.lon,
      silent_after_seconds: input.silentAfterSeconds ?? current.silent_after_seconds,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
    if (changed.length === 0) return present(current, now);
    const moved = changed.includes('lat') || changed.includes('lon');
    const commune = moved && next.lat !== null && next.lon !== null ? await communeAt(db, territory.id, { lat: next.lat, lng: next.lon }, '/lat') : null;
    const row = await db
      .updateTable('observatory_things')
      .set({ ...next, ...(moved ? { commune_code: commune } : {}), modified_at: now })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.thing_updated', subjectType: 'observatory_thing', subjectId: input.id, details: { changed }, requestId, at: now });
    return present(row, now);
  });
}
