// The request scope: every /api/territories/:territory/… route gets its territory resolved once, before its
// handler, with the viewer and the request id; an unknown territory is a 404 problem+json before any handler runs.
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/server/core/clock.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import type { DatabaseHandle } from '../../src/server/core/database/connect.ts';
import { createEventBus } from '../../src/server/core/events.ts';
import { buildApp, type RouteModule } from '../../src/server/core/http/build-app.ts';
import { problemResponses, TerritoryParam } from '../../src/server/core/http/schemas.ts';
import type { TerritoryResolver } from '../../src/server/core/http/scope.ts';
import { databaseKinds, openTestDatabase } from '../support/database.ts';
import { buildTerritory, type TerritoryFixture } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/http.ts';

const Seen = Type.Object({ slug: Type.String(), id: Type.String(), signedIn: Type.Boolean(), requestId: Type.String(), sameTwice: Type.Boolean() });

describe.each(databaseKinds())('request scope on %s', (kind) => {
  let handle: DatabaseHandle;
  let territory: TerritoryFixture;
  const lookups: string[] = [];
  let handled = 0;

  const probeRoutes: RouteModule = (app) => {
    app.get('/api/territories/:territory/probe', {
      schema: { params: TerritoryParam, response: { 200: Seen, ...problemResponses } },
      handler: async (request) => {
        handled += 1;
        const { territory: first, viewer, requestId } = request.scope;
        return { slug: first.slug, id: first.id, signedIn: viewer !== null, requestId, sameTwice: request.scope === request.scope };
      },
    });
    app.get('/api/elsewhere', {
      schema: { response: { 200: Type.Object({ error: Type.String() }), ...problemResponses } },
      handler: async (request) => {
        try {
          return { error: String(request.scope.territory.slug) };
        } catch (error) {
          return { error: (error as Error).message };
        }
      },
    });
  };

  const build = async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const counting: TerritoryResolver = async (db, slug) => {
      lookups.push(slug);
      return db.selectFrom('territories').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
    };
    return buildApp(
      { db: handle.db, databaseKind: kind, clock: systemClock, bus: createEventBus(), config, version: 'test', personalData: [] },
      { routes: [probeRoutes], territoryResolver: counting },
    );
  };

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    territory = await buildTerritory(handle.db);
  });
  afterAll(() => handle.close());

  it('resolves the territory once per request and hands it over with the viewer and the request id', async () => {
    const app = await build();
    try {
      lookups.length = 0;
      const res = await app.inject({ method: 'GET', url: `/api/territories/${territory.slug}/probe`, headers: { 'x-request-id': 'scope-test-0001' } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ slug: territory.slug, id: territory.id, signedIn: false, requestId: 'scope-test-0001', sameTwice: true });
      expect(lookups).toEqual([territory.slug]);
    } finally {
      await app.close();
    }
  });

  it('answers an unknown territory with a 404 problem+json before the handler runs', async () => {
    const app = await build();
    try {
      handled = 0;
      const res = await app.inject({ method: 'GET', url: '/api/territories/nowhere-at-all/probe' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 404, code: 'not_found', detail: 'Territory not found.' });
      expect(handled).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('refuses to hand a scope to a route outside a territory', async () => {
    const app = await build();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/elsewhere' });
      expect(res.json().error).toMatch(/GET \/api\/elsewhere has no territory scope/);
    } finally {
      await app.close();
    }
  });
});

describe.each(databaseKinds())('the territories capability resolves the scope on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('answers 404 problem+json for an unknown territory on its routes', async () => {
    for (const url of ['/api/territories/nowhere-at-all', '/api/territories/nowhere-at-all/communities', '/api/territories/nowhere-at-all/communes']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json().code, url).toBe('not_found');
    }
  });
});
