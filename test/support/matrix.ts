// The authorization matrix's harness, shared by its files (core, mobility, wallet and shops): the actors,
// the world a row builds its request in, one test per cell, and the check that the rows cover the API.
// The API is split between the files by OpenAPI tag, so together they cover every registered route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityVisibility, TerritoryRole } from '../../src/server/core/database/schema.ts';
import { databaseKinds } from './database.ts';
import { buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from './factories.ts';
import { Client, startTestApp, type TestApp } from './http.ts';

export const ACTORS = ['anonymous', 'resident', 'organiser', 'operator', 'admin', 'outsider'] as const;
export type Actor = (typeof ACTORS)[number];
export type Person = Exclude<Actor, 'anonymous'>;

/** Everything a path builder may use: the territory under test, its people (signed in), and a second territory. */
export interface World {
  t: TestApp;
  territory: TerritoryFixture;
  elsewhere: TerritoryFixture;
  users: Record<Person, UserFixture>;
  /** Signed-in clients of the matrix's people, to build fixtures through the API as one of them. */
  clients: Record<Person, Client>;
}

export interface Call {
  url: string;
  body?: unknown;
}

/** Expected status for: anonymous, resident, organiser, operator, admin, outsider (another territory). */
export type Expect = [number, number, number, number, number, number];

export interface Row {
  /** Method and path as documented; `:t` is the territory slug. */
  route: string;
  /** Tells two rows on the same route apart, e.g. "private". */
  note?: string;
  build: (w: World) => Call | Promise<Call>;
  /** The request ends or changes the caller's own session or membership: use a new caller of that kind. */
  freshActor?: boolean;
  expect: Expect;
}

export const T = (w: World) => `/api/territories/${w.territory.slug}`;
export const unique = () => Math.random().toString(36).slice(2);

export const anyone: Expect = [200, 200, 200, 200, 200, 200];
export const signedIn = (ok: number): Expect => [401, ok, ok, ok, ok, ok];
/** Any member of the territory; someone from another territory is refused. */
export const residents = (ok: number): Expect => [401, ok, ok, ok, ok, 403];
/** Operators and admins of the territory only. */
export const operators = (ok: number): Expect => [401, 403, 403, ok, ok, 403];
/** The resident's own thing (trip, ride, commitment): any other member gets 404, another territory 403. */
export const residentOnly = (ok: number): Expect => [401, ok, 404, 404, 404, 403];

/** A new community of the territory, organised by the matrix's organiser. */
export function community(w: World, visibility: CommunityVisibility = 'public') {
  return buildCommunity(w.t.database.db, {
    territory: w.territory,
    organiser: w.users.organiser,
    visibility,
    joinPolicy: visibility === 'private' ? 'invite' : 'open',
  });
}

/** The API's routes as `METHOD /path` (`:t` for the territory), with their OpenAPI tags. */
export async function registeredRoutes(t: TestApp): Promise<{ route: string; tags: string[] }[]> {
  const doc = (await new Client(t.app).get('/api/openapi.json')).json<{ paths: Record<string, Record<string, { tags?: string[] }>> }>();
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => ({
      route: `${m.toUpperCase()} ${path.replace('{territory}', ':t').replace(/\{(\w+)\}/g, ':$1')}`,
      tags: op.tags ?? [],
    })),
  );
}

/** The OpenAPI tags of the mobility routes: test/authorization-matrix-mobility.test.ts covers them, the core file the rest. */
export const MOBILITY_TAGS = ['commute', 'carpool', 'corridors', 'impact'];
export const isMobility = (tags: string[]) => tags.some((tag) => MOBILITY_TAGS.includes(tag));

/** The OpenAPI tags of wallets, vouchers and shops: test/authorization-matrix-wallet.test.ts covers them. */
export const WALLET_TAGS = ['wallet', 'merchants'];
export const isWallet = (tags: string[]) => tags.some((tag) => WALLET_TAGS.includes(tag));

/** The OpenAPI tag of incentive campaigns: test/authorization-matrix-campaigns.test.ts covers it. */
export const CAMPAIGN_TAGS = ['campaigns'];
export const isCampaigns = (tags: string[]) => tags.some((tag) => CAMPAIGN_TAGS.includes(tag));

/** Neighbourhood solidarity (issue 5): each tag has its own matrix file, test/authorization-matrix-<tag>.test.ts. */
export const SOLIDARITY_TAGS = ['mutual-aid', 'volunteering', 'check-ins', 'mediation', 'moderation'] as const;
export const hasTag = (tag: string) => (tags: string[]) => tags.includes(tag);
export const isSolidarity = (tags: string[]) => tags.some((tag) => (SOLIDARITY_TAGS as readonly string[]).includes(tag));

const ROLES: Record<Person, TerritoryRole[]> = {
  resident: ['resident'],
  organiser: ['resident'],
  operator: ['resident', 'operator'],
  admin: ['resident', 'admin'],
  outsider: ['resident'],
};

async function buildPerson(t: TestApp, territory: TerritoryFixture, elsewhere: TerritoryFixture, actor: Person): Promise<UserFixture> {
  return buildUser(t.database.db, { territory: actor === 'outsider' ? elsewhere : territory, roles: ROLES[actor] });
}

export interface MatrixOptions {
  /** Which registered routes (by OpenAPI tags) this table must cover, exactly. */
  covers: (tags: string[]) => boolean;
  /** Routes of this part of the API deliberately left out of the generated cells, each with why. */
  excluded?: Record<string, string>;
  /** A floor on the number of routes covered, so a broken OpenAPI document cannot pass as "all covered". */
  atLeast: number;
  /** More tests in the same world (hand-written checks of the excluded routes). */
  more?: (world: () => World) => void;
}

/** One describe per database engine; one test per row × actor; and the coverage check of this table. */
export function describeMatrix(title: string, matrix: Row[], options: MatrixOptions): void {
  describe.each(databaseKinds())(`${title} on %s`, (kind) => {
    let w: World;

    beforeAll(async () => {
      const t = await startTestApp(kind);
      const territory = await buildTerritory(t.database.db);
      const elsewhere = await buildTerritory(t.database.db);
      const users = {} as Record<Person, UserFixture>;
      const clients = {} as Record<Person, Client>;
      for (const actor of ACTORS) {
        if (actor === 'anonymous') continue;
        users[actor] = await buildPerson(t, territory, elsewhere, actor);
        clients[actor] = await new Client(t.app).signIn(users[actor].email, PASSWORD);
      }
      w = { t, territory, elsewhere, users, clients };
    });
    afterAll(() => w.t.close());

    /** A caller of this kind: a copy of the shared client (cookies set by the answer stay local), or a brand-new one. */
    async function callerFor(actor: Actor, fresh: boolean): Promise<Client> {
      const client = new Client(w.t.app);
      if (actor === 'anonymous') return client;
      if (!fresh) {
        client.cookies = { ...w.clients[actor].cookies };
        return client;
      }
      const user = await buildPerson(w.t, w.territory, w.elsewhere, actor);
      if (actor === 'organiser') await buildCommunity(w.t.database.db, { territory: w.territory, organiser: user });
      return client.signIn(user.email, PASSWORD);
    }

    for (const row of matrix) {
      const [method, path] = row.route.split(' ') as [string, string];
      ACTORS.forEach((actor, i) => {
        const status = row.expect[i]!;
        it(`${method} ${path}${row.note ? ` (${row.note})` : ''} × ${actor} → ${status}`, async () => {
          const client = await callerFor(actor, row.freshActor === true);
          const call = await row.build(w);
          const res = await client.request({
            method,
            url: call.url,
            ...(call.body === undefined ? {} : { payload: call.body as object }),
          });
          expect(res.statusCode, res.body).toBe(status);
          if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        });
      });
    }

    options.more?.(() => w);

    it('covers every route of its part of the API, each one exactly once as a route', async () => {
      const all = await registeredRoutes(w.t);
      const registered = all.filter((r) => options.covers(r.tags)).map((r) => r.route);
      const covered = new Set(matrix.map((r) => r.route));
      const excluded = Object.keys(options.excluded ?? {});
      expect(registered.length).toBeGreaterThanOrEqual(options.atLeast);
      expect(registered.filter((r) => !covered.has(r) && !excluded.includes(r))).toEqual([]);
      // No row or exclusion for a route the API does not register (or that belongs to the other table).
      expect([...covered, ...excluded].filter((r) => !registered.includes(r) && r !== 'GET /api/openapi.json')).toEqual([]);
      // An excluded route has no generated cells: it is either in the table or explained, never both.
      expect(excluded.filter((r) => covered.has(r))).toEqual([]);
    });
  });
}
