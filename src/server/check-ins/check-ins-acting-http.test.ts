// Daily check-ins done for someone, over HTTP on a real database: a mediator enrols, presses the button or records a
// phone call only inside an open session for an assisted resident whose consent is active, with the consent reference
// recorded with the account; never for an ordinary resident. A staff member named referent reads the history only
// with a reason, audited. Referent answers never tell whether an account exists.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildUser, type UserFixture } from '../../../test/support/factories.ts';
import { mediationOverHttp } from '../mediation/test-fixtures.ts';

describe.each(databaseKinds())('check-ins for someone on %s', (kind) => {
  const fx = mediationOverHttp(kind);
  const { db, signIn, createAssisted, startSession, acting } = fx;
  const base = () => `/api/territories/${fx.territory.slug}/check-ins`;
  const person = (roles: ('resident' | 'mediator' | 'operator')[] = ['resident']) => buildUser(db(), { territory: fx.territory, roles });
  const schedule = (referents: string[]) => ({ deadline: '10:00', escalationMinutes: 60, referents });
  const enrolmentOf = (userId: string) => db().selectFrom('check_in_enrolments').select(['id', 'enrolled_by', 'consent_ref']).where('user_id', '=', userId).executeTakeFirst();
  const checkInsOf = async (enrolmentId: string) => db().selectFrom('check_ins').select(['channel', 'recorded_by']).where('enrolment_id', '=', enrolmentId).execute();

  it('refuses a mediator enrolling an ordinary resident, naming herself referent and reading the history freely, or silencing their alerts by phone', async () => {
    const ordinary = await person();
    const body = schedule([fx.mediatorUser.id]);
    const noSession = await fx.mediator.post(`${base()}/residents/${ordinary.id}/enrolment`, body);
    expect([noSession.statusCode, noSession.json().reason], noSession.body).toEqual([403, 'session_required']);
    // A consent reference sent with the request is never taken: the field does not exist.
    const invented = await fx.mediator.post(`${base()}/residents/${ordinary.id}/enrolment`, { ...body, consentRef: 'Formulaire inventé' });
    expect([invented.statusCode, invented.json().field]).toEqual([400, '/consentRef']);
    expect(await enrolmentOf(ordinary.id)).toBeUndefined();

    // The resident enrols herself and names the mediator referent; the mediator accepts.
    const me = await signIn(ordinary);
    const enrolled = await me.post(`${base()}/enrolment`, body);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const id = enrolled.json<{ id: string }>().id;
    expect((await fx.mediator.post(`${base()}/enrolments/${id}/accept`)).statusCode).toBe(200);
    // As staff, she reads the history only with a reason, and the read is audited.
    const free = await fx.mediator.get(`${base()}/enrolments/${id}/history`);
    expect([free.statusCode, free.json().reason]).toEqual([403, 'reason_required']);
    const reason = 'Appel de sa fille, inquiète';
    const read = await fx.mediator.get(`${base()}/enrolments/${id}/history?reason=${encodeURIComponent(reason)}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().viewedAs).toBe('staff');
    const viewed = await db().selectFrom('audit_log').select(['actor_id', 'reason']).where('action', '=', 'personal_data.viewed').where('subject_id', '=', id).execute();
    expect(viewed).toEqual([{ actor_id: fx.mediatorUser.id, reason }]);
    // An ordinary referent still reads freely.
    expect((await me.get(`${base()}/enrolments/${id}/history`)).statusCode).toBe(200);

    // "I am fine" by phone for her, without a session for an assisted person: refused, nothing written.
    const phone = await fx.mediator.post(`${base()}/residents/${ordinary.id}/phone-check-ins`);
    expect([phone.statusCode, phone.json().reason]).toEqual([403, 'session_required']);
    expect(await checkInsOf(id)).toEqual([]);
  });

  it('inside a session for an assisted resident: enrols with the recorded consent, records a phone call and the button, audited; refused after a withdrawal', async () => {
    const account = await createAssisted(fx.mediator, 'Henriette Bonjour');
    const ordinary = await person();
    const referent = await person();
    const session = await startSession(account.userId);
    const as = acting(fx.mediator, session.id);
    // The session is for Henriette only.
    const other = await as.post(`${base()}/residents/${ordinary.id}/enrolment`, schedule([referent.id]));
    expect([other.statusCode, other.json().reason]).toEqual([403, 'session_required']);
    const invented = await as.post(`${base()}/enrolment`, { ...schedule([referent.id]), consentRef: 'Formulaire inventé' });
    expect([invented.statusCode, invented.json().field]).toEqual([400, '/consentRef']);
    const ok = await as.post(`${base()}/residents/${account.userId}/enrolment`, schedule([referent.id]));
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json<{ id: string }>().id;
    expect(await enrolmentOf(account.userId)).toEqual({ id, enrolled_by: fx.mediatorUser.id, consent_ref: account.consentRef });

    const phone = await as.post(`${base()}/residents/${account.userId}/phone-check-ins`);
    expect(phone.json()).toMatchObject({ channel: 'phone', alreadyDone: false });
    expect(await checkInsOf(id)).toEqual([{ channel: 'phone', recorded_by: fx.mediatorUser.id }]);
    const entries = await db().selectFrom('audit_log').select(['action', 'actor_id', 'on_behalf_of_id', 'reason']).where('subject_id', '=', id).where('action', 'like', 'check_in.%').orderBy('id').execute();
    expect(entries).toEqual([
      { action: 'check_in.enrolled', actor_id: fx.mediatorUser.id, on_behalf_of_id: account.userId, reason: 'mediator' },
      { action: 'check_in.recorded_for', actor_id: fx.mediatorUser.id, on_behalf_of_id: account.userId, reason: 'phone' },
    ]);

    // Consent withdrawn: the session is over, no new one opens, and the routes that name her refuse.
    expect((await fx.mediator.post(`/api/territories/${fx.territory.slug}/mediation/assisted/${account.userId}/withdraw-consent`, {})).statusCode).toBe(200);
    const after = await as.post(`${base()}/today`);
    expect([after.statusCode, after.json().reason]).toEqual([403, 'session_expired']);
    const direct = await fx.mediator.post(`${base()}/residents/${account.userId}/phone-check-ins`);
    expect([direct.statusCode, direct.json().reason]).toEqual([403, 'session_required']);
    expect((await fx.mediator.post(`/api/territories/${fx.territory.slug}/mediation/sessions`, { residentId: account.userId, reason: 'Rappel du lendemain' })).json().reason).toBe('no_consent');
    expect(await checkInsOf(id)).toHaveLength(1);
  });

  it('answers the same whether a referent’s account exists or not', async () => {
    const resident = await person();
    const me = await signIn(resident);
    const existing = await person();
    const blocker = await person();
    expect((await (await signIn(blocker)).post(`/api/territories/${fx.territory.slug}/blocks/${resident.id}`)).statusCode).toBe(200);
    const nobody = `personne-${Date.now()}@example.org`;
    const answer = async (referents: string[]) => {
      const res = await me.post(`${base()}/enrolment`, schedule(referents));
      const { status, field, reason, detail } = res.json();
      return { status, field, reason, detail };
    };
    // An unknown address, a person who blocked the resident, or an existing person next to an unknown number: one answer.
    const unknown = await answer([nobody, '999999999']);
    expect(unknown).toMatchObject({ status: 400, field: '/referents', reason: 'referent_unknown' });
    expect(await answer([existing.email, '999999999'])).toEqual(unknown);
    expect(await answer([blocker.id, '999999999'])).toEqual(unknown);
    expect(await answer([blocker.email])).toEqual(await answer([nobody]));
    expect(await enrolmentOf(resident.id)).toBeUndefined();

    // Inviting again someone already invited, under their other handle, answers as an invitation and changes nothing.
    const referents: UserFixture[] = [await person(), await person(), await person()];
    expect((await me.post(`${base()}/enrolment`, schedule([referents[0]!.id, referents[1]!.email]))).statusCode).toBe(201);
    const invite = async (referent: string) => {
      const res = await me.post(`${base()}/enrolment/referents`, { referent });
      const { status, field, reason, detail } = res.json();
      return { status, field, reason, detail };
    };
    expect((await me.post(`${base()}/enrolment/referents`, { referent: referents[1]!.id })).json()).toEqual({ ok: true });
    expect((await me.post(`${base()}/enrolment/referents`, { referent: referents[2]!.email })).json()).toEqual({ ok: true });
    const rows = await db().selectFrom('check_in_referents as r').innerJoin('check_in_enrolments as e', 'e.id', 'r.enrolment_id').select('r.user_id').where('e.user_id', '=', resident.id).execute();
    expect(rows.map((r) => r.user_id).sort()).toEqual(referents.map((r) => r.id).sort());
    // A full list says so before anyone is looked up: an address with an account and one without get the same answer.
    const full = await invite(nobody);
    expect(full).toMatchObject({ status: 400, field: '/referent', reason: 'referent_count' });
    expect(await invite(existing.email)).toEqual(full);
  });
});
