/**
 * @module NGSI-LD entity reads (ETSI GS CIM 009 clauses 5.7.1 retrieve, 5.7.2 query): the indexed part of a query
 * (type, id, idPattern, the geo-query's box on the lat/lon index) runs in SQL, then `q`, the exact geo test and
 * `attrs` decide on each candidate; pagination with limit, offset and count.
 */
import type { Executor } from '../../core/database/schema.ts';
import type { Tenant } from './access.ts';
import { badRequest, NgsiError, notFound } from './errors.ts';
import { geometryOf, presentEntity, type EntityRecord, type Presentation } from './entity-model.ts';
import { entityOfRow, loadEntity, prefilterRows } from './entity-store.ts';
import type { GeoQuery } from './geo-query.ts';
import { evaluateQuery, type QueryNode } from './query-language.ts';

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 20;

export interface EntitySelector {
  types?: string[] | undefined;
  ids?: string[] | undefined;
  idPattern?: string | undefined;
}

export interface EntityQuery extends EntitySelector {
  q?: QueryNode | undefined;
  geo?: GeoQuery | undefined;
  attrs?: string[] | undefined;
  /** Several selectors (a POST query's entities): an entity matches one of them. */
  anyOf?: EntitySelector[] | undefined;
  limit: number;
  offset: number;
}

/** One entity (clause 5.7.1); ResourceNotFound when absent, or when `attrs` names none of its attributes. */
export async function retrieveEntity(db: Executor, tenant: Tenant, entityId: string, how: Presentation): Promise<Record<string, unknown>> {
  const stored = await loadEntity(db, tenant.id, entityId);
  if (!stored) throw notFound(`No entity ${entityId}.`);
  if (how.attrs && !how.attrs.some((name) => name in stored.entity.attributes)) throw notFound(`The entity ${entityId} has none of the attributes asked for.`);
  return presentEntity(stored.entity, how);
}

/** Checks limit and offset (clause 6.3.10): limit at most 1000, else TooManyResults. */
export function pageOf(limit: number | undefined, offset: number | undefined): { limit: number; offset: number } {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw badRequest('limit must be a whole number.');
  if (limit !== undefined && limit > MAX_LIMIT) throw new NgsiError('TooManyResults', `limit is at most ${MAX_LIMIT}.`);
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) throw badRequest('offset must be a whole number.');
  return { limit: limit ?? DEFAULT_LIMIT, offset: offset ?? 0 };
}

function matches(entity: EntityRecord, query: EntityQuery): boolean {
  if (query.anyOf && !query.anyOf.some((selector) => selects(selector, entity))) return false;
  if (query.attrs && !query.attrs.some((name) => name in entity.attributes)) return false;
  if (query.q && !evaluateQuery(query.q, entity.attributes)) return false;
  if (query.geo) {
    const geometry = geometryOf(entity.attributes[query.geo.geoproperty]);
    if (!geometry || !query.geo.test(geometry)) return false;
  }
  return true;
}

/** The entities matching `query`, in id order, one page of them, and how many match in all. */
export async function findEntities(db: Executor, tenant: Tenant, query: EntityQuery): Promise<{ entities: EntityRecord[]; count: number }> {
  let rows;
  try {
    rows = await prefilterRows(db, tenant.id, {
      types: query.types,
      ids: query.ids,
      idPattern: query.idPattern,
      bbox: query.geo?.geoproperty === 'location' ? query.geo.bbox : undefined,
      placed: query.geo?.geoproperty === 'location',
    });
  } catch (error) {
    // PostgreSQL refuses a malformed regular expression (invalid_regular_expression).
    if ((error as { code?: string }).code === '2201B') throw badRequest('idPattern is not a valid regular expression.');
    throw error;
  }
  const found: EntityRecord[] = [];
  for (const row of rows) {
    const { entity } = entityOfRow(row);
    if (matches(entity, query)) found.push(entity);
  }
  return { entities: found.slice(query.offset, query.offset + query.limit), count: found.length };
}

export function present(entities: EntityRecord[], how: Presentation): Record<string, unknown>[] {
  return entities.map((entity) => presentEntity(entity, how));
}

/** True when an entity matches a subscription's or a query's selector (type, id, idPattern as a JavaScript pattern). */
export function selects(selector: EntitySelector, entity: EntityRecord): boolean {
  if (selector.types && !selector.types.includes(entity.type)) return false;
  if (selector.ids && !selector.ids.includes(entity.id)) return false;
  if (selector.idPattern !== undefined) {
    try {
      if (!new RegExp(selector.idPattern).test(entity.id)) return false;
    } catch {
      return false;
    }
  }
  return true;
}
