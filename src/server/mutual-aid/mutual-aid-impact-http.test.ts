// Mutual-aid impact and personal data over HTTP on a real database: the collective value with "others helped this
// week", and the data export and erasure.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { NEAR, mutualAidOverHttp } from './test-fixtures.ts';

describe.each(databaseKinds())('mutual aid on %s', (kind) => {
  const fx = mutualAidOverHttp(kind);
  const { db, base, person, signIn, requestBody, profileBody, helper, ask } = fx;

  it('counts done requests as hours of help and people helped, with "others helped this week"', async () => {
    const fresh = await buildTerritory(db());
    const T = `/api/territories/${fresh.slug}/mutual-aid`;
    const make = async () => {
      const u = await buildUser(db(), { territory: fresh });
      return { u, c: await signIn(u) };
    };
    const requester = await make();
    const helperA = await make();
    const helperB = await make();
    const community = await buildCommunity(db(), { territory: fresh, organiser: helperB.u });
    await addMember(db(), community, helperA.u);
    for (const h of [helperA, helperB]) await h.c.put(`${T}/helper-profile`, profileBody({ skills: ['groceries', 'visit'] }));
    const run = async (kindOf: string, h: typeof helperA, hours?: number) => {
      const res = await requester.c.post(`${T}/requests`, requestBody({ kind: kindOf }));
      const id = res.json().id;
      await h.c.post(`${T}/requests/${id}/offers`, {});
      await requester.c.post(`${T}/requests/${id}/accept`, { helperId: h.u.id });
      await h.c.post(`${T}/requests/${id}/done`, hours === undefined ? {} : { hours });
    };
    await run('groceries', helperA, 2);
    await run('visit', helperB);
    // Public territory figures built from fewer than 5 people are not shown (docs/privacy.md); members see their community whole.
    const territoryView = (await new Client(fx.t.app).get(`${T}/impact?weeks=2`)).json();
    const small = { suppressed: true, reason: 'small_group', minGroup: 5 };
    expect(territoryView.weeks).toEqual([{ weekOf: expect.any(String), ...small }, { weekOf: expect.any(String), ...small }]);
    expect(territoryView.totals).toEqual(small);
    expect(territoryView.estimates.visit).toBe(1.5);
    expect(territoryView.method.join(' ')).toContain('estimate');
    const communityView = (await helperA.c.get(`${T}/impact?weeks=1&community=${community.id}`)).json();
    expect(communityView).toMatchObject({ scope: 'community', totals: { requestsDone: 2, hours: 3.5 } });
    expect(communityView.weeks.at(-1)).toMatchObject({ requestsDone: 2, hours: 3.5, hoursReported: 2, hoursEstimated: 1.5, peopleHelped: 1, helpers: 2 });
    expect((await requester.c.get(`${T}/impact?weeks=1&community=${community.id}`)).json().totals).toEqual(small);
    const me = (await helperA.c.get(`${T}/impact/me?weeks=1`)).json();
    expect(me.totals).toMatchObject({ requestsDone: 1, hours: 2 });
    expect(me.notAlone).toMatchObject({ territory: small, communities: [{ id: community.id, others: 1 }] });
    const requesterView = (await requester.c.get(`${T}/impact/me?weeks=1`)).json();
    expect(requesterView.received).toEqual({ requestsDone: 2 });
    expect(requesterView.notAlone.territory).toEqual(small);
    expect((await new Client(fx.t.app).get(`${T}/impact/me`)).statusCode).toBe(401);
  });

  it('exports a person’s mutual aid and erases it with the account', async () => {
    const requesterUser = await person();
    const requester = await signIn(requesterUser);
    const h = await helper();
    const open = await ask(requester);
    const done = await ask(requester, { description: 'Une visite' });
    await h.c.post(`${base()}/requests/${done.id}/offers`, {});
    await requester.post(`${base()}/requests/${done.id}/accept`, { helperId: h.u.id });
    await h.c.post(`${base()}/requests/${done.id}/done`, {});
    await h.c.post(`${base()}/offers`, { kind: 'lift', text: 'Trajets vers le CHU le jeudi', weekdays: [4], times: ['afternoon'], place: NEAR });
    const exported = (await requester.get('/api/me/export')).json().mutualAid;
    expect(exported.requests.map((r: { id: string }) => r.id)).toEqual([open.id, done.id]);
    expect(exported.requests[0].address).toMatchObject({ address: '12 rue des Tilleuls, 2e étage' });
    expect(exported.requests[1].address).toBeNull();
    const helperExport = (await h.c.get('/api/me/export')).json().mutualAid;
    expect(helperExport.helped.map((r: { id: string }) => r.id)).toEqual([done.id]);
    expect(helperExport.standingOffers).toHaveLength(1);
    expect(helperExport.helperProfiles).toHaveLength(1);
    expect(JSON.stringify(helperExport)).not.toContain('Tilleuls');
    expect((await requester.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect(await db().selectFrom('aid_requests').select('id').where('id', '=', open.id).execute()).toEqual([]);
    expect(await db().selectFrom('aid_request_addresses').select('request_id').where('request_id', 'in', [open.id, done.id]).execute()).toEqual([]);
    const kept = await db().selectFrom('aid_requests').select(['status', 'description']).where('id', '=', done.id).executeTakeFirstOrThrow();
    expect(kept).toEqual({ status: 'done', description: null });
    expect((await h.c.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect(await db().selectFrom('aid_offers').select('id').where('helper_id', '=', h.u.id).execute()).toEqual([]);
    expect(await db().selectFrom('aid_helper_profiles').select('user_id').where('user_id', '=', h.u.id).execute()).toEqual([]);
  });
});
