/**
 * @module NGSI-LD entities over `observatory_things`: a thing row read as an entity and written back. The location
 * GeoProperty is kept whole among the attributes and its point (a geometry's bounding-box centre) in lat/lon, the
 * columns the geo-query index reads. Creating a thing goes through the registry's `upsertThing` (things.ts).
 */
import { sql } from 'kysely';
import type { Executor } from '../../core/database/schema.ts';
import { findThing, upsertThing } from '../things.ts';
import { NgsiError } from './errors.ts';
import { geometryOf, type Attributes, type EntityRecord } from './entity-model.ts';
import { representativePoint, type BBox } from './geometry.ts';

export interface ThingRow {
  id: string;
  entity_id: string;
  type: string;
  lat: number | null;
  lon: number | null;
  attributes: Record<string, unknown>;
  created_at: Date;
  modified_at: Date;
}

export interface StoredEntity {
  thingId: string;
  entity: EntityRecord;
}

/** The entity a thing row stands for; a thing placed by another path (lat/lon only) gets its location as a Point. */
export function entityOfRow(row: ThingRow): StoredEntity {
  const attributes = { ...(row.attributes as Attributes) };
  const location = attributes.location;
  if (row.lat !== null && row.lon !== null) {
    const point = { type: 'Point', coordinates: [row.lon, row.lat] };
    if (!location) attributes.location = { type: 'GeoProperty', value: point };
    else if (geometryOf(location)?.type === 'Point') attributes.location = { ...location, value: point };
  }
  return { thingId: String(row.id), entity: { id: row.entity_id, type: row.type, attributes, createdAt: new Date(row.created_at), modifiedAt: new Date(row.modified_at) } };
}

function placeOf(attributes: Attributes): { lat: number | null; lon: number | null } {
  const geometry = geometryOf(attributes.location);
  return geometry ? representativePoint(geometry) : { lat: null, lon: null };
}

function nameOf(attributes: Attributes): string | null {
  const value = attributes.name?.value;
  return typeof value === 'string' && value.trim().length > 0 ? value.trim().slice(0, 200) : null;
}

export async function loadEntity(db: Executor, territoryId: string, entityId: string): Promise<StoredEntity | undefined> {
  const row = await findThing(db, territoryId, entityId);
  return row ? entityOfRow(row) : undefined;
}

/** Locks and loads an entity inside a write's transaction. */
export async function lockEntity(db: Executor, territoryId: string, entityId: string): Promise<StoredEntity | undefined> {
  const row = await db.selectFrom('observatory_things').selectAll().where('territory_id', '=', territoryId).where('entity_id', '=', entityId).forUpdate().executeTakeFirst();
  return row ? entityOfRow(row) : undefined;
}

/** Creates the entity; AlreadyExists when its id is taken in the territory (the transaction then writes nothing). */
export async function insertEntity(db: Executor, territoryId: string, entity: EntityRecord, context: unknown, now: Date): Promise<StoredEntity> {
  const row = await upsertThing(db, territoryId, { entityId: entity.id, type: entity.type, ...placeOf(entity.attributes), name: nameOf(entity.attributes), attributes: entity.attributes }, now);
  if (!row.created) throw new NgsiError('AlreadyExists', `The entity ${entity.id} already exists.`);
  if (context !== null) await db.updateTable('observatory_things').set({ context: JSON.stringify(context) }).where('id', '=', row.id).execute();
  return entityOfRow(row);
}

/** Replaces the attributes of a stored entity (the caller merged them) and moves its modification time. */
export async function saveEntity(db: Executor, thingId: string, attributes: Attributes, now: Date): Promise<void> {
  await db
    .updateTable('observatory_things')
    .set({ attributes: JSON.stringify(attributes), ...placeOf(attributes), name: nameOf(attributes), modified_at: now })
    .where('id', '=', thingId)
    .execute();
}

/** Deletes an entity and its readings (its rollups go with it); false when there was none. */
export async function deleteEntity(db: Executor, territoryId: string, entityId: string): Promise<boolean> {
  const row = await db.deleteFrom('observatory_things').where('territory_id', '=', territoryId).where('entity_id', '=', entityId).returning('id').executeTakeFirst();
  if (!row) return false;
  await db.deleteFrom('observatory_readings').where('thing_id', '=', row.id).execute();
  return true;
}

export interface Prefilter {
  types?: readonly string[] | undefined;
  ids?: readonly string[] | undefined;
  /** A POSIX regular expression on the id, checked by PostgreSQL (linear time, no catastrophic backtracking). */
  idPattern?: string | undefined;
  /** Only things whose point lies in this box: the (territory_id, lat, lon) index answers it. */
  bbox?: BBox | undefined;
  /** Things placed somewhere (any geo-query). */
  placed?: boolean | undefined;
}

/** Rows matching the indexed part of a query, in id order. */
export async function prefilterRows(db: Executor, territoryId: string, filter: Prefilter): Promise<ThingRow[]> {
  let query = db
    .selectFrom('observatory_things')
    .select(['id', 'entity_id', 'type', 'lat', 'lon', 'attributes', 'created_at', 'modified_at'])
    .where('territory_id', '=', territoryId);
  if (filter.types) query = query.where('type', 'in', filter.types.length > 0 ? [...filter.types] : ['']);
  if (filter.ids) query = query.where('entity_id', 'in', filter.ids.length > 0 ? [...filter.ids] : ['']);
  if (filter.idPattern !== undefined) query = query.where(sql<boolean>`entity_id ~ ${filter.idPattern}`);
  if (filter.placed) query = query.where('lat', 'is not', null);
  if (!filter.bbox) return (await query.orderBy('entity_id').execute());
  const b = filter.bbox;
  // Areas and lines are indexed by their centre, which may lie outside the box while the shape reaches into it: the
  // few of them (a partial index, migration 0021) are always candidates, and the exact test decides. One statement.
  const inBox = query.where('lat', '>=', b.minLat).where('lat', '<=', b.maxLat).where('lon', '>=', b.minLon).where('lon', '<=', b.maxLon);
  const areas = query.where(sql<boolean>`attributes -> 'location' -> 'value' ->> 'type' in ('Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'MultiPoint')`);
  const rows = new Map<string, ThingRow>();
  for (const row of (await inBox.unionAll(areas).execute()) as ThingRow[]) rows.set(row.entity_id, row);
  return [...rows.values()].sort((x, y) => (x.entity_id < y.entity_id ? -1 : x.entity_id > y.entity_id ? 1 : 0));
}
