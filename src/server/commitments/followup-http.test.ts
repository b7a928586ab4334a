// Commitments after signing, over HTTP on a real database: milestones delivered to every signer (in-app
// notification and mail), the sweep (failure once, nudge once per stall, "did you do it?" once) with a
// fixed clock (mediator signatures in sign-for-http.test.ts, offline ones in offline-signatures-http.test.ts), automatic
// counting of matching gestures, the check and the kept rate, my commitments, and the data export.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { localDate } from '../core/time-of-day.ts';
import { sweepCommitments } from './sweep.ts';

const DAY = 86_400_000;

describe.each(databaseKinds())('commitment follow-up on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const base = () => `/api/territories/${territory.slug}/commitments`;
  const user = (roles: ('resident' | 'mediator' | 'operator')[] = ['resident']) => buildUser(db(), { territory, roles });
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
  const body = (target: number, action = 'mode_switch', days = { deadline: 20, start: 21, end: 40 }) => ({
    wording: 'Je viendrai à vélo le jeudi si d’autres le font aussi',
    action,
    scope: { kind: 'territory', target: { kind: 'count', count: target } },
    signingDeadline: inDays(days.deadline),
    actionStart: inDays(days.start),
    actionEnd: inDays(days.end),
  });
  const launch = async (creator: Client, target: number, action?: string) => {
    const res = await creator.post(base(), body(target, action));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const noticesOf = (userId: string, commitmentId?: string) =>
    db()
      .selectFrom('notifications')
      .select(['kind', 'params', 'link'])
      .where('user_id', '=', userId)
      .$if(commitmentId !== undefined, (q) => q.where(sql<string>`params->>'commitmentId'`, '=', commitmentId!))
      .orderBy('id')
      .execute();
  const kindsOf = async (userId: string, commitmentId: string) => (await noticesOf(userId, commitmentId)).map((n) => n.kind);
  const mailsTo = (u: UserFixture) => db().selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', u.email).orderBy('id').execute();
  const sweep = () => sweepCommitments({ db: db(), config: t.config }, t.clock.now());

  it('delivers 33 %, 66 % and success to every signer and the creator, in the app and by mail', async () => {
    const creatorUser = await user();
    const id = await launch(await signIn(creatorUser), 3);
    const signers = [await user(), await user(), await user()];
    await (await signIn(signers[0]!)).post(`${base()}/${id}/sign`, {});
    expect(await kindsOf(signers[0]!.id, id)).toEqual(['commitment.progress_33']);
    expect(await kindsOf(creatorUser.id, id)).toEqual(['commitment.progress_33']);
    await (await signIn(signers[1]!)).post(`${base()}/${id}/sign`, {});
    await (await signIn(signers[2]!)).post(`${base()}/${id}/sign`, {});
    expect(await kindsOf(signers[0]!.id, id)).toEqual(['commitment.progress_33', 'commitment.progress_66', 'commitment.succeeded']);
    expect(await kindsOf(signers[1]!.id, id)).toEqual(['commitment.progress_66', 'commitment.succeeded']);
    expect(await kindsOf(signers[2]!.id, id)).toEqual(['commitment.succeeded']);
    expect(await kindsOf(creatorUser.id, id)).toEqual(['commitment.progress_33', 'commitment.progress_66', 'commitment.succeeded']);
    const [notice] = await noticesOf(signers[2]!.id, id);
    expect(notice!.link).toBe(`/t/${territory.slug}/engagements/${id}`);
    // Residents read French by default; the mail carries the absolute link and never a signer's address.
    const mails = await mailsTo(signers[2]!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Maille : objectif atteint/);
    expect(mails[0]!.body_text).toContain(`${t.config.publicUrl}/t/${territory.slug}/engagements/${id}`);
    expect(mails[0]!.body_text).not.toContain(signers[0]!.email);
  });

  it('lists my notifications newest first with the unread count, marks them read, and keeps them mine', async () => {
    const me = await user();
    const client = await signIn(me);
    const id = await launch(await signIn(await user()), 2);
    await client.post(`${base()}/${id}/sign`, {});
    await (await signIn(await user())).post(`${base()}/${id}/sign`, {});
    const list = (await client.get('/api/notifications')).json();
    expect(list.unread).toBe(2);
    expect(list.items.map((n: { kind: string }) => n.kind)).toEqual(['commitment.succeeded', 'commitment.progress_33']);
    expect(list.items[0].params).toMatchObject({ commitmentId: id, remaining: 0 });
    const stranger = await signIn(await user());
    expect((await stranger.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(404);
    expect((await new Client(t.app).get('/api/notifications')).statusCode).toBe(401);
    expect((await client.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(204);
    expect((await client.get('/api/notifications')).json().unread).toBe(1);
    expect((await client.post('/api/notifications/read')).statusCode).toBe(204);
    expect((await client.get('/api/notifications')).json().unread).toBe(0);
  });

  it('sweeps: the failure notice once to every signer, a nudge once per stall, "did you do it?" once', async () => {
    const creatorUser = await user();
    const creator = await signIn(creatorUser);
    // 40-day signing window: stalled after 7 quiet days with less than half of it left (day 21 onwards).
    const res = await creator.post(base(), { ...body(50), signingDeadline: inDays(40), actionStart: inDays(41), actionEnd: inDays(60) });
    const id = res.json().id as string;
    const signer = await user();
    await (await signIn(signer)).post(`${base()}/${id}/sign`, {});
    await sweep();
    expect(await kindsOf(creatorUser.id, id)).toEqual([]);
    // The creator reads English: the nudge's mail is in English.
    await db().updateTable('users').set({ locale: 'en' }).where('id', '=', creatorUser.id).execute();
    t.clock.advance(22 * DAY);
    await sweep();
    await sweep();
    expect(await kindsOf(creatorUser.id, id)).toEqual(['commitment.stalled']);
    expect(await kindsOf(signer.id, id)).toEqual([]);
    expect((await mailsTo(creatorUser)).at(-1)!.subject).toMatch(/^Maille: signing has stalled/);
    // A new signature ends the stall; a week later with no other, the creator is nudged again (once).
    const late = await user();
    t.clock.advance(3_600_000);
    await (await signIn(late)).post(`${base()}/${id}/sign`, {});
    t.clock.advance(3 * DAY);
    await sweep();
    expect(await kindsOf(creatorUser.id, id)).toEqual(['commitment.stalled']);
    t.clock.advance(5 * DAY);
    await sweep();
    await sweep();
    expect(await kindsOf(creatorUser.id, id)).toEqual(['commitment.stalled', 'commitment.stalled']);
    // After the deadline: failure, once, to both signers and the creator.
    t.clock.advance(11 * DAY);
    await sweep();
    await sweep();
    for (const u of [signer, late]) expect(await kindsOf(u.id, id)).toEqual(['commitment.failed']);
    expect(await kindsOf(creatorUser.id, id)).toEqual(['commitment.stalled', 'commitment.stalled', 'commitment.failed']);
    expect((await mailsTo(signer)).map((m) => m.subject)).toEqual([expect.stringMatching(/objectif non atteint/)]);
    const row = await db().selectFrom('commitments').select('fired').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.fired).toContain('failed');
  });

  it('asks "did you do it?" once after the action period, records answers (last wins) and shows the kept rate', async () => {
    const id = await launch(await signIn(await user()), 2);
    const [a, b] = [await user(), await user()];
    let [ca, cb] = [await signIn(a), await signIn(b)];
    await ca.post(`${base()}/${id}/sign`, {});
    const early = await ca.post(`${base()}/${id}/check`, { kept: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().reason).toBe('not_completed');
    await cb.post(`${base()}/${id}/sign`, {});
    t.clock.advance(41 * DAY);
    await sweep();
    await sweep();
    // Sessions last 30 days: sign in again after the jump.
    [ca, cb] = [await signIn(a), await signIn(b)];
    expect(await kindsOf(a.id, id)).toEqual(['commitment.progress_33', 'commitment.succeeded', 'commitment.check_due']);
    const outsider = await signIn(await user());
    const notSigner = await outsider.post(`${base()}/${id}/check`, { kept: true });
    expect([notSigner.statusCode, notSigner.json().reason]).toEqual([403, 'not_signer']);
    const bad = await ca.post(`${base()}/${id}/check`, { kept: 'yes' });
    expect([bad.statusCode, bad.json().field]).toEqual([400, '/kept']);
    expect((await ca.post(`${base()}/${id}/check`, { kept: false })).json().keptRate).toEqual({ kept: 0, answered: 1, rate: 0 });
    expect((await ca.post(`${base()}/${id}/check`, { kept: true })).json().keptRate).toEqual({ kept: 1, answered: 1, rate: 1 });
    await cb.post(`${base()}/${id}/check`, { kept: false });
    const view = (await ca.get(`${base()}/${id}`)).json();
    expect(view).toMatchObject({ status: 'completed', keptRate: { kept: 1, answered: 2, rate: 0.5 }, canCheck: true, mine: { kept: true, entry: 'self' } });
    expect((await outsider.get(`${base()}/${id}`)).json()).toMatchObject({ canCheck: false, mine: null });
  });

  it('counts the signers’ matching gestures in the action period, as aggregates; each signer sees their own', async () => {
    const id = await launch(await signIn(await user()), 2);
    const [a, b, other] = [await user(), await user(), await user()];
    const [ca, cb] = [await signIn(a), await signIn(b)];
    await ca.post(`${base()}/${id}/sign`, {});
    await cb.post(`${base()}/${id}/sign`, {});
    expect((await ca.get(`${base()}/${id}`)).json().automatic).toBeNull();
    const row = await db().selectFrom('commitments').select(['action_start', 'action_end']).where('id', '=', id).executeTakeFirstOrThrow();
    const inside = localDate(new Date(row.action_start.getTime() + 2 * DAY));
    const before = localDate(new Date(row.action_start.getTime() - 2 * DAY));
    const after = localDate(new Date(row.action_end.getTime() + 2 * DAY));
    let n = 0;
    const gesture = (u: UserFixture, occurredOn: string, kind: 'mode_switch' | 'carpool' = 'mode_switch', counted = true) =>
      db()
        .insertInto('gestures')
        .values({ territory_id: territory.id, user_id: u.id, kind, mode: 'bike', occurred_on: occurredOn, km: 5, co2e_kg: 1, car_km: 5, euros: 1, factors_version: 1, counted, idempotency_key: `t-${id}-${(n += 1)}` })
        .execute();
    await gesture(a, inside);
    await gesture(a, inside);
    await gesture(a, before);
    await gesture(a, after);
    await gesture(a, inside, 'carpool');
    await gesture(b, inside, 'mode_switch', false);
    await gesture(other, inside);
    t.clock.advance(25 * DAY);
    const view = (await ca.get(`${base()}/${id}`)).json();
    expect(view.status).toBe('active');
    expect(view.automatic).toEqual({ people: 1, gestures: 2 });
    expect(view.mine.automaticCount).toBe(2);
    expect((await cb.get(`${base()}/${id}`)).json().mine.automaticCount).toBe(0);
    const anonymous = (await new Client(t.app).get(`${base()}/${id}`)).json();
    // What 2 signers did is theirs to see: outside, fewer than 5 people (docs/privacy.md).
    expect(anonymous.automatic).toEqual({ suppressed: true, reason: 'small_group', minGroup: 5 });
    expect(anonymous.mine).toBeNull();
  });

  it('lists my commitments (launched or signed) with my signature, and exports the new fields', async () => {
    const meUser = await user();
    const me = await signIn(meUser);
    const mineId = await launch(me, 3);
    const signedId = await launch(await signIn(await user()), 3);
    const otherId = await launch(await signIn(await user()), 3);
    await me.post(`${base()}/${signedId}/sign`, { publicName: true });
    const items = (await me.get(`/api/territories/${territory.slug}/me/commitments`)).json().items as { id: string; createdByMe: boolean; mine: { publicName: boolean } | null }[];
    expect(items.map((i) => i.id).sort()).toEqual([mineId, signedId].sort());
    expect(items.map((i) => i.id)).not.toContain(otherId);
    expect(items.find((i) => i.id === mineId)).toMatchObject({ createdByMe: true, mine: null });
    expect(items.find((i) => i.id === signedId)).toMatchObject({ createdByMe: false, mine: { publicName: true } });
    expect((await new Client(t.app).get(`/api/territories/${territory.slug}/me/commitments`)).statusCode).toBe(401);
    const elsewhere = await signIn(await buildUser(db(), { territory: await buildTerritory(db()) }));
    expect((await elsewhere.get(`/api/territories/${territory.slug}/me/commitments`)).statusCode).toBe(403);
    const exported = (await me.get('/api/me/export')).json();
    expect(exported.commitments.signed[0]).toMatchObject({ id: signedId, entry: 'self', kept: null, consent_ref: null });
    expect(exported.commitments.enteredForOthers).toEqual([]);
    expect(exported.notifications.map((n: { kind: string }) => n.kind)).toEqual(['commitment.progress_33']);
    // Erasing the account erases its notifications.
    expect((await me.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect(await noticesOf(meUser.id)).toEqual([]);
  });
});
