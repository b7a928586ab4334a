/**
 * @module The thing registry's rules and storage: the FIWARE Smart Data Models types Maille understands, the
 * attributes and units it reads from each, and finding or upserting a thing by its NGSI-LD entity id.
 */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';

/** A numeric attribute: the unit codes accepted (UN/CEFACT common codes, the first is stored when none is sent) and its range. */
export interface NumberAttribute {
  kind: 'number';
  units: readonly string[];
  min?: number;
  max?: number;
  integer?: boolean;
}
/** A categorical attribute: the values accepted, or any short text when `values` is absent. */
export interface TextAttribute {
  kind: 'text';
  values?: readonly string[];
}
export type AttributeSpec = NumberAttribute | TextAttribute;

export interface ThingTypeSpec {
  attributes: Readonly<Record<string, AttributeSpec>>;
  /** Silent after this long without a reading (health), unless the thing says otherwise. */
  silentAfterSeconds: number;
}

const ratio: NumberAttribute = { kind: 'number', units: ['C62'], min: 0, max: 1 };
// µg/m³ is GQ in UN/CEFACT; concentrations of a city's air stay far below 10 g/m³.
const concentration: NumberAttribute = { kind: 'number', units: ['GQ'], min: 0, max: 10_000 };

/** What every thing may also report about itself (the Smart Data Models `Device` attributes). */
const DEVICE_ATTRIBUTES = {
  batteryLevel: ratio,
  deviceState: { kind: 'text' },
} as const satisfies Record<string, AttributeSpec>;

/**
 * The types Maille reads, with Smart Data Models attribute names (docs/observatory.md). Any other type a feeder
 * declares is kept and shown as "other": its attributes are stored as sent.
 */
export const THING_TYPES = {
  // Intensity: vehicles counted over the observation period (E50 as the feeders send it, or C62, a plain number).
  TrafficFlowObserved: {
    attributes: { intensity: { kind: 'number', units: ['E50', 'C62'], min: 0, max: 100_000 }, occupancy: ratio, averageVehicleSpeed: { kind: 'number', units: ['KMH'], min: 0, max: 300 }, ...DEVICE_ATTRIBUTES },
    silentAfterSeconds: 900,
  },
  AirQualityObserved: { attributes: { no2: concentration, pm10: concentration, pm25: concentration, o3: concentration, ...DEVICE_ATTRIBUTES }, silentAfterSeconds: 3600 },
  ParkingSpot: { attributes: { status: { kind: 'text', values: ['free', 'occupied', 'closed', 'unknown'] }, ...DEVICE_ATTRIBUTES }, silentAfterSeconds: 6 * 3600 },
  // Counts only, never an identity: a crowd counter reports how many, not who.
  CrowdFlowObserved: { attributes: { peopleCount: { kind: 'number', units: ['C62', 'IE'], min: 0, max: 1_000_000, integer: true }, ...DEVICE_ATTRIBUTES }, silentAfterSeconds: 900 },
  Streetlight: { attributes: { powerState: { kind: 'text', values: ['on', 'off', 'low', 'bootingUp'] }, dimmingLevel: ratio, ...DEVICE_ATTRIBUTES }, silentAfterSeconds: 24 * 3600 },
  TrafficLight: {
    attributes: { status: { kind: 'text', values: ['working', 'faulty', 'off', 'flashing'] }, phase: { kind: 'text', values: ['red', 'amber', 'green', 'flashing', 'off'] }, ...DEVICE_ATTRIBUTES },
    silentAfterSeconds: 3600,
  },
  Building: { attributes: { occupancy: { kind: 'text', values: ['occupied', 'empty', 'surveillance'] }, ...DEVICE_ATTRIBUTES }, silentAfterSeconds: 24 * 3600 },
  Device: { attributes: DEVICE_ATTRIBUTES, silentAfterSeconds: 3600 },
} as const satisfies Record<string, ThingTypeSpec>;

export type KnownThingType = keyof typeof THING_TYPES;
export const KNOWN_THING_TYPES = Object.keys(THING_TYPES) as KnownThingType[];
/** Silent after an hour for a type Maille does not know. */
export const DEFAULT_SILENT_AFTER_SECONDS = 3600;

export function isKnownType(type: string): type is KnownThingType {
  return Object.hasOwn(THING_TYPES, type);
}

/** The spec of `attribute` on a thing of `type`: null when Maille knows the type but not the attribute; `'any'` for an unknown type. */
export function attributeSpec(type: string, attribute: string): AttributeSpec | null | 'any' {
  if (!isKnownType(type)) return 'any';
  const attributes: Readonly<Record<string, AttributeSpec>> = THING_TYPES[type].attributes;
  return Object.hasOwn(attributes, attribute) ? attributes[attribute]! : null;
}

/** The NGSI-LD entity id of a thing: `urn:ngsi-ld:<Type>:<territory>:<local-id>`. */
export function entityIdOf(type: string, territorySlug: string, localId: string): string {
  return `urn:ngsi-ld:${type}:${territorySlug}:${localId}`;
}

/** The local id of an entity id built by `entityIdOf` (what an MQTT topic may name), or null for another shape. */
export function localIdOf(entityId: string, territorySlug: string): string | null {
  const m = /^urn:ngsi-ld:[^:]+:(.*)$/.exec(entityId);
  if (!m) return null;
  const prefix = `${territorySlug}:`;
  return m[1]!.startsWith(prefix) && m[1]!.length > prefix.length ? m[1]!.slice(prefix.length) : null;
}

/** The entity ids a reference may mean: itself when it is a URN, else the thing of each known type with this local id. */
export function candidateEntityIds(ref: string, territorySlug: string): string[] {
  if (ref.startsWith('urn:')) return [ref];
  return KNOWN_THING_TYPES.map((type) => entityIdOf(type, territorySlug, ref));
}

export interface ThingRef {
  id: string;
  entityId: string;
  type: string;
}

/**
 * Resolves references (entity ids, or local ids as an MQTT topic names them) to the territory's things; a
 * reference that matches no thing, or several, is absent from the map.
 */
export async function resolveThings(db: Executor, territory: { id: string; slug: string }, refs: Iterable<string>): Promise<Map<string, ThingRef>> {
  const unique = [...new Set(refs)];
  const found = new Map<string, ThingRef>();
  if (unique.length === 0) return found;
  const candidates = new Map<string, string>();
  for (const ref of unique) for (const c of candidateEntityIds(ref, territory.slug)) candidates.set(c, ref);
  const rows = await db
    .selectFrom('observatory_things')
    .select(['id', 'entity_id', 'type'])
    .where('territory_id', '=', territory.id)
    .where('entity_id', 'in', [...candidates.keys()])
    .execute();
  const ambiguous = new Set<string>();
  for (const row of rows) {
    const ref = candidates.get(row.entity_id)!;
    if (found.has(ref)) ambiguous.add(ref);
    found.set(ref, { id: row.id, entityId: row.entity_id, type: row.type });
  }
  // A local id of a type Maille does not know: its URN is matched by its ending.
  const missing = unique.filter((ref) => !ref.startsWith('urn:') && !found.has(ref));
  for (const ref of missing) {
    const like = `urn:ngsi-ld:%:${`${territory.slug}:${ref}`.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
    const matches = await db
      .selectFrom('observatory_things')
      .select(['id', 'entity_id', 'type'])
      .where('territory_id', '=', territory.id)
      .where(sql<boolean>`entity_id like ${like}`)
      .limit(2)
      .execute();
    if (matches.length === 1) found.set(ref, { id: matches[0]!.id, entityId: matches[0]!.entity_id, type: matches[0]!.type });
  }
  for (const ref of ambiguous) found.delete(ref);
  return found;
}

/** One thing by its entity id, or undefined. */
export async function findThing(db: Executor, territoryId: string, entityId: string) {
  return db.selectFrom('observatory_things').selectAll().where('territory_id', '=', territoryId).where('entity_id', '=', entityId).executeTakeFirst();
}

export interface ThingInput {
  entityId: string;
  type: string;
  name?: string | null;
  ownerService?: string | null;
  lat?: number | null;
  lon?: number | null;
  communeCode?: string | null;
  /** NGSI-LD normalized attributes (static values: brand, capacity…); merged over the stored ones. */
  attributes?: Record<string, unknown>;
  silentAfterSeconds?: number;
}

/**
 * Creates the thing, or updates the fields given of the one with this entity id (its type never changes: a
 * different type is a conflict the caller reports). Returns the row and whether it was created.
 */
export async function upsertThing(db: Executor, territoryId: string, input: ThingInput, now: Date) {
  const silent = input.silentAfterSeconds ?? (isKnownType(input.type) ? THING_TYPES[input.type].silentAfterSeconds : DEFAULT_SILENT_AFTER_SECONDS);
  const attributes = JSON.stringify(input.attributes ?? {});
  const row = await db
    .insertInto('observatory_things')
    .values({
      territory_id: territoryId,
      entity_id: input.entityId,
      type: input.type,
      name: input.name ?? null,
      owner_service: input.ownerService ?? null,
      lat: input.lat ?? null,
      lon: input.lon ?? null,
      commune_code: input.communeCode ?? null,
      attributes,
      silent_after_seconds: silent,
      created_at: now,
      modified_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['territory_id', 'entity_id']).doUpdateSet((eb) => ({
        ...(input.name !== undefined ? { name: eb.ref('excluded.name') } : {}),
        ...(input.ownerService !== undefined ? { owner_service: eb.ref('excluded.owner_service') } : {}),
        ...(input.lat !== undefined ? { lat: eb.ref('excluded.lat'), lon: eb.ref('excluded.lon') } : {}),
        ...(input.communeCode !== undefined ? { commune_code: eb.ref('excluded.commune_code') } : {}),
        ...(input.silentAfterSeconds !== undefined ? { silent_after_seconds: eb.ref('excluded.silent_after_seconds') } : {}),
        attributes: sql`observatory_things.attributes || excluded.attributes`,
        modified_at: now,
      })),
    )
    .returningAll()
    .returning(sql<boolean>`(xmax = 0)`.as('created'))
    .executeTakeFirstOrThrow();
  return row;
}
