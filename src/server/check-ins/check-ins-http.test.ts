// Daily check-ins over HTTP on a real database: enrolment with referents who consent, the big button (once per local
// day), the escalation timeline with a fixed clock (before the deadline nothing; at the deadline referents alerted
// once; acknowledged → no escalation; not acknowledged → escalated once to the people on duty; a late check-in closes
// it), privacy of the history (resident and referents only; staff with an audited reason), bad input with nothing
// written, and the data export and erasure. Mediators acting for someone: check-ins-acting-http.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import type { TerritoryRole } from '../core/database/schema.ts';
import { sweepCheckIns } from './sweep.ts';

const MINUTE = 60_000;

describe.each(databaseKinds())('daily check-ins on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  const sweep = () => sweepCheckIns({ db: db(), config: t.config }, t.clock.now());
  const at = (iso: string) => t.clock.set(new Date(iso));

  interface World {
    territory: TerritoryFixture;
    base: string;
    person: (roles?: TerritoryRole[]) => Promise<UserFixture>;
  }
  async function world(): Promise<World> {
    const territory = await buildTerritory(db());
    return { territory, base: `/api/territories/${territory.slug}/check-ins`, person: (roles = ['resident']) => buildUser(db(), { territory, roles }) };
  }

  /** A resident enrolled at 10:00 with an escalation delay of 30 minutes, and referents who accepted. */
  async function enrolled(w: World, referentCount = 1, options: { deadline?: string; escalationMinutes?: number } = {}) {
    const resident = await w.person();
    const referents = await Promise.all(Array.from({ length: referentCount }, () => w.person()));
    const me = await signIn(resident);
    const res = await me.post(`${w.base}/enrolment`, {
      deadline: options.deadline ?? '10:00',
      escalationMinutes: options.escalationMinutes ?? 30,
      referents: referents.map((r, i) => (i % 2 === 0 ? r.id : r.email)),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const clients = [];
    for (const r of referents) {
      const c = await signIn(r);
      expect((await c.post(`${w.base}/enrolments/${id}/accept`)).statusCode).toBe(200);
      clients.push(c);
    }
    // Today is done: the timelines start tomorrow.
    expect((await me.post(`${w.base}/today`)).statusCode).toBe(200);
    return { resident, me, id, referents, clients };
  }
  const alertsOf = (enrolmentId: string) => db().selectFrom('check_in_alerts').selectAll().where('enrolment_id', '=', enrolmentId).orderBy('id').execute();
  /** What a person was told, invitations aside. */
  const kindsFor = async (userId: string) =>
    (await db().selectFrom('notifications').select('kind').where('user_id', '=', userId).where('kind', '<>', 'check_in.invited').orderBy('id').execute()).map((n) => n.kind);

  it('enrols with referents who must accept; the button answers once per local day', async () => {
    at('2026-12-01T06:00:00Z');
    const w = await world();
    const resident = await w.person();
    const [nadia, paul] = [await w.person(), await w.person()];
    const me = await signIn(resident);
    const res = await me.post(`${w.base}/enrolment`, { deadline: '10:00', weekdays: [1, 2, 3, 4, 5], escalationMinutes: 60, referents: [nadia.id, paul.email.toUpperCase()] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    expect((await db().selectFrom('notifications').select('kind').where('user_id', '=', nadia.id).execute()).map((n) => n.kind)).toEqual(['check_in.invited']);
    let mine = (await me.get(`${w.base}/me`)).json();
    expect(mine.enrolment).toMatchObject({ deadline: '10:00', weekdays: [1, 2, 3, 4, 5], escalationMinutes: 60, started: false });
    expect(mine.enrolment.referents.map((r: { status: string }) => r.status)).toEqual(['invited', 'invited']);

    // Nadia accepts (consent): the follow-up starts; Paul declines.
    const n = await signIn(nadia);
    expect((await n.get(`${w.base}/watching`)).json().invitations).toHaveLength(1);
    expect((await n.post(`${w.base}/enrolments/${id}/accept`)).json()).toEqual({ status: 'active' });
    expect((await (await signIn(paul)).post(`${w.base}/enrolments/${id}/decline`)).json()).toEqual({ status: 'declined' });
    mine = (await me.get(`${w.base}/me`)).json();
    expect(mine.enrolment.started).toBe(true);
    expect(mine.enrolment.today).toMatchObject({ date: '2026-12-01', status: 'pending', deadlineAt: '2026-12-01T09:00:00.000Z', checkIn: null });

    // The big button, twice: the same check-in.
    const first = await me.post(`${w.base}/today`);
    expect(first.json()).toMatchObject({ date: '2026-12-01', channel: 'button', alreadyDone: false });
    t.clock.advance(5 * MINUTE);
    const again = await me.post(`${w.base}/today`);
    expect(again.json()).toMatchObject({ date: '2026-12-01', at: first.json().at, alreadyDone: true });
    expect((await db().selectFrom('check_ins').select('id').where('enrolment_id', '=', id).execute()).length).toBe(1);
    // Nadia sees today's status.
    const watching = (await n.get(`${w.base}/watching`)).json().watching;
    expect(watching[0]).toMatchObject({ enrolmentId: id, deadline: '10:00', today: { status: 'done' }, openAlerts: [] });

    // A second enrolment is refused, and nothing is written.
    const twice = await me.post(`${w.base}/enrolment`, { deadline: '09:00', escalationMinutes: 60, referents: [nadia.id] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().reason).toBe('already_enrolled');
  });

  it('escalation timeline: nothing before the deadline, referents once at it, duty once after the delay, a late check-in closes it', async () => {
    at('2026-12-01T06:00:00Z');
    const w = await world();
    const mediator = await w.person(['resident', 'mediator']);
    const operator = await w.person(['resident', 'operator']);
    const { resident, me, id, referents, clients } = await enrolled(w, 2);
    // Wednesday, 09:59 in Paris: nothing yet.
    at('2026-12-02T08:59:00Z');
    await sweep();
    expect(await alertsOf(id)).toEqual([]);
    // 10:00: one alert, both referents told, once, however many sweeps — two at the same time included (on the
    // PostgreSQL server they really overlap, as two API processes would).
    at('2026-12-02T09:00:00Z');
    await Promise.all([sweep(), sweep()]);
    await sweep();
    expect(await alertsOf(id)).toEqual([expect.objectContaining({ local_date: '2026-12-02', escalated_at: null, resolved_at: null })]);
    for (const r of referents) expect(await kindsFor(r.id)).toEqual(['check_in.missed']);
    const open = (await clients[0]!.get(`${w.base}/watching`)).json().watching[0].openAlerts;
    expect(open).toHaveLength(1);
    expect(await kindsFor(mediator.id)).toEqual([]);
    // The duty list is empty: nothing escalated.
    expect((await (await signIn(mediator)).get(`${w.base}/duty?reason=${encodeURIComponent('Alerte transmise ce matin')}`)).json().items).toEqual([]);
    // 10:29: still not escalated. 10:30: escalated once to mediators and operators.
    t.clock.advance(29 * MINUTE);
    await sweep();
    expect((await alertsOf(id))[0]!.escalated_at).toBeNull();
    t.clock.advance(1 * MINUTE);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    expect((await alertsOf(id))[0]!.escalated_at).not.toBeNull();
    expect(await kindsFor(mediator.id)).toEqual(['check_in.escalated']);
    expect(await kindsFor(operator.id)).toEqual(['check_in.escalated']);
    expect(await kindsFor(resident.id)).toEqual([]);
    const duty = (await (await signIn(operator)).get(`${w.base}/duty?reason=${encodeURIComponent('Alerte transmise ce matin')}`)).json().items;
    expect(duty).toEqual([expect.objectContaining({ enrolmentId: id, date: '2026-12-02', resolvedAt: null, resident: expect.objectContaining({ userId: resident.id }) })]);
    // 11:15, a late check-in closes it and tells referents and duty.
    t.clock.advance(45 * MINUTE);
    expect((await me.post(`${w.base}/today`)).json()).toMatchObject({ resolvedAlerts: 1 });
    expect((await alertsOf(id))[0]).toMatchObject({ resolution: 'checked_in' });
    for (const r of referents) expect(await kindsFor(r.id)).toEqual(['check_in.missed', 'check_in.resolved']);
    expect(await kindsFor(mediator.id)).toEqual(['check_in.escalated', 'check_in.resolved']);
    // The next days: a check-in before the deadline means no alert.
    at('2026-12-03T08:00:00Z');
    await me.post(`${w.base}/today`);
    at('2026-12-03T12:00:00Z');
    await sweep();
    expect(await alertsOf(id)).toHaveLength(1);
  });

  it('an acknowledgement within the delay stops the escalation; "all is well" closes the alert', async () => {
    at('2026-12-01T06:00:00Z');
    const w = await world();
    const mediator = await w.person(['resident', 'mediator']);
    const { id, referents, clients } = await enrolled(w, 2);
    at('2026-12-02T09:00:00Z');
    await sweep();
    const [alert] = await alertsOf(id);
    t.clock.advance(10 * MINUTE);
    const ack = await clients[0]!.post(`${w.base}/alerts/${alert!.id}/acknowledge`, { action: 'on_my_way', note: 'J’appelle, puis je passe.' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(await kindsFor(referents[1]!.id)).toEqual(['check_in.missed', 'check_in.acknowledged']);
    t.clock.advance(3 * 60 * MINUTE);
    await sweep();
    expect((await alertsOf(id))[0]).toMatchObject({ escalated_at: null, resolved_at: null });
    expect(await kindsFor(mediator.id)).toEqual([]);
    // The mediator cannot act on an alert that did not escalate to them, nor see it.
    expect((await (await signIn(mediator)).post(`${w.base}/alerts/${alert!.id}/acknowledge`, { action: 'all_well' })).statusCode).toBe(404);
    const done = await clients[0]!.post(`${w.base}/alerts/${alert!.id}/acknowledge`, { action: 'all_well' });
    expect(done.json()).toEqual({ status: 'resolved' });
    expect((await alertsOf(id))[0]).toMatchObject({ resolution: 'all_well' });
    expect((await clients[0]!.post(`${w.base}/alerts/${alert!.id}/acknowledge`, { action: 'all_well' })).json().reason).toBe('alert_closed');
    // The history shows the acknowledgement and its note to the resident's referents.
    const history = (await clients[1]!.get(`${w.base}/enrolments/${id}/history`)).json();
    expect(history.alerts[0].acknowledgements.map((a: { action: string }) => a.action)).toEqual(['on_my_way', 'all_well']);
    expect(history.alerts[0].acknowledgements[0].note).toBe('J’appelle, puis je passe.');
  });

  it('expects only chosen weekdays, nothing while paused, and nothing before a referent accepts', async () => {
    at('2026-12-01T06:00:00Z');
    const w = await world();
    const { me, id } = await enrolled(w, 1);
    expect((await me.patch(`${w.base}/enrolment`, { weekdays: [1, 2, 3, 4, 5] })).statusCode).toBe(200);
    // Saturday 5 December: not a chosen day.
    at('2026-12-05T12:00:00Z');
    await sweep();
    expect(await alertsOf(id)).toEqual([]);
    // Paused for the holidays until Tuesday 8th: no alert Monday 7th, one on Wednesday 9th.
    expect((await me.post(`${w.base}/enrolment/pause`, { until: '2026-12-08' })).json()).toEqual({ pausedUntil: '2026-12-08' });
    at('2026-12-07T12:00:00Z');
    await sweep();
    expect(await alertsOf(id)).toEqual([]);
    at('2026-12-09T12:00:00Z');
    await sweep();
    expect((await alertsOf(id)).map((a) => a.local_date)).toEqual(['2026-12-09']);
    // A follow-up whose referents never accepted raises nothing.
    const lonely = await w.person();
    const invited = await w.person();
    expect((await (await signIn(lonely)).post(`${w.base}/enrolment`, { deadline: '10:00', escalationMinutes: 30, referents: [invited.id] })).statusCode).toBe(201);
    at('2026-12-10T12:00:00Z');
    await sweep();
    const row = await db().selectFrom('check_in_enrolments').select('id').where('user_id', '=', lonely.id).executeTakeFirstOrThrow();
    expect(await alertsOf(row.id)).toEqual([]);
  });

  it('history: the resident and active referents; staff only with a reason, audited; others never', async () => {
    at('2026-12-01T06:00:00Z');
    const w = await world();
    const { me, id, clients } = await enrolled(w, 1);
    await me.post(`${w.base}/today`);
    const url = `${w.base}/enrolments/${id}/history`;
    const mine = await me.get(url);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().days[0]).toMatchObject({ date: '2026-12-01', expected: true, checkIn: { channel: 'button' } });
    expect((await clients[0]!.get(url)).statusCode).toBe(200);
    expect((await (await signIn(await w.person())).get(url)).statusCode).toBe(404);
    expect((await new Client(t.app).get(url)).statusCode).toBe(401);
    const elsewhere = await buildUser(db(), { territory: await buildTerritory(db()) });
    expect((await (await signIn(elsewhere)).get(url)).statusCode).toBe(403);
    for (const roles of [['resident', 'operator'], ['resident', 'mediator'], ['resident', 'admin']] as TerritoryRole[][]) {
      const staff = await w.person(roles);
      const c = await signIn(staff);
      const without = await c.get(url);
      expect(without.statusCode).toBe(403);
      expect(without.json().reason).toBe('reason_required');
      const withReason = await c.get(`${url}?reason=${encodeURIComponent('Appel de la fille, inquiète')}`);
      expect(withReason.statusCode).toBe(200);
      const logged = await db().selectFrom('audit_log').select(['reason', 'subject_id']).where('action', '=', 'personal_data.viewed').where('actor_id', '=', staff.id).execute();
      expect(logged).toEqual([{ reason: 'Appel de la fille, inquiète', subject_id: id }]);
    }
    // A referent who steps down loses access.
    expect((await clients[0]!.post(`${w.base}/enrolments/${id}/decline`)).statusCode).toBe(200);
    expect((await clients[0]!.get(url)).statusCode).toBe(404);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    at('2026-12-01T06:00:00Z');
    const w = await world();
    const resident = await w.person();
    const me = await signIn(resident);
    const others = await Promise.all([1, 2, 3, 4].map(() => w.person()));
    const good = { deadline: '10:00', escalationMinutes: 30, referents: [others[0]!.id] };
    const cases: [unknown, string, string?][] = [
      [{ ...good, referents: [] }, '/referents', 'referent_count'],
      [{ ...good, referents: others.map((o) => o.id) }, '/referents', 'referent_count'],
      [{ ...good, deadline: '25:00' }, '/deadline', 'deadline_malformed'],
      [{ ...good, deadline: '9h30' }, '/deadline', 'deadline_malformed'],
      [{ ...good, escalationMinutes: 10 }, '/escalationMinutes', 'delay_out_of_range'],
      [{ ...good, escalationMinutes: 241 }, '/escalationMinutes', 'delay_out_of_range'],
      [{ ...good, escalationMinutes: '30' }, '/escalationMinutes'],
      [{ ...good, weekdays: [] }, '/weekdays', 'weekdays_empty'],
      [{ ...good, weekdays: [0] }, '/weekdays/0', 'weekday_invalid'],
      [{ ...good, referents: [resident.id] }, '/referents/0', 'referent_self'],
      [{ ...good, referents: ['999999999'] }, '/referents', 'referent_unknown'],
      [{ ...good, referents: ['pas une adresse'] }, '/referents/0', 'referent_malformed'],
      [{ ...good, referents: [others[0]!.id, others[0]!.id] }, '/referents/1', 'referent_duplicate'],
      [{ ...good, healthNotes: 'x' }, '/healthNotes'],
    ];
    for (const [body, field, reason] of cases) {
      const res = await me.post(`${w.base}/enrolment`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field).toBe(field);
      if (reason) expect(res.json().reason).toBe(reason);
    }
    expect(await db().selectFrom('check_in_enrolments').select('id').where('territory_id', '=', w.territory.id).execute()).toEqual([]);
    expect(await db().selectFrom('check_in_referents').select('id').where('territory_id', '=', w.territory.id).execute()).toEqual([]);
    expect(await db().selectFrom('notifications').select('id').where('territory_id', '=', w.territory.id).execute()).toEqual([]);
    // Not enrolled: the button says so.
    const button = await me.post(`${w.base}/today`);
    expect(button.statusCode).toBe(404);
    expect(button.json().reason).toBe('not_enrolled');
    // A fourth referent, a pause in the past, a too-long note.
    const { me: enrolledMe, id } = await enrolled(w, 3);
    const fourth = await enrolledMe.post(`${w.base}/enrolment/referents`, { referent: others[3]!.id });
    expect(fourth.json()).toMatchObject({ field: '/referent', reason: 'referent_count' });
    expect((await enrolledMe.post(`${w.base}/enrolment/pause`, { until: '2026-11-30' })).json()).toMatchObject({ field: '/until', reason: 'pause_out_of_range' });
    expect((await enrolledMe.patch(`${w.base}/enrolment`, { deadline: '7:5' })).json()).toMatchObject({ field: '/deadline' });
    at('2026-12-02T09:00:00Z');
    await sweep();
    const [alert] = await alertsOf(id);
    const referent = (await db().selectFrom('check_in_referents').select('user_id').where('enrolment_id', '=', id).executeTakeFirstOrThrow()).user_id;
    const u = await db().selectFrom('users').select('email').where('id', '=', referent).executeTakeFirstOrThrow();
    const c = await new Client(t.app).signIn(u.email!, PASSWORD);
    const long = await c.post(`${w.base}/alerts/${alert!.id}/acknowledge`, { action: 'on_my_way', note: 'x'.repeat(201) });
    expect(long.json()).toMatchObject({ field: '/note', reason: 'note_too_long' });
    expect((await alertsOf(id))[0]!.acknowledged_at).toBeNull();
  });

  it('exports the follow-up with the account and erases it with the account', async () => {
    at('2026-12-01T06:00:00Z');
    const w = await world();
    const { resident, me, id, clients } = await enrolled(w, 1);
    await me.post(`${w.base}/today`);
    const exported = (await me.get('/api/me/export')).json();
    expect(exported.checkIns.enrolments).toHaveLength(1);
    expect(exported.checkIns.checkIns).toHaveLength(1);
    expect((await clients[0]!.get('/api/me/export')).json().checkIns.asReferent).toEqual([expect.objectContaining({ enrolment_id: id, status: 'active' })]);
    expect((await me.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect(await db().selectFrom('check_in_enrolments').select('id').where('user_id', '=', resident.id).execute()).toEqual([]);
    expect(await db().selectFrom('check_ins').select('id').where('enrolment_id', '=', id).execute()).toEqual([]);
  });
});
