/**
 * @module NGSI-LD query routes (ETSI GS CIM 009 clauses 6.4.3.2 query entities, 6.23 POST query, 6.18 and 6.19
 * temporal retrieval): parameters parsed into one entity query, the use-cases do the rest.
 */
import type { FastifyReply } from 'fastify';
import type { TypedApp } from '../../core/http/build-app.ts';
import { badRequest, notFound } from './errors.ts';
import { checkEntityId, parseNames, parseOptions } from './entity-model.ts';
import { loadEntity } from './entity-store.ts';
import { parseGeoQuery, type GeoQueryInput } from './geo-query.ts';
import { begin, readContext, sendDocuments, type NgsiRoutesDeps } from './http.ts';
import { checkPatterns, parseQuery } from './query-language.ts';
import { findEntities, pageOf, present, type EntityQuery, type EntitySelector } from './read-entities.ts';
import { Document, Documents, EntityIdParams, ldAnswer, ngsiProblems, PageQueryString, TemporalQueryString, EntityQueryString } from './schemas.ts';
import { parseTimeQuery, temporalAttributes } from './temporal.ts';

const tags = ['ngsi-ld'];
/** A feeder's key (ingest to write, read to read) or an operator's session. */
const security: Record<string, string[]>[] = [{ observatoryKey: [] }, { session: [] }];

interface QueryParams extends GeoQueryInput {
  id?: string | undefined;
  type?: string | undefined;
  idPattern?: string | undefined;
  q?: string | undefined;
  attrs?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function idPatternOf(pattern: string | undefined): string | undefined {
  if (pattern === undefined) return undefined;
  if (pattern.length === 0 || pattern.length > 256) throw badRequest('idPattern must be 1 to 256 characters.');
  return pattern;
}

/** One entity query from GET parameters (clause 6.4.3.2); at least one filter is needed (clause 5.7.2). */
export function entityQueryOf(params: QueryParams, required = true): EntityQuery {
  const ids = params.id?.split(',').map((id) => checkEntityId(id.trim(), 'id'));
  const types = parseNames(params.type?.replace(/\|/g, ','), 'type');
  const attrs = parseNames(params.attrs, 'attrs');
  const q = params.q === undefined ? undefined : parseQuery(params.q);
  if (q) checkPatterns(q);
  const geo = parseGeoQuery(params);
  const idPattern = idPatternOf(params.idPattern);
  if (required && !ids && !types && !attrs && !q && !geo && idPattern === undefined) throw badRequest('A query needs at least one of type, id, idPattern, attrs, q or a geo-query.');
  return { ids, types, attrs, q, geo, idPattern, ...pageOf(params.limit, params.offset) };
}

function withCount(reply: FastifyReply, count: boolean | undefined, n: number): void {
  if (count) void reply.header('NGSILD-Results-Count', String(n));
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, name: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badRequest(`${name} must be a text.`);
  return v;
};

/** The entity query of a POST /entityOperations/query body (clause 5.2.23 Query). */
function postedQuery(body: unknown, page: { limit?: number | undefined; offset?: number | undefined }): EntityQuery {
  if (!isObject(body) || body.type !== 'Query') throw badRequest('The body must be a Query: {"type": "Query", "entities": [...], "q": ...}.');
  const geoQ = body.geoQ === undefined ? undefined : isObject(body.geoQ) ? body.geoQ : (() => { throw badRequest('geoQ must be an object.'); })();
  let anyOf: EntitySelector[] | undefined;
  if (body.entities !== undefined) {
    if (!Array.isArray(body.entities) || body.entities.length === 0 || body.entities.length > 100) throw badRequest('entities must be a list of 1 to 100 selectors.');
    anyOf = body.entities.map((e: unknown) => {
      if (!isObject(e)) throw badRequest('Each of entities is an object with a type.');
      const one = entityQueryOf({ type: str(e.type, 'entities[].type'), id: str(e.id, 'entities[].id'), idPattern: str(e.idPattern, 'entities[].idPattern') }, false);
      return { types: one.types, ids: one.ids, idPattern: one.idPattern };
    });
  }
  const attrs = body.attrs === undefined ? undefined : Array.isArray(body.attrs) ? body.attrs.map((a) => str(a, 'attrs[]')).join(',') : undefined;
  const query = entityQueryOf(
    {
      q: str(body.q, 'q'),
      attrs,
      georel: geoQ ? str(geoQ.georel, 'geoQ.georel') : undefined,
      geometry: geoQ ? str(geoQ.geometry, 'geoQ.geometry') : undefined,
      coordinates: geoQ ? (Array.isArray(geoQ.coordinates) ? (geoQ.coordinates as unknown[]) : str(geoQ.coordinates, 'geoQ.coordinates')) : undefined,
      geoproperty: geoQ ? str(geoQ.geoproperty, 'geoQ.geoproperty') : undefined,
      ...page,
    },
    !anyOf,
  );
  if (anyOf) {
    const types = anyOf.every((s) => s.types) ? [...new Set(anyOf.flatMap((s) => s.types!))] : undefined;
    return { ...query, anyOf, types };
  }
  return query;
}

export function queryRoutes(app: TypedApp, deps: NgsiRoutesDeps): void {
  app.get('/entities', { schema: { tags, summary: 'Query entities (5.7.2)', operationId: 'ngsiLdQueryEntities', security, querystring: EntityQueryString, response: { 200: ldAnswer('the matching entities, one page', Documents), ...ngsiProblems } } }, async (request, reply) => {
    const tenant = await begin(deps, request, 'read');
    const context = readContext(request);
    const options = parseOptions(request.query.options, ['keyValues', 'sysAttrs', 'normalized', 'concise', 'count']);
    const query = entityQueryOf(request.query);
    const { entities, count } = await findEntities(deps.db, tenant, query);
    withCount(reply, request.query.count || options.has('count'), count);
    return sendDocuments(reply, request, present(entities, { keyValues: options.has('keyValues'), sysAttrs: options.has('sysAttrs'), ...(query.attrs ? { attrs: query.attrs } : {}) }), context);
  });

  app.post(
    '/entityOperations/query',
    { schema: { tags, summary: 'Query entities with a body (5.7.2)', operationId: 'ngsiLdQueryEntitiesPost', security, querystring: PageQueryString, body: Document, response: { 200: ldAnswer('the matching entities, one page', Documents), ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'read');
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json' && type !== 'application/ld+json') throw badRequest('The Content-Type must be application/json or application/ld+json.');
      const context = readContext(request);
      const options = parseOptions(request.query.options, ['keyValues', 'sysAttrs', 'normalized', 'concise', 'count']);
      const query = postedQuery(request.body, request.query);
      const { entities, count } = await findEntities(deps.db, tenant, query);
      withCount(reply, request.query.count, count);
      return sendDocuments(reply, request, present(entities, { keyValues: options.has('keyValues'), sysAttrs: options.has('sysAttrs'), ...(query.attrs ? { attrs: query.attrs } : {}) }), context);
    },
  );

  app.get(
    '/temporal/entities/:entityId',
    { schema: { tags, summary: 'Retrieve an entity over time (5.7.3)', operationId: 'ngsiLdRetrieveTemporal', security, params: EntityIdParams, querystring: TemporalQueryString, response: { 200: ldAnswer('the entity with its readings over time', Document), ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'read');
      const context = readContext(request);
      const options = parseOptions(request.query.options, ['temporalValues', 'aggregatedValues', 'sysAttrs']);
      const time = parseTimeQuery(request.query, options, parseNames(request.query.attrs, 'attrs'), false);
      const stored = await loadEntity(deps.db, tenant.id, request.params.entityId);
      if (!stored) throw notFound(`No entity ${request.params.entityId}.`);
      const attributes = await temporalAttributes(deps.db, stored.thingId, time);
      return sendDocuments(reply, request, { id: stored.entity.id, type: stored.entity.type, ...attributes }, context);
    },
  );

  app.get(
    '/temporal/entities',
    { schema: { tags, summary: 'Query entities over time (5.7.4)', operationId: 'ngsiLdQueryTemporal', security, querystring: TemporalQueryString, response: { 200: ldAnswer('the matching entities with their readings over time', Documents), ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'read');
      const context = readContext(request);
      const options = parseOptions(request.query.options, ['temporalValues', 'aggregatedValues', 'sysAttrs']);
      const attrs = parseNames(request.query.attrs, 'attrs');
      const time = parseTimeQuery(request.query, options, attrs, true);
      // attrs chooses the attributes shown over time, not the entities.
      const query = entityQueryOf({ ...request.query, attrs: undefined }, !attrs);
      const { entities, count } = await findEntities(deps.db, tenant, query);
      withCount(reply, request.query.count, count);
      const documents = [];
      for (const entity of entities) {
        const stored = await loadEntity(deps.db, tenant.id, entity.id);
        if (stored) documents.push({ id: entity.id, type: entity.type, ...(await temporalAttributes(deps.db, stored.thingId, time)) });
      }
      return sendDocuments(reply, request, documents, context);
    },
  );
}
