// The authorization matrix: every API route × every kind of caller → the status it must get.
// One test per cell; cells that change state build fresh fixtures, so the order of cells does not matter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../src/server/core/auth/tokens.ts';
import type { CommunityVisibility, MembershipStatus, TerritoryRole } from '../src/server/core/database/schema.ts';
import { databaseKinds } from './support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from './support/factories.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';

const ACTORS = ['anonymous', 'resident', 'organiser', 'operator', 'admin', 'outsider'] as const;
type Actor = (typeof ACTORS)[number];
type Person = Exclude<Actor, 'anonymous'>;

/** Everything a path builder may use: the territory under test, its people, and a second territory. */
interface World {
  t: TestApp;
  territory: TerritoryFixture;
  elsewhere: TerritoryFixture;
  users: Record<Person, UserFixture>;
}

interface Call {
  url: string;
  body?: unknown;
}

interface Row {
  /** Method and path as documented; `:t` is the territory slug. */
  route: string;
  /** Tells two rows on the same route apart, e.g. "private". */
  note?: string;
  build: (w: World) => Call | Promise<Call>;
  /** The request ends or changes the caller's own session or membership: use a new caller of that kind. */
  freshActor?: boolean;
  /** Expected status for: anonymous, resident, organiser, operator, admin, outsider (another territory). */
  expect: [number, number, number, number, number, number];
}

const T = (w: World) => `/api/territories/${w.territory.slug}`;
const uniqueEmail = () => `m-${Math.random().toString(36).slice(2)}@example.org`;

/** A new community of the territory, organised by the matrix's organiser. */
function community(w: World, visibility: CommunityVisibility = 'public') {
  return buildCommunity(w.t.database.db, {
    territory: w.territory,
    organiser: w.users.organiser,
    visibility,
    joinPolicy: visibility === 'private' ? 'invite' : 'open',
  });
}

/** A new community with one more member (active or pending) to act on. */
async function communityWithMember(w: World, visibility: CommunityVisibility, status: MembershipStatus) {
  const c = await community(w, visibility);
  const member = await buildUser(w.t.database.db, { territory: w.territory });
  await addMember(w.t.database.db, c, member, 'member', status);
  return `${T(w)}/communities/${c.id}/members/${member.id}`;
}

async function resetToken(w: World): Promise<string> {
  const user = await buildUser(w.t.database.db, { territory: w.territory });
  const token = `reset-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const now = w.t.clock.now();
  await w.t.database.db
    .insertInto('password_reset_tokens')
    .values({ id: digest(token), user_id: user.id, created_at: now, expires_at: new Date(now.getTime() + 3_600_000) })
    .execute();
  return token;
}

const anyone = [200, 200, 200, 200, 200, 200] as Row['expect'];
const signedIn = (ok: number): Row['expect'] => [401, ok, ok, ok, ok, ok];

// One row per route (and per kind of community where it matters). `expect` reads, in order:
//        [anonymous, resident, organiser, operator, admin, outsider]
// where "organiser" organises the community in question and "outsider" lives in another territory.
// prettier-ignore
const MATRIX: Row[] = [
  // ── System ───────────────────────────────────────────────────────────
  { route: 'GET /api/health', build: () => ({ url: '/api/health' }), expect: anyone },
  { route: 'GET /api/openapi.json', build: () => ({ url: '/api/openapi.json' }), expect: anyone },
  { route: 'GET /api/dev/mail', note: 'demo mode', build: () => ({ url: '/api/dev/mail' }), expect: anyone },
  // ── Accounts ──────────────────────────────────────────────────────────
  { route: 'POST /api/auth/sign-up', build: (w) => ({ url: '/api/auth/sign-up', body: { email: uniqueEmail(), password: PASSWORD, displayName: 'Nouvelle', territory: w.territory.slug } }), expect: [201, 201, 201, 201, 201, 201] },
  { route: 'POST /api/auth/sign-in', build: async (w) => ({ url: '/api/auth/sign-in', body: { email: (await buildUser(w.t.database.db, { territory: w.territory })).email, password: PASSWORD } }), expect: anyone },
  { route: 'POST /api/auth/sign-out', freshActor: true, build: () => ({ url: '/api/auth/sign-out' }), expect: [204, 204, 204, 204, 204, 204] },
  { route: 'POST /api/auth/password-reset', build: (w) => ({ url: '/api/auth/password-reset', body: { email: w.users.resident.email } }), expect: [202, 202, 202, 202, 202, 202] },
  { route: 'POST /api/auth/password-reset/confirm', build: async (w) => ({ url: '/api/auth/password-reset/confirm', body: { token: await resetToken(w), password: 'a new long password' } }), expect: [204, 204, 204, 204, 204, 204] },
  { route: 'GET /api/me', build: () => ({ url: '/api/me' }), expect: signedIn(200) },
  { route: 'PATCH /api/me', build: () => ({ url: '/api/me', body: { locale: 'en' } }), expect: signedIn(200) },
  { route: 'GET /api/me/export', build: () => ({ url: '/api/me/export' }), expect: signedIn(200) },
  { route: 'DELETE /api/me', freshActor: true, build: () => ({ url: '/api/me', body: { password: PASSWORD } }), expect: signedIn(204) },
  // ── Territories ──────────────────────────────────────────────────────
  { route: 'GET /api/territories', build: () => ({ url: '/api/territories' }), expect: anyone },
  { route: 'GET /api/territories/:t', build: (w) => ({ url: T(w) }), expect: anyone },
  { route: 'GET /api/territories/:t/communes', build: (w) => ({ url: `${T(w)}/communes` }), expect: anyone },
  { route: 'POST /api/territories/:t/join', freshActor: true, build: (w) => ({ url: `${T(w)}/join` }), expect: signedIn(204) },
  { route: 'GET /api/territories/:t/people/:userId', build: (w) => ({ url: `${T(w)}/people/${w.users.resident.id}?reason=support%20ticket%2042` }), expect: [401, 403, 403, 200, 200, 403] },
  { route: 'PUT /api/territories/:t/people/:userId/roles', build: async (w) => ({ url: `${T(w)}/people/${(await buildUser(w.t.database.db, { territory: w.territory })).id}/roles`, body: { roles: ['resident', 'mediator'], reason: 'volunteer mediator' } }), expect: [401, 403, 403, 403, 200, 403] },
  { route: 'GET /api/territories/:t/audit', build: (w) => ({ url: `${T(w)}/audit` }), expect: [401, 403, 403, 403, 200, 403] },
  // ── Communities: directory and creation ──────────────────────────────
  { route: 'GET /api/territories/:t/communities', build: (w) => ({ url: `${T(w)}/communities?q=a&limit=5` }), expect: anyone },
  { route: 'GET /api/territories/:t/communities/mine', build: (w) => ({ url: `${T(w)}/communities/mine` }), expect: signedIn(200) },
  { route: 'POST /api/territories/:t/communities', build: (w) => ({ url: `${T(w)}/communities`, body: { name: 'Potager', kind: 'association', visibility: 'public', joinPolicy: 'open' } }), expect: [401, 201, 201, 201, 201, 403] },
  { route: 'GET /api/territories/:t/invites/:code', build: async (w) => ({ url: `${T(w)}/invites/${(await community(w)).inviteCode}` }), expect: anyone },
  { route: 'GET /api/territories/:t/invites/:code', note: 'private', build: async (w) => ({ url: `${T(w)}/invites/${(await community(w, 'private')).inviteCode}` }), expect: anyone },
  // ── A public community: organiser tools, and a territory admin may step in ─
  { route: 'GET /api/territories/:t/communities/:id', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}` }), expect: anyone },
  { route: 'PATCH /api/territories/:t/communities/:id', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}`, body: { description: 'Edited' } }), expect: [401, 403, 200, 403, 200, 403] },
  { route: 'GET /api/territories/:t/communities/:id/members', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/members` }), expect: [401, 403, 200, 403, 403, 403] },
  { route: 'POST /api/territories/:t/communities/:id/join', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/join` }), expect: [401, 200, 200, 200, 200, 403] },
  { route: 'POST /api/territories/:t/communities/:id/leave', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/leave` }), expect: [401, 404, 409, 404, 404, 403] },
  { route: 'POST /api/territories/:t/communities/:id/members/:userId/approve', build: async (w) => ({ url: `${await communityWithMember(w, 'public', 'pending')}/approve` }), expect: [401, 403, 204, 403, 204, 403] },
  { route: 'PUT /api/territories/:t/communities/:id/members/:userId/role', build: async (w) => ({ url: `${await communityWithMember(w, 'public', 'active')}/role`, body: { role: 'organiser' } }), expect: [401, 403, 204, 403, 204, 403] },
  { route: 'DELETE /api/territories/:t/communities/:id/members/:userId', build: async (w) => ({ url: await communityWithMember(w, 'public', 'active') }), expect: [401, 403, 204, 403, 204, 403] },
  { route: 'POST /api/territories/:t/communities/:id/invite-code', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/invite-code` }), expect: [401, 403, 200, 403, 200, 403] },
  // ── A private community: 404 to everyone outside it, admins included ──
  { route: 'GET /api/territories/:t/communities/:id', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}` }), expect: [404, 404, 200, 404, 404, 404] },
  { route: 'PATCH /api/territories/:t/communities/:id', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}`, body: { description: 'Edited' } }), expect: [401, 404, 200, 404, 404, 404] },
  { route: 'GET /api/territories/:t/communities/:id/members', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/members` }), expect: [404, 404, 200, 404, 404, 404] },
  { route: 'POST /api/territories/:t/communities/:id/join', note: 'private, no code', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/join`, body: {} }), expect: [401, 404, 200, 404, 404, 403] },
  { route: 'POST /api/territories/:t/communities/:id/leave', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/leave` }), expect: [401, 404, 409, 404, 404, 403] },
  { route: 'POST /api/territories/:t/communities/:id/members/:userId/approve', note: 'private', build: async (w) => ({ url: `${await communityWithMember(w, 'private', 'pending')}/approve` }), expect: [401, 404, 204, 404, 404, 404] },
  { route: 'PUT /api/territories/:t/communities/:id/members/:userId/role', note: 'private', build: async (w) => ({ url: `${await communityWithMember(w, 'private', 'active')}/role`, body: { role: 'organiser' } }), expect: [401, 404, 204, 404, 404, 404] },
  { route: 'DELETE /api/territories/:t/communities/:id/members/:userId', note: 'private', build: async (w) => ({ url: await communityWithMember(w, 'private', 'active') }), expect: [401, 404, 204, 404, 404, 404] },
  { route: 'POST /api/territories/:t/communities/:id/invite-code', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/invite-code` }), expect: [401, 404, 200, 404, 404, 404] },
];

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

describe.each(databaseKinds())('authorization matrix on %s', (kind) => {
  let w: World;
  const clients = {} as Record<Actor, Client>;

  beforeAll(async () => {
    const t = await startTestApp(kind);
    const territory = await buildTerritory(t.database.db);
    const elsewhere = await buildTerritory(t.database.db);
    const users = {} as Record<Person, UserFixture>;
    clients.anonymous = new Client(t.app);
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue;
      users[actor] = await buildPerson(t, territory, elsewhere, actor);
      clients[actor] = await new Client(t.app).signIn(users[actor].email, PASSWORD);
    }
    w = { t, territory, elsewhere, users };
  });
  afterAll(() => w.t.close());

  /** A caller of this kind: a copy of the shared client (cookies set by the answer stay local), or a brand-new one. */
  async function callerFor(actor: Actor, fresh: boolean): Promise<Client> {
    const client = new Client(w.t.app);
    if (actor === 'anonymous') return client;
    if (!fresh) {
      client.cookies = { ...clients[actor].cookies };
      return client;
    }
    const user = await buildPerson(w.t, w.territory, w.elsewhere, actor);
    if (actor === 'organiser') await buildCommunity(w.t.database.db, { territory: w.territory, organiser: user });
    return client.signIn(user.email, PASSWORD);
  }

  for (const row of MATRIX) {
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

  it('covers every route the API registers', async () => {
    const doc = (await new Client(w.t.app).get('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const registered = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace('{territory}', ':t').replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const covered = new Set(MATRIX.map((r) => r.route));
    expect(registered.length).toBeGreaterThan(25);
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !registered.includes(r) && r !== 'GET /api/openapi.json')).toEqual([]);
  });
});
