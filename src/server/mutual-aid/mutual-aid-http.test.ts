// Mutual aid over HTTP on a real database: asking for help (coarse place, address apart, bad input refused with
// nothing written), helper profiles (radius bounds, a cell never a point), nearby helpers notified (skills, radius,
// community first), the lifecycle open → offered → matched → done / cancelled with thanks, standing offers searched
// and hidden by moderation, the collective value with "others helped this week", a mediator filing for a resident,
// and the data export and erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { getResolution } from 'h3-js';
import { isoWeekday, localDate, localInstant } from '../core/time-of-day.ts';
import { createRequest } from './create-request.ts';

const HOUR = 3_600_000;
const HOME = { lat: 47.05, lng: 5.05 }; // Alpha (21001)
const NEAR = { lat: 47.052, lng: 5.062 }; // about 1 km away, Alpha
const FAR = { lat: 47.05, lng: 5.19 }; // about 10.6 km away, Bêta (21002)

describe.each(databaseKinds())('mutual aid on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const base = () => `/api/territories/${territory.slug}/mutual-aid`;
  const person = (roles: ('resident' | 'operator' | 'admin' | 'mediator')[] = ['resident']) => buildUser(db(), { territory, roles });
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
  const requestBody = (over: Record<string, unknown> = {}) => ({
    kind: 'groceries',
    urgency: 'this_week',
    window: { from: at(2), to: at(48) },
    description: 'Des courses pour la semaine : une liste d’une dizaine d’articles.',
    place: HOME,
    address: '12 rue des Tilleuls, 2e étage',
    contact: '06 00 00 00 00',
    ...over,
  });
  const profileBody = (over: Record<string, unknown> = {}) => ({ skills: ['groceries', 'pharmacy'], weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['morning', 'afternoon', 'evening'], radiusKm: 3, home: NEAR, ...over });
  const helper = async (over: Record<string, unknown> = {}) => {
    const u = await person();
    const c = await signIn(u);
    const res = await c.put(`${base()}/helper-profile`, profileBody(over));
    expect(res.statusCode, res.body).toBe(200);
    return { u, c };
  };
  const ask = async (c: Client, over: Record<string, unknown> = {}) => {
    const res = await c.post(`${base()}/requests`, requestBody(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; status: string; cell: string; communeCode: string; notified: number }>();
  };
  const count = async (table: 'aid_requests' | 'aid_request_addresses' | 'aid_offers' | 'aid_request_offers') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const notices = (userId: string, kindOf?: string) =>
    db().selectFrom('notifications').select(['kind', 'params', 'link']).where('user_id', '=', userId).$if(kindOf !== undefined, (q) => q.where('kind', '=', kindOf!)).orderBy('id').execute();
  const status = async (id: string) => (await db().selectFrom('aid_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

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
    expect(notice!.link).toBe(`/t/${territory.slug}/entraide/a-proximite`);
    // The mail says where roughly, never the address.
    const mails = await db().selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', near.u.email).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).not.toContain('Tilleuls');
    expect(mails[0]!.subject).toContain('Alpha');
  });

  it('tells only helpers available at some hour of the window (weekday and time of day, Paris time)', async () => {
    // A window on the coming Monday, 09:00–11:00 in Paris.
    const today = localDate(t.clock.now());
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
    const community = await buildCommunity(db(), { territory });
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
    expect((await new Client(t.app).post(`${base()}/requests`, requestBody())).statusCode).toBe(401);
  });

  it('answers a retried request with the first one (idempotency key)', async () => {
    const requester = await signIn(await person());
    const first = await ask(requester, { idempotencyKey: 'retry-key-0001' });
    const again = await requester.post(`${base()}/requests`, requestBody({ idempotencyKey: 'retry-key-0001' }));
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: first.id, notified: 0 });
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

  it('keeps blocked people apart: not told, not listed, cannot offer, cannot be accepted', async () => {
    const requesterUser = await person();
    const requester = await signIn(requesterUser);
    const blocked = await helper();
    const blocker = await helper();
    // The requester blocks one helper; another helper blocks the requester.
    expect((await requester.post(`/api/territories/${territory.slug}/blocks/${blocked.u.id}`)).statusCode).toBeLessThan(300);
    expect((await blocker.c.post(`/api/territories/${territory.slug}/blocks/${requesterUser.id}`)).statusCode).toBeLessThan(300);
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
    await requester.post(`/api/territories/${territory.slug}/blocks/${later.u.id}`);
    const refused = await requester.post(`${base()}/requests/${id}/accept`, { helperId: later.u.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().reason).toBe('blocked');
    expect(await status(id)).toBe('offered');
  });

  it('leaves requests hidden by moderation out of the lists helpers see', async () => {
    const requester = await signIn(await person());
    const near = await helper();
    const { id } = await ask(requester);
    await db().updateTable('aid_requests').set({ hidden_at: t.clock.now() }).where('id', '=', id).execute();
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
    await db().updateTable('aid_offers').set({ hidden_at: t.clock.now() }).where('id', '=', hidden).execute();
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
    expect((await new Client(t.app).get(`${base()}/offers`)).statusCode).toBe(401);
    expect((await other.delete(`${base()}/offers/${offerId}`)).statusCode).toBe(403);
    expect((await author.delete(`${base()}/offers/${offerId}`)).statusCode).toBe(204);
    expect((await author.delete(`${base()}/offers/${offerId}`)).statusCode).toBe(204);
    expect(await ids('')).not.toContain(offerId);
  });

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
    const territoryView = (await new Client(t.app).get(`${T}/impact?weeks=2`)).json();
    const thisWeek = territoryView.weeks.at(-1);
    expect(thisWeek).toMatchObject({ requestsDone: 2, hours: 3.5, hoursReported: 2, hoursEstimated: 1.5, peopleHelped: 1, helpers: 2 });
    expect(territoryView.weeks[0]).toMatchObject({ requestsDone: 0, hours: 0 });
    expect(territoryView.estimates.visit).toBe(1.5);
    expect(territoryView.method.join(' ')).toContain('estimate');
    const communityView = (await helperA.c.get(`${T}/impact?weeks=1&community=${community.id}`)).json();
    expect(communityView).toMatchObject({ scope: 'community', totals: { requestsDone: 2, hours: 3.5 } });
    const me = (await helperA.c.get(`${T}/impact/me?weeks=1`)).json();
    expect(me.totals).toMatchObject({ requestsDone: 1, hours: 2 });
    expect(me.notAlone).toMatchObject({ territory: 1, communities: [{ id: community.id, others: 1 }] });
    const requesterView = (await requester.c.get(`${T}/impact/me?weeks=1`)).json();
    expect(requesterView.received).toEqual({ requestsDone: 2 });
    expect(requesterView.notAlone.territory).toBe(2);
    expect((await new Client(t.app).get(`${T}/impact/me`)).statusCode).toBe(401);
  });

  it('lets a mediator file a request for a resident, audited by mediator on behalf of resident', async () => {
    const resident = await person();
    const mediator = await person(['resident', 'mediator']);
    const viewer = { userId: resident.id, sessionId: 'test', csrfToken: 'test', mediatorId: mediator.id, mediationSessionId: '1' };
    const created = await createRequest({ db: db(), clock: t.clock, config: t.config }, { slug: territory.slug, viewer, request: requestBody() as never });
    const row = await db().selectFrom('aid_requests').select(['requester_id', 'status']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ requester_id: resident.id, status: 'open' });
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'on_behalf_of_id', 'reason']).where('action', '=', 'mutual_aid.request_created').where('subject_id', '=', created.id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: mediator.id, on_behalf_of_id: resident.id, reason: 'mediator' });
    // A resident's own request names them alone.
    const own = await ask(await signIn(resident));
    const ownAudit = await db().selectFrom('audit_log').select(['actor_id', 'on_behalf_of_id']).where('subject_id', '=', own.id).where('action', '=', 'mutual_aid.request_created').executeTakeFirstOrThrow();
    expect(ownAudit).toEqual({ actor_id: resident.id, on_behalf_of_id: null });
  });

  it('takes a request filed by a mediator in a session on behalf of an assisted resident, audited with both', async () => {
    const mediator = await signIn(await person(['resident', 'mediator']));
    const mediatorId = (await db().selectFrom('users').select('id').where('email', '=', (await mediator.get('/api/me')).json().email).executeTakeFirstOrThrow()).id;
    const assisted = await mediator.post(`/api/territories/${territory.slug}/mediation/assisted`, { displayName: 'Madeleine', commune: '21001', consentRef: 'FORM-2026-031' });
    expect(assisted.statusCode, assisted.body).toBe(201);
    const residentId = assisted.json().userId;
    const session = await mediator.post(`/api/territories/${territory.slug}/mediation/sessions`, { residentId, reason: 'Demande de courses par téléphone' });
    expect(session.statusCode, session.body).toBe(201);
    const res = await mediator.request({ method: 'POST', url: `${base()}/requests`, payload: requestBody({ description: 'Courses pour Madeleine (appel du mardi)' }), headers: { 'x-maille-acting-for': session.json().id } });
    expect(res.statusCode, res.body).toBe(201);
    const row = await db().selectFrom('aid_requests').select('requester_id').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.requester_id).toBe(residentId);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'on_behalf_of_id']).where('action', '=', 'mutual_aid.request_created').where('subject_id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: mediatorId, on_behalf_of_id: residentId });
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
