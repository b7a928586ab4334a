// Mediation over HTTP on a real database: takeover with a printed code, erasure of an assisted account by a mediator
// on the signed request, and the export and erasure of mediation data.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { DAY, mediationOverHttp } from './test-fixtures.ts';

describe.each(databaseKinds())('mediation on %s', (kind) => {
  const fx = mediationOverHttp(kind);
  const { db, base, signIn, createAssisted, startSession, acting } = fx;

  describe('takeover', () => {
    it('turns the assisted account into an ordinary one with the printed code, once; sessions end; audited', async () => {
      const account = await createAssisted(fx.mediator, 'Lucie Reprise');
      const session = await startSession(account.userId);
      const issued = await fx.mediator.post(`${base()}/assisted/${account.userId}/takeover-code`);
      expect(issued.statusCode, issued.body).toBe(201);
      const { code } = issued.json<{ code: string }>();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const stored = await db().selectFrom('mediation_takeover_codes').select('id').where('user_id', '=', account.userId).execute();
      expect(stored.map((s) => s.id)).not.toContain(code.replaceAll('-', ''));

      const resident = new Client(fx.t.app);
      const bad = await resident.post(`${base()}/takeover`, { code: code.toLowerCase(), email: 'lucie@example.org', password: 'court' });
      expect([bad.statusCode, bad.json().field]).toEqual([400, '/password']);
      const done = await resident.post(`${base()}/takeover`, { code: ` ${code.toLowerCase().replaceAll('-', ' ')} `, email: 'Lucie@Example.org', password: 'un mot de passe sûr' });
      expect(done.statusCode, done.body).toBe(200);
      expect([done.json().id, done.json().email]).toEqual([account.userId, 'lucie@example.org']);
      expect((await resident.get('/api/me')).json().id).toBe(account.userId);
      expect((await new Client(fx.t.app).signIn('lucie@example.org', 'un mot de passe sûr')).cookies.maille_session).toBeTruthy();

      const record = await fx.mediator.get(`${base()}/assisted/${account.userId}`);
      expect(record.json().status).toBe('taken_over');
      expect((await acting(fx.mediator, session.id).get('/api/me')).json().reason).toBe('session_expired');
      const refused = await fx.mediator.post(`${base()}/sessions`, { residentId: account.userId, reason: 'Aide aux courses' });
      expect(refused.json().reason).toBe('no_consent');
      // Redeemed by whoever held the code, signed out: the entry names no account as its actor, and says so.
      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'mediation.taken_over').where('subject_id', '=', account.userId).execute();
      expect(audit.map((a) => [a.actor_id, a.details])).toEqual([[null, { codeIssuedBy: fx.mediatorUser.id, redeemedBy: 'signed_out' }]]);

      const reused = await new Client(fx.t.app).post(`${base()}/takeover`, { code, email: 'autre@example.org', password: 'un mot de passe sûr' });
      expect([reused.statusCode, reused.json().reason]).toEqual([400, 'code_invalid']);
      expect((await fx.mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json().reason).toBe('taken_over');
    });

    it('refuses an expired code, a replaced code, and an e-mail already in use', async () => {
      const account = await createAssisted();
      const first = (await fx.mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>().code;
      const second = (await fx.mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>().code;
      const replaced = await new Client(fx.t.app).post(`${base()}/takeover`, { code: first, email: 'x1@example.org', password: 'un mot de passe sûr' });
      expect(replaced.json().reason).toBe('code_invalid');
      const taken = await new Client(fx.t.app).post(`${base()}/takeover`, { code: second, email: fx.mediatorUser.email, password: 'un mot de passe sûr' });
      expect([taken.statusCode, taken.json().field]).toEqual([409, '/email']);
      fx.t.clock.advance(15 * DAY);
      const expired = await new Client(fx.t.app).post(`${base()}/takeover`, { code: second, email: 'x2@example.org', password: 'un mot de passe sûr' });
      expect([expired.statusCode, expired.json().reason]).toEqual([400, 'code_invalid']);
      const user = await db().selectFrom('users').select(['email']).where('id', '=', account.userId).executeTakeFirstOrThrow();
      expect(user.email).toBeNull();
    });

    it('cannot be redeemed from the issuing mediator’s session, a colleague’s, or a session on behalf, nor to a staff mailbox; a signed-in redeemer is named', async () => {
      const account = await createAssisted(fx.mediator, 'Odette Reprise');
      const { code } = (await fx.mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>();
      const password = 'un mot de passe sûr';
      // The mediator who printed it, with an address of her own: refused, the account stays assisted.
      const own = await fx.mediator.post(`${base()}/takeover`, { code, email: `mona-${Date.now()}@example.org`, password });
      expect([own.statusCode, own.json().reason], own.body).toEqual([403, 'staff_session']);
      const operator = await signIn(await buildUser(db(), { territory: fx.territory, roles: ['resident', 'operator'] }));
      expect((await operator.post(`${base()}/takeover`, { code, email: `op-${Date.now()}@example.org`, password })).json().reason).toBe('staff_session');
      const session = await startSession(account.userId);
      const inSession = await acting(fx.mediator, session.id).post(`${base()}/takeover`, { code, email: `s-${Date.now()}@example.org`, password });
      expect(inSession.statusCode).toBe(403);
      // Signed out, to the mediator's own mailbox under a +tag: the same answer as an address in use.
      const tagged = fx.mediatorUser.email.replace('@', '+odette@');
      const staffMail = await new Client(fx.t.app).post(`${base()}/takeover`, { code, email: tagged.toUpperCase(), password });
      expect([staffMail.statusCode, staffMail.json().field, staffMail.json().reason]).toEqual([409, '/email', 'email_taken']);
      const user = await db().selectFrom('users').select('email').where('id', '=', account.userId).executeTakeFirstOrThrow();
      expect(user.email).toBeNull();
      expect((await fx.mediator.get(`${base()}/assisted/${account.userId}`)).json().status).toBe('active');

      // Her grandson, signed in to his own ordinary account, types it for her: it works, and the log names him.
      const grandsonUser = await buildUser(db(), { territory: fx.territory });
      const grandson = await signIn(grandsonUser);
      const done = await grandson.post(`${base()}/takeover`, { code, email: `odette-${Date.now()}@example.org`, password });
      expect(done.statusCode, done.body).toBe(200);
      const audit = await db().selectFrom('audit_log').select(['actor_id', 'subject_id', 'details']).where('action', '=', 'mediation.taken_over').where('subject_id', '=', account.userId).execute();
      expect(audit).toEqual([{ actor_id: grandsonUser.id, subject_id: account.userId, details: { codeIssuedBy: fx.mediatorUser.id, redeemedBy: 'signed_in' } }]);
    });
  });

  describe('erasure by a mediator', () => {
    /** Gives an assisted account a life: a help request, a check-in follow-up with today's check-in, an open session. */
    const liveAccount = async (name: string) => {
      const account = await createAssisted(fx.mediator, name);
      const session = await startSession(account.userId);
      const as = acting(fx.mediator, session.id);
      const at = (hours: number) => new Date(fx.t.clock.now().getTime() + hours * 3_600_000).toISOString();
      const request = await as.post(`/api/territories/${fx.territory.slug}/mutual-aid/requests`, {
        kind: 'groceries',
        urgency: 'this_week',
        window: { from: at(2), to: at(48) },
        description: 'Courses de la semaine.',
        place: { lat: 47.05, lng: 5.15 },
        address: '3 rue des Lilas',
      });
      expect(request.statusCode, request.body).toBe(201);
      const referent = await buildUser(db(), { territory: fx.territory });
      const enrol = await as.post(`/api/territories/${fx.territory.slug}/check-ins/enrolment`, { deadline: '10:00', escalationMinutes: 60, referents: [referent.id] });
      expect(enrol.statusCode, enrol.body).toBe(201);
      expect((await as.post(`/api/territories/${fx.territory.slug}/check-ins/today`)).statusCode).toBe(200);
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

      const res = await fx.mediator.post(`${base()}/assisted/${erased.userId}/erasure`, { formRef: ' EFF-2026-007 ', reason: 'Demande écrite remise au CCAS' });
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
      const code = (await fx.mediator.post(`${base()}/assisted/${self.userId}/takeover-code`)).json<{ code: string }>().code;
      const person = new Client(fx.t.app);
      expect((await person.post(`${base()}/takeover`, { code, email: `partie-${self.userId}@example.org`, password: 'un mot de passe sûr' })).statusCode).toBe(200);
      expect((await person.delete('/api/me', { password: 'un mot de passe sûr' })).statusCode).toBe(204);
      expect(await traces(self.userId, self.enrolmentId)).toEqual(after);

      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'mediation.account_erased').where('subject_id', '=', erased.userId).execute();
      expect(audit.map((a) => [a.territory_id, a.actor_id, a.on_behalf_of_id, a.subject_type, a.reason, a.details])).toEqual([
        [fx.territory.id, fx.mediatorUser.id, erased.userId, 'user', 'Demande écrite remise au CCAS', { formRef: 'EFF-2026-007' }],
      ]);
      expect((await acting(fx.mediator, erased.sessionId).get('/api/me')).json().reason).toBe('not_your_session');
      expect((await fx.mediator.get(`${base()}/assisted`)).json().items.map((a: { userId: string }) => a.userId)).not.toContain(erased.userId);
      // A retry (double click) changes nothing; another territory's or an unknown account is not found.
      expect((await fx.mediator.post(`${base()}/assisted/${erased.userId}/erasure`, { formRef: 'EFF-2026-007' })).statusCode).toBe(204);
      expect(await db().selectFrom('audit_log').select('id').where('action', '=', 'mediation.account_erased').where('subject_id', '=', erased.userId).execute()).toHaveLength(1);
      expect((await fx.mediator.post(`${base()}/assisted/999999999/erasure`, { formRef: 'EFF-1' })).statusCode).toBe(404);
    });

    it('refuses non-mediators (403), a taken-over account (409 taken_over), a missing reference (400 /formRef) and while acting, writing nothing', async () => {
      const account = await createAssisted(fx.mediator, 'Rose Gardée');
      const untouched = async () => {
        const user = await db().selectFrom('users').select(['deleted_at', 'display_name']).where('id', '=', account.userId).executeTakeFirstOrThrow();
        expect(user).toEqual({ deleted_at: null, display_name: 'Rose Gardée' });
        expect(await db().selectFrom('audit_log').select('id').where('action', '=', 'mediation.account_erased').where('subject_id', '=', account.userId).execute()).toEqual([]);
      };
      const url = `${base()}/assisted/${account.userId}/erasure`;
      for (const roles of [['resident'], ['resident', 'operator'], ['resident', 'admin']] as const) {
        const other = await signIn(await buildUser(db(), { territory: fx.territory, roles: [...roles] }));
        expect((await other.post(url, { formRef: 'EFF-1' })).statusCode, roles.join()).toBe(403);
      }
      const foreign = await signIn(await buildUser(db(), { territory: await buildTerritory(db()), roles: ['resident', 'mediator'] }));
      expect((await foreign.post(url, { formRef: 'EFF-1' })).statusCode).toBe(403);
      for (const body of [{}, { formRef: '   ' }, { reason: 'Demande écrite' }]) {
        const res = await fx.mediator.post(url, body);
        expect([res.statusCode, res.json().field], JSON.stringify(body)).toEqual([400, '/formRef']);
      }
      const session = await startSession(account.userId);
      const inside = await acting(fx.mediator, session.id).post(url, { formRef: 'EFF-1' });
      expect([inside.statusCode, inside.json().reason]).toEqual([403, 'not_while_acting']);
      await untouched();

      // Withdrawn consent does not prevent erasure; a takeover does (the person erases it themself).
      const code = (await fx.mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>().code;
      expect((await new Client(fx.t.app).post(`${base()}/takeover`, { code, email: `gardee-${account.userId}@example.org`, password: 'un mot de passe sûr' })).statusCode).toBe(200);
      const taken = await fx.mediator.post(url, { formRef: 'EFF-1' });
      expect([taken.statusCode, taken.json().reason]).toEqual([409, 'taken_over']);
      const user = await db().selectFrom('users').select(['deleted_at', 'email']).where('id', '=', account.userId).executeTakeFirstOrThrow();
      expect(user).toEqual({ deleted_at: null, email: `gardee-${account.userId}@example.org` });

      const withdrawn = await createAssisted(fx.mediator, 'Marc Retiré');
      await fx.mediator.post(`${base()}/assisted/${withdrawn.userId}/withdraw-consent`, {});
      expect((await fx.mediator.post(`${base()}/assisted/${withdrawn.userId}/erasure`, { formRef: 'EFF-2' })).statusCode).toBe(204);
    });
  });

  describe('personal data', () => {
    it('exports the mediator’s sessions and the resident’s consent; erasing the resident removes them', async () => {
      const account = await createAssisted();
      await startSession(account.userId);
      const code = (await fx.mediator.post(`${base()}/assisted/${account.userId}/takeover-code`)).json<{ code: string }>().code;
      const exported = (await fx.mediator.get('/api/me/export')).json();
      expect(exported.mediation.sessionsRun.map((s: { resident_id: string }) => s.resident_id)).toContain(account.userId);
      const resident = new Client(fx.t.app);
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
