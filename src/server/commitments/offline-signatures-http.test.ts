// Signatures collected on paper, over HTTP on a real database: only the commitment's community organisers and the
// territory's staff enter them; each waits for its person's confirmation and counts nowhere meanwhile (threshold,
// milestones, public signers); the person is told in the app and by mail, confirms or withdraws; an entry made inside
// a mediator's session for an assisted person with active consent counts at once; everything is audited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { ACTING_FOR_HEADER } from '../mediation/index.ts';

const DAY = 86_400_000;

describe.each(databaseKinds())('offline signatures on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const base = () => `/api/territories/${territory.slug}/commitments`;
  const user = (roles: ('resident' | 'mediator' | 'operator' | 'admin')[] = ['resident']) => buildUser(db(), { territory, roles });
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
  const body = (target: number, scope: object = { kind: 'territory', target: { kind: 'count', count: target } }) => ({
    wording: 'Je laisse la voiture le mardi si d’autres le font',
    action: 'mode_switch',
    scope,
    signingDeadline: inDays(10),
    actionStart: inDays(11),
    actionEnd: inDays(20),
  });
  const launch = async (creator: Client, target: number, scope?: object) => {
    const res = await creator.post(base(), body(target, scope));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  /** A community commitment launched by a new organiser; returns the organiser's client and the commitment. */
  const communityCommitment = async (target: number) => {
    const organiserUser = await user();
    const community = await buildCommunity(db(), { territory, organiser: organiserUser });
    const organiser = await signIn(organiserUser);
    const id = await launch(organiser, target, { kind: 'community', communityId: community.id, target: { kind: 'count', count: target } });
    return { organiser, organiserUser, community, id };
  };
  const counted = async (id: string) => (await db().selectFrom('commitment_signatures').select('user_id').where('commitment_id', '=', id).execute()).length;
  const entries = (id: string) => db().selectFrom('commitment_offline_entries').selectAll().where('commitment_id', '=', id).orderBy('id').execute();
  const kindsOf = async (userId: string, commitmentId: string) =>
    (await db().selectFrom('notifications').select('kind').where('user_id', '=', userId).where(sql<string>`params->>'commitmentId'`, '=', commitmentId).orderBy('id').execute()).map((n) => n.kind);
  const audits = (action: string, id: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).where('subject_id', '=', id).orderBy('id').execute();

  it('refuses a resident who launched a commitment and types in signatures for any user ids, writing nothing', async () => {
    const creator = await signIn(await user());
    const id = await launch(creator, 2);
    const [a, b] = [await user(), await user()];
    for (const victim of [a, b]) {
      const res = await creator.post(`${base()}/${id}/offline-signatures`, { userId: victim.id, reference: 'Feuille inventée' });
      expect([res.statusCode, res.json().reason], res.body).toEqual([403, 'not_organiser']);
    }
    expect(await counted(id)).toBe(0);
    expect(await entries(id)).toEqual([]);
    const view = (await creator.get(`${base()}/${id}`)).json();
    expect(view).toMatchObject({ status: 'collecting', signers: 0, canEnterOffline: false, createdByMe: true });
  });

  it('keeps an organiser’s entry pending — not counted, no milestone, no public name — until the person confirms', async () => {
    const { organiser, organiserUser, community, id } = await communityCommitment(1);
    const personUser = await user();
    await addMember(db(), { id: community.id, territory }, personUser);
    expect((await organiser.get(`${base()}/${id}`)).json().canEnterOffline).toBe(true);
    const res = await organiser.post(`${base()}/${id}/offline-signatures`, { userId: personUser.id, reference: 'Feuille 3, réunion du 12' });
    expect(res.statusCode, res.body).toBe(201);
    const entered = res.json<{ id: string; state: string; status: string; notify: string[] }>();
    expect(entered).toMatchObject({ state: 'pending', status: 'collecting', notify: [] });
    // Pending: the target of one is not reached, nobody is told of a milestone, nobody is shown.
    expect(await counted(id)).toBe(0);
    const before = (await organiser.get(`${base()}/${id}`)).json();
    expect(before).toMatchObject({ status: 'collecting', signers: 0, publicNames: [] });
    expect(await kindsOf(organiserUser.id, id)).toEqual([]);
    expect(await kindsOf(personUser.id, id)).toEqual(['commitment.offline_pending']);
    // Told where to decide; the notice carries ids only (the mail, sent as the person chose, words it).
    const notice = await db().selectFrom('notifications').select(['params', 'link']).where('user_id', '=', personUser.id).executeTakeFirstOrThrow();
    expect(notice).toEqual({ params: { commitmentId: id, entryId: entered.id }, link: `/t/${territory.slug}/mes-engagements` });
    expect(await audits('commitment.offline_signature_entered', id)).toMatchObject([{ actor_id: organiserUser.id, on_behalf_of_id: personUser.id }]);

    // Nobody else decides for the person.
    const other = await signIn(await user());
    expect((await other.post(`${base()}/${id}/offline-signatures/${entered.id}/confirm`, {})).statusCode).toBe(404);
    expect((await organiser.post(`${base()}/${id}/offline-signatures/${entered.id}/confirm`, {})).statusCode).toBe(404);

    const person = await signIn(personUser);
    const mine = (await person.get(`/api/territories/${territory.slug}/me/offline-signatures`)).json().items;
    expect(mine).toMatchObject([{ id: entered.id, commitmentId: id, state: 'pending', reference: 'Feuille 3, réunion du 12' }]);
    const confirmed = await person.post(`${base()}/${id}/offline-signatures/${entered.id}/confirm`, { publicName: true });
    expect(confirmed.json(), confirmed.body).toEqual({ status: 'succeeded', notify: ['succeeded'] });
    const after = (await person.get(`${base()}/${id}`)).json();
    expect(after).toMatchObject({ status: 'succeeded', signers: 1, mine: { entry: 'offline', publicName: true } });
    expect(after.publicNames).toHaveLength(1);
    expect(await kindsOf(personUser.id, id)).toEqual(['commitment.offline_pending', 'commitment.succeeded']);
    expect(await audits('commitment.offline_signature_confirmed', id)).toMatchObject([{ actor_id: personUser.id, on_behalf_of_id: null }]);
    const again = await person.post(`${base()}/${id}/offline-signatures/${entered.id}/confirm`, {});
    expect([again.statusCode, again.json().reason]).toEqual([409, 'not_pending']);
  });

  it('lets staff enter one, refuses an unrelated resident and a creator who is not an organiser, and checks the input', async () => {
    const creatorUser = await user();
    const id = await launch(await signIn(creatorUser), 3);
    const url = `${base()}/${id}/offline-signatures`;
    const person = await user();
    for (const roles of [['resident', 'mediator'], ['resident', 'operator'], ['resident', 'admin']] as const) {
      const staff = await signIn(await user([...roles]));
      expect((await staff.get(`${base()}/${id}`)).json().canEnterOffline).toBe(true);
      const res = await staff.post(url, { userId: (await user()).id, reference: `Feuille ${roles[1]}` });
      expect([res.statusCode, res.json().state], res.body).toEqual([201, 'pending']);
    }
    expect(await counted(id)).toBe(0);
    const operator = await signIn(await user(['resident', 'operator']));
    const refusals: [Client, object, number, string][] = [
      [await signIn(await user()), { userId: person.id, reference: 'Feuille 1' }, 403, 'not_organiser'],
      [await signIn(creatorUser), { userId: person.id, reference: 'Feuille 1' }, 403, 'not_organiser'],
      [operator, { userId: person.id, reference: '   ' }, 400, '/reference'],
      [operator, { userId: person.id }, 400, '/reference'],
      [operator, { userId: '999999999', reference: 'Feuille 1' }, 400, '/userId'],
      [operator, { userId: (await buildUser(db())).id, reference: 'Feuille 1' }, 400, '/userId'],
    ];
    for (const [client, payload, status, detail] of refusals) {
      const res = await client.post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(status === 400 ? res.json().field : res.json().reason).toBe(detail);
    }
    expect((await new Client(t.app).post(url, { userId: person.id, reference: 'Feuille 1' })).statusCode).toBe(401);
    expect((await operator.post(url, { userId: person.id, reference: 'Feuille 5' })).statusCode).toBe(201);
    const twice = await operator.post(url, { userId: person.id, reference: 'Feuille 6' });
    expect([twice.statusCode, twice.json().reason]).toEqual([409, 'already_entered']);
    const signer = await user();
    await (await signIn(signer)).post(`${base()}/${id}/sign`, {});
    const signed = await operator.post(url, { userId: signer.id, reference: 'Feuille 7' });
    expect([signed.statusCode, signed.json().reason]).toEqual([409, 'already_signed']);
    expect((await entries(id)).map((e) => e.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('lets the person withdraw a pending or a confirmed entry until the deadline, and not after', async () => {
    const operator = await signIn(await user(['resident', 'operator']));
    const id = await launch(await signIn(await user()), 5);
    const [aUser, bUser] = [await user(), await user()];
    const enter = async (u: UserFixture) => (await operator.post(`${base()}/${id}/offline-signatures`, { userId: u.id, reference: 'Feuille 9' })).json<{ id: string }>().id;
    const [ea, eb] = [await enter(aUser), await enter(bUser)];
    const [a, b] = [await signIn(aUser), await signIn(bUser)];
    const withdrawn = await a.post(`${base()}/${id}/offline-signatures/${ea}/withdraw`);
    expect(withdrawn.json(), withdrawn.body).toEqual({ status: 'collecting' });
    const late = await a.post(`${base()}/${id}/offline-signatures/${ea}/confirm`, {});
    expect([late.statusCode, late.json().reason]).toEqual([409, 'not_pending']);
    expect((await a.get(`/api/territories/${territory.slug}/me/offline-signatures`)).json().items).toEqual([]);
    expect((await b.post(`${base()}/${id}/offline-signatures/${eb}/confirm`, {})).statusCode).toBe(200);
    expect(await counted(id)).toBe(1);
    expect((await b.post(`${base()}/${id}/offline-signatures/${eb}/withdraw`)).json()).toEqual({ status: 'collecting' });
    expect(await counted(id)).toBe(0);
    expect((await audits('commitment.offline_signature_withdrawn', id)).map((e) => e.actor_id)).toEqual([aUser.id, bUser.id]);
    // After the deadline signatures are settled.
    const cUser = await user();
    const ec = await enter(cUser);
    const c = await signIn(cUser);
    expect((await c.post(`${base()}/${id}/offline-signatures/${ec}/confirm`, {})).statusCode).toBe(200);
    t.clock.advance(11 * DAY);
    const settled = await c.post(`${base()}/${id}/offline-signatures/${ec}/withdraw`);
    expect([settled.statusCode, settled.json().reason]).toEqual([409, 'deadline_passed']);
    expect(await counted(id)).toBe(1);
  });

  it('counts at once an entry made inside a mediator’s session for an assisted person with consent; never after withdrawal', async () => {
    t.clock.advance(DAY);
    const id = await launch(await signIn(await user()), 4);
    const mediatorUser = await user(['resident', 'mediator']);
    const mediator = await signIn(mediatorUser);
    const assisted = await mediator.post(`/api/territories/${territory.slug}/mediation/assisted`, { displayName: 'Robert', commune: '21001', consentRef: `FORM-${Date.now()}` });
    expect(assisted.statusCode, assisted.body).toBe(201);
    const residentId = assisted.json<{ userId: string }>().userId;
    const session = (await mediator.post(`/api/territories/${territory.slug}/mediation/sessions`, { residentId, reason: 'Rendez-vous au centre social' })).json<{ id: string }>().id;
    const acting = (url: string, payload: object = {}) => mediator.request({ method: 'POST', url, payload, headers: { [ACTING_FOR_HEADER]: session } });
    // In the session, only for the person of the session.
    const someoneElse = await acting(`${base()}/${id}/offline-signatures`, { userId: (await user()).id, reference: 'Feuille R' });
    expect(someoneElse.statusCode, someoneElse.body).toBe(403);
    const res = await acting(`${base()}/${id}/offline-signatures`, { userId: residentId, reference: 'Feuille R' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'confirmed', status: 'collecting', notify: [] });
    expect(await counted(id)).toBe(1);
    expect((await entries(id))[0]).toMatchObject({ state: 'confirmed', confirmed_by: 'mediator_session', entered_by: mediatorUser.id });
    expect(await kindsOf(residentId, id)).toEqual(['commitment.offline_recorded']);
    expect(await audits('commitment.offline_signature_entered', id)).toMatchObject([{ actor_id: mediatorUser.id, on_behalf_of_id: residentId }]);
    // Outside a session the same mediator's entry for an assisted person waits, like anyone's.
    const id2 = await launch(await signIn(await user()), 4);
    const pending = await mediator.post(`${base()}/${id2}/offline-signatures`, { userId: residentId, reference: 'Feuille S' });
    expect(pending.json()).toMatchObject({ state: 'pending' });
    // After the consent is withdrawn nothing more is entered or confirmed for them.
    expect((await mediator.post(`/api/territories/${territory.slug}/mediation/assisted/${residentId}/withdraw-consent`, {})).statusCode).toBeLessThan(300);
    const entryId = pending.json<{ id: string }>().id;
    const refused = await acting(`${base()}/${id2}/offline-signatures/${entryId}/confirm`);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(await counted(id2)).toBe(0);
  });

  it('exports the entries made for a person and erases them with the account', async () => {
    const operator = await signIn(await user(['resident', 'operator']));
    const id = await launch(await signIn(await user()), 5);
    const personUser = await user();
    await operator.post(`${base()}/${id}/offline-signatures`, { userId: personUser.id, reference: 'Feuille E' });
    const person = await signIn(personUser);
    const exported = (await person.get('/api/me/export')).json();
    expect(exported.commitments.offlineEntries.forMe).toMatchObject([{ commitment_id: id, reference: 'Feuille E', state: 'pending' }]);
    expect((await person.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect(await entries(id)).toEqual([]);
  });
});
