// The authorization matrix of daily check-ins: every route × every kind of caller → the status it must get. A
// follow-up is its resident's; its history is readable by the resident and active referents only — other residents get
// 404 (its existence is not disclosed), operators and admins 403 without a stated reason and 200 with one (audited).
// Staff see an alert only once it escalated to the people on duty. The matrix's people hold no mediator role, so the
// mediator-only routes refuse all of them; the mediator's own answers are checked below.
import { expect, it } from 'vitest';
import { buildUser, PASSWORD, type UserFixture } from './support/factories.ts';
import { Client } from './support/http.ts';
import { describeMatrix, hasTag, residents, T, unique, type Expect, type Row, type World } from './support/matrix.ts';

const mediatorsOnly: Expect = [401, 403, 403, 403, 403, 403];
/** The resident and referents (the matrix's resident is the referent); other members 404; staff need a reason. */
const referentOnly: Expect = [401, 200, 404, 403, 403, 403];
const referentOrStaffWithReason: Expect = [401, 200, 404, 200, 200, 403];
/** Invited people answer (every matrix person of the territory is invited). */
const invited: Expect = [401, 200, 200, 200, 200, 403];
const notInvited: Expect = [401, 404, 404, 404, 404, 403];
const duty: Expect = [401, 403, 403, 200, 200, 403];

const C = (w: World) => `${T(w)}/check-ins`;
const MEMBERS = ['resident', 'organiser', 'operator', 'admin'] as const;

/** A follow-up written directly: started (a referent accepted), every day at 10:00, 30 minutes before escalation. */
async function enrolment(w: World, userId: string): Promise<string> {
  const now = new Date();
  const row = await w.t.database.db
    .insertInto('check_in_enrolments')
    .values({ territory_id: w.territory.id, user_id: userId, deadline_minutes: 600, weekdays: [1, 2, 3, 4, 5, 6, 7], escalation_minutes: 30, counts_from: now, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function referent(w: World, enrolmentId: string, userId: string, status: 'invited' | 'active'): Promise<void> {
  await w.t.database.db
    .insertInto('check_in_referents')
    .values({ territory_id: w.territory.id, enrolment_id: enrolmentId, user_id: userId, status, invited_at: new Date(), answered_at: status === 'active' ? new Date() : null })
    .execute();
}

/** Each matrix member of the territory has a follow-up with one active referent (re-created after leaving). */
async function everyoneEnrolled(w: World): Promise<Record<(typeof MEMBERS)[number], string>> {
  const out = {} as Record<(typeof MEMBERS)[number], string>;
  for (const m of MEMBERS) {
    const found = await w.t.database.db.selectFrom('check_in_enrolments').select('id').where('territory_id', '=', w.territory.id).where('user_id', '=', w.users[m].id).executeTakeFirst();
    if (found) {
      out[m] = found.id;
      continue;
    }
    out[m] = await enrolment(w, w.users[m].id);
    await referent(w, out[m], (await buildUser(w.t.database.db, { territory: w.territory })).id, 'active');
  }
  return out;
}

/** Another resident's follow-up, the matrix's resident as its active referent. */
async function watchedByResident(w: World): Promise<string> {
  const id = await enrolment(w, (await buildUser(w.t.database.db, { territory: w.territory })).id);
  await referent(w, id, w.users.resident.id, 'active');
  return id;
}

/** An open alert on such a follow-up, escalated or not. */
async function alert(w: World, escalated: boolean): Promise<string> {
  const enrolmentId = await watchedByResident(w);
  const now = new Date();
  const row = await w.t.database.db
    .insertInto('check_in_alerts')
    .values({ territory_id: w.territory.id, enrolment_id: enrolmentId, local_date: now.toISOString().slice(0, 10), deadline_at: now, raised_at: now, escalate_at: new Date(now.getTime() + 60_000), escalated_at: escalated ? now : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const newResident = (w: World) => buildUser(w.t.database.db, { territory: w.territory });
const reason = encodeURIComponent('Appel inquiet de la famille');

// One row per route. `expect` reads, in order: [anonymous, resident, organiser, operator, admin, outsider]
// prettier-ignore
const MATRIX: Row[] = [
  { route: 'GET /api/territories/:t/check-ins/me', build: (w) => ({ url: `${C(w)}/me` }), expect: residents(200) },
  { route: 'POST /api/territories/:t/check-ins/enrolment', freshActor: true, build: async (w) => ({ url: `${C(w)}/enrolment`, body: { deadline: '10:00', escalationMinutes: 60, referents: [(await newResident(w)).id] } }), expect: residents(201) },
  { route: 'PATCH /api/territories/:t/check-ins/enrolment', build: async (w) => { await everyoneEnrolled(w); return { url: `${C(w)}/enrolment`, body: { deadline: '11:00' } }; }, expect: residents(200) },
  { route: 'DELETE /api/territories/:t/check-ins/enrolment', build: async (w) => { await everyoneEnrolled(w); return { url: `${C(w)}/enrolment` }; }, expect: residents(204) },
  { route: 'POST /api/territories/:t/check-ins/enrolment/pause', build: async (w) => { await everyoneEnrolled(w); return { url: `${C(w)}/enrolment/pause`, body: {} }; }, expect: residents(200) },
  { route: 'POST /api/territories/:t/check-ins/enrolment/resume', build: async (w) => { await everyoneEnrolled(w); return { url: `${C(w)}/enrolment/resume` }; }, expect: residents(200) },
  { route: 'POST /api/territories/:t/check-ins/enrolment/referents', build: async (w) => { await everyoneEnrolled(w); return { url: `${C(w)}/enrolment/referents`, body: { referent: (await newResident(w)).email } }; }, expect: residents(200) },
  {
    route: 'DELETE /api/territories/:t/check-ins/enrolment/referents/:userId',
    build: async (w) => {
      const ids = await everyoneEnrolled(w);
      const extra = await newResident(w);
      for (const id of Object.values(ids)) await referent(w, id, extra.id, 'invited');
      return { url: `${C(w)}/enrolment/referents/${extra.id}` };
    },
    expect: residents(204),
  },
  { route: 'POST /api/territories/:t/check-ins/today', build: async (w) => { await everyoneEnrolled(w); return { url: `${C(w)}/today` }; }, expect: residents(200) },
  { route: 'GET /api/territories/:t/check-ins/watching', build: (w) => ({ url: `${C(w)}/watching` }), expect: residents(200) },
  {
    route: 'POST /api/territories/:t/check-ins/enrolments/:id/accept',
    build: async (w) => {
      const id = await enrolment(w, (await newResident(w)).id);
      for (const m of MEMBERS) await referent(w, id, w.users[m].id, 'invited');
      return { url: `${C(w)}/enrolments/${id}/accept` };
    },
    expect: invited,
  },
  { route: 'POST /api/territories/:t/check-ins/enrolments/:id/accept', note: 'not invited', build: async (w) => ({ url: `${C(w)}/enrolments/${await enrolment(w, (await newResident(w)).id)}/accept` }), expect: notInvited },
  {
    route: 'POST /api/territories/:t/check-ins/enrolments/:id/decline',
    build: async (w) => {
      const id = await enrolment(w, (await newResident(w)).id);
      for (const m of MEMBERS) await referent(w, id, w.users[m].id, 'invited');
      return { url: `${C(w)}/enrolments/${id}/decline` };
    },
    expect: invited,
  },
  { route: 'GET /api/territories/:t/check-ins/enrolments/:id/history', build: async (w) => ({ url: `${C(w)}/enrolments/${await watchedByResident(w)}/history` }), expect: referentOnly },
  { route: 'GET /api/territories/:t/check-ins/enrolments/:id/history', note: 'with a reason', build: async (w) => ({ url: `${C(w)}/enrolments/${await watchedByResident(w)}/history?reason=${reason}` }), expect: referentOrStaffWithReason },
  { route: 'POST /api/territories/:t/check-ins/alerts/:id/acknowledge', build: async (w) => ({ url: `${C(w)}/alerts/${await alert(w, false)}/acknowledge`, body: { action: 'on_my_way' } }), expect: [401, 200, 404, 404, 404, 403] },
  { route: 'POST /api/territories/:t/check-ins/alerts/:id/acknowledge', note: 'escalated', build: async (w) => ({ url: `${C(w)}/alerts/${await alert(w, true)}/acknowledge`, body: { action: 'on_my_way' } }), expect: [401, 200, 404, 200, 200, 403] },
  { route: 'GET /api/territories/:t/check-ins/duty', build: (w) => ({ url: `${C(w)}/duty?reason=${reason}` }), expect: duty },
  // A staff read of personal data states its reason: without one the edge answers 400 naming it, whoever asks.
  { route: 'GET /api/territories/:t/check-ins/duty', note: 'no reason', build: (w) => ({ url: `${C(w)}/duty` }), expect: [400, 400, 400, 400, 400, 400] },
  { route: 'POST /api/territories/:t/check-ins/residents/:userId/enrolment', build: async (w) => ({ url: `${C(w)}/residents/${(await newResident(w)).id}/enrolment`, body: { deadline: '10:00', escalationMinutes: 60, referents: [(await newResident(w)).id] } }), expect: mediatorsOnly },
  { route: 'POST /api/territories/:t/check-ins/residents/:userId/phone-check-ins', build: async (w) => { const r = await newResident(w); await enrolment(w, r.id); return { url: `${C(w)}/residents/${r.id}/phone-check-ins` }; }, expect: mediatorsOnly },
];

describeMatrix('authorization matrix: check-ins', MATRIX, {
  covers: hasTag('check-ins'),
  atLeast: 17,
  more: (world) => {
    it('lets a mediator, in a session for an assisted resident, enrol them and record a phone check-in; see the duty list, and read a history only with a reason', async () => {
      const w = world();
      const db = w.t.database.db;
      const mediator: UserFixture = await buildUser(db, { territory: w.territory, roles: ['resident', 'mediator'] });
      const m = await new Client(w.t.app).signIn(mediator.email, PASSWORD);
      const assisted = await m.post(`${T(w)}/mediation/assisted`, { displayName: 'Personne accompagnée', commune: '21001', consentRef: `F-${unique()}` });
      const residentId = assisted.json<{ userId: string }>().userId;
      const session = await m.post(`${T(w)}/mediation/sessions`, { residentId, reason: 'Inscription au bonjour quotidien' });
      const acting = (url: string, payload?: object) => m.request({ method: 'POST', url, headers: { 'x-maille-acting-for': session.json<{ id: string }>().id }, ...(payload ? { payload } : {}) });
      // Without the session, nobody is enrolled for someone.
      expect((await m.post(`${C(w)}/residents/${residentId}/enrolment`, { deadline: '10:00', escalationMinutes: 60, referents: [(await newResident(w)).id] })).statusCode).toBe(403);
      const enrolled = await acting(`${C(w)}/residents/${residentId}/enrolment`, { deadline: '10:00', escalationMinutes: 60, referents: [(await newResident(w)).id] });
      expect(enrolled.statusCode, enrolled.body).toBe(201);
      expect((await acting(`${C(w)}/residents/${residentId}/phone-check-ins`)).statusCode).toBe(200);
      expect((await m.post(`${T(w)}/mediation/sessions/${session.json<{ id: string }>().id}/end`)).statusCode).toBe(200);
      expect((await m.get(`${C(w)}/duty?reason=${reason}`)).statusCode).toBe(200);
      const history = `${C(w)}/enrolments/${enrolled.json().id}/history`;
      expect((await m.get(history)).statusCode).toBe(403);
      expect((await m.get(`${history}?reason=${reason}`)).statusCode).toBe(200);
      // The mediator, not on duty for a non-escalated alert, cannot act on it.
      expect((await m.post(`${C(w)}/alerts/${await alert(w, false)}/acknowledge`, { action: 'all_well' })).statusCode).toBe(404);
    });
  },
});
