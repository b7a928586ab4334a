/**
 * @module The response check: every answer is validated against the schema its route declares for that status and
 * media type, before serialization strips or coerces anything. An undeclared status, a missing required field or a
 * wrong type is a violation: the answer becomes a 500 problem naming it, and the violation is kept for the test
 * harness (test/support/response-check.ts fails the test). On in tests (MAILLE_CHECK_RESPONSES=1), off in production.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { makeAjv } from './validation.ts';

export interface ResponseViolation {
  /** `GET /api/territories/:territory` */
  route: string;
  url: string;
  status: number;
  mediaType: string;
  problem: string;
}

/** Violations seen in this process since the last take; the test harness drains it after each test. */
const violations: ResponseViolation[] = [];

export function takeResponseViolations(): ResponseViolation[] {
  return violations.splice(0, violations.length);
}

export function describeViolation(v: ResponseViolation): string {
  return `${v.route} answered ${v.status} ${v.mediaType} (${v.url}) that does not match its declared response: ${v.problem}`;
}

// Strict: no coercion, no defaults, every error named.
const ajv = makeAjv({ coerceTypes: false, useDefaults: false, allErrors: true, removeAdditional: false });

type Check = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: unknown }[] | null };

interface Declared {
  /** Per status: per media type, a check, or null when the status is declared without a body. */
  statuses: Map<string, Map<string, Check | null> | null>;
}

/** Where a route's compiled responses live: route config survives Fastify's copy into the request's routeOptions. */
const DECLARED = 'maille:declared-responses';
const checked = new WeakSet<FastifyRequest>();

function compileResponses(response: Record<string, unknown>): Declared {
  const statuses = new Map<string, Map<string, Check | null> | null>();
  for (const [status, declared] of Object.entries(response)) {
    const d = declared as { content?: Record<string, { schema: object }>; type?: string };
    if (d.content) {
      const media = new Map<string, Check | null>();
      for (const [type, { schema }] of Object.entries(d.content)) media.set(type, ajv.compile(schema) as Check);
      statuses.set(status.toLowerCase(), media);
    } else if (d.type === 'null') statuses.set(status.toLowerCase(), null);
    else statuses.set(status.toLowerCase(), new Map([['application/json', ajv.compile(declared as object) as Check]]));
  }
  return { statuses };
}

function declaredOf(request: FastifyRequest): Declared | undefined {
  return (request.routeOptions.config as unknown as Record<string, Declared | undefined>)[DECLARED];
}

function statusEntry(declared: Declared, status: number) {
  const exact = declared.statuses.get(String(status));
  if (exact !== undefined) return exact;
  const range = declared.statuses.get(`${String(status)[0]}xx`);
  if (range !== undefined) return range;
  return declared.statuses.get('default');
}

function mediaTypeOf(reply: FastifyReply): string {
  const header = reply.getHeader('content-type');
  return typeof header === 'string' ? (header.split(';')[0] ?? '').trim().toLowerCase() : 'application/json';
}

function routeName(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

/** The first problem with this answer, or null when it matches what its route declares. */
function problemWith(declared: Declared, status: number, mediaType: string, body: unknown, hasBody: boolean): string | null {
  const entry = statusEntry(declared, status);
  if (entry === undefined) return `status ${status} is not declared (declared: ${[...declared.statuses.keys()].join(', ')})`;
  if (entry === null) return hasBody ? `status ${status} is declared without a body, but one was sent` : null;
  const check = entry.get(mediaType) ?? entry.get('*/*');
  if (!check) return `media type ${mediaType} is not declared for ${status} (declared: ${[...entry.keys()].join(', ')})`;
  if (!hasBody) return `status ${status} declares a body, none was sent`;
  if (check(body)) return null;
  return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params ?? {})}`).join('; ');
}

/** Records the violation and turns the answer into a 500 problem naming it (an object: it is serialized as a problem). */
function violate(request: FastifyRequest, reply: FastifyReply, mediaType: string, problem: string): Record<string, unknown> {
  const violation = { route: routeName(request), url: request.url, status: reply.statusCode, mediaType, problem };
  violations.push(violation);
  request.log.error(violation, 'response does not match its schema');
  void reply.code(500).type('application/problem+json');
  return {
    type: 'https://maille.dev/problems/internal',
    title: 'Internal error',
    status: 500,
    code: 'internal',
    detail: describeViolation(violation),
    requestId: request.id,
  };
}

function isBytes(payload: unknown): boolean {
  return Buffer.isBuffer(payload) || (typeof payload === 'object' && payload !== null && typeof (payload as { pipe?: unknown }).pipe === 'function');
}

/** Registers the check on every route registered after it. */
export function registerResponseCheck(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as { response?: Record<string, unknown>; hide?: boolean } | undefined;
    // Routes outside the contract (the documentation reader's files, hidden routes) are not checked.
    if (!schema || schema.hide || route.method === 'HEAD') return;
    route.config = { ...route.config, [DECLARED]: compileResponses(schema.response ?? {}) } as typeof route.config;
  });

  // An object payload: validated as the wire will carry it (Dates as ISO strings), before serialization drops a field.
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    const declared = declaredOf(request);
    if (!declared || reply.statusCode >= 500) return payload;
    checked.add(request);
    const mediaType = mediaTypeOf(reply);
    const wire: unknown = JSON.parse(JSON.stringify(payload));
    const problem = problemWith(declared, reply.statusCode, mediaType, wire, true);
    return problem === null ? payload : violate(request, reply, mediaType, problem);
  });

  // Everything else (no body, a string, a buffer): its status and media type must be declared too.
  app.addHook('onSend', async (request, reply, payload: unknown) => {
    const declared = declaredOf(request);
    if (!declared || checked.has(request) || reply.statusCode >= 500) return payload;
    const mediaType = mediaTypeOf(reply);
    const hasBody = payload !== undefined && payload !== null && payload !== '';
    let body: unknown = payload;
    let problem: string | null;
    try {
      if (typeof payload === 'string' && /json$/.test(mediaType)) body = JSON.parse(payload);
      // Bytes (a backup file, a download) are declared as `format: binary`: their status and media type are checked, not their bytes.
      if (isBytes(payload)) problem = problemWith(declared, reply.statusCode, mediaType, '', hasBody);
      else problem = problemWith(declared, reply.statusCode, mediaType, body, hasBody);
    } catch {
      problem = 'the body is not valid JSON';
    }
    return problem === null ? payload : JSON.stringify(violate(request, reply, mediaType, problem));
  });
}

/** True when this process checks responses (the test suites set MAILLE_CHECK_RESPONSES=1). */
export function responseCheckEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MAILLE_CHECK_RESPONSES === '1';
}
