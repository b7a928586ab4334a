// The HTTP edge: bad input gets a 400 naming the field, every error is problem+json without a stack,
// request ids, security headers, health, the OpenAPI document, the global rate limit, internal errors.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../../test/support/database.ts';
import { buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../../test/support/http.ts';

/** Checks the RFC 9457 shape every error must have, and that nothing internal leaks. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string, field?: string): Record<string, unknown> {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<Record<string, unknown>>();
  expect(Object.keys(body).sort()).toEqual(['code', 'detail', ...(body.field === undefined ? [] : ['field']), 'requestId', 'status', 'title', 'type']);
  expect(body).toMatchObject({ status, code, type: `https://maille.dev/problems/${code}` });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  if (field !== undefined) expect(body.field).toBe(field);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expect(res.body).not.toMatch(/"stack"|\bat \S+ \(|node_modules|\.ts:\d+/);
  return body;
}

const DOCUMENTED = [
  'GET /api/health',
  'GET /api/dev/mail',
  'GET /api/jobs',
  'POST /api/auth/sign-up',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/auth/verify-email',
  'POST /api/me/email',
  'POST /api/me/email/verification',
  'GET /api/me',
  'PATCH /api/me',
  'DELETE /api/me',
  'GET /api/me/export',
  'GET /api/territories',
  'GET /api/territories/{territory}',
  'GET /api/territories/{territory}/communes',
  'POST /api/territories/{territory}/join',
  'GET /api/territories/{territory}/people/{userId}',
  'PUT /api/territories/{territory}/people/{userId}/roles',
  'GET /api/territories/{territory}/people',
  'GET /api/territories/{territory}/role-holders',
  'GET /api/territories/{territory}/audit',
  'GET /api/territories/{territory}/communities',
  'POST /api/territories/{territory}/communities',
  'GET /api/territories/{territory}/communities/mine',
  'GET /api/territories/{territory}/communities/{id}',
  'PATCH /api/territories/{territory}/communities/{id}',
  'GET /api/territories/{territory}/communities/{id}/members',
  'POST /api/territories/{territory}/communities/{id}/join',
  'POST /api/territories/{territory}/communities/{id}/leave',
  'POST /api/territories/{territory}/communities/{id}/members/{userId}/approve',
  'PUT /api/territories/{territory}/communities/{id}/members/{userId}/role',
  'DELETE /api/territories/{territory}/communities/{id}/members/{userId}',
  'POST /api/territories/{territory}/communities/{id}/invite-code',
  'GET /api/territories/{territory}/invites/{code}',
  'GET /api/territories/{territory}/commute-profile',
  'PUT /api/territories/{territory}/commute-profile',
  'DELETE /api/territories/{territory}/commute-profile',
  'POST /api/territories/{territory}/carpool/trips',
  'GET /api/territories/{territory}/carpool/trips/mine',
  'POST /api/territories/{territory}/carpool/trips/{id}/close',
  'GET /api/territories/{territory}/carpool/trips/{id}/matches',
  'POST /api/territories/{territory}/carpool/trips/{id}/matches',
  'GET /api/territories/{territory}/carpool/matches/mine',
  'POST /api/territories/{territory}/carpool/matches/{matchId}/accept',
  'POST /api/territories/{territory}/carpool/matches/{matchId}/cancel',
  'POST /api/territories/{territory}/carpool/matches/{matchId}/confirm',
  'GET /api/territories/{territory}/carpool/matches/{matchId}/messages',
  'POST /api/territories/{territory}/carpool/matches/{matchId}/messages',
  'GET /api/territories/{territory}/carpool/reviews',
  'GET /api/territories/{territory}/carpool/settings',
  'PUT /api/territories/{territory}/carpool/settings',
  'POST /api/territories/{territory}/carpool/matches/{matchId}/review',
  'GET /api/territories/{territory}/corridors',
  'POST /api/territories/{territory}/corridors',
  'GET /api/territories/{territory}/corridors/{id}',
  'POST /api/territories/{territory}/corridors/{id}/commitments',
  'GET /api/territories/{territory}/corridors/{id}/definition',
  'PUT /api/territories/{territory}/corridors/{id}',
  'GET /api/territories/{territory}/shift-commitments/mine',
  'DELETE /api/territories/{territory}/shift-commitments/{commitmentId}',
  'POST /api/territories/{territory}/shift-commitments/{commitmentId}/shifts',
  'POST /api/territories/{territory}/gestures/mode-switches',
  'GET /api/territories/{territory}/impact/me',
  'GET /api/territories/{territory}/impact',
  'GET /api/territories/{territory}/communities/{id}/impact',
  'GET /api/territories/{territory}/impact/rankings',
  'GET /api/territories/{territory}/impact/factors',
  'PUT /api/territories/{territory}/impact/factors',
  'GET /api/territories/{territory}/impact/factors/versions',
  'POST /api/territories/{territory}/impact/factors/editions',
  'GET /api/territories/{territory}/communities/{id}/impact/stream',
  'GET /api/territories/{territory}/commitments',
  'POST /api/territories/{territory}/commitments',
  'GET /api/territories/{territory}/commitments/{id}',
  'GET /api/territories/{territory}/commitments/{id}/qr.svg',
  'PATCH /api/territories/{territory}/commitments/{id}',
  'POST /api/territories/{territory}/commitments/{id}/sign',
  'POST /api/territories/{territory}/commitments/{id}/sign-for',
  'POST /api/territories/{territory}/commitments/{id}/offline-signatures',
  'POST /api/territories/{territory}/commitments/{id}/offline-signatures/{entryId}/confirm',
  'POST /api/territories/{territory}/commitments/{id}/offline-signatures/{entryId}/withdraw',
  'GET /api/territories/{territory}/me/offline-signatures',
  'POST /api/territories/{territory}/commitments/{id}/check',
  'GET /api/territories/{territory}/me/commitments',
  'GET /api/notifications',
  'POST /api/notifications/read',
  'POST /api/notifications/{id}/read',
  'GET /api/notifications/preferences',
  'PUT /api/notifications/preferences',
  'POST /api/territories/{territory}/reports',
  'GET /api/territories/{territory}/moderation/reports',
  'GET /api/territories/{territory}/moderation/reports/{subjectType}/{subjectId}/content',
  'POST /api/territories/{territory}/moderation/reviews',
  'GET /api/territories/{territory}/blocks',
  'POST /api/territories/{territory}/blocks/{userId}',
  'DELETE /api/territories/{territory}/blocks/{userId}',
  'GET /api/territories/{territory}/wallet',
  'POST /api/territories/{territory}/wallet/vouchers',
  'GET /api/territories/{territory}/merchants',
  'POST /api/territories/{territory}/merchants',
  'GET /api/territories/{territory}/merchants/accounts',
  'PATCH /api/territories/{territory}/merchants/{id}',
  'GET /api/territories/{territory}/my-shops',
  'GET /api/territories/{territory}/merchants/{id}/vouchers/{code}',
  'POST /api/territories/{territory}/merchants/{id}/redemptions',
  'POST /api/territories/{territory}/merchants/{id}/settlements',
  'GET /api/territories/{territory}/campaigns',
  'POST /api/territories/{territory}/campaigns',
  'POST /api/territories/{territory}/campaigns/simulate',
  'GET /api/territories/{territory}/campaigns/{id}',
  'PUT /api/territories/{territory}/campaigns/{id}',
  'POST /api/territories/{territory}/campaigns/{id}/launch',
  'POST /api/territories/{territory}/campaigns/{id}/settle',
  'POST /api/territories/{territory}/campaigns/{id}/close',
  'POST /api/territories/{territory}/campaigns/{id}/top-ups',
  'POST /api/territories/{territory}/campaigns/{id}/return',
  'GET /api/territories/{territory}/campaigns/{id}/draws',
  'POST /api/territories/{territory}/volunteering/organisations',
  'GET /api/territories/{territory}/volunteering/organisations',
  'GET /api/territories/{territory}/volunteering/organisations/{id}',
  'POST /api/territories/{territory}/volunteering/organisations/{id}/decision',
  'POST /api/territories/{territory}/volunteering/organisations/{id}/missions',
  'GET /api/territories/{territory}/volunteering/my-organisations',
  'GET /api/territories/{territory}/volunteering/validation',
  'GET /api/territories/{territory}/volunteering/missions',
  'GET /api/territories/{territory}/volunteering/missions/{id}',
  'PUT /api/territories/{territory}/volunteering/missions/{id}',
  'POST /api/territories/{territory}/volunteering/missions/{id}/submit',
  'POST /api/territories/{territory}/volunteering/missions/{id}/decision',
  'POST /api/territories/{territory}/volunteering/missions/{id}/cancel',
  'POST /api/territories/{territory}/volunteering/missions/{id}/complete',
  'POST /api/territories/{territory}/volunteering/missions/{id}/participations',
  'GET /api/territories/{territory}/volunteering/missions/{id}/participations',
  'POST /api/territories/{territory}/volunteering/participations/{id}/accept',
  'POST /api/territories/{territory}/volunteering/participations/{id}/refuse',
  'POST /api/territories/{territory}/volunteering/participations/{id}/cancel',
  'POST /api/territories/{territory}/volunteering/participations/{id}/attendance',
  'GET /api/territories/{territory}/volunteering/me/participations',
  'GET /api/territories/{territory}/check-ins/me',
  'POST /api/territories/{territory}/check-ins/enrolment',
  'PATCH /api/territories/{territory}/check-ins/enrolment',
  'DELETE /api/territories/{territory}/check-ins/enrolment',
  'POST /api/territories/{territory}/check-ins/enrolment/pause',
  'POST /api/territories/{territory}/check-ins/enrolment/resume',
  'POST /api/territories/{territory}/check-ins/enrolment/referents',
  'DELETE /api/territories/{territory}/check-ins/enrolment/referents/{userId}',
  'POST /api/territories/{territory}/check-ins/today',
  'GET /api/territories/{territory}/check-ins/watching',
  'POST /api/territories/{territory}/check-ins/enrolments/{id}/accept',
  'POST /api/territories/{territory}/check-ins/enrolments/{id}/decline',
  'GET /api/territories/{territory}/check-ins/enrolments/{id}/history',
  'POST /api/territories/{territory}/check-ins/alerts/{id}/acknowledge',
  'GET /api/territories/{territory}/check-ins/duty',
  'POST /api/territories/{territory}/check-ins/residents/{userId}/enrolment',
  'POST /api/territories/{territory}/check-ins/residents/{userId}/phone-check-ins',
  'POST /api/territories/{territory}/mediation/assisted',
  'GET /api/territories/{territory}/mediation/assisted',
  'GET /api/territories/{territory}/mediation/assisted/{userId}',
  'POST /api/territories/{territory}/mediation/assisted/{userId}/withdraw-consent',
  'POST /api/territories/{territory}/mediation/assisted/{userId}/takeover-code',
  'POST /api/territories/{territory}/mediation/assisted/{userId}/erasure',
  'POST /api/territories/{territory}/mediation/sessions',
  'GET /api/territories/{territory}/mediation/sessions',
  'POST /api/territories/{territory}/mediation/sessions/{id}/end',
  'POST /api/territories/{territory}/mediation/takeover',
  'POST /api/territories/{territory}/mutual-aid/requests',
  'GET /api/territories/{territory}/mutual-aid/requests/mine',
  'GET /api/territories/{territory}/mutual-aid/requests/nearby',
  'GET /api/territories/{territory}/mutual-aid/requests/helping',
  'GET /api/territories/{territory}/mutual-aid/requests/{id}',
  'GET /api/territories/{territory}/mutual-aid/requests/{id}/address',
  'POST /api/territories/{territory}/mutual-aid/requests/{id}/offers',
  'DELETE /api/territories/{territory}/mutual-aid/requests/{id}/offers/mine',
  'POST /api/territories/{territory}/mutual-aid/requests/{id}/accept',
  'POST /api/territories/{territory}/mutual-aid/requests/{id}/done',
  'POST /api/territories/{territory}/mutual-aid/requests/{id}/cancel',
  'POST /api/territories/{territory}/mutual-aid/requests/{id}/thanks',
  'GET /api/territories/{territory}/mutual-aid/helper-profile',
  'PUT /api/territories/{territory}/mutual-aid/helper-profile',
  'DELETE /api/territories/{territory}/mutual-aid/helper-profile',
  'GET /api/territories/{territory}/mutual-aid/offers',
  'POST /api/territories/{territory}/mutual-aid/offers',
  'DELETE /api/territories/{territory}/mutual-aid/offers/{id}',
  'GET /api/territories/{territory}/mutual-aid/impact',
  'GET /api/territories/{territory}/mutual-aid/impact/me',
  'GET /api/territories/{territory}/carpool/matches/{matchId}',
  'GET /api/territories/{territory}/carpool/matches/{matchId}/stream',
  'POST /api/territories/{territory}/carpool/matches/{matchId}/decline',
  'GET /api/territories/{territory}/overview',
  'GET /api/territories/{territory}/overview/me',
  'GET /api/territories/{territory}/overview/stream',
  'GET /api/territories/{territory}/overview/todo',
  'GET /api/territories/{territory}/places/search',
  'GET /api/territories/{territory}/places/reverse',
  'GET /api/territories/{territory}/places/meeting-points',
  'GET /api/territories/{territory}/places/meeting-points/nearest',
  'GET /api/territories/{territory}/places/meeting-points/{id}',
  'POST /api/territories/{territory}/places/meeting-points',
  'PATCH /api/territories/{territory}/places/meeting-points/{id}',
  'POST /api/territories/{territory}/places/meeting-points/import',
  'POST /api/territories/{territory}/observatory/readings',
  'GET /api/territories/{territory}/observatory/things',
  'POST /api/territories/{territory}/observatory/things',
  'GET /api/territories/{territory}/observatory/things/{id}',
  'PATCH /api/territories/{territory}/observatory/things/{id}',
  'GET /api/territories/{territory}/observatory/keys',
  'POST /api/territories/{territory}/observatory/keys',
  'DELETE /api/territories/{territory}/observatory/keys/{id}',
  'GET /api/territories/{territory}/observatory/indicators',
  'POST /api/territories/{territory}/observatory/indicators',
  'GET /api/territories/{territory}/observatory/alerts',
  'GET /api/territories/{territory}/observatory/alerts/{id}',
  'POST /api/territories/{territory}/observatory/alerts/{id}/acknowledge',
  'POST /api/territories/{territory}/observatory/alerts/{id}/resolve',
  'GET /api/territories/{territory}/observatory/alert-rules',
  'POST /api/territories/{territory}/observatory/alert-rules',
  'PATCH /api/territories/{territory}/observatory/alert-rules/{id}',
  'GET /api/territories/{territory}/observatory/zones',
  'PUT /api/territories/{territory}/observatory/zones/settings',
  'GET /api/territories/{territory}/observatory/zones/clusters',
  'POST /api/territories/{territory}/observatory/commands',
  'GET /api/territories/{territory}/observatory/commands',
  'GET /api/territories/{territory}/observatory/commands/{id}',
  'POST /api/territories/{territory}/observatory/commands/{id}/decision',
  'POST /api/territories/{territory}/observatory/commands/{id}/answers',
  'POST /ngsi-ld/v1/entities',
  'GET /ngsi-ld/v1/entities',
  'GET /ngsi-ld/v1/entities/{entityId}',
  'PATCH /ngsi-ld/v1/entities/{entityId}',
  'DELETE /ngsi-ld/v1/entities/{entityId}',
  'POST /ngsi-ld/v1/entities/{entityId}/attrs',
  'PATCH /ngsi-ld/v1/entities/{entityId}/attrs',
  'PATCH /ngsi-ld/v1/entities/{entityId}/attrs/{attrId}',
  'DELETE /ngsi-ld/v1/entities/{entityId}/attrs/{attrId}',
  'POST /ngsi-ld/v1/entityOperations/create',
  'POST /ngsi-ld/v1/entityOperations/upsert',
  'POST /ngsi-ld/v1/entityOperations/update',
  'POST /ngsi-ld/v1/entityOperations/delete',
  'POST /ngsi-ld/v1/entityOperations/query',
  'GET /ngsi-ld/v1/temporal/entities',
  'GET /ngsi-ld/v1/temporal/entities/{entityId}',
  'POST /ngsi-ld/v1/subscriptions',
  'GET /ngsi-ld/v1/subscriptions',
  'GET /ngsi-ld/v1/subscriptions/{subscriptionId}',
  'PATCH /ngsi-ld/v1/subscriptions/{subscriptionId}',
  'DELETE /ngsi-ld/v1/subscriptions/{subscriptionId}',
];

describe.each(databaseKinds())('HTTP edge on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let user: UserFixture;
  let client: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    user = await buildUser(t.database.db, { territory, roles: ['resident', 'admin'] });
    client = await new Client(t.app).signIn(user.email, PASSWORD);
  });
  afterAll(() => t.close());

  const communities = () => `/api/territories/${territory.slug}/communities`;
  const json = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: string) =>
    client.request({ method, url, headers: { 'content-type': 'application/json' }, payload });

  it('answers malformed JSON with 400 invalid', async () => {
    expectProblem(await json('POST', '/api/auth/sign-in', '{"email": "a@b.fr",'), 400, 'invalid', '/');
    expectProblem(await json('PATCH', '/api/me', '{displayName: Zoé}'), 400, 'invalid', '/');
  });

  it('names a missing field, an unknown field, and a field of the wrong type', async () => {
    expectProblem(await new Client(t.app).post('/api/auth/sign-in', { password: 'whatever it is' }), 400, 'invalid', '/email');
    const unknown = expectProblem(await client.patch('/api/me', { displayName: 'Zoé', nickname: 'Z' }), 400, 'invalid', '/nickname');
    expect(unknown.detail).toContain('nickname');
    expectProblem(await new Client(t.app).post('/api/auth/sign-in', { email: 12, password: 'whatever it is' }), 400, 'invalid', '/email');
    // JSON bodies are never coerced: no integer field exists in a body, so a one-item array for a string
    // and a string for an array stand in for "12" where 12 is expected.
    expectProblem(await client.patch('/api/me', { displayName: ['Zoé'] }), 400, 'invalid', '/displayName');
    const roles = `/api/territories/${territory.slug}/people/${user.id}/roles`;
    expectProblem(await client.put(roles, { roles: 'admin', reason: 'typing test' }), 400, 'invalid', '/roles');
    expectProblem(await client.put(roles, { roles: ['admin', 7], reason: 'typing test' }), 400, 'invalid', '/roles/1');
    // Query strings are text and are coerced to their declared type; what cannot be coerced is named.
    expect((await client.get(`${communities()}?limit=12`)).statusCode).toBe(200);
    expectProblem(await client.get(`${communities()}?limit=twelve`), 400, 'invalid', '/query/limit');
    expectProblem(await client.get(`${communities()}?sort=name`), 400, 'invalid', '/query/sort');
    expectProblem(await client.get(`${communities()}/abc`), 400, 'invalid', '/params/id');
    expectProblem(await client.get('/api/territories/Not_A_Slug'), 400, 'invalid', '/params/territory');
  });

  it('names a string that is too long, and a NUL character that PostgreSQL could not store', async () => {
    expectProblem(await client.patch('/api/me', { displayName: 'x'.repeat(81) }), 400, 'invalid', '/displayName');
    expect((await client.patch('/api/me', { displayName: 'x'.repeat(80) })).statusCode).toBe(200);
    const body = { name: 'Nul\u0000byte', kind: 'other', visibility: 'public', joinPolicy: 'open' };
    expectProblem(await client.post(communities(), body), 400, 'invalid', '/name');
    expectProblem(await client.get(`${communities()}?q=a%00b`), 400, 'invalid', '/query/q');
    const rows = await t.database.db.selectFrom('communities').select('id').where('territory_id', '=', territory.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('accepts a write whose optional body is left out', async () => {
    const c = await buildCommunity(t.database.db, { territory });
    expect((await client.post(`/api/territories/${territory.slug}/join`)).statusCode).toBe(204);
    expect((await client.post(`${communities()}/${c.id}/join`)).json()).toEqual({ status: 'active' });
    expectProblem(await client.post('/api/auth/password-reset'), 400, 'invalid');
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const res = await client.post(communities(), { name: 'Big', description: 'x'.repeat(65 * 1024), kind: 'other', visibility: 'public', joinPolicy: 'open' });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('answers an unknown route or method with a 404 problem', async () => {
    expectProblem(await new Client(t.app).get('/api/nothing-here'), 404, 'not_found');
    expectProblem(await new Client(t.app).request({ method: 'DELETE', url: '/api/territories' }), 404, 'not_found');
    expectProblem(await new Client(t.app).get(`/api/territories/no-such-place`), 404, 'not_found');
  });

  it('carries one request id in the header and the body; a sane given id is kept, another replaced', async () => {
    const given = await new Client(t.app).request({ method: 'GET', url: '/api/me', headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(expectProblem(given, 401, 'unauthenticated').requestId).toBe('trace-1234abcd');
    const odd = await new Client(t.app).request({ method: 'GET', url: '/api/me', headers: { 'x-request-id': 'bad id <script>' } });
    expect(expectProblem(odd, 401, 'unauthenticated').requestId).toMatch(/^[0-9a-f-]{36}$/);
    const ok = await new Client(t.app).get('/api/health');
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers /api/health with the engine and version, behind the security headers', async () => {
    const res = await new Client(t.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: kind, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const error = await new Client(t.app).get('/api/nothing-here');
    expect(error.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an OpenAPI 3 document listing every route', async () => {
    const res = await new Client(t.app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; info: { version: string }; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.version).toBe((await new Client(t.app).get('/api/health')).json().version);
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual([...DOCUMENTED].sort());
  });

  it('turns an internal failure into a 500 problem with no detail of the cause', async () => {
    const broken = await startTestApp(kind);
    // No mock: the database really goes away under the running app.
    await broken.database.close();
    try {
      const res = await new Client(broken.app).get('/api/health');
      const body = expectProblem(res, 500, 'internal');
      expect(body.detail).toBe('Something went wrong on our side; it has been logged.');
    } finally {
      await broken.app.close();
    }
  });

  it('rate-limits each client with 429 problem+json and Retry-After', async () => {
    const limited = await startTestApp(kind, { RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const from = (ip: string) => new Client(limited.app).request({ method: 'GET', url: '/api/health', remoteAddress: ip });
      for (let i = 0; i < 3; i += 1) expect((await from('198.51.100.7')).statusCode).toBe(200);
      const refused = await from('198.51.100.7');
      expectProblem(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect((await from('198.51.100.8')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
