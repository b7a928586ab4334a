/**
 * @module The NGSI-LD routes' schemas. NGSI-LD documents are open-ended (any attribute name), so bodies are permissive
 * objects checked by the use-cases; every status each route sends is declared, errors as NGSI-LD ProblemDetails.
 */
import { JsonObject } from '../../audit/index.ts';
import { Type } from 'typebox';
import { PROBLEM_MEDIA_TYPE } from '../../core/http/schemas.ts';

export const NgsiProblem = Type.Object(
  {
    type: Type.String({ description: 'https://uri.etsi.org/ngsi-ld/errors/<ErrorType>, or https://maille.dev/problems/<code> for 401, 403, 413, 429' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'the NGSI-LD error type (BadRequestData …) or Maille code' }),
    requestId: Type.String(),
  },
  { additionalProperties: false, description: 'NGSI-LD ProblemDetails (ETSI GS CIM 009 clause 5.5.2, RFC 9457)' },
);

const statuses = {
  400: 'BadRequestData or InvalidRequest',
  401: 'No key or session, or a key without the scope',
  403: 'TooManyResults (limit over 1000), a session without the operator role, or the CSRF guard',
  404: 'ResourceNotFound, or NonexistentTenant',
  406: 'Accept allows neither application/json nor application/ld+json',
  409: 'AlreadyExists',
  413: 'Request body too large',
  415: 'Content-Type is neither application/json nor application/ld+json',
  422: 'OperationNotSupported',
  429: 'Too many requests',
  500: 'InternalError',
  503: 'LdContextNotAvailable: a @context Maille does not know (it never fetches one)',
} as const;

export const ngsiProblems = Object.fromEntries(
  Object.entries(statuses).map(([status, description]) => [status, { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: NgsiProblem } } }]),
) as unknown as Record<keyof typeof statuses, { description: string; content: Record<string, { schema: typeof NgsiProblem }> }>;

/** An NGSI-LD document (entity, fragment, subscription): members checked by the use-case. */
export const Document = JsonObject('an NGSI-LD document (ETSI GS CIM 009): any JSON members, as the standard leaves them open', 6);
export const Documents = Type.Array(Document, { maxItems: 1000 });

/** A 200 answer in JSON or JSON-LD. */
export function ldAnswer<S extends object>(description: string, schema: S) {
  return { description, content: { 'application/json': { schema }, 'application/ld+json': { schema } } };
}

export const NoBody = Type.Unsafe<void>({ type: 'null', description: 'no content' });

/** 207 of attribute operations (clause 5.2.18 UpdateResult). */
export const UpdateResult = Type.Object(
  {
    updated: Type.Array(Type.String()),
    notUpdated: Type.Array(Type.Object({ attributeName: Type.String(), reason: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

/** 207 of batch operations (clause 5.2.16 BatchOperationResult). */
export const BatchResult = Type.Object(
  {
    success: Type.Array(Type.String()),
    errors: Type.Array(Type.Object({ entityId: Type.String(), error: JsonObject('the problem details of this entity (type, title, detail)', 3) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const EntityIdParams = Type.Object({ entityId: Type.String({ minLength: 1, maxLength: 256 }) });
export const AttrParams = Type.Object({ entityId: Type.String({ minLength: 1, maxLength: 256 }), attrId: Type.String({ minLength: 1, maxLength: 256 }) });
export const SubscriptionParams = Type.Object({ subscriptionId: Type.String({ minLength: 1, maxLength: 256 }) });

const text = (description: string) => Type.Optional(Type.String({ maxLength: 4000, description }));

export const EntityQueryString = Type.Object(
  {
    id: text('comma list of entity ids'),
    type: text('comma list of types'),
    idPattern: text('regular expression on ids'),
    q: text('NGSI-LD query (clause 4.9)'),
    attrs: text('comma list of attribute names'),
    georel: text('near;maxDistance==<m>, near;minDistance==<m>, within, contains, intersects, equals, disjoint'),
    geometry: text('Point, Polygon, …'),
    coordinates: text('JSON coordinates'),
    geoproperty: text('the GeoProperty queried, location by default'),
    options: text('keyValues, sysAttrs (comma list)'),
    limit: Type.Optional(Type.Integer({ description: 'page size, at most 1000' })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
    count: Type.Optional(Type.Boolean({ description: 'send NGSILD-Results-Count' })),
  },
  { additionalProperties: true },
);

export const TemporalQueryString = Type.Object(
  {
    ...EntityQueryString.properties,
    timerel: text('before, after or between'),
    timeAt: text('ISO 8601 instant'),
    endTimeAt: text('ISO 8601 instant (between)'),
    timeproperty: text('observedAt'),
    lastN: Type.Optional(Type.Integer({ minimum: 1, description: 'the last N instances per attribute' })),
    aggrMethods: text('totalCount, sum, avg, min, max (comma list)'),
    aggrPeriodDuration: text('ISO 8601 duration, e.g. PT1H'),
  },
  { additionalProperties: true },
);

export const RetrieveQueryString = Type.Object({ attrs: text('comma list of attribute names'), options: text('keyValues, sysAttrs') }, { additionalProperties: true });
export const OptionsQueryString = Type.Object({ options: text('noOverwrite, update, replace') }, { additionalProperties: true });
export const PageQueryString = Type.Object(
  { limit: Type.Optional(Type.Integer()), offset: Type.Optional(Type.Integer({ minimum: 0 })), count: Type.Optional(Type.Boolean()), options: text('sysAttrs') },
  { additionalProperties: true },
);
