// The response check catches an answer that does not match its route's declared response: a wrong type, a missing
// required field, an undeclared status, a body where none is declared. The violation names route, status and error.
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../../src/server/core/clock.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import type { Database } from '../../src/server/core/database/schema.ts';
import { AppError } from '../../src/server/core/errors.ts';
import { createEventBus } from '../../src/server/core/events.ts';
import { buildApp, type RouteModule } from '../../src/server/core/http/build-app.ts';
import { takeResponseViolations } from '../../src/server/core/http/response-check.ts';
import { DateTime, NoContent, problemResponses } from '../../src/server/core/http/schemas.ts';

const Thing = Type.Object({ name: Type.String(), count: Type.Integer(), at: DateTime });

const routes: RouteModule = (app) => {
  const get = (url: string, body: () => unknown) =>
    app.get(url, { schema: { response: { 200: Thing, 204: NoContent, ...problemResponses } }, handler: async () => body() as never });
  get('/t/right', () => ({ name: 'a', count: 1, at: new Date('2026-01-02T03:04:05Z') }));
  get('/t/wrong-type', () => ({ name: 'a', count: '1', at: new Date() }));
  get('/t/missing', () => ({ name: 'a', at: new Date() }));
  app.get('/t/undeclared', { schema: { response: { 200: Thing, ...problemResponses } }, handler: async (_req, reply) => reply.status(202).send({ name: 'a', count: 1, at: new Date() }) });
  app.get('/t/no-content', { schema: { response: { 204: NoContent, ...problemResponses } }, handler: async (_req, reply) => reply.status(204).send() });
  app.get('/t/problem', { schema: { response: { 200: Thing, ...problemResponses } }, handler: async () => Promise.reject(new AppError('conflict', 'Taken.', { reason: 'taken' })) });
};

describe('the response check', () => {
  let app: FastifyInstance;
  const before = process.env.MAILLE_CHECK_RESPONSES;

  beforeAll(async () => {
    process.env.MAILLE_CHECK_RESPONSES = '1';
    // Registering and answering these routes reads no table.
    const db = new Proxy({}, { get: () => { throw new Error('no database here'); } }) as Database;
    app = await buildApp({ db, databaseKind: 'pglite', clock: systemClock, bus: createEventBus(), config: loadConfig({ LOG_LEVEL: 'silent' }), version: 'test', personalData: [] }, { routes: [routes] });
  });
  afterAll(async () => {
    await app.close();
    if (before === undefined) delete process.env.MAILLE_CHECK_RESPONSES;
    else process.env.MAILLE_CHECK_RESPONSES = before;
  });

  const call = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { res, violations: takeResponseViolations() };
  };

  it('lets a matching answer through untouched, Dates as ISO strings', async () => {
    const { res, violations } = await call('/t/right');
    expect(violations).toEqual([]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'a', count: 1, at: '2026-01-02T03:04:05.000Z' });
  });

  it('catches a wrong type the serializer would have coerced, naming route, status and field', async () => {
    const { res, violations } = await call('/t/wrong-type');
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ route: 'GET /t/wrong-type', status: 200, mediaType: 'application/json' });
    expect(violations[0]!.problem).toMatch(/\/count must be integer/);
    expect(res.statusCode).toBe(500);
    expect(res.json().detail).toMatch(/GET \/t\/wrong-type answered 200 .*\/count must be integer/);
  });

  it('catches a missing required field', async () => {
    const { violations } = await call('/t/missing');
    expect(violations.map((v) => v.problem).join()).toMatch(/must have required property 'count'/);
  });

  it('catches a status the route does not declare', async () => {
    const { violations } = await call('/t/undeclared');
    expect(violations[0]).toMatchObject({ route: 'GET /t/undeclared', status: 202 });
    expect(violations[0]!.problem).toMatch(/status 202 is not declared/);
  });

  it('accepts a declared empty answer and a declared problem+json error', async () => {
    expect((await call('/t/no-content')).violations).toEqual([]);
    const { res, violations } = await call('/t/problem');
    expect(violations).toEqual([]);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'conflict', reason: 'taken' });
  });
});
