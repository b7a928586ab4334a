/**
 * @module NGSI-LD entity writes (ETSI GS CIM 009 clauses 5.6.1 to 5.6.6 and 5.6.17): create, merge-patch, append,
 * update, partial attribute update and deletes. Each write runs in one transaction; an attribute with `observedAt`
 * that the thing's type reads is also a reading, checked before anything is written and stored through
 * `ingestReadings` (source `ngsi-ld`) once the entity is.
 */
import type { Clock } from '../../core/clock.ts';
import type { Config } from '../../core/config.ts';
import type { Database } from '../../core/database/schema.ts';
import { ingestReadings, type ReadingInput } from '../ingest-readings.ts';
import { attributeSpec } from '../things.ts';
import { isRejection, validateReading } from '../validate-reading.ts';
import type { Tenant } from './access.ts';
import { badRequest, notFound } from './errors.ts';
import { isNullAttribute, mergeAttribute, normalizeAttribute, parseFragment, stamp, checkName, type Attributes, type EntityRecord } from './entity-model.ts';
import { deleteEntity, insertEntity, loadEntity, lockEntity, saveEntity } from './entity-store.ts';

export interface NgsiDeps {
  db: Database;
  clock: Clock;
  config: Pick<Config, 'observatoryLateDays'>;
}

/** What a write changed, for subscriptions: the entity after it and the attributes it touched. */
export interface Change {
  entity: EntityRecord;
  attributes: string[];
}

export interface NotUpdated {
  attributeName: string;
  reason: string;
}

/** The readings among these attributes: Properties with observedAt whose type Maille reads (or any, for a type it does not know). */
export function readingsOf(entity: EntityRecord, names: readonly string[]): ReadingInput[] {
  const readings: ReadingInput[] = [];
  for (const name of names) {
    const a = entity.attributes[name];
    if (!a || a.type !== 'Property' || typeof a.observedAt !== 'string') continue;
    const value = a.value;
    const short = typeof value === 'string' && value.length > 0 && value.length <= 64;
    if (typeof value !== 'number' && !short) continue;
    if (attributeSpec(entity.type, name) === null) continue;
    readings.push({ entityId: entity.id, attribute: name, observedAt: a.observedAt, value: value, ...(typeof a.unitCode === 'string' ? { unitCode: a.unitCode } : {}) });
  }
  return readings;
}

/** Refuses the whole write when one of its readings would be refused (wrong unit, in the future, a week late…). */
function checkReadings(deps: NgsiDeps, entity: EntityRecord, readings: ReadingInput[], now: Date): void {
  readings.forEach((reading, index) => {
    const outcome = validateReading(index, reading, { id: '0', entityId: entity.id, type: entity.type }, now, deps.config.observatoryLateDays);
    if (isRejection(outcome)) throw badRequest(`${reading.attribute}${outcome.field === '/value' || outcome.field === '/unitCode' || outcome.field === '/observedAt' ? outcome.field.replace('/', '.') : ''}: the reading is refused (${outcome.reason}).`);
  });
}

async function storeReadings(deps: NgsiDeps, tenant: Tenant, readings: ReadingInput[]): Promise<void> {
  if (readings.length > 0) await ingestReadings(deps, tenant, 'ngsi-ld', readings);
}

function stampAll(attributes: Attributes, previous: Attributes, now: Date): Attributes {
  return Object.fromEntries(Object.entries(attributes).map(([name, a]) => [name, stamp(a, previous[name], now)]));
}

/** Creates an entity (clause 5.6.1); AlreadyExists when its id is taken. */
export async function createEntity(deps: NgsiDeps, tenant: Tenant, body: unknown, context: unknown): Promise<Change> {
  const fragment = parseFragment(body, { id: true, type: true });
  const now = deps.clock.now();
  const entity: EntityRecord = { id: fragment.id!, type: fragment.type!, attributes: stampAll(fragment.attributes, {}, now), createdAt: now, modifiedAt: now };
  const readings = readingsOf(entity, Object.keys(entity.attributes));
  checkReadings(deps, entity, readings, now);
  const stored = await deps.db.transaction().execute((trx) => insertEntity(trx, tenant.id, entity, context, now));
  await storeReadings(deps, tenant, readings);
  return { entity: stored.entity, attributes: Object.keys(entity.attributes) };
}

interface Mutation<T> {
  attributes: Attributes;
  changed: string[];
  result: T;
}

/** Locks the entity, applies `mutate`, checks its readings, saves, then stores the readings. */
async function modify<T>(deps: NgsiDeps, tenant: Tenant, entityId: string, mutate: (entity: EntityRecord, now: Date) => Mutation<T>): Promise<{ result: T; change: Change | null }> {
  const now = deps.clock.now();
  const done = await deps.db.transaction().execute(async (trx) => {
    const stored = await lockEntity(trx, tenant.id, entityId);
    if (!stored) throw notFound(`No entity ${entityId}.`);
    const m = mutate(stored.entity, now);
    const entity: EntityRecord = { ...stored.entity, attributes: m.attributes, modifiedAt: m.changed.length > 0 ? now : stored.entity.modifiedAt };
    const readings = readingsOf(entity, m.changed);
    checkReadings(deps, entity, readings, now);
    if (m.changed.length > 0) await saveEntity(trx, stored.thingId, m.attributes, now);
    return { m, entity, readings };
  });
  await storeReadings(deps, tenant, done.readings);
  return { result: done.m.result, change: done.m.changed.length > 0 ? { entity: done.entity, attributes: done.m.changed } : null };
}

function checkSameEntity(body: unknown, entity: EntityRecord): void {
  const b = body as { id?: unknown; type?: unknown };
  if (b.id !== undefined && b.id !== entity.id) throw badRequest('The id in the body differs from the id in the URL.');
  if (b.type !== undefined && b.type !== entity.type && !(Array.isArray(b.type) && b.type.length === 1 && b.type[0] === entity.type)) throw badRequest('The type of an entity cannot change.');
}

/** Merge-patch of an entity (clause 5.6.17): attributes merged member by member, `urn:ngsi-ld:null` deletes. */
export function mergeEntity(deps: NgsiDeps, tenant: Tenant, entityId: string, body: unknown) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON object (an entity fragment).');
  return modify(deps, tenant, entityId, (entity, now) => {
    checkSameEntity(body, entity);
    const attributes = { ...entity.attributes };
    const changed: string[] = [];
    for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
      if (['id', 'type', '@context', 'createdAt', 'modifiedAt'].includes(name)) continue;
      checkName(name, 'The attribute');
      changed.push(name);
      if (isNullAttribute(raw)) {
        delete attributes[name];
        continue;
      }
      const previous = attributes[name];
      const fragment = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && previous && !('type' in raw) ? (raw as Record<string, unknown>) : normalizeAttribute(name, raw);
      const merged = previous ? normalizeAttribute(name, mergeAttribute(previous, fragment)) : normalizeAttribute(name, raw);
      attributes[name] = stamp(merged, previous, now);
    }
    return { attributes, changed, result: null };
  });
}

/** Appends attributes (clause 5.6.3); with noOverwrite an existing one is kept and reported. */
export function appendAttributes(deps: NgsiDeps, tenant: Tenant, entityId: string, body: unknown, noOverwrite: boolean) {
  const fragment = parseFragment(body, { id: false, type: false });
  return modify(deps, tenant, entityId, (entity, now) => {
    checkSameEntity(body, entity);
    const attributes = { ...entity.attributes };
    const updated: string[] = [];
    const notUpdated: NotUpdated[] = [];
    for (const [name, attribute] of Object.entries(fragment.attributes)) {
      if (noOverwrite && attributes[name]) {
        notUpdated.push({ attributeName: name, reason: 'The attribute exists and options=noOverwrite was given.' });
        continue;
      }
      attributes[name] = stamp(attribute, attributes[name], now);
      updated.push(name);
    }
    return { attributes, changed: updated, result: { updated, notUpdated } };
  });
}

/** Updates existing attributes (clause 5.6.2); an attribute the entity lacks is reported, not added. */
export function updateAttributes(deps: NgsiDeps, tenant: Tenant, entityId: string, body: unknown) {
  const fragment = parseFragment(body, { id: false, type: false });
  return modify(deps, tenant, entityId, (entity, now) => {
    checkSameEntity(body, entity);
    const attributes = { ...entity.attributes };
    const updated: string[] = [];
    const notUpdated: NotUpdated[] = [];
    for (const [name, attribute] of Object.entries(fragment.attributes)) {
      if (!attributes[name]) {
        notUpdated.push({ attributeName: name, reason: 'The entity has no such attribute.' });
        continue;
      }
      attributes[name] = stamp(attribute, attributes[name], now);
      updated.push(name);
    }
    return { attributes, changed: updated, result: { updated, notUpdated } };
  });
}

/** Partial update of one attribute (clause 5.6.4): the members sent replace the attribute's. */
export function patchAttribute(deps: NgsiDeps, tenant: Tenant, entityId: string, name: string, body: unknown) {
  checkName(name, 'The attribute');
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON object (an attribute fragment).');
  return modify(deps, tenant, entityId, (entity, now) => {
    const previous = entity.attributes[name];
    if (!previous) throw notFound(`The entity ${entityId} has no attribute ${name}.`);
    const merged = normalizeAttribute(name, mergeAttribute(previous, body as Record<string, unknown>));
    return { attributes: { ...entity.attributes, [name]: stamp(merged, previous, now) }, changed: [name], result: null };
  });
}

/** Deletes one attribute (clause 5.6.5). */
export function deleteAttribute(deps: NgsiDeps, tenant: Tenant, entityId: string, name: string) {
  return modify(deps, tenant, entityId, (entity) => {
    if (!entity.attributes[name]) throw notFound(`The entity ${entityId} has no attribute ${name}.`);
    const attributes = { ...entity.attributes };
    delete attributes[name];
    return { attributes, changed: [name], result: null };
  });
}

/** Deletes an entity (clause 5.6.6). */
export async function removeEntity(deps: Pick<NgsiDeps, 'db'>, tenant: Tenant, entityId: string): Promise<void> {
  if (!(await deleteEntity(deps.db, tenant.id, entityId))) throw notFound(`No entity ${entityId}.`);
}

/** Replaces an entity's attributes with the body's, or creates it (batch upsert without options=update). */
export async function replaceOrCreate(deps: NgsiDeps, tenant: Tenant, body: unknown, context: unknown, merge: boolean): Promise<{ created: boolean; change: Change }> {
  const fragment = parseFragment(body, { id: true, type: true });
  const existing = await loadEntity(deps.db, tenant.id, fragment.id!);
  if (!existing) return { created: true, change: await createEntity(deps, tenant, body, context) };
  if (existing.entity.type !== fragment.type) throw badRequest('The type of an entity cannot change.');
  const { change } = await modify(deps, tenant, fragment.id!, (entity, now) => {
    const base: Attributes = merge ? { ...entity.attributes } : {};
    for (const [name, attribute] of Object.entries(fragment.attributes)) base[name] = stamp(attribute, entity.attributes[name], now);
    const changed = [...new Set([...Object.keys(fragment.attributes), ...(merge ? [] : Object.keys(entity.attributes))])];
    return { attributes: base, changed, result: null };
  });
  return { created: false, change: change ?? { entity: existing.entity, attributes: [] } };
}
