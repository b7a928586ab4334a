// Mutual-aid requests over HTTP on a real database: asking for help (coarse place, address apart, suitable nearby helpers
// told, bad input refused with nothing written, retries answered once), the lifecycle open → offered → matched → done /
// cancelled with thanks, and a mediator filing for a resident (audited with both).
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { Client } from '../../../test/support/http.ts';
import { getResolution } from 'h3-js';
import { createRequest } from './create-request.ts';
import { FAR, HOME, mutualAidOverHttp } from './test-fixtures.ts';

describe.each(databaseKinds())('mutual aid on %s', (kind) => {
  const fx = mutualAidOverHttp(kind);
  const { db, base, person, signIn, at, requestBody, profileBody, helper, ask, count, notices, status } = fx;

  it('stores the place as a resolution-8 cell and its commune, the address apart, and notifies suitable nearby helpers only', async () => {
    const near = await helper();
    const far = await helper({ home: FAR, radiusKm: 5 });
    const wrongSkill = await helper({ skills: ['homework'] });
    const requesterUser = await person();
    const requester = await signIn(requesterUser);
    // The requester is a helper too: never told about their own request.
    await requester.put(`${base()}/helper-profile`, profileBody({ home: HOME }));
    const created = await ask(requester);
    expect(created).toMatchObject({ status: 'open', communeCode: '21001' });
    expect(getResolution(created.cell)).toBe(8);
    const row = await db().selectFrom('aid_requests').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Tilleuls');
    const address = await db().selectFrom('aid_request_addresses').selectAll().where('request_id', '=', created.id).executeTakeFirstOrThrow();
    expect(address).toMatchObject({ address: '12 rue des Tilleuls, 2e étage', contact: '06 00 00 00 00' });
    expect((await notices(near.u.id, 'mutual_aid.request_nearby')).map((n) => n.params)).toEqual([expect.objectContaining({ requestId: created.id, kind: 'groceries', commune: 'Alpha' })]);
    expect(await notices(far.u.id, 'mutual_aid.request_nearby')).toEqual([]);
    expect(await notices(wrongSkill.u.id, 'mutual_aid.request_nearby')).toEqual([]);
    expect(await notices(requesterUser.id, 'mutual_aid.request_nearby')).toEqual([]);
    const [notice] = await notices(near.u.id, 'mutual_aid.request_nearby');
    expect(notice!.link).toBe(`/t/${fx.territory.slug}/entraide/a-proximite`);
    // The mail says where roughly, never the address.
    const mails = await db().selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', near.u.email).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).not.toContain('Tilleuls');
    expect(mails[0]!.subject).toContain('Alpha');
  });

  it('refuses bad requests with the field named, and writes nothing', async () => {
    const requester = await signIn(await person());
    const before = [await count('aid_requests'), await count('aid_request_addresses')];
    const cases: [Record<string, unknown>, string][] = [
      [{ window: { from: at(-2), to: at(5) } }, '/window/from'],
      [{ window: { from: at(5), to: at(4) } }, '/window/to'],
      [{ window: { from: at(5), to: at(5 + 24 * 40) } }, '/window/to'],
      [{ place: { lat: 48.85, lng: 2.35 } }, '/place'],
      [{ description: '   ' }, '/description'],
      [{ address: '  ' }, '/address'],
      [{ kind: 'babysitting' }, '/kind'],
      [{ urgency: 'yesterday' }, '/urgency'],
    ];
    for (const [over, field] of cases) {
      const res = await requester.post(`${base()}/requests`, requestBody(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field).toBe(field);
    }
    expect([await count('aid_requests'), await count('aid_request_addresses')]).toEqual(before);
    expect((await new Client(fx.t.app).post(`${base()}/requests`, requestBody())).statusCode).toBe(401);
  });

  it('answers a retried request with the first one (idempotency key)', async () => {
    const requester = await signIn(await person());
    const first = await ask(requester, { idempotencyKey: 'retry-key-0001' });
    const again = await requester.post(`${base()}/requests`, requestBody({ idempotencyKey: 'retry-key-0001' }));
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: first.id, notified: 0 });
  });

  it('goes open → offered → matched → done, with notifications at each step and thanks afterwards', async () => {
    const requesterUser = await person();
    const requester = await signIn(requesterUser);
    const a = await helper();
    const b = await helper();
    const bystander = await helper();
    const { id } = await ask(requester);
    // Offering: the requester cannot, someone without a profile cannot, a helper can (twice is the same).
    expect((await requester.post(`${base()}/requests/${id}/offers`, {})).json().reason).toBe('own_request');
    const noProfile = await (await signIn(await person())).post(`${base()}/requests/${id}/offers`, {});
    expect(noProfile.statusCode).toBe(409);
    expect(noProfile.json().reason).toBe('no_helper_profile');
    const offered = await a.c.post(`${base()}/requests/${id}/offers`, { message: 'Je passe au marché mercredi.' });
    expect(offered.json()).toEqual({ status: 'offered', offered: true });
    expect((await a.c.post(`${base()}/requests/${id}/offers`, {})).json()).toEqual({ status: 'offered', offered: true });
    expect(await count('aid_request_offers')).toBeGreaterThan(0);
    await b.c.post(`${base()}/requests/${id}/offers`);
    expect(await notices(requesterUser.id, 'mutual_aid.offer_received')).toHaveLength(2);
    const mine = (await requester.get(`${base()}/requests/mine`)).json().items.find((r: { id: string }) => r.id === id);
    expect(mine.offersReceived.map((o: { helperId: string }) => o.helperId)).toEqual([a.u.id, b.u.id]);
    expect(mine.offersReceived[0].message).toBe('Je passe au marché mercredi.');
    // Accepting someone who did not offer: refused, nothing changes.
    const wrong = await requester.post(`${base()}/requests/${id}/accept`, { helperId: bystander.u.id });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().reason).toBe('not_offered');
    expect(await status(id)).toBe('offered');
    expect(await notices(bystander.u.id, 'mutual_aid.accepted')).toEqual([]);
    // Only the requester accepts.
    expect((await a.c.post(`${base()}/requests/${id}/accept`, { helperId: a.u.id })).statusCode).toBe(403);
    const accepted = await requester.post(`${base()}/requests/${id}/accept`, { helperId: a.u.id });
    expect(accepted.json()).toEqual({ status: 'matched', helperId: a.u.id });
    expect((await requester.post(`${base()}/requests/${id}/accept`, { helperId: a.u.id })).statusCode).toBe(200);
    expect(await notices(a.u.id, 'mutual_aid.accepted')).toHaveLength(1);
    expect((await requester.post(`${base()}/requests/${id}/accept`, { helperId: b.u.id })).json().reason).toBe('not_open');
    expect((await bystander.c.post(`${base()}/requests/${id}/offers`, {})).json().reason).toBe('not_open');
    // Thanks only after done; done by someone else refused.
    expect((await requester.post(`${base()}/requests/${id}/thanks`, { message: 'Merci !' })).json().reason).toBe('not_done');
    expect((await b.c.post(`${base()}/requests/${id}/done`, {})).statusCode).toBe(403);
    const helping = (await a.c.get(`${base()}/requests/helping`)).json().items.find((r: { id: string }) => r.id === id);
    expect(helping).toMatchObject({ acceptedMe: true, myOffer: 'active', status: 'matched' });
    const done = await a.c.post(`${base()}/requests/${id}/done`, { hours: 1.5 });
    expect(done.json()).toEqual({ status: 'done' });
    expect((await a.c.post(`${base()}/requests/${id}/done`, {})).json()).toEqual({ status: 'done' });
    expect(await notices(requesterUser.id, 'mutual_aid.done')).toHaveLength(1);
    expect((await requester.post(`${base()}/requests/${id}/cancel`)).json().reason).toBe('already_done');
    const thanks = await requester.post(`${base()}/requests/${id}/thanks`, { message: 'Merci pour les courses, à bientôt !' });
    expect(thanks.json()).toEqual({ thanked: true });
    expect((await notices(a.u.id, 'mutual_aid.thanks')).map((n) => n.params)).toEqual([expect.objectContaining({ message: 'Merci pour les courses, à bientôt !' })]);
    const mail = await db().selectFrom('mail_outbox').select('body_text').where('to_address', '=', a.u.email).where('subject', 'like', '%merci%').executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Merci pour les courses');
    expect((await requester.post(`${base()}/requests/${id}/thanks`, { message: 'Encore merci' })).json().reason).toBe('already_thanked');
    expect((await requester.post(`${base()}/requests/${id}/thanks`, { message: '  ' })).json().field).toBe('/message');
    const after = (await a.c.get(`${base()}/requests/helping`)).json().items.find((r: { id: string }) => r.id === id);
    expect(after).toMatchObject({ status: 'done', hours: 1.5, thanks: { message: 'Merci pour les courses, à bientôt !' } });
  });

  it('lets a helper step back (the request reopens) and the requester cancel (helpers told)', async () => {
    const requesterUser = await person();
    const requester = await signIn(requesterUser);
    const a = await helper();
    const b = await helper();
    const { id } = await ask(requester);
    await a.c.post(`${base()}/requests/${id}/offers`, {});
    expect((await a.c.delete(`${base()}/requests/${id}/offers/mine`)).json()).toEqual({ status: 'open', offered: false });
    await a.c.post(`${base()}/requests/${id}/offers`, {});
    await b.c.post(`${base()}/requests/${id}/offers`, {});
    await requester.post(`${base()}/requests/${id}/accept`, { helperId: a.u.id });
    expect((await a.c.delete(`${base()}/requests/${id}/offers/mine`)).json()).toEqual({ status: 'offered', offered: false });
    expect(await notices(requesterUser.id, 'mutual_aid.helper_withdrew')).toHaveLength(1);
    expect((await a.c.get(`${base()}/requests/${id}/address`)).statusCode).toBe(403);
    expect((await b.c.post(`${base()}/requests/${id}/cancel`)).statusCode).toBe(403);
    expect((await requester.post(`${base()}/requests/${id}/cancel`)).json()).toEqual({ status: 'cancelled' });
    expect((await requester.post(`${base()}/requests/${id}/cancel`)).json()).toEqual({ status: 'cancelled' });
    expect(await notices(b.u.id, 'mutual_aid.cancelled')).toHaveLength(1);
    expect(await db().selectFrom('aid_request_addresses').select('request_id').where('request_id', '=', id).execute()).toEqual([]);
    expect((await requester.post(`${base()}/requests/${id}/done`, {})).json().reason).toBe('not_matched');
  });

  it('refuses a request filed for an ordinary resident by a mediator without a session for an assisted account, writing nothing', async () => {
    const resident = await person();
    const mediator = await person(['resident', 'mediator']);
    // A viewer "acting" for someone who never consented, as a forged header or a stale session would give.
    const viewer = { userId: resident.id, sessionId: 'test', csrfToken: 'test', mediatorId: mediator.id, mediationSessionId: '1' };
    await expect(createRequest({ db: db(), clock: fx.t.clock, config: fx.t.config }, { territory: fx.territory, viewer, requestId: 'test' }, requestBody() as never)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db().selectFrom('aid_requests').select('id').where('requester_id', '=', resident.id).execute()).toEqual([]);
    // A resident's own request names them alone.
    const own = await ask(await signIn(resident));
    const ownAudit = await db().selectFrom('audit_log').select(['actor_id', 'on_behalf_of_id']).where('subject_id', '=', own.id).where('action', '=', 'mutual_aid.request_created').executeTakeFirstOrThrow();
    expect(ownAudit).toEqual({ actor_id: resident.id, on_behalf_of_id: null });
  });

  it('takes a request filed by a mediator in a session on behalf of an assisted resident, audited with both', async () => {
    const mediator = await signIn(await person(['resident', 'mediator']));
    const mediatorId = (await db().selectFrom('users').select('id').where('email', '=', (await mediator.get('/api/me')).json().email).executeTakeFirstOrThrow()).id;
    const assisted = await mediator.post(`/api/territories/${fx.territory.slug}/mediation/assisted`, { displayName: 'Madeleine', commune: '21001', consentRef: 'FORM-2026-031' });
    expect(assisted.statusCode, assisted.body).toBe(201);
    const residentId = assisted.json().userId;
    const session = await mediator.post(`/api/territories/${fx.territory.slug}/mediation/sessions`, { residentId, reason: 'Demande de courses par téléphone' });
    expect(session.statusCode, session.body).toBe(201);
    const res = await mediator.request({ method: 'POST', url: `${base()}/requests`, payload: requestBody({ description: 'Courses pour Madeleine (appel du mardi)' }), headers: { 'x-maille-acting-for': session.json().id } });
    expect(res.statusCode, res.body).toBe(201);
    const row = await db().selectFrom('aid_requests').select('requester_id').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.requester_id).toBe(residentId);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'on_behalf_of_id', 'reason', 'details']).where('action', '=', 'mutual_aid.request_created').where('subject_id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: mediatorId, on_behalf_of_id: residentId, reason: 'mediator', details: { consentRef: 'FORM-2026-031', sessionId: session.json().id } });
  });
});
