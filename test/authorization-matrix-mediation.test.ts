// The authorization matrix of mediation: every route × every kind of caller → the status it must get. Assisted
// accounts are the territory's mediators' business only: residents, organisers, people of another territory — and
// operators and admins without a stated reason — are refused; staff with a reason read them (audited). The matrix's
// people hold no mediator role, so every mediator-only route refuses all of them; the mediator's own 2xx answers
// are checked below and in src/server/mediation/mediation-{assisted,sessions,takeover}-http.test.ts.
import { expect, it } from 'vitest';
import { buildUser, PASSWORD } from './support/factories.ts';
import { Client } from './support/http.ts';
import { describeMatrix, hasTag, T, unique, type Expect, type Row, type World } from './support/matrix.ts';

/** Nobody of the matrix: mediators only. */
const mediatorsOnly: Expect = [401, 403, 403, 403, 403, 403];
/** Staff with a stated reason (audited); everyone else refused. */
const staffWithReason: Expect = [401, 403, 403, 200, 200, 403];

/** An assisted account of the world's territory, written directly (its creator is a fresh mediator). */
async function assisted(w: World): Promise<{ userId: string; mediatorId: string }> {
  const db = w.t.database.db;
  const mediator = await buildUser(db, { territory: w.territory, roles: ['resident', 'mediator'] });
  const user = await db.insertInto('users').values({ email: null, password_hash: null, display_name: 'Personne accompagnée', deleted_at: null }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('territory_members').values({ territory_id: w.territory.id, user_id: user.id, commune_code: '21001' }).execute();
  await db.insertInto('assisted_accounts').values({ territory_id: w.territory.id, user_id: user.id, created_by: mediator.id, consent_ref: `M-${unique()}`, consent_at: new Date() }).execute();
  return { userId: user.id, mediatorId: mediator.id };
}

/** An open session of a mediator for an assisted resident. */
async function session(w: World): Promise<string> {
  const { userId, mediatorId } = await assisted(w);
  const now = new Date();
  const row = await w.t.database.db
    .insertInto('mediation_sessions')
    .values({ territory_id: w.territory.id, mediator_id: mediatorId, resident_id: userId, reason: 'Aide par téléphone', started_at: now, expires_at: new Date(now.getTime() + 30 * 60_000) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const M = (w: World) => `${T(w)}/mediation`;
const reason = encodeURIComponent('Signalement du CCAS');

// One row per route. `expect` reads, in order: [anonymous, resident, organiser, operator, admin, outsider]
// prettier-ignore
const MATRIX: Row[] = [
  { route: 'POST /api/territories/:t/mediation/assisted', build: (w) => ({ url: `${M(w)}/assisted`, body: { displayName: 'Personne', commune: '21001', consentRef: `F-${unique()}` } }), expect: mediatorsOnly },
  { route: 'GET /api/territories/:t/mediation/assisted', build: (w) => ({ url: `${M(w)}/assisted` }), expect: mediatorsOnly },
  { route: 'GET /api/territories/:t/mediation/assisted', note: 'with a reason', build: (w) => ({ url: `${M(w)}/assisted?reason=${reason}` }), expect: staffWithReason },
  { route: 'GET /api/territories/:t/mediation/assisted/:userId', build: async (w) => ({ url: `${M(w)}/assisted/${(await assisted(w)).userId}` }), expect: mediatorsOnly },
  { route: 'GET /api/territories/:t/mediation/assisted/:userId', note: 'with a reason', build: async (w) => ({ url: `${M(w)}/assisted/${(await assisted(w)).userId}?reason=${reason}` }), expect: staffWithReason },
  { route: 'POST /api/territories/:t/mediation/assisted/:userId/withdraw-consent', build: async (w) => ({ url: `${M(w)}/assisted/${(await assisted(w)).userId}/withdraw-consent`, body: {} }), expect: mediatorsOnly },
  { route: 'POST /api/territories/:t/mediation/assisted/:userId/takeover-code', build: async (w) => ({ url: `${M(w)}/assisted/${(await assisted(w)).userId}/takeover-code` }), expect: mediatorsOnly },
  { route: 'POST /api/territories/:t/mediation/assisted/:userId/erasure', build: async (w) => ({ url: `${M(w)}/assisted/${(await assisted(w)).userId}/erasure`, body: { formRef: `E-${unique()}` } }), expect: mediatorsOnly },
  { route: 'POST /api/territories/:t/mediation/sessions', build: async (w) => ({ url: `${M(w)}/sessions`, body: { residentId: (await assisted(w)).userId, reason: 'Aide par téléphone' } }), expect: mediatorsOnly },
  { route: 'GET /api/territories/:t/mediation/sessions', build: (w) => ({ url: `${M(w)}/sessions` }), expect: mediatorsOnly },
  { route: 'POST /api/territories/:t/mediation/sessions/:id/end', build: async (w) => ({ url: `${M(w)}/sessions/${await session(w)}/end` }), expect: mediatorsOnly },
  // Public by design (the resident has no account to sign in with yet); a wrong code is a 400 — but staff of the
  // territory are refused before the code is looked at (403 staff_session): a code is the person's to type.
  { route: 'POST /api/territories/:t/mediation/takeover', build: (w) => ({ url: `${M(w)}/takeover`, body: { code: 'AAAA-BBBB-CCCC', email: `r-${unique()}@example.org`, password: 'un mot de passe sûr' } }), expect: [400, 400, 400, 403, 403, 400] },
];

describeMatrix('authorization matrix: mediation', MATRIX, {
  covers: hasTag('mediation'),
  atLeast: 10,
  more: (world) => {
    it('a mediator of the territory reads, creates and erases assisted accounts; a mediator of another territory cannot', async () => {
      const w = world();
      const mediator = await new Client(w.t.app).signIn((await buildUser(w.t.database.db, { territory: w.territory, roles: ['resident', 'mediator'] })).email, PASSWORD);
      expect((await mediator.get(`${M(w)}/assisted`)).statusCode).toBe(200);
      expect((await mediator.post(`${M(w)}/assisted`, { displayName: 'Personne', commune: '21001', consentRef: `F-${unique()}` })).statusCode).toBe(201);
      const foreign = await new Client(w.t.app).signIn((await buildUser(w.t.database.db, { territory: w.elsewhere, roles: ['resident', 'mediator'] })).email, PASSWORD);
      expect((await foreign.get(`${M(w)}/assisted`)).statusCode).toBe(403);
      const target = await assisted(w);
      expect((await foreign.post(`${M(w)}/assisted/${target.userId}/erasure`, { formRef: `E-${unique()}` })).statusCode).toBe(403);
      expect((await mediator.post(`${M(w)}/assisted/${target.userId}/erasure`, { formRef: `E-${unique()}` })).statusCode).toBe(204);
    });
  },
});
