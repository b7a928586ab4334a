// The authorization matrix of acting for a resident: every staff power that acts for or reads one resident × who that
// resident is — an assisted account with consent inside an open session, the same without a session, an assisted
// account whose consent was withdrawn, an ordinary resident, a resident of another territory. Acting for someone is
// possible only in the first column; reads outside a session state a reason and are audited. Each cell builds its own
// person, so no cell depends on another.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { databaseKinds } from './support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from './support/factories.ts';
import { Client, startTestApp } from './support/http.ts';
import { registeredRoutes, unique, type World } from './support/matrix.ts';

const COLUMNS = ['assisted, in a session', 'assisted, no session', 'assisted, consent withdrawn', 'ordinary resident', 'another territory'] as const;
type Column = (typeof COLUMNS)[number];
/** Expected status per column, in the order of COLUMNS. */
type Expect = [number, number, number, number, number];

interface Stage extends Pick<World, 't' | 'territory' | 'elsewhere'> {
  mediatorUser: UserFixture;
  mediator: Client;
}

/** The person a cell acts for or reads, and the session id a mediator would send (open, ended or never consented to). */
interface Target {
  userId: string;
  sessionId: string;
  enrolmentId: string | null;
}

interface Call {
  method: 'GET' | 'POST';
  url: string;
  body?: object;
}

interface Row {
  /** Method and path as documented; `:t` is the territory slug. */
  route: string;
  note?: string;
  /**
   * `header`: the route acts for whoever the session is for, so the session header is always sent (an open session, one
   * the mediator ended, one a withdrawal ended, or a row for someone who never consented); `named`: the route names the
   * person, and the header is sent only in the first column (elsewhere the mediator calls from her own desk).
   */
  via: 'header' | 'named';
  enrolled?: boolean;
  build: (s: Stage, target: Target) => Call | Promise<Call>;
  expect: Expect;
}

const REASON = encodeURIComponent('Appel de sa fille, inquiète');
const T = (s: Stage) => `/api/territories/${s.territory.slug}`;
const C = (s: Stage) => `${T(s)}/check-ins`;
const M = (s: Stage) => `${T(s)}/mediation`;
const inDays = (s: Stage, days: number) => new Date(s.t.clock.now().getTime() + days * 86_400_000).toISOString();
const schedule = async (s: Stage) => ({ deadline: '10:00', escalationMinutes: 60, referents: [(await buildUser(s.t.database.db, { territory: s.territory })).id] });

async function commitment(s: Stage): Promise<string> {
  const creator = await new Client(s.t.app).signIn((await buildUser(s.t.database.db, { territory: s.territory })).email, PASSWORD);
  const res = await creator.post(`${T(s)}/commitments`, {
    wording: 'Je fais mes courses à pied si 10 voisins le font aussi',
    action: 'mode_switch',
    scope: { kind: 'territory', target: { kind: 'count', count: 10 } },
    signingDeadline: inDays(s, 20),
    actionStart: inDays(s, 21),
    actionEnd: inDays(s, 40),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A follow-up at 10:00 whose referent is the mediator (accepted): a staff member who is someone's referent. */
async function enrol(s: Stage, territory: TerritoryFixture, userId: string): Promise<string> {
  const db = s.t.database.db;
  const now = s.t.clock.now();
  const row = await db
    .insertInto('check_in_enrolments')
    .values({ territory_id: territory.id, user_id: userId, deadline_minutes: 600, weekdays: [1, 2, 3, 4, 5, 6, 7], escalation_minutes: 60, counts_from: now, enrolled_by: null, consent_ref: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('check_in_referents').values({ territory_id: territory.id, enrolment_id: row.id, user_id: s.mediatorUser.id, status: 'active', invited_at: now, answered_at: now }).execute();
  return row.id;
}

/** A session row written directly for someone who never consented (as a stale row or a bug would leave). */
async function forgedSession(s: Stage, residentId: string): Promise<string> {
  const now = s.t.clock.now();
  const row = await s.t.database.db
    .insertInto('mediation_sessions')
    .values({ territory_id: s.territory.id, mediator_id: s.mediatorUser.id, resident_id: residentId, reason: 'Sans consentement', started_at: now, expires_at: new Date(now.getTime() + 30 * 60_000) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function targetFor(s: Stage, column: Column, enrolled: boolean): Promise<Target> {
  if (column === 'ordinary resident' || column === 'another territory') {
    const territory = column === 'ordinary resident' ? s.territory : s.elsewhere;
    const user = await buildUser(s.t.database.db, { territory });
    return { userId: user.id, sessionId: await forgedSession(s, user.id), enrolmentId: enrolled ? await enrol(s, territory, user.id) : null };
  }
  const created = await s.mediator.post(`${M(s)}/assisted`, { displayName: `Personne ${unique()}`, commune: '21002', consentRef: `F-${unique()}` });
  expect(created.statusCode, created.body).toBe(201);
  const userId = created.json<{ userId: string }>().userId;
  const session = await s.mediator.post(`${M(s)}/sessions`, { residentId: userId, reason: 'Rendez-vous au guichet' });
  expect(session.statusCode, session.body).toBe(201);
  const sessionId = session.json<{ id: string }>().id;
  const enrolmentId = enrolled ? await enrol(s, s.territory, userId) : null;
  if (column === 'assisted, no session') expect((await s.mediator.post(`${M(s)}/sessions/${sessionId}/end`)).statusCode).toBe(200);
  if (column === 'assisted, consent withdrawn') expect((await s.mediator.post(`${M(s)}/assisted/${userId}/withdraw-consent`, {})).statusCode).toBe(200);
  return { userId, sessionId, enrolmentId };
}

const aidRequest = (s: Stage) => ({
  kind: 'groceries',
  urgency: 'this_week',
  window: { from: inDays(s, 0.1), to: inDays(s, 2) },
  description: 'Courses de la semaine, demandées au guichet.',
  place: { lat: 47.05, lng: 5.15 },
  address: '3 rue des Lilas',
});

// `expect` reads, in order: [assisted in a session, assisted without a session, consent withdrawn, ordinary resident, another territory]
// prettier-ignore
const MATRIX: Row[] = [
  // Acting for the person: only in an open session for an assisted account with active consent.
  { route: 'POST /api/territories/:t/commitments/:id/sign-for', via: 'named', build: async (s, p) => ({ method: 'POST', url: `${T(s)}/commitments/${await commitment(s)}/sign-for`, body: { userId: p.userId, publicName: true } }), expect: [200, 403, 403, 403, 403] },
  { route: 'POST /api/territories/:t/commitments/:id/sign', note: 'as the session’s person', via: 'header', build: async (s) => ({ method: 'POST', url: `${T(s)}/commitments/${await commitment(s)}/sign`, body: { publicName: true } }), expect: [200, 403, 403, 403, 403] },
  { route: 'POST /api/territories/:t/check-ins/residents/:userId/enrolment', via: 'named', build: async (s, p) => ({ method: 'POST', url: `${C(s)}/residents/${p.userId}/enrolment`, body: await schedule(s) }), expect: [201, 403, 403, 403, 403] },
  { route: 'POST /api/territories/:t/check-ins/enrolment', note: 'as the session’s person', via: 'header', build: async (s) => ({ method: 'POST', url: `${C(s)}/enrolment`, body: await schedule(s) }), expect: [201, 403, 403, 403, 403] },
  { route: 'POST /api/territories/:t/check-ins/residents/:userId/phone-check-ins', via: 'named', enrolled: true, build: (s, p) => ({ method: 'POST', url: `${C(s)}/residents/${p.userId}/phone-check-ins` }), expect: [200, 403, 403, 403, 403] },
  { route: 'POST /api/territories/:t/check-ins/today', note: 'as the session’s person', via: 'header', enrolled: true, build: (s) => ({ method: 'POST', url: `${C(s)}/today` }), expect: [200, 403, 403, 403, 403] },
  { route: 'POST /api/territories/:t/mutual-aid/requests', note: 'as the session’s person', via: 'header', build: (s) => ({ method: 'POST', url: `${T(s)}/mutual-aid/requests`, body: aidRequest(s) }), expect: [201, 403, 403, 403, 403] },
  // Reading the person: in a session the mediator reads as them (audited `mediation.acted`); outside, a staff member —
  // the mediator is the referent of every follow-up here — states a reason, which is audited.
  { route: 'GET /api/territories/:t/check-ins/enrolments/:id/history', note: 'staff referent, no reason', via: 'named', enrolled: true, build: (s, p) => ({ method: 'GET', url: `${C(s)}/enrolments/${p.enrolmentId}/history` }), expect: [200, 403, 403, 403, 404] },
  { route: 'GET /api/territories/:t/check-ins/enrolments/:id/history', note: 'staff referent, with a reason', via: 'named', enrolled: true, build: (s, p) => ({ method: 'GET', url: `${C(s)}/enrolments/${p.enrolmentId}/history?reason=${REASON}` }), expect: [200, 200, 200, 200, 404] },
  // The mediator's desk powers over one person: never from inside a session; only for the territory's assisted accounts.
  { route: 'GET /api/territories/:t/mediation/assisted/:userId', via: 'named', build: (s, p) => ({ method: 'GET', url: `${M(s)}/assisted/${p.userId}` }), expect: [403, 200, 200, 404, 404] },
  { route: 'POST /api/territories/:t/mediation/assisted/:userId/takeover-code', via: 'named', build: (s, p) => ({ method: 'POST', url: `${M(s)}/assisted/${p.userId}/takeover-code` }), expect: [403, 201, 201, 404, 404] },
  { route: 'POST /api/territories/:t/mediation/assisted/:userId/erasure', via: 'named', build: (s, p) => ({ method: 'POST', url: `${M(s)}/assisted/${p.userId}/erasure`, body: { formRef: `E-${unique()}` } }), expect: [403, 204, 204, 404, 404] },
  { route: 'POST /api/territories/:t/mediation/sessions', via: 'named', build: (s, p) => ({ method: 'POST', url: `${M(s)}/sessions`, body: { residentId: p.userId, reason: 'Nouvelle demande' } }), expect: [403, 201, 403, 403, 403] },
  // A takeover code typed from the mediator's own session: refused before the code is even looked up.
  { route: 'POST /api/territories/:t/mediation/takeover', note: 'from the mediator’s session', via: 'named', build: async (s, p) => {
    const issued = await s.mediator.post(`${M(s)}/assisted/${p.userId}/takeover-code`);
    const code = issued.statusCode === 201 ? issued.json<{ code: string }>().code : 'AAAA-BBBB-CCCC';
    return { method: 'POST', url: `${M(s)}/takeover`, body: { code, email: `m-${unique()}@example.org`, password: 'un mot de passe sûr' } };
  }, expect: [403, 403, 403, 403, 403] },
];

/** Routes that act for, or read, one named person: each must have a row here. */
const NAMES_A_PERSON = /\/(residents\/:userId|assisted\/:userId)\/|\/sign-for$|\/enrolments\/:id\/history$/;

describe.each(databaseKinds())('authorization matrix: acting for a resident on %s', (kind) => {
  let s: Stage;
  beforeAll(async () => {
    const t = await startTestApp(kind);
    const territory = await buildTerritory(t.database.db);
    const elsewhere = await buildTerritory(t.database.db);
    const mediatorUser = await buildUser(t.database.db, { territory, roles: ['resident', 'mediator'] });
    s = { t, territory, elsewhere, mediatorUser, mediator: await new Client(t.app).signIn(mediatorUser.email, PASSWORD) };
  });
  afterAll(() => s.t.close());

  for (const row of MATRIX) {
    COLUMNS.forEach((column, i) => {
      const status = row.expect[i]!;
      it(`${row.route}${row.note ? ` (${row.note})` : ''} × ${column} → ${status}`, async () => {
        const target = await targetFor(s, column, row.enrolled === true);
        const call = await row.build(s, target);
        const withHeader = row.via === 'header' || column === 'assisted, in a session';
        const res = await s.mediator.request({
          method: call.method,
          url: call.url,
          ...(call.body ? { payload: call.body } : {}),
          ...(withHeader ? { headers: { 'x-maille-acting-for': target.sessionId } } : {}),
        });
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      });
    });
  }

  it('audits every read of a history outside a session with its reason', async () => {
    const target = await targetFor(s, 'ordinary resident', true);
    expect((await s.mediator.get(`${C(s)}/enrolments/${target.enrolmentId}/history?reason=${REASON}`)).statusCode).toBe(200);
    const logged = await s.t.database.db.selectFrom('audit_log').select(['actor_id', 'reason']).where('action', '=', 'personal_data.viewed').where('subject_id', '=', target.enrolmentId!).execute();
    expect(logged).toEqual([{ actor_id: s.mediatorUser.id, reason: decodeURIComponent(REASON) }]);
  });

  it('covers every route that acts for or reads one named person', async () => {
    const named = (await registeredRoutes(s.t)).map((r) => r.route).filter((r) => NAMES_A_PERSON.test(r.split(' ')[1]!));
    const rows = new Set(MATRIX.map((r) => r.route));
    expect(named.length).toBeGreaterThanOrEqual(7);
    expect(named.filter((r) => !rows.has(r) && !EXCLUDED[r])).toEqual([]);
  });
});

/** Routes that name a person but are not staff powers over them, each with why. */
const EXCLUDED: Record<string, string> = {
  'POST /api/territories/:t/mediation/assisted/:userId/withdraw-consent': 'records the person’s own decision; it ends sessions rather than acting for them (mediation-sessions-http.test.ts)',
};
