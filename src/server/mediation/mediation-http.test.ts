// Mediation over HTTP on a real database: assisted accounts with consent (and who may read them), sessions on
// behalf with the acting header (as the resident, audited "by M on behalf of R", expiry with a fixed clock, someone
// else's session, routes refused while acting), consent withdrawal, takeover with a printed code, export and erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { ACTING_FOR_HEADER } from './model.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;

describe.each(databaseKinds())('mediation on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let mediatorUser: UserFixture;
  let mediator: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    mediatorUser = await buildUser(t.database.db, { territory, roles: ['resident', 'mediator'], displayName: 'Mona Médiatrice' });
    mediator = await new Client(t.app).signIn(mediatorUser.email, PASSWORD);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const base = () => `/api/territories/${territory.slug}/mediation`;
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  let refs = 0;
  const createAssisted = async (client = mediator, name = 'Robert Assisté') => {
    const res = await client.post(`${base()}/assisted`, { displayName: name, commune: '21002', consentRef: `FORM-${++refs}-${Math.random().toString(36).slice(2, 6)}` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ userId: string; consentRef: string }>();
  };
  const startSession = async (residentId: string, client = mediator) => {
    const res = await client.post(`${base()}/sessions`, { residentId, reason: 'Demande d’aide par téléphone' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; expiresAt: string }>();
  };
  const acting = (client: Client, sessionId: string) => ({
    get: (url: string) => client.request({ method: 'GET', url, headers: { [ACTING_FOR_HEADER]: sessionId } }),
    post: (url: string, payload: object = {}) => client.request({ method: 'POST', url, payload, headers: { [ACTING_FOR_HEADER]: sessionId } }),
    delete: (url: string, payload: object) => client.request({ method: 'DELETE', url, payload, headers: { [ACTING_FOR_HEADER]: sessionId } }),
  });
  const launchCommitment = async () => {
    const operator = await signIn(await buildUser(db(), { territory, roles: ['resident', 'operator'] }));
    const at = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
    const res = await operator.post(`/api/territories/${territory.slug}/commitments`, {
      wording: 'Je fais mes courses à pied si d’autres le font aussi',
      action: 'mode_switch',
      scope: { kind: 'territory', target: { kind: 'count', count: 50 } },
      signingDeadline: at(20),
      actionStart: at(21),
      actionEnd: at(40),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const signatures = (commitmentId: string) => db().selectFrom('commitment_signatures').select(['user_id', 'entry']).where('commitment_id', '=', commitmentId).execute();

  describe('assisted accounts', () => {
    it('creates a person without e-mail or password, resident in a commune, with the consent record, audited', async () => {
      const res = await mediator.post(`${base()}/assisted`, { displayName: '  Jeanne Sans-Courriel ', commune: '21002', consentRef: 'CCAS-2026-0042', consentDate: '2026-01-05' });
      expect(res.statusCode, res.body).toBe(201);
      const account = res.json();
      expect(account).toMatchObject({ displayName: 'Jeanne Sans-Courriel', communeCode: '21002', communeName: 'Bêta', consentRef: 'CCAS-2026-0042', status: 'active', createdBy: mediatorUser.id, createdByName: 'Mona Médiatrice' });
      const user = await db().selectFrom('users').selectAll().where('id', '=', account.userId).executeTakeFirstOrThrow();
      expect([user.email, user.password_hash]).toEqual([null, null]);
      const member = await db().selectFrom('territory_members').select(['roles', 'commune_code']).where('user_id', '=', account.userId).executeTakeFirstOrThrow();
      expect(member).toEqual({ roles: ['resident'], commune_code: '21002' });
      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'mediation.assisted_created').where('subject_id', '=', account.userId).executeTakeFirstOrThrow();
      expect([audit.actor_id, audit.on_behalf_of_id]).toEqual([mediatorUser.id, account.userId]);
      // A retry with the same form gives the same account back; another name with that reference is refused.
      const again = await mediator.post(`${base()}/assisted`, { displayName: 'Jeanne Sans-Courriel', commune: '21002', consentRef: 'ccas-2026-0042' });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().userId).toBe(account.userId);
      const reused = await mediator.post(`${base()}/assisted`, { displayName: 'Quelqu’un d’autre', commune: '21002', consentRef: 'CCAS-2026-0042' });
      expect([reused.statusCode, reused.json().field, reused.json().reason]).toEqual([409, '/consentRef', 'consent_ref_used']);
    });

    it('refuses a missing or blank consent reference, a bad commune or date, naming the field, and writes nothing', async () => {
      const before = await db().selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const cases: [object, string][] = [
        [{ displayName: 'A', commune: '21001' }, '/consentRef'],
        [{ displayName: 'A', commune: '21001', consentRef: '   ' }, '/consentRef'],
        [{ displayName: 'A', commune: '99999', consentRef: 'X-1' }, '/commune'],
        [{ displayName: 'A', commune: '21001', consentRef: 'X-2', consentDate: '2999-01-01' }, '/consentDate'],
        [{ displayName: 'A', commune: '21001', consentRef: 'X-3', consentDate: '2026-02-30' }, '/consentDate'],
        [{ displayName: ' ', commune: '21001', consentRef: 'X-4' }, '/displayName'],
      ];
      for (const [body, field] of cases) {
        const res = await mediator.post(`${base()}/assisted`, body);
        expect([res.statusCode, res.json().field], JSON.stringify(body)).toEqual([400, field]);
      }
      const after = await db().selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it('lets only mediators create and read them; operators and admins read only with a reason, which is audited', async () => {
      const account = await createAssisted();
      const resident = await signIn(await buildUser(db(), { territory }));
      expect((await resident.post(`${base()}/assisted`, { displayName: 'B', commune: '21001', consentRef: 'R-1' })).statusCode).toBe(403);
      expect((await resident.get(`${base()}/assisted`)).json().reason).toBe('not_a_mediator');
      expect((await resident.get(`${base()}/assisted/${account.userId}`)).statusCode).toBe(403);
      expect((await new Client(t.app).get(`${base()}/assisted`)).statusCode).toBe(401);

      const list = await mediator.get(`${base()}/assisted`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((a: { userId: string }) => a.userId)).toContain(account.userId);

      for (const role of ['operator', 'admin'] as const) {
        const staffUser = await buildUser(db(), { territory, roles: ['resident', role] });
        const staff = await signIn(staffUser);
        const refused = await staff.get(`${base()}/assisted/${account.userId}`);
        expect([refused.statusCode, refused.json().reason]).toEqual([403, 'reason_required']);
        expect((await staff.get(`${base()}/assisted?reason=abc`)).statusCode).toBe(403);
        const read = await staff.get(`${base()}/assisted/${account.userId}?reason=${encodeURIComponent('Signalement du CCAS n° 12')}`);
        expect(read.statusCode, read.body).toBe(200);
        const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'personal_data.viewed').where('actor_id', '=', staffUser.id).execute();
        expect(audit.map((a) => [a.subject_type, a.subject_id, a.reason])).toEqual([['user', account.userId, 'Signalement du CCAS n° 12']]);
      }
      // A mediator of another territory sees nothing here.
      const elsewhere = await buildTerritory(db());
      const otherMediator = await signIn(await buildUser(db(), { territory: elsewhere, roles: ['resident', 'mediator'] }));
      expect((await otherMediator.get(`${base()}/assisted`)).statusCode).toBe(403);
    });
  });

  describe('sessions on behalf', () => {
    it('acts as the resident with the header: a signature is theirs and every request is audited by M on behalf of R', async () => {
      const account = await createAssisted();
      const session = await startSession(account.userId);
      expect(new Date(session.expiresAt).getTime() - t.clock.now().getTime()).toBe(30 * MINUTE);
      const as = acting(mediator, session.id);
      const me = await as.get('/api/me');
      expect([me.statusCode, me.json().id, me.json().displayName]).toEqual([200, account.userId, 'Robert Assisté']);

      const commitmentId = await launchCommitment();
      const signed = await as.post(`/api/territories/${territory.slug}/commitments/${commitmentId}/sign`, {});
      expect(signed.statusCode, signed.body).toBe(200);
      // Theirs, and marked as entered by the mediator on the consent recorded with the assisted account.
      expect(await signatures(commitmentId)).toEqual([{ user_id: account.userId, entry: 'mediator' }]);
      const entered = await db().selectFrom('commitment_signatures').select(['signed_by', 'consent_ref']).where('commitment_id', '=', commitmentId).executeTakeFirstOrThrow();
      expect(entered).toEqual({ signed_by: mediatorUser.id, consent_ref: account.consentRef });
      const acted = await db().selectFrom('audit_log').selectAll().where('action', '=', 'mediation.acted').where('subject_id', '=', session.id).orderBy('id').execute();
      expect(acted.map((a) => [a.actor_id, a.on_behalf_of_id, a.details])).toEqual([
        [mediatorUser.id, account.userId, { method: 'GET', route: '/api/me', status: 200 }],
        [mediatorUser.id, account.userId, { method: 'POST', route: '/api/territories/:territory/commitments/:id/sign', status: 200 }],
      ]);
      expect(acted.every((a) => a.territory_id === territory.id)).toBe(true);

      // The admin's audit log names both people.
      const admin = await signIn(await buildUser(db(), { territory, roles: ['resident', 'admin'] }));
      const log = await admin.get(`/api/territories/${territory.slug}/audit?action=mediation.acted&limit=5`);
      expect(log.statusCode).toBe(200);
      expect(log.json().items[0]).toMatchObject({ actorName: 'Mona Médiatrice', onBehalfOfName: 'Robert Assisté', actorId: mediatorUser.id, onBehalfOfId: account.userId });

      const ended = await as.post(`${base()}/sessions/${session.id}/end`);
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json().endedAt).not.toBeNull();
      const after = await as.get('/api/me');
      expect([after.statusCode, after.json().reason]).toEqual([403, 'session_expired']);
      // Ending again changes nothing.
      expect((await mediator.post(`${base()}/sessions/${session.id}/end`)).statusCode).toBe(200);
      const endedAudit = await db().selectFrom('audit_log').select('id').where('action', '=', 'mediation.session_ended').where('subject_id', '=', session.id).execute();
      expect(endedAudit).toHaveLength(1);
    });

    it('files a help request for the resident through the mutual-aid route: theirs, audited by M on behalf of R', async () => {
      const account = await createAssisted(mediator, 'Yvette Demande');
      const session = await startSession(account.userId);
      const at = (hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();
      const res = await acting(mediator, session.id).post(`/api/territories/${territory.slug}/mutual-aid/requests`, {
        kind: 'groceries',
        urgency: 'this_week',
        window: { from: at(2), to: at(48) },
        description: 'Courses de la semaine, demandées par téléphone au CCAS.',
        place: { lat: 47.05, lng: 5.15 },
        address: '3 rue des Lilas',
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ id: string }>().id;
      const entries = await db()
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'on_behalf_of_id', 'details'])
        .where('on_behalf_of_id', '=', account.userId)
        .where('action', 'in', ['mutual_aid.request_created', 'mediation.acted'])
        .orderBy('id')
        .execute();
      expect(entries.map((e) => [e.action, e.actor_id, e.on_behalf_of_id])).toEqual([
        ['mutual_aid.request_created', mediatorUser.id, account.userId],
        ['mediation.acted', mediatorUser.id, account.userId],
      ]);
      expect(entries[1]!.details).toEqual({ method: 'POST', route: '/api/territories/:territory/mutual-aid/requests', status: 201 });
      // The request is the resident's own: they see it among theirs.
      const mine = await acting(mediator, session.id).get(`/api/territories/${territory.slug}/mutual-aid/requests/mine`);
      expect(mine.json().items.map((r: { id: string }) => r.id)).toContain(id);
    });

    it('refuses a session past its 30 minutes (403 session_expired) and writes nothing', async () => {
      const account = await createAssisted();
      const commitmentId = await launchCommitment();
      const session = await startSession(account.userId);
      t.clock.advance(31 * MINUTE);
      const auditBefore = await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const res = await acting(mediator, session.id).post(`/api/territories/${territory.slug}/commitments/${commitmentId}/sign`, {});
      expect([res.statusCode, res.json().reason]).toEqual([403, 'session_expired']);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await signatures(commitmentId)).toEqual([]);
      const auditAfter = await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(auditAfter.n).toBe(auditBefore.n);
      // The mediator can still end it (the record says it stopped at its expiry) and open a new one.
      const ended = await mediator.post(`${base()}/sessions/${session.id}/end`);
      expect(ended.json().endedAt).toBe(session.expiresAt);
      await startSession(account.userId);
    });

    it('refuses another mediator’s session, a made-up one, or the header without signing in', async () => {
      const account = await createAssisted();
      const session = await startSession(account.userId);
      const other = await signIn(await buildUser(db(), { territory, roles: ['resident', 'mediator'] }));
      const res = await acting(other, session.id).post(`/api/territories/${territory.slug}/join`, {});
      expect([res.statusCode, res.json().reason]).toEqual([403, 'not_your_session']);
      expect((await acting(other, '999999999').get('/api/me')).json().reason).toBe('not_your_session');
      expect((await acting(other, 'abc').get('/api/me')).json().reason).toBe('not_your_session');
      expect((await acting(new Client(t.app), session.id).get('/api/me')).statusCode).toBe(401);
      // Ending someone else's session: not found.
      expect((await other.post(`${base()}/sessions/${session.id}/end`)).statusCode).toBe(404);
    });

    it('refuses sensitive routes while acting (not_while_acting): erasure, export, another session, consent, another territory', async () => {
      const account = await createAssisted();
      const second = await createAssisted();
      const session = await startSession(account.userId);
      const as = acting(mediator, session.id);
      const elsewhere = await buildTerritory(db());
      const calls = [
        () => as.delete('/api/me', { password: 'whatever-password' }),
        () => as.get('/api/me/export'),
        () => as.post('/api/auth/password-reset', { email: 'x@example.org' }),
        () => as.post(`${base()}/sessions`, { residentId: second.userId, reason: 'Encore une session' }),
        () => as.post(`${base()}/assisted/${account.userId}/takeover-code`),
        () => as.post(`${base()}/assisted/${account.userId}/withdraw-consent`, {}),
        () => as.get(`${base()}/assisted`),
        () => as.post(`/api/territories/${elsewhere.slug}/join`, {}),
      ];
      for (const call of calls) {
        const res = await call();
        expect([res.statusCode, res.json().reason], res.body).toEqual([403, 'not_while_acting']);
      }
      const stillThere = await db().selectFrom('users').select(['deleted_at']).where('id', '=', account.userId).executeTakeFirstOrThrow();
      expect(stillThere.deleted_at).toBeNull();
      const open = await db().selectFrom('mediation_sessions').select('id').where('mediator_id', '=', mediatorUser.id).where('ended_at', 'is', null).execute();
      expect(open.map((s) => s.id)).toEqual([session.id]);
    });

    it('refuses a session for a resident without consent (403 no_consent) and non-mediators', async () => {
      const ordinary = await buildUser(db(), { territory });
      const res = await mediator.post(`${base()}/sessions`, { residentId: ordinary.id, reason: 'Aide aux courses' });
      expect([res.statusCode, res.json().reason]).toEqual([403, 'no_consent']);
      const account = await createAssisted();
      const session = await startSession(account.userId);
      const withdrawn = await mediator.post(`${base()}/assisted/${account.userId}/withdraw-consent`, { note: 'Appel de sa fille' });
      expect([withdrawn.statusCode, withdrawn.json().status]).toEqual([200, 'withdrawn']);
      expect((await acting(mediator, session.id).get('/api/me')).json().reason).toBe('session_expired');
      const again = await mediator.post(`${base()}/sessions`, { residentId: account.userId, reason: 'Aide aux courses' });
      expect([again.statusCode, again.json().reason]).toEqual([403, 'no_consent']);
      const short = await mediator.post(`${base()}/sessions`, { residentId: (await createAssisted()).userId, reason: '  ab  ' });
      expect([short.statusCode, short.json().field]).toEqual([400, '/reason']);
      const resident = await signIn(await buildUser(db(), { territory }));
      expect((await resident.post(`${base()}/sessions`, { residentId: account.userId, reason: 'Aide aux courses' })).statusCode).toBe(403);
    });

    it('a new session ends the mediator’s previous one', async () => {
      const first = await startSession((await createAssisted()).userId);
      await startSession((await createAssisted()).userId);
      expect((await acting(mediator, first.id).get('/api/me')).json().reason).toBe('session_expired');
      const list = await mediator.get(`${base()}/sessions`);
      expect(list.json().items.filter((s: { endedAt: string | null }) => s.endedAt === null)).toHaveLength(1);
    });
  });

  describe('takeover', () => {
    it('turns the assisted account into an ordinary one with the printed code, once; sessions end; audited', async () => {
      const account = await createAssisted(mediator, 'Lucie Reprise');
      const session = await startSession(account.userId);
      const issued = await mediator.post(`${base()}/assisted/${account.userId}/takeover-code`);
      expect(issued.statusCode, issued.body).toBe(201);
      const { code } = issued.json<{ code: string }>();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const stored = await db().selectFrom('mediation_takeover_codes').select('id').where('user_id', '=', account.userId).execute();
      expect(stored.map((s) => s.id)).not.toContain(code.replaceAll('-', ''));

      const resident = new Client(t.app);
      const bad = await resident.post(`${base()}/takeover`, { code: code.toLowerCase(), email: 'lucie@example.org', password: 'court' });
      expect([bad.statusCode, bad.json().field]).toEqual([400, '/password']);
      const done = await resident.post(`${base()}/takeover`, { code: ` ${code.toLowerCase().replaceAll('-', ' ')} `, email: 'Lucie@Example.org', password: 'un mot de passe sûr' });
      expect(done.statusCode, done.body).toBe(200);
      expect([done.json().id, done.json().email]).toEqual([account.userId, 'lucie@example.org']);
      expect((await resident.get('/api/me')).json().id).toBe(account.userId);
      expect((await new Client(t.app).signIn('lucie@example.org', 'un mot de passe sûr')).cookies.maille_session).toBeTruthy();

      const record = await mediator.get(`${base()}/assisted/${account.userId}`);
      expect(record.json().status).toBe('taken_over');
      expect((await acting(mediator, session.id).get('/api/me')).json().reason).toBe('session_expired');
      const refused = await mediator.post(`${base()}/sessions`, { residentId: account.userId, reason: 'Aide aux courses' });
      expect(refused.json().reason).toBe('no_consent');
      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'mediation.taken_over').where('subject_id', '=', account.userId).execute();
      expect(audit.map((a) => a.actor_id)).toEqual([account.userId]);

      const reused = await new Client(t.app).post(`${base()}/takeover`, { code, email: 'autre@example.org', password: 'un mot de passe sûr' });
      expect([reused.statusCode, reused.json().reason]).toEqual([400, 'code_invalid']);
      expect((await mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json().reason).toBe('taken_over');
    });

    it('refuses an expired code, a replaced code, and an e-mail already in use', async () => {
      const account = await createAssisted();
      const first = (await mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>().code;
      const second = (await mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>().code;
      const replaced = await new Client(t.app).post(`${base()}/takeover`, { code: first, email: 'x1@example.org', password: 'un mot de passe sûr' });
      expect(replaced.json().reason).toBe('code_invalid');
      const taken = await new Client(t.app).post(`${base()}/takeover`, { code: second, email: mediatorUser.email, password: 'un mot de passe sûr' });
      expect([taken.statusCode, taken.json().field]).toEqual([409, '/email']);
      t.clock.advance(15 * DAY);
      const expired = await new Client(t.app).post(`${base()}/takeover`, { code: second, email: 'x2@example.org', password: 'un mot de passe sûr' });
      expect([expired.statusCode, expired.json().reason]).toEqual([400, 'code_invalid']);
      const user = await db().selectFrom('users').select(['email']).where('id', '=', account.userId).executeTakeFirstOrThrow();
      expect(user.email).toBeNull();
    });
  });

  describe('erasure by a mediator', () => {
    /** Gives an assisted account a life: a help request, a check-in follow-up with today's check-in, an open session. */
    const liveAccount = async (name: string) => {
      const account = await createAssisted(mediator, name);
      const session = await startSession(account.userId);
      const as = acting(mediator, session.id);
      const at = (hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();
      const request = await as.post(`/api/territories/${territory.slug}/mutual-aid/requests`, {
        kind: 'groceries',
        urgency: 'this_week',
        window: { from: at(2), to: at(48) },
        description: 'Courses de la semaine.',
        place: { lat: 47.05, lng: 5.15 },
        address: '3 rue des Lilas',
      });
      expect(request.statusCode, request.body).toBe(201);
      const referent = await buildUser(db(), { territory });
      const enrol = await as.post(`/api/territories/${territory.slug}/check-ins/enrolment`, { deadline: '10:00', escalationMinutes: 60, referents: [referent.id], consentRef: account.consentRef });
      expect(enrol.statusCode, enrol.body).toBe(201);
      expect((await as.post(`/api/territories/${territory.slug}/check-ins/today`)).statusCode).toBe(200);
      return { ...account, sessionId: session.id, enrolmentId: enrol.json<{ id: string }>().id };
    };
    /** What is left of a person, table by table (row counts), and their `users` row without ids and dates. */
    const traces = async (userId: string, enrolmentId: string) => {
      const count = async (query: { execute: () => Promise<unknown[]> }) => (await query.execute()).length;
      const user = await db().selectFrom('users').select(['email', 'password_hash', 'display_name', 'locale', 'synthetic', 'deleted_at']).where('id', '=', userId).executeTakeFirstOrThrow();
      return {
        user: { ...user, deleted_at: user.deleted_at === null ? null : 'set' },
        members: await count(db().selectFrom('territory_members').select('user_id').where('user_id', '=', userId)),
        assisted: await count(db().selectFrom('assisted_accounts').select('user_id').where('user_id', '=', userId)),
        sessionsForThem: await count(db().selectFrom('mediation_sessions').select('id').where('resident_id', '=', userId)),
        takeoverCodes: await count(db().selectFrom('mediation_takeover_codes').select('id').where('user_id', '=', userId)),
        aidRequests: await count(db().selectFrom('aid_requests').select('id').where('requester_id', '=', userId)),
        enrolments: await count(db().selectFrom('check_in_enrolments').select('id').where('user_id', '=', userId)),
        checkIns: await count(db().selectFrom('check_ins').select('id').where('enrolment_id', '=', enrolmentId)),
        notifications: await count(db().selectFrom('notifications').select('id').where('user_id', '=', userId)),
        signIns: await count(db().selectFrom('sessions').select('id').where('user_id', '=', userId)),
      };
    };

    it('erases an assisted account on its paper request exactly as a self-erasure does, audited with the form reference', async () => {
      const erased = await liveAccount('Paul Effacé');
      const before = await traces(erased.userId, erased.enrolmentId);
      expect([before.aidRequests, before.enrolments, before.checkIns, before.sessionsForThem]).toEqual([1, 1, 1, 1]);

      const res = await mediator.post(`${base()}/assisted/${erased.userId}/erasure`, { formRef: ' EFF-2026-007 ', reason: 'Demande écrite remise au CCAS' });
      expect(res.statusCode, res.body).toBe(204);
      const after = await traces(erased.userId, erased.enrolmentId);
      expect(after).toEqual({
        user: { email: null, password_hash: null, display_name: null, locale: before.user.locale, synthetic: false, deleted_at: 'set' },
        members: 0,
        assisted: 0,
        sessionsForThem: 0,
        takeoverCodes: 0,
        aidRequests: 0,
        enrolments: 0,
        checkIns: 0,
        notifications: 0,
        signIns: 0,
      });

      // The same life ended by the person's own erasure (after a takeover) leaves exactly the same traces.
      const self = await liveAccount('Paula Partie');
      const code = (await mediator.post(`${base()}/assisted/${self.userId}/takeover-code`)).json<{ code: string }>().code;
      const person = new Client(t.app);
      expect((await person.post(`${base()}/takeover`, { code, email: `partie-${self.userId}@example.org`, password: 'un mot de passe sûr' })).statusCode).toBe(200);
      expect((await person.delete('/api/me', { password: 'un mot de passe sûr' })).statusCode).toBe(204);
      expect(await traces(self.userId, self.enrolmentId)).toEqual(after);

      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'mediation.account_erased').where('subject_id', '=', erased.userId).execute();
      expect(audit.map((a) => [a.territory_id, a.actor_id, a.on_behalf_of_id, a.subject_type, a.reason, a.details])).toEqual([
        [territory.id, mediatorUser.id, erased.userId, 'user', 'Demande écrite remise au CCAS', { formRef: 'EFF-2026-007' }],
      ]);
      expect((await acting(mediator, erased.sessionId).get('/api/me')).json().reason).toBe('not_your_session');
      expect((await mediator.get(`${base()}/assisted`)).json().items.map((a: { userId: string }) => a.userId)).not.toContain(erased.userId);
      // A retry (double click) changes nothing; another territory's or an unknown account is not found.
      expect((await mediator.post(`${base()}/assisted/${erased.userId}/erasure`, { formRef: 'EFF-2026-007' })).statusCode).toBe(204);
      expect(await db().selectFrom('audit_log').select('id').where('action', '=', 'mediation.account_erased').where('subject_id', '=', erased.userId).execute()).toHaveLength(1);
      expect((await mediator.post(`${base()}/assisted/999999999/erasure`, { formRef: 'EFF-1' })).statusCode).toBe(404);
    });

    it('refuses non-mediators (403), a taken-over account (409 taken_over), a missing reference (400 /formRef) and while acting, writing nothing', async () => {
      const account = await createAssisted(mediator, 'Rose Gardée');
      const untouched = async () => {
        const user = await db().selectFrom('users').select(['deleted_at', 'display_name']).where('id', '=', account.userId).executeTakeFirstOrThrow();
        expect(user).toEqual({ deleted_at: null, display_name: 'Rose Gardée' });
        expect(await db().selectFrom('audit_log').select('id').where('action', '=', 'mediation.account_erased').where('subject_id', '=', account.userId).execute()).toEqual([]);
      };
      const url = `${base()}/assisted/${account.userId}/erasure`;
      for (const roles of [['resident'], ['resident', 'operator'], ['resident', 'admin']] as const) {
        const other = await signIn(await buildUser(db(), { territory, roles: [...roles] }));
        expect((await other.post(url, { formRef: 'EFF-1' })).statusCode, roles.join()).toBe(403);
      }
      const foreign = await signIn(await buildUser(db(), { territory: await buildTerritory(db()), roles: ['resident', 'mediator'] }));
      expect((await foreign.post(url, { formRef: 'EFF-1' })).statusCode).toBe(403);
      for (const body of [{}, { formRef: '   ' }, { reason: 'Demande écrite' }]) {
        const res = await mediator.post(url, body);
        expect([res.statusCode, res.json().field], JSON.stringify(body)).toEqual([400, '/formRef']);
      }
      const session = await startSession(account.userId);
      const inside = await acting(mediator, session.id).post(url, { formRef: 'EFF-1' });
      expect([inside.statusCode, inside.json().reason]).toEqual([403, 'not_while_acting']);
      await untouched();

      // Withdrawn consent does not prevent erasure; a takeover does (the person erases it themself).
      const code = (await mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>().code;
      expect((await new Client(t.app).post(`${base()}/takeover`, { code, email: `gardee-${account.userId}@example.org`, password: 'un mot de passe sûr' })).statusCode).toBe(200);
      const taken = await mediator.post(url, { formRef: 'EFF-1' });
      expect([taken.statusCode, taken.json().reason]).toEqual([409, 'taken_over']);
      const user = await db().selectFrom('users').select(['deleted_at', 'email']).where('id', '=', account.userId).executeTakeFirstOrThrow();
      expect(user).toEqual({ deleted_at: null, email: `gardee-${account.userId}@example.org` });

      const withdrawn = await createAssisted(mediator, 'Marc Retiré');
      await mediator.post(`${base()}/assisted/${withdrawn.userId}/withdraw-consent`, {});
      expect((await mediator.post(`${base()}/assisted/${withdrawn.userId}/erasure`, { formRef: 'EFF-2' })).statusCode).toBe(204);
    });
  });

  describe('personal data', () => {
    it('exports the mediator’s sessions and the resident’s consent; erasing the resident removes them', async () => {
      const account = await createAssisted();
      await startSession(account.userId);
      const code = (await mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>().code;
      const exported = (await mediator.get('/api/me/export')).json();
      expect(exported.mediation.sessionsRun.map((s: { resident_id: string }) => s.resident_id)).toContain(account.userId);
      const resident = new Client(t.app);
      await resident.post(`${base()}/takeover`, { code, email: `erase-${account.userId}@example.org`, password: 'un mot de passe sûr' });
      const mine = (await resident.get('/api/me/export')).json();
      expect(mine.mediation.assisted).toHaveLength(1);
      expect(mine.mediation.sessionsForMe).toHaveLength(1);
      expect((await resident.delete('/api/me', { password: 'un mot de passe sûr' })).statusCode).toBe(204);
      expect(await db().selectFrom('assisted_accounts').select('user_id').where('user_id', '=', account.userId).execute()).toEqual([]);
      expect(await db().selectFrom('mediation_sessions').select('id').where('resident_id', '=', account.userId).execute()).toEqual([]);
    });
  });
});
