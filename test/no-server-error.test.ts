// Bad input never reaches a 500: every route of the running app (read from its OpenAPI document) gets params, query
// strings and bodies generated from its own schema — valid ones that reach the use-cases, and edge ones (bad dates,
// lone surrogates, control characters, tiny and huge numbers, wrong types, missing fields, odd Origin headers) —
// through the real HTTP stack, as an anonymous visitor, a resident, an operator and an admin. Every answer must be
// below 500, and every 4xx must be problem+json. Deterministic: one fixed seed (FUZZ_SEED overrides it, FUZZ_RUNS
// the number of requests per role), printed with the failing request.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerritoryRole } from '../src/server/core/database/schema.ts';
import { databaseKinds } from './support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from './support/factories.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';
import { type Hints, type JsonSchema, BAD_TEXT, schemaArbitrary } from './support/schema-arbitrary.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);

/** Far above any answer (tens of ms); only a request that hangs gets near it. */
const HANG_MS = 20_000;

/** Live streams never end, so a request would wait forever; their params go through the same validation as every route. */
const STREAMS = /\/stream$/;

const ORIGINS = ['garbage', 'http://', 'http://[::1', 'null', 'https://evil.example', 'http://localhost:80', 'file://', 'http://localhost:80/x?y', ' '];
/** Appended to every string of a valid body: what a broken client or a prober slips into free text. */
const POISONS = [' \ud800', '\udfff ', ' \u0000', '\u001b[2J', ' \u0085'];
const RAW_BODIES = ['{', '[]', 'null', '"x"', '1e400', '{"a":1e400}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}', '\u0000'];

type Role = 'anonymous' | 'resident' | 'operator' | 'admin';
const ROLES: Record<Exclude<Role, 'anonymous'>, TerritoryRole[]> = {
  resident: ['resident'],
  operator: ['resident', 'operator', 'mediator'],
  admin: ['resident', 'admin', 'merchant'],
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  params: Parameter[];
  query: Parameter[];
  body?: JsonSchema;
}

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: unknown;
}

function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: (op.parameters ?? []).filter((p) => p.in === 'path'),
      query: (op.parameters ?? []).filter((p) => p.in === 'query'),
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

function poison(value: unknown, bad: string): unknown {
  if (typeof value === 'string') return `${value}${bad}`;
  if (Array.isArray(value)) return value.map((item) => poison(item, bad));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, bad)]));
  return value;
}

/** Text for a URL; lone surrogates cannot be UTF-8, so they travel as the bytes a prober would send. */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return text.replace(/[\uD800-\uDFFF]/g, '\u0000SURROGATE').split('\u0000SURROGATE').map((part) => {
    try {
      return encodeURIComponent(part);
    } catch {
      return '';
    }
  }).join('%ED%A0%80');
}

function requestArbitrary(op: Operation, hints: Hints): fc.Arbitrary<Sent> {
  const param = (p: Parameter) => schemaArbitrary(p.schema, p.name === 'territory' ? 0.05 : 0.1, hints);
  const params = fc.record(Object.fromEntries(op.params.map((p) => [p.name, param(p)])));
  const query = fc.record(Object.fromEntries(op.query.map((p) => [p.name, schemaArbitrary(p.schema, 0.15, hints)])), {
    requiredKeys: op.query.filter((p) => p.required).map((p) => p.name),
  });
  const json = (payload: unknown) => ({ payload: JSON.stringify(payload) });
  const body: fc.Arbitrary<{ payload?: string }> = op.body
    ? fc.oneof(
        { arbitrary: schemaArbitrary(op.body, 0.08, hints).map(json), weight: 10 },
        { arbitrary: schemaArbitrary(op.body, 0, hints).map(json), weight: 4 },
        { arbitrary: fc.tuple(schemaArbitrary(op.body, 0, hints), fc.constantFrom(...POISONS)).map(([value, bad]) => json(poison(value, bad))), weight: 2 },
        { arbitrary: fc.constantFrom(...RAW_BODIES).map((payload) => ({ payload })), weight: 1 },
        { arbitrary: fc.constant({}), weight: 1 },
      )
    : fc.oneof({ arbitrary: fc.constant({}), weight: 12 }, { arbitrary: fc.constant({ a: BAD_TEXT[2] }).map(json), weight: 1 });
  const origin = fc.oneof({ arbitrary: fc.constant(undefined), weight: 10 }, { arbitrary: fc.constantFrom(...ORIGINS), weight: 1 });
  const actingFor = fc.oneof({ arbitrary: fc.constant(undefined), weight: 30 }, { arbitrary: fc.constantFrom('1', 'abc', '99999999999999999999', ''), weight: 1 });
  return fc.record({ params, query, body, origin, actingFor }).map(({ params: p, query: q, body: b, origin: o, actingFor: a }) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(p[name]));
    const search = Object.entries(q)
      .flatMap(([key, value]) => (Array.isArray(value) ? value.map((item) => `${key}=${encode(item)}`) : [`${key}=${encode(value)}`]))
      .join('&');
    const headers: Record<string, string> = {};
    if (b.payload !== undefined) headers['content-type'] = 'application/json';
    if (o !== undefined) headers.origin = o;
    if (a !== undefined) headers['x-maille-acting-for'] = a;
    return { method: op.method, url: search ? `${path}?${search}` : path, headers, ...(b.payload === undefined ? {} : { payload: b.payload }) };
  });
}

function shown(sent: Sent, res: LightMyRequestResponse, role: Role): string {
  return `${role} ${sent.method} ${sent.url}\nheaders ${JSON.stringify(sent.headers)}\nbody ${String(sent.payload)}\n→ ${res.statusCode} ${String(res.headers['content-type'] ?? '')} ${res.body.slice(0, 500)}`;
}

/** No 5xx; every 4xx is RFC 9457 problem+json whose status matches. */
function check(sent: Sent, res: LightMyRequestResponse, role: Role): void {
  if (res.statusCode >= 500) throw new Error(`server error\n${shown(sent, res, role)}`);
  if (res.statusCode < 400) return;
  const problem = /^application\/problem\+json/.test(String(res.headers['content-type'])) ? (res.json<{ status?: unknown; code?: unknown }>()) : null;
  if (!problem || problem.status !== res.statusCode || typeof problem.code !== 'string') throw new Error(`4xx that is not problem+json\n${shown(sent, res, role)}`);
}

describe.each(databaseKinds())('no request reaches a 5xx, on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let operations: Operation[];
  let routes: Operation[];
  const arbitraries = new Map<Operation, fc.Arbitrary<Sent>>();
  const users = {} as Record<Exclude<Role, 'anonymous'>, UserFixture>;
  const clients = {} as Record<Role, Client>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    for (const role of ['resident', 'operator', 'admin'] as const) {
      users[role] = await buildUser(t.database.db, { territory, roles: ROLES[role] });
      clients[role] = await new Client(t.app).signIn(users[role].email, PASSWORD);
    }
    clients.anonymous = new Client(t.app);
    // A few rows for small ids to land on: communities of each kind, with the resident inside.
    for (const visibility of ['public', 'private'] as const) {
      const c = await buildCommunity(t.database.db, { territory, organiser: users.admin, visibility, joinPolicy: visibility === 'private' ? 'invite' : 'open' });
      await addMember(t.database.db, c, users.resident);
    }
    operations = operationsOf((await clients.anonymous.get('/api/openapi.json')).json());
    routes = operations.filter((op) => !STREAMS.test(op.path));
    // The territory under test and its communes, so most requests get past "no such territory".
    const hints: Hints = { '^[a-z0-9-]{2,60}$': fc.constant(territory.slug), '^[0-9AB]{5}$': fc.constantFrom('21001', '21002') };
    for (const op of routes) arbitraries.set(op, requestArbitrary(op, hints));
  });
  afterAll(() => t.close());

  it('reads every route from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(150);
    // Streams are left out of the generated requests: each one is named here, so a new one is a decision.
    expect(operations.filter((op) => STREAMS.test(op.path)).map((op) => op.path).sort()).toEqual([
      '/api/territories/{territory}/carpool/matches/{matchId}/stream',
      '/api/territories/{territory}/communities/{id}/impact/stream',
      '/api/territories/{territory}/overview/stream',
    ]);
  });

  /** Answers by status class, printed with FUZZ_STATS=1 to see how deep the generated input reaches. */
  const stats = new Map<string, { n: number; ms: number; codes: Record<string, number> }>();
  afterAll(() => {
    if (!process.env.FUZZ_STATS) return;
    const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).map(([route, s]) => `${route} n=${s.n} ms=${Math.round(s.ms)} ${JSON.stringify(s.codes)}`);
    console.log(rows.join('\n'));
  });

  /** Sends one request as `role`; a session the request ended (sign-out) is opened again for the next one. */
  async function send(role: Role, sent: Sent, route: string): Promise<void> {
    const client = clients[role];
    const started = performance.now();
    // A request that never answers is as broken as a 500: name it instead of letting the run hang.
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS / 1000} s\n${role} ${sent.method} ${sent.url}\nbody ${String(sent.payload)}`)), HANG_MS);
    });
    const res = await Promise.race([client.request(sent as Parameters<Client['request']>[0]), hung]).finally(() => clearTimeout(timer));
    const s = stats.get(route) ?? { n: 0, ms: 0, codes: {} };
    s.n += 1;
    s.ms += performance.now() - started;
    s.codes[res.statusCode] = (s.codes[res.statusCode] ?? 0) + 1;
    stats.set(route, s);
    check(sent, res, role);
    if (role !== 'anonymous' && !client.cookies.maille_session) await client.signIn(users[role].email, PASSWORD);
  }

  for (const [r, role] of (['anonymous', 'resident', 'operator', 'admin'] as const).entries()) {
    it(`answers every route's generated input below 500, as ${role}`, async () => {
      // Every route at least once with its own input, then random routes and inputs.
      const t0 = performance.now();
      const sweep = routes.map((op, i) => fc.sample(arbitraries.get(op)!, { seed: SEED + 1000 * r + i, numRuns: 1 })[0]!);
      const t1 = performance.now();
      for (const [i, sent] of sweep.entries()) await send(role, sent, `${routes[i]!.method} ${routes[i]!.path}`);
      if (process.env.FUZZ_STATS) console.log('sample', t1 - t0, 'sweep', performance.now() - t1);
      const anyRequest = fc.constantFrom(...routes).chain((op) => arbitraries.get(op)!.map((sent) => ({ sent, route: `${op.method} ${op.path}` })));
      await fc.assert(
        fc.asyncProperty(anyRequest, async ({ sent, route }) => send(role, sent, route)),
        { seed: SEED + r, numRuns: RUNS, endOnFailure: true },
      );
    }, 300_000);
  }
});
