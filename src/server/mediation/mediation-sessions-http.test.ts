// Mediation over HTTP on a real database: sessions on behalf with the acting header (as the resident, audited "by M on
// behalf of R", expiry with a fixed clock, someone else's session, routes refused while acting) and consent withdrawal.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { DAY, MINUTE, mediationOverHttp } from './test-fixtures.ts';

describe.each(databaseKinds())('mediation on %s', (kind) => {
  const fx = mediationOverHttp(kind);
  const { db, base, signIn, createAssisted, startSession, acting } = fx;
  const launchCommitment = async () => {
    const operator = await signIn(await buildUser(db(), { territory: fx.territory, roles: ['resident', 'operator'] }));
    const at = (days: number) => new Date(fx.t.clock.now().getTime() + days * DAY).toISOString();
    const res = await operator.post(`/api/territories/${fx.territory.slug}/commitments`, {
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

  describe('sessions on behalf', () => {
    it('acts as the resident with the header: a signature is theirs and every request is audited by M on behalf of R', async () => {
      const account = await createAssisted();
      const session = await startSession(account.userId);
      expect(new Date(session.expiresAt).getTime() - fx.t.clock.now().getTime()).toBe(30 * MINUTE);
      const as = acting(fx.mediator, session.id);
      const me = await as.get('/api/me');
      expect([me.statusCode, me.json().id, me.json().displayName]).toEqual([200, account.userId, 'Robert Assisté']);

      const commitmentId = await launchCommitment();
      const signed = await as.post(`/api/territories/${fx.territory.slug}/commitments/${commitmentId}/sign`, {});
      expect(signed.statusCode, signed.body).toBe(200);
      // Theirs, and marked as entered by the mediator on the consent recorded with the assisted account.
      expect(await signatures(commitmentId)).toEqual([{ user_id: account.userId, entry: 'mediator' }]);
      const entered = await db().selectFrom('commitment_signatures').select(['signed_by', 'consent_ref']).where('commitment_id', '=', commitmentId).executeTakeFirstOrThrow();
      expect(entered).toEqual({ signed_by: fx.mediatorUser.id, consent_ref: account.consentRef });
      const acted = await db().selectFrom('audit_log').selectAll().where('action', '=', 'mediation.acted').where('subject_id', '=', session.id).orderBy('id').execute();
      expect(acted.map((a) => [a.actor_id, a.on_behalf_of_id, a.details])).toEqual([
        [fx.mediatorUser.id, account.userId, { method: 'GET', route: '/api/me', status: 200 }],
        [fx.mediatorUser.id, account.userId, { method: 'POST', route: '/api/territories/:territory/commitments/:id/sign', status: 200 }],
      ]);
      expect(acted.every((a) => a.territory_id === fx.territory.id)).toBe(true);

      // The admin's audit log names both people.
      const admin = await signIn(await buildUser(db(), { territory: fx.territory, roles: ['resident', 'admin'] }));
      const log = await admin.get(`/api/territories/${fx.territory.slug}/audit?action=mediation.acted&limit=5`);
      expect(log.statusCode).toBe(200);
      expect(log.json().items[0]).toMatchObject({ actorName: 'Mona Médiatrice', onBehalfOfName: 'Robert Assisté', actorId: fx.mediatorUser.id, onBehalfOfId: account.userId });

      const ended = await as.post(`${base()}/sessions/${session.id}/end`);
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json().endedAt).not.toBeNull();
      const after = await as.get('/api/me');
      expect([after.statusCode, after.json().reason]).toEqual([403, 'session_expired']);
      // Ending again changes nothing.
      expect((await fx.mediator.post(`${base()}/sessions/${session.id}/end`)).statusCode).toBe(200);
      const endedAudit = await db().selectFrom('audit_log').select('id').where('action', '=', 'mediation.session_ended').where('subject_id', '=', session.id).execute();
      expect(endedAudit).toHaveLength(1);
    });

    it('files a help request for the resident through the mutual-aid route: theirs, audited by M on behalf of R', async () => {
      const account = await createAssisted(fx.mediator, 'Yvette Demande');
      const session = await startSession(account.userId);
      const at = (hours: number) => new Date(fx.t.clock.now().getTime() + hours * 3_600_000).toISOString();
      const res = await acting(fx.mediator, session.id).post(`/api/territories/${fx.territory.slug}/mutual-aid/requests`, {
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
        ['mutual_aid.request_created', fx.mediatorUser.id, account.userId],
        ['mediation.acted', fx.mediatorUser.id, account.userId],
      ]);
      expect(entries[1]!.details).toEqual({ method: 'POST', route: '/api/territories/:territory/mutual-aid/requests', status: 201 });
      // The request is the resident's own: they see it among theirs.
      const mine = await acting(fx.mediator, session.id).get(`/api/territories/${fx.territory.slug}/mutual-aid/requests/mine`);
      expect(mine.json().items.map((r: { id: string }) => r.id)).toContain(id);
    });

    it('refuses a session past its 30 minutes (403 session_expired) and writes nothing', async () => {
      const account = await createAssisted();
      const commitmentId = await launchCommitment();
      const session = await startSession(account.userId);
      fx.t.clock.advance(31 * MINUTE);
      const auditBefore = await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const res = await acting(fx.mediator, session.id).post(`/api/territories/${fx.territory.slug}/commitments/${commitmentId}/sign`, {});
      expect([res.statusCode, res.json().reason]).toEqual([403, 'session_expired']);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await signatures(commitmentId)).toEqual([]);
      const auditAfter = await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(auditAfter.n).toBe(auditBefore.n);
      // The mediator can still end it (the record says it stopped at its expiry) and open a new one.
      const ended = await fx.mediator.post(`${base()}/sessions/${session.id}/end`);
      expect(ended.json().endedAt).toBe(session.expiresAt);
      await startSession(account.userId);
    });

    it('refuses another mediator’s session, a made-up one, or the header without signing in', async () => {
      const account = await createAssisted();
      const session = await startSession(account.userId);
      const other = await signIn(await buildUser(db(), { territory: fx.territory, roles: ['resident', 'mediator'] }));
      const res = await acting(other, session.id).post(`/api/territories/${fx.territory.slug}/join`, {});
      expect([res.statusCode, res.json().reason]).toEqual([403, 'not_your_session']);
      expect((await acting(other, '999999999').get('/api/me')).json().reason).toBe('not_your_session');
      expect((await acting(other, 'abc').get('/api/me')).json().reason).toBe('not_your_session');
      expect((await acting(new Client(fx.t.app), session.id).get('/api/me')).statusCode).toBe(401);
      // Ending someone else's session: not found.
      expect((await other.post(`${base()}/sessions/${session.id}/end`)).statusCode).toBe(404);
    });

    it('refuses sensitive routes while acting (not_while_acting): erasure, export, another session, consent, another territory', async () => {
      const account = await createAssisted();
      const second = await createAssisted();
      const session = await startSession(account.userId);
      const as = acting(fx.mediator, session.id);
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
      const open = await db().selectFrom('mediation_sessions').select('id').where('mediator_id', '=', fx.mediatorUser.id).where('ended_at', 'is', null).execute();
      expect(open.map((s) => s.id)).toEqual([session.id]);
    });

    it('refuses a session for a resident without consent (403 no_consent) and non-mediators', async () => {
      const ordinary = await buildUser(db(), { territory: fx.territory });
      const res = await fx.mediator.post(`${base()}/sessions`, { residentId: ordinary.id, reason: 'Aide aux courses' });
      expect([res.statusCode, res.json().reason]).toEqual([403, 'no_consent']);
      const account = await createAssisted();
      const session = await startSession(account.userId);
      const withdrawn = await fx.mediator.post(`${base()}/assisted/${account.userId}/withdraw-consent`, { note: 'Appel de sa fille' });
      expect([withdrawn.statusCode, withdrawn.json().status]).toEqual([200, 'withdrawn']);
      expect((await acting(fx.mediator, session.id).get('/api/me')).json().reason).toBe('session_expired');
      const again = await fx.mediator.post(`${base()}/sessions`, { residentId: account.userId, reason: 'Aide aux courses' });
      expect([again.statusCode, again.json().reason]).toEqual([403, 'no_consent']);
      const short = await fx.mediator.post(`${base()}/sessions`, { residentId: (await createAssisted()).userId, reason: '  ab  ' });
      expect([short.statusCode, short.json().field]).toEqual([400, '/reason']);
      const resident = await signIn(await buildUser(db(), { territory: fx.territory }));
      expect((await resident.post(`${base()}/sessions`, { residentId: account.userId, reason: 'Aide aux courses' })).statusCode).toBe(403);
    });

    it('a new session ends the mediator’s previous one', async () => {
      const first = await startSession((await createAssisted()).userId);
      await startSession((await createAssisted()).userId);
      expect((await acting(fx.mediator, first.id).get('/api/me')).json().reason).toBe('session_expired');
      const list = await fx.mediator.get(`${base()}/sessions`);
      expect(list.json().items.filter((s: { endedAt: string | null }) => s.endedAt === null)).toHaveLength(1);
    });
  });
});
