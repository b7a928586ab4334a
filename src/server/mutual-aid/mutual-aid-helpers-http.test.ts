// Mutual-aid helpers and offers over HTTP on a real database: who is told (availability, at most 20, community first),
// helper profiles (radius bounds, a cell never a point), the approximate area shown nearby, blocked people kept apart,
// requests hidden by moderation, and standing offers searched and withdrawn.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { addMember, buildCommunity, type UserFixture } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { getResolution } from 'h3-js';
import { isoWeekday, localDate, localInstant } from '../core/time-of-day.ts';
import { FAR, HOME, NEAR, mutualAidOverHttp } from './test-fixtures.ts';

describe.each(databaseKinds())('mutual aid on %s', (kind) => {
  const fx = mutualAidOverHttp(kind);
  const { db, base, person, signIn, profileBody, helper, ask, notices, status } = fx;

  it('tells only helpers available at some hour of the window (weekday and time of day, Paris time)', async () => {
    // A window on the coming Monday, 09:00–11:00 in Paris.
    const today = localDate(fx.t.clock.now());
    let monday = today;
    do monday = new Date(Date.parse(`${monday}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    while (isoWeekday(monday) !== 1 || monday === today);
    const window = { from: localInstant(monday, 9 * 60).toISOString(), to: localInstant(monday, 11 * 60).toISOString() };
    const mondayMorning = await helper({ skills: ['visit'], weekdays: [1], times: ['morning'] });
    const mondayEvening = await helper({ skills: ['visit'], weekdays: [1], times: ['evening'] });
    const tuesdayMorning = await helper({ skills: ['visit'], weekdays: [2], times: ['morning'] });
    const created = await ask(await signIn(await person()), { kind: 'visit', urgency: 'flexible', window });
    const told = async (h: { u: UserFixture }) => (await notices(h.u.id, 'mutual_aid.request_nearby')).filter((n) => (n.params as { requestId: string }).requestId === created.id).length;
    expect([await told(mondayMorning), await told(mondayEvening), await told(tuesdayMorning)]).toEqual([1, 0, 0]);
    // Everyone within reach still sees it in « requests near me ».
    expect((await tuesdayMorning.c.get(`${base()}/requests/nearby`)).json().items.map((i: { id: string }) => i.id)).toContain(created.id);
  });

  it('tells at most 20 helpers, members of a community the requester is in first', async () => {
    const requesterUser = await person();
    const community = await buildCommunity(db(), { territory: fx.territory });
    await addMember(db(), community, requesterUser);
    const strangers = [];
    for (let i = 0; i < 20; i += 1) strangers.push(await helper({ skills: ['repairs'], home: HOME }));
    // Farther away than every stranger, but in the requester's community: told anyway.
    const neighbour = await helper({ skills: ['repairs'], home: NEAR });
    await addMember(db(), community, neighbour.u);
    const created = await ask(await signIn(requesterUser), { kind: 'repairs' });
    expect(created.notified).toBe(20);
    expect(await notices(neighbour.u.id, 'mutual_aid.request_nearby')).toHaveLength(1);
    const told = await db().selectFrom('notifications').select('user_id').where('kind', '=', 'mutual_aid.request_nearby').where('params', '@>', JSON.stringify({ requestId: created.id }) as never).execute();
    expect(told).toHaveLength(20);
  });

  it('keeps a helper profile with a radius in (0, 50] km and a home cell, never the point', async () => {
    const c = await signIn(await person());
    for (const radiusKm of [0, -1, 50.5, 51]) {
      const res = await c.put(`${base()}/helper-profile`, profileBody({ radiusKm }));
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('/radiusKm');
    }
    expect((await c.get(`${base()}/helper-profile`)).json()).toEqual({ profile: null });
    expect((await c.put(`${base()}/helper-profile`, profileBody({ home: { lat: 48.85, lng: 2.35 } }))).json().field).toBe('/home');
    expect((await c.put(`${base()}/helper-profile`, profileBody({ skills: [] }))).json().field).toBe('/skills');
    const ok = await c.put(`${base()}/helper-profile`, profileBody({ radiusKm: 50 }));
    expect(ok.statusCode).toBe(200);
    const profile = ok.json().profile;
    expect(profile).toMatchObject({ skills: ['groceries', 'pharmacy'], radiusKm: 50, communeCode: '21001', communeName: 'Alpha' });
    expect(getResolution(profile.homeCell)).toBe(8);
    expect(JSON.stringify(profile)).not.toContain(String(NEAR.lng));
    expect((await c.delete(`${base()}/helper-profile`)).statusCode).toBe(204);
    expect((await c.get(`${base()}/helper-profile`)).json()).toEqual({ profile: null });
  });

  it('shows nearby helpers the approximate area only, within their radius', async () => {
    const requesterUser = await person();
    const created = await ask(await signIn(requesterUser), { description: 'Un appel de temps en temps', kind: 'call' });
    const near = await helper({ skills: ['call'] });
    const far = await helper({ home: FAR, radiusKm: 5 });
    const list = await near.c.get(`${base()}/requests/nearby`);
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === created.id);
    expect(item).toMatchObject({ kind: 'call', communeName: 'Alpha', cell: created.cell, skillMatch: true, myOffer: false });
    expect(item.approxDistanceKm).toBeGreaterThan(0);
    expect(item.approxDistanceKm).toBeLessThanOrEqual(3);
    expect(list.body).not.toContain('Tilleuls');
    expect(list.body).not.toContain(requesterUser.email);
    expect(list.body).not.toContain('06 00 00 00 00');
    expect((await far.c.get(`${base()}/requests/nearby`)).json().items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    const noProfile = await (await signIn(await person())).get(`${base()}/requests/nearby`);
    expect(noProfile.json()).toEqual({ hasProfile: false, radiusKm: null, items: [] });
    // One request: the coarse view for a helper.
    const one = await near.c.get(`${base()}/requests/${created.id}`);
    expect(one.json()).toMatchObject({ id: created.id, mine: false, acceptedMe: false });
    expect(one.body).not.toContain('Tilleuls');
  });

  it('keeps blocked people apart: not told, not listed, cannot offer, cannot be accepted', async () => {
    const requesterUser = await person();
    const requester = await signIn(requesterUser);
    const blocked = await helper();
    const blocker = await helper();
    // The requester blocks one helper; another helper blocks the requester.
    expect((await requester.post(`/api/territories/${fx.territory.slug}/blocks/${blocked.u.id}`)).statusCode).toBeLessThan(300);
    expect((await blocker.c.post(`/api/territories/${fx.territory.slug}/blocks/${requesterUser.id}`)).statusCode).toBeLessThan(300);
    const { id } = await ask(requester);
    for (const h of [blocked, blocker]) {
      expect((await notices(h.u.id, 'mutual_aid.request_nearby')).filter((n) => (n.params as { requestId: string }).requestId === id)).toEqual([]);
      expect((await h.c.get(`${base()}/requests/nearby`)).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect((await h.c.get(`${base()}/requests/${id}`)).statusCode).toBe(404);
      expect((await h.c.post(`${base()}/requests/${id}/offers`, {})).statusCode).toBe(404);
    }
    // An offer made before the block cannot be accepted after it.
    const later = await helper();
    await later.c.post(`${base()}/requests/${id}/offers`, {});
    await requester.post(`/api/territories/${fx.territory.slug}/blocks/${later.u.id}`);
    const refused = await requester.post(`${base()}/requests/${id}/accept`, { helperId: later.u.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().reason).toBe('blocked');
    expect(await status(id)).toBe('offered');
  });

  it('leaves requests hidden by moderation out of the lists helpers see', async () => {
    const requester = await signIn(await person());
    const near = await helper();
    const { id } = await ask(requester);
    await db().updateTable('aid_requests').set({ hidden_at: fx.t.clock.now() }).where('id', '=', id).execute();
    expect((await near.c.get(`${base()}/requests/nearby`)).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await near.c.get(`${base()}/requests/${id}`)).statusCode).toBe(404);
    expect((await near.c.post(`${base()}/requests/${id}/offers`, {})).statusCode).toBe(404);
    const own = (await requester.get(`${base()}/requests/mine`)).json().items.find((r: { id: string }) => r.id === id);
    expect(own.hidden).toBe(true);
  });

  it('publishes, searches and withdraws standing offers; hidden ones are left out', async () => {
    const author = await signIn(await person());
    const other = await signIn(await person());
    const body = { kind: 'groceries', text: 'Je fais mes courses le mardi, je peux prendre une liste.', weekdays: [2], times: ['morning'], place: NEAR };
    const created = await author.post(`${base()}/offers`, body);
    expect(created.statusCode, created.body).toBe(201);
    const offerId = created.json().id;
    expect(getResolution(created.json().cell)).toBe(8);
    const bad = await author.post(`${base()}/offers`, { ...body, text: ' ' });
    expect(bad.json().field).toBe('/text');
    expect((await author.post(`${base()}/offers`, { ...body, weekdays: [] })).json().field).toBe('/weekdays');
    const hidden = (await author.post(`${base()}/offers`, { ...body, text: 'Bricolage le samedi' , kind: 'repairs' })).json().id;
    await db().updateTable('aid_offers').set({ hidden_at: fx.t.clock.now() }).where('id', '=', hidden).execute();
    const ids = async (query: string) => (await other.get(`${base()}/offers${query}`)).json().items.map((o: { id: string }) => o.id);
    expect(await ids('')).toContain(offerId);
    expect(await ids('')).not.toContain(hidden);
    expect(await ids('?kind=groceries&q=MARDI')).toContain(offerId);
    expect(await ids('?kind=pharmacy')).not.toContain(offerId);
    expect(await ids('?q=bricolage')).toEqual([]);
    expect(await ids('?commune=21002')).not.toContain(offerId);
    expect((await other.get(`${base()}/offers?kind=nope`)).json().field).toBe('/query/kind');
    expect((await author.get(`${base()}/offers?mine=true`)).json().items.map((o: { id: string }) => o.id)).toEqual([offerId]);
    expect((await other.get(`${base()}/offers?mine=true`)).json().items).toEqual([]);
    const listed = (await other.get(`${base()}/offers`)).json().items.find((o: { id: string }) => o.id === offerId);
    expect(listed).toMatchObject({ communeName: 'Alpha', weekdays: [2], times: ['morning'], mine: false });
    expect((await new Client(fx.t.app).get(`${base()}/offers`)).statusCode).toBe(401);
    expect((await other.delete(`${base()}/offers/${offerId}`)).statusCode).toBe(403);
    expect((await author.delete(`${base()}/offers/${offerId}`)).statusCode).toBe(204);
    expect((await author.delete(`${base()}/offers/${offerId}`)).statusCode).toBe(204);
    expect(await ids('')).not.toContain(offerId);
  });
});
