// A commitment signed for someone, over HTTP on a real database: only inside an open mediation session for an
// assisted resident whose consent is active, with the consent reference recorded with the account (never one sent in
// the request); any other resident — the admin included — can never be signed for, and nothing is written.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildUser } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { DAY, mediationOverHttp } from '../mediation/test-fixtures.ts';

describe.each(databaseKinds())('signing a commitment for someone on %s', (kind) => {
  const fx = mediationOverHttp(kind);
  const { db, signIn, createAssisted, startSession, acting } = fx;
  const commitments = () => `/api/territories/${fx.territory.slug}/commitments`;
  const launch = async () => {
    const at = (days: number) => new Date(fx.t.clock.now().getTime() + days * DAY).toISOString();
    const creator = await signIn(await buildUser(db(), { territory: fx.territory }));
    const res = await creator.post(commitments(), {
      wording: 'Je fais mes courses à pied si 5 voisins le font aussi',
      action: 'mode_switch',
      scope: { kind: 'territory', target: { kind: 'count', count: 5 } },
      signingDeadline: at(20),
      actionStart: at(21),
      actionEnd: at(40),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const signatures = async (id: string) => db().selectFrom('commitment_signatures').select(['user_id', 'entry', 'signed_by', 'consent_ref', 'public_name']).where('commitment_id', '=', id).execute();

  it('refuses a mediator signing, without a session, for any resident — the admin included — or with an invented consent reference', async () => {
    const id = await launch();
    const admin = await buildUser(db(), { territory: fx.territory, roles: ['resident', 'admin'], displayName: 'Adèle Admin' });
    const ordinary = await buildUser(db(), { territory: fx.territory });
    const assisted = await createAssisted();
    const url = `${commitments()}/${id}/sign-for`;
    for (const userId of [admin.id, ordinary.id, assisted.userId]) {
      const res = await fx.mediator.post(url, { userId, publicName: true });
      expect([res.statusCode, res.json().reason], res.body).toEqual([403, 'session_required']);
      const invented = await fx.mediator.post(url, { userId, consentRef: 'INVENTÉ-1', publicName: true });
      expect([invented.statusCode, invented.json().field], invented.body).toEqual([400, '/consentRef']);
    }
    expect(await signatures(id)).toEqual([]);
    expect((await new Client(fx.t.app).get(`${commitments()}/${id}`)).json().publicNames).toEqual([]);
    expect(await db().selectFrom('audit_log').select('id').where('action', '=', 'commitment.signed_for').where('subject_id', '=', id).execute()).toEqual([]);
  });

  it('signs inside a session for its assisted resident, with the recorded consent reference; another resident or a withdrawn consent is refused', async () => {
    const id = await launch();
    const url = `${commitments()}/${id}/sign-for`;
    const account = await createAssisted(fx.mediator, 'Germaine Signataire');
    const other = await createAssisted(fx.mediator, 'Autre Personne');
    const session = await startSession(account.userId);
    const as = acting(fx.mediator, session.id);
    // The session is for Germaine: nobody else can be signed for through it.
    const wrong = await as.post(url, { userId: other.userId });
    expect([wrong.statusCode, wrong.json().reason]).toEqual([403, 'session_required']);
    const ok = await as.post(url, { userId: account.userId, publicName: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await signatures(id)).toEqual([{ user_id: account.userId, entry: 'mediator', signed_by: fx.mediatorUser.id, consent_ref: account.consentRef, public_name: true }]);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'on_behalf_of_id', 'details']).where('action', '=', 'commitment.signed_for').where('subject_id', '=', id).execute();
    expect(audit).toEqual([{ actor_id: fx.mediatorUser.id, on_behalf_of_id: account.userId, details: { consentRef: account.consentRef, sessionId: session.id } }]);
    const twice = await as.post(url, { userId: account.userId });
    expect([twice.statusCode, twice.json().reason]).toEqual([409, 'already_signed']);

    // After a withdrawal the session is over and no new one opens: neither route signs for her.
    const id2 = await launch();
    const otherSession = await startSession(other.userId);
    expect((await fx.mediator.post(`/api/territories/${fx.territory.slug}/mediation/assisted/${other.userId}/withdraw-consent`, {})).statusCode).toBe(200);
    const afterWithdrawal = await acting(fx.mediator, otherSession.id).post(`${commitments()}/${id2}/sign-for`, { userId: other.userId });
    expect([afterWithdrawal.statusCode, afterWithdrawal.json().reason]).toEqual([403, 'session_expired']);
    expect((await acting(fx.mediator, otherSession.id).post(`${commitments()}/${id2}/sign`, {})).statusCode).toBe(403);
    expect(await signatures(id2)).toEqual([]);
  });

  it('refuses a session row that outlived its consent: the acting header needs an assisted account with active consent', async () => {
    const id = await launch();
    const ordinary = await buildUser(db(), { territory: fx.territory });
    const now = fx.t.clock.now();
    // A session for someone who never consented (as an old row or a bug would leave): every acting request is refused.
    const forged = await db()
      .insertInto('mediation_sessions')
      .values({ territory_id: fx.territory.id, mediator_id: fx.mediatorUser.id, resident_id: ordinary.id, reason: 'Sans consentement', started_at: now, expires_at: new Date(now.getTime() + 30 * 60_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const as = acting(fx.mediator, forged.id);
    for (const res of [await as.post(`${commitments()}/${id}/sign`, { publicName: true }), await as.post(`${commitments()}/${id}/sign-for`, { userId: ordinary.id })]) {
      expect([res.statusCode, res.json().reason], res.body).toEqual([403, 'no_consent']);
    }
    expect(await signatures(id)).toEqual([]);
    // Ending that session stays possible.
    expect((await as.post(`/api/territories/${fx.territory.slug}/mediation/sessions/${forged.id}/end`)).statusCode).toBe(200);
  });
});
