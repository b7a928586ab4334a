/**
 * @module The OpenAPI document, Maille's one HTTP contract: the session security scheme, the two request headers
 * every client must know, the statuses the global hooks send, and where the document and its reader are served.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { AppDeps } from './context.ts';
import { Problem, PROBLEM_MEDIA_TYPE } from './schemas.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './viewer.ts';

/** The header a mediator sends to act inside a session on behalf (mediation registers the hook that reads it). */
export const ACTING_FOR_HEADER_NAME = 'x-maille-acting-for';
/** Where the document and its human reader live; stable URLs. */
export const OPENAPI_JSON_URL = '/api/openapi.json';
export const OPENAPI_YAML_URL = '/api/openapi.yaml';
export const API_DOCS_URL = '/api/docs';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TERRITORY_PATH = /^\/api\/territories\/\{territory\}\//;

type Json = Record<string, unknown>;

/**
 * Statuses the global hooks may send on any route whatever its handler does, added to each route that declares
 * responses and lacks them: 400 (a URL that is not UTF-8, a bad query), 413 (a body over 64 KiB), 403 `csrf`
 * (a cookie-authenticated write without x-csrf-token, or another site's Origin), 429 (rate limit) and 500.
 */
export function globalStatuses(method: string): number[] {
  return WRITE_METHODS.has(method) ? [400, 403, 413, 429, 500] : [400, 429, 500];
}

const globalDescriptions: Record<number, string> = {
  400: 'Invalid request: a field, the query, the URL or the JSON body (`field` names it)',
  403: 'Forbidden, or a write refused by the CSRF guard (code `csrf`)',
  413: 'Request body larger than 64 KiB',
  429: 'Too many requests; the retry-after header says when to retry',
  500: 'Internal error; it has been logged under the requestId',
};

/** onRoute hook: completes a route's declared responses with the statuses the global hooks can send. */
export function addGlobalStatuses(route: RouteOptions): void {
  const schema = route.schema as (Json & { response?: Record<string, unknown>; hide?: boolean }) | undefined;
  if (!schema?.response || schema.hide) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const response = { ...schema.response };
  for (const method of methods)
    for (const status of globalStatuses(method)) {
      if (response[status] !== undefined || response[String(status)] !== undefined) continue;
      response[status] = {
        description: globalDescriptions[status],
        ...(status === 429 ? { headers: { 'retry-after': { type: 'integer', description: 'seconds before a retry makes sense' } } } : {}),
        content: { [PROBLEM_MEDIA_TYPE]: { schema: Problem } },
      };
    }
  route.schema = { ...schema, response };
}

/** Adds the reusable header parameters to the operations they apply to: CSRF on writes, acting-for on territory routes. */
export function attachHeaderParameters(document: Json): Json {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>;
  for (const [path, item] of Object.entries(paths))
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const parameters = ((operation.parameters ?? []) as Json[]).slice();
      if (WRITE_METHODS.has(method.toUpperCase())) parameters.push({ $ref: '#/components/parameters/CsrfToken' });
      if (TERRITORY_PATH.test(path)) parameters.push({ $ref: '#/components/parameters/ActingFor' });
      if (parameters.length > 0) operation.parameters = parameters;
    }
  return document;
}

function components(): Json {
  return {
    securitySchemes: {
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: `The session cookie set by POST /api/auth/sign-in (HttpOnly). Writes made with it also need the ${CSRF_HEADER} header.`,
      },
      localToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'The local administration routes (/api/local/*, embedded database only): the token of the data folder’s lock file, which only the account that runs Maille can read.',
      },
      observatoryKey: {
        type: 'http',
        scheme: 'bearer',
        description: 'Feeders and equipment of the observatory: a key an operator created for the territory (scopes ingest, read, command), shown once, revocable.',
      },
    },
    parameters: {
      CsrfToken: {
        name: CSRF_HEADER,
        in: 'header',
        required: false,
        description: `Required on every write authenticated by the session cookie: the value of the ${CSRF_COOKIE} cookie. A write without it answers 403 with code \`csrf\`; anonymous writes need none.`,
        schema: { type: 'string', minLength: 1 },
      },
      ActingFor: {
        name: ACTING_FOR_HEADER_NAME,
        in: 'header',
        required: false,
        description:
          'A mediator inside a session on behalf sends the session id: the request is then answered as the resident, and recorded in the audit log (mediation.acted). Refused with 403 (`not_your_session`, `session_expired`, `not_while_acting`, `no_consent`).',
        schema: { type: 'string', pattern: '^[0-9]{1,18}$' },
      },
    },
  };
}

/** Registers the OpenAPI generator; call before any route so every route is in the document. */
export async function registerOpenApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.addHook('onRoute', addGlobalStatuses);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Maille API',
        version: deps.version,
        description:
          'Maille: small gestures, collective capacity. Errors are RFC 9457 problem+json with a stable `code` and, where a capability has one, a typed `reason`. Signed-in operations use the `session` cookie; writes made with it need the x-csrf-token header.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/', description: 'this Maille' }],
      components: components(),
    },
    transformObject: (document) =>
      'openapiObject' in document ? (attachHeaderParameters(document.openapiObject as Json) as typeof document.openapiObject) : document.swaggerObject,
  });
}

/** Serves the document as JSON and YAML, and a reader for people (Swagger UI from node_modules, no CDN). */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  app.get(OPENAPI_JSON_URL, { schema: { hide: true } }, async () => app.swagger());
  app.get(OPENAPI_YAML_URL, { schema: { hide: true } }, async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(app.swagger({ yaml: true })));
  await app.register(fastifySwaggerUi, {
    routePrefix: API_DOCS_URL,
    // No validator badge: it would call a third-party service.
    validatorUrl: false,
    uiConfig: { deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0 },
  });
}
