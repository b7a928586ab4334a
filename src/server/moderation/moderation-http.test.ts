// Moderation over HTTP on a real database: reports (one per person, never oneself, unknown → 404), automatic
// hiding at the configured number of reports (gone from the public directory), the operator queue and its
// decisions (keep / remove, audited, authors told), organisers moderating their own community only, reports about a
// person (never hidden), blocks refusing carpool messages and rides, and the moderation part of the data export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import type { Database } from '../core/database/schema.ts';

async function trip(db: Database, territoryId: string, userId: string, role: 'driver' | 'passenger'): Promise<string> {
  const row = await db
    .insertInto('carpool_trips')
    .values({
      territory_id: territoryId, user_id: userId, role, origin_cell: '881f8d4b29fffff', destination_cell: '881f8d4b2bfffff',
      origin_lat: 47.05, origin_lng: 5.02, destination_lat: 47.05, destination_lng: 5.18, origin_label: null, destination_label: null,
      trip_date: null, weekdays: [1, 2, 3, 4, 5], window_start: 450, window_end: 480, seats: role === 'driver' ? 3 : 1, max_detour_share: 0.2, closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A ride proposed by the driver between two people, as propose-match.ts would store it. */
async function proposedRide(db: Database, territoryId: string, driverId: string, passengerId: string): Promise<string> {
  const at = new Date(Date.now() + 3 * 86_400_000);
  const match = await db
    .insertInto('carpool_matches')
    .values({
      territory_id: territoryId, driver_trip_id: await trip(db, territoryId, driverId, 'driver'), passenger_trip_id: await trip(db, territoryId, passengerId, 'passenger'),
      driver_id: driverId, passenger_id: passengerId, trip_date: at.toISOString().slice(0, 10), starts_at: at, seats: 1,
      driver_accepted_at: at, passenger_accepted_at: null, detour_km: 1, detour_min: 2, time_gap_min: 5, shared_community: false,
      shared_km: 10, driver_km: 11, driver_confirmed_at: null, passenger_confirmed_at: null, cancelled_by: null, cancel_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return match.id;
}

describe.each(databaseKinds())('moderation on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const T = () => `/api/territories/${territory.slug}`;
  const user = (roles: ('resident' | 'operator' | 'admin')[] = ['resident']) => buildUser(db(), { territory, roles });
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  const reporter = async () => signIn(await user());
  const report = (c: Client, subjectType: string, subjectId: string, reason = 'spam', comment?: string) =>
    c.post(`${T()}/reports`, { subjectType, subjectId, reason, ...(comment ? { comment } : {}) });
  const kinds = async (userId: string) => (await db().selectFrom('notifications').select('kind').where('user_id', '=', userId).orderBy('id').execute()).map((n) => n.kind);
  const inDirectory = async (c: Client, id: string) => (await c.get(`${T()}/communities?limit=100`)).json<{ items: { id: string }[] }>().items.some((i) => i.id === id);
  const audit = (action: string, subjectId: string) =>
    db().selectFrom('audit_log').select(['actor_id', 'reason', 'details']).where('action', '=', action).where('subject_id', '=', subjectId).orderBy('id').execute();

  it('takes one report per person, refuses self-reports and unknown subjects, with clear 4xx', async () => {
    const community = await buildCommunity(db(), { territory });
    const me = await user();
    const c = await signIn(me);
    const first = await report(c, 'community', community.id, 'spam', 'Publicité pour un casino');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ hidden: false });
    const again = await report(c, 'community', community.id, 'abuse');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: 'already_reported' });
    const self = await report(c, 'user', me.id);
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ reason: 'self_report', field: '/subjectId' });
    const own = await report(await signIn(community.organiser), 'community', community.id);
    expect(own.json()).toMatchObject({ reason: 'self_report' });
    expect((await report(c, 'community', '999999999')).statusCode).toBe(404);
    expect((await report(c, 'aid_request', '999999999')).statusCode).toBe(404);
    // A private community one is not in cannot be seen, so it cannot be reported either.
    const secret = await buildCommunity(db(), { territory, visibility: 'private', joinPolicy: 'invite' });
    expect((await report(c, 'community', secret.id)).statusCode).toBe(404);
    const badReason = await report(c, 'community', community.id, 'boring');
    expect(badReason.statusCode).toBe(400);
    expect((await report(c, 'poster', community.id)).statusCode).toBe(400);
    expect((await new Client(t.app).post(`${T()}/reports`, { subjectType: 'community', subjectId: community.id, reason: 'spam' })).statusCode).toBe(401);
    const rows = await db().selectFrom('moderation_reports').select(['reason', 'comment']).where('subject_id', '=', community.id).where('subject_type', '=', 'community').execute();
    expect(rows).toEqual([{ reason: 'spam', comment: 'Publicité pour un casino' }]);
    expect(await audit('moderation.reported', community.id)).toEqual([expect.objectContaining({ actor_id: me.id, reason: 'spam' })]);
  });

  it('hides content at the third report, until reviewed: gone from the directory, its organisers told', async () => {
    const community = await buildCommunity(db(), { territory });
    const member = await user();
    await addMember(db(), { id: community.id, territory }, member);
    const stranger = await reporter();
    expect(await inDirectory(stranger, community.id)).toBe(true);
    expect((await report(await reporter(), 'community', community.id)).json()).toMatchObject({ hidden: false });
    expect((await report(await reporter(), 'community', community.id)).json()).toMatchObject({ hidden: false });
    expect(await inDirectory(stranger, community.id)).toBe(true);
    const third = await report(await reporter(), 'community', community.id, 'abuse');
    expect(third.json()).toMatchObject({ hidden: true });
    expect(await inDirectory(stranger, community.id)).toBe(false);
    expect(await inDirectory(new Client(t.app), community.id)).toBe(false);
    expect((await stranger.get(`${T()}/communities/${community.id}`)).statusCode).toBe(404);
    // Its members still reach it.
    const asMember = await signIn(member);
    expect(await inDirectory(asMember, community.id)).toBe(true);
    expect((await asMember.get(`${T()}/communities/${community.id}`)).statusCode).toBe(200);
    expect(await kinds(community.organiser.id)).toContain('moderation.hidden');
    expect(await kinds(member.id)).not.toContain('moderation.hidden');
    expect(await audit('moderation.hidden', community.id)).toEqual([expect.objectContaining({ actor_id: null, reason: 'reports' })]);
    // A fourth report does not hide it twice.
    expect((await report(await reporter(), 'community', community.id)).json()).toMatchObject({ hidden: true });
    expect((await audit('moderation.hidden', community.id)).length).toBe(1);
  });

  it('hides at the configured threshold (MODERATION_HIDE_AFTER)', async () => {
    const strict = await startTestApp(kind, { MODERATION_HIDE_AFTER: '1' });
    try {
      const place = await buildTerritory(strict.database.db);
      const community = await buildCommunity(strict.database.db, { territory: place });
      const someone = await buildUser(strict.database.db, { territory: place });
      const res = await new Client(strict.app).signIn(someone.email, PASSWORD).then((c) => c.post(`/api/territories/${place.slug}/reports`, { subjectType: 'community', subjectId: community.id, reason: 'unsafe' }));
      expect(res.json()).toMatchObject({ hidden: true });
    } finally {
      await strict.close();
    }
  });

  it('lets operators review the queue: keep shows it again, remove keeps it hidden; audited, authors told', async () => {
    const community = await buildCommunity(db(), { territory, name: 'Les amis du quartier Nord' });
    for (const reason of ['spam', 'spam', 'personal_data']) await report(await reporter(), 'community', community.id, reason, reason === 'personal_data' ? 'Un numéro de téléphone' : undefined);
    const operatorUser = await user(['resident', 'operator']);
    const operator = await signIn(operatorUser);
    const resident = await reporter();
    expect((await resident.get(`${T()}/moderation/reports?reason=examen%20du%20jour`)).statusCode).toBe(403);
    const queue = (await operator.get(`${T()}/moderation/reports?reason=examen%20du%20jour`)).json<{ scope: string; items: { subjectId: string; subjectType: string; hidden: boolean; reports: number; reasons: Record<string, number>; label: string; comments: { comment: string }[] }[] }>();
    expect(queue.scope).toBe('operator');
    const item = queue.items.find((i) => i.subjectType === 'community' && i.subjectId === community.id);
    expect(item).toMatchObject({ hidden: true, reports: 3, reasons: { spam: 2, personal_data: 1 }, label: 'Les amis du quartier Nord' });
    expect(item!.comments.map((c) => c.comment)).toEqual(['Un numéro de téléphone']);
    expect(JSON.stringify(item)).not.toMatch(/reporter/);

    const review = (c: Client, decision: string, reason = 'Vérifié : rien d’anormal') => c.post(`${T()}/moderation/reviews`, { subjectType: 'community', subjectId: community.id, decision, reason });
    expect((await review(resident, 'keep')).statusCode).toBe(403);
    expect((await review(operator, 'keep', '')).statusCode).toBe(400);
    const kept = await review(operator, 'keep');
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toEqual({ decision: 'keep', hidden: false, closedReports: 3 });
    expect(await inDirectory(resident, community.id)).toBe(true);
    expect((await operator.get(`${T()}/moderation/reports?reason=examen%20du%20jour`)).json<{ items: { subjectId: string }[] }>().items.some((i) => i.subjectId === community.id)).toBe(false);
    expect(await kinds(community.organiser.id)).toEqual(['moderation.hidden', 'moderation.restored']);

    // Reported again by three others: hidden again; this time removed, and it stays hidden.
    for (let i = 0; i < 3; i += 1) await report(await reporter(), 'community', community.id);
    expect(await inDirectory(resident, community.id)).toBe(false);
    const removed = await review(operator, 'remove', 'Annonces commerciales répétées');
    expect(removed.json()).toEqual({ decision: 'remove', hidden: true, closedReports: 3 });
    expect(await inDirectory(resident, community.id)).toBe(false);
    expect(await kinds(community.organiser.id)).toEqual(['moderation.hidden', 'moderation.restored', 'moderation.hidden', 'moderation.removed']);
    const mails = await db().selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', community.organiser.email).orderBy('id').execute();
    expect(mails.at(-1)!.body_text).toContain('Annonces commerciales répétées');
    expect(await audit('moderation.reviewed', community.id)).toEqual([
      expect.objectContaining({ actor_id: operatorUser.id, reason: 'Vérifié : rien d’anormal', details: expect.objectContaining({ decision: 'keep', as: 'operator', reports: 3 }) }),
      expect.objectContaining({ actor_id: operatorUser.id, reason: 'Annonces commerciales répétées', details: expect.objectContaining({ decision: 'remove' }) }),
    ]);
    // Nothing left to review: organisers would get 409, operators may still decide (an override).
    expect((await review(operator, 'keep', 'Finalement acceptable')).json()).toMatchObject({ hidden: false, closedReports: 0 });
  });

  it('lets organisers moderate their own community only', async () => {
    const mine = await buildCommunity(db(), { territory });
    const theirs = await buildCommunity(db(), { territory });
    await report(await reporter(), 'community', mine.id, 'abuse');
    await report(await reporter(), 'community', theirs.id, 'abuse');
    const someone = await user();
    await report(await reporter(), 'user', someone.id, 'abuse');
    const organiser = await signIn(mine.organiser);
    const queue = (await organiser.get(`${T()}/moderation/reports?reason=examen%20du%20jour`)).json<{ scope: string; items: { subjectType: string; subjectId: string }[] }>();
    expect(queue.scope).toBe('organiser');
    expect(queue.items.map((i) => `${i.subjectType}:${i.subjectId}`)).toEqual([`community:${mine.id}`]);
    expect((await organiser.get(`${T()}/moderation/reports?communityId=${mine.id}&reason=examen%20du%20jour`)).statusCode).toBe(200);
    expect((await organiser.get(`${T()}/moderation/reports?communityId=${theirs.id}&reason=examen%20du%20jour`)).statusCode).toBe(403);
    const review = (id: string, type = 'community') => organiser.post(`${T()}/moderation/reviews`, { subjectType: type, subjectId: id, decision: 'keep', reason: 'Échange réglé entre membres' });
    expect((await review(theirs.id)).statusCode).toBe(403);
    expect((await review(someone.id, 'user')).statusCode).toBe(403);
    const ok = await review(mine.id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await review(mine.id)).json()).toMatchObject({ reason: 'nothing_to_review' });
    const decision = await db().selectFrom('moderation_decisions').select(['decided_as', 'decided_by']).where('subject_id', '=', mine.id).where('subject_type', '=', 'community').executeTakeFirstOrThrow();
    expect(decision).toEqual({ decided_as: 'organiser', decided_by: mine.organiser.id });
    // A resident who organises nothing has no queue.
    expect((await (await reporter()).get(`${T()}/moderation/reports?reason=examen%20du%20jour`)).statusCode).toBe(403);
  });

  it('never hides a reported person; an upheld report warns them', async () => {
    const person = await user();
    for (let i = 0; i < 3; i += 1) expect((await report(await reporter(), 'user', person.id, 'abuse')).json()).toMatchObject({ hidden: false });
    const operator = await signIn(await user(['resident', 'admin']));
    const item = (await operator.get(`${T()}/moderation/reports?reason=examen%20du%20jour`)).json<{ items: { subjectType: string; subjectId: string; hidden: boolean; hideable: boolean; reports: number }[] }>().items.find((i) => i.subjectId === person.id && i.subjectType === 'user');
    expect(item).toMatchObject({ hidden: false, hideable: false, reports: 3 });
    const res = await operator.post(`${T()}/moderation/reviews`, { subjectType: 'user', subjectId: person.id, decision: 'remove', reason: 'Messages insultants' });
    expect(res.json()).toMatchObject({ hidden: false, closedReports: 3 });
    expect(await kinds(person.id)).toEqual(['moderation.warned']);
  });

  it('hides a removed carpool message from the ride, and refuses messages and rides between blocked people', async () => {
    const driver = await user();
    const passenger = await user();
    const matchId = await proposedRide(db(), territory.id, driver.id, passenger.id);
    const d = await signIn(driver);
    const p = await signIn(passenger);
    const messages = `${T()}/carpool/matches/${matchId}/messages`;
    expect((await d.post(messages, { body: 'Rendez-vous au parking ?' })).statusCode).toBeLessThan(300);
    const msg = await db().selectFrom('carpool_messages').select('id').where('match_id', '=', matchId).executeTakeFirstOrThrow();
    // A stranger to the ride cannot see the message, so cannot report it.
    expect((await report(await reporter(), 'carpool_message', msg.id)).statusCode).toBe(404);
    expect((await report(d, 'carpool_message', msg.id)).json()).toMatchObject({ reason: 'self_report' });
    expect((await report(p, 'carpool_message', msg.id, 'abuse')).statusCode).toBe(201);
    const operator = await signIn(await user(['resident', 'operator']));
    await operator.post(`${T()}/moderation/reviews`, { subjectType: 'carpool_message', subjectId: msg.id, decision: 'remove', reason: 'Propos déplacés' });
    expect((await p.get(messages)).json()).toEqual({ items: [] });
    expect(await kinds(driver.id)).toContain('moderation.removed');

    // The passenger blocks the driver: no more messages either way, the ride cannot be accepted.
    expect((await p.post(`${T()}/blocks/${passenger.id}`)).statusCode).toBe(400);
    expect((await p.post(`${T()}/blocks/999999999`)).statusCode).toBe(404);
    expect((await p.post(`${T()}/blocks/${driver.id}`)).json()).toEqual({ blocked: true });
    expect((await p.post(`${T()}/blocks/${driver.id}`)).statusCode).toBe(200);
    const refused = await d.post(messages, { body: 'Toujours là ?' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'blocked' });
    expect((await p.post(messages, { body: 'Non merci' })).json()).toMatchObject({ reason: 'blocked' });
    expect((await p.post(`${T()}/carpool/matches/${matchId}/accept`)).json()).toMatchObject({ reason: 'blocked' });
    const mine = (await p.get(`${T()}/blocks`)).json<{ items: { userId: string; displayName: string }[] }>();
    expect(mine.items.map((b) => b.userId)).toEqual([driver.id]);
    expect((await d.get(`${T()}/blocks`)).json()).toEqual({ items: [] });
    expect(await audit('moderation.user_blocked', driver.id)).toHaveLength(1);
    // Unblocked: they can talk again.
    expect((await p.delete(`${T()}/blocks/${driver.id}`)).statusCode).toBe(204);
    expect((await p.delete(`${T()}/blocks/${driver.id}`)).statusCode).toBe(204);
    expect((await d.post(messages, { body: 'Toujours là ?' })).statusCode).toBeLessThan(300);
    expect((await p.post(`${T()}/carpool/matches/${matchId}/accept`)).statusCode).toBe(200);
  });

  it('exports my reports, blocks and e-mail choice, and erases them with the account', async () => {
    const me = await user();
    const other = await user();
    const c = await signIn(me);
    await report(c, 'user', other.id, 'spam', 'Démarchage');
    await c.post(`${T()}/blocks/${other.id}`);
    await c.put('/api/notifications/preferences', { email: 'weekly' });
    const exported = (await c.get('/api/me/export')).json<{ moderation: { reportsFiled: unknown[]; blocked: { userId: string }[]; emailPreference: { email: string } } }>();
    expect(exported.moderation.reportsFiled).toEqual([expect.objectContaining({ subjectType: 'user', subjectId: other.id, reason: 'spam', comment: 'Démarchage' })]);
    expect(exported.moderation.blocked.map((b) => b.userId)).toEqual([other.id]);
    expect(exported.moderation.emailPreference.email).toBe('weekly');
    expect((await c.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect(await db().selectFrom('user_blocks').select('blocked_id').where('blocker_id', '=', me.id).execute()).toEqual([]);
    expect(await db().selectFrom('notification_preferences').select('email').where('user_id', '=', me.id).execute()).toEqual([]);
    // The report stays (it still counts), anonymous and without its comment.
    const left = await db().selectFrom('moderation_reports').select(['reporter_id', 'comment']).where('subject_type', '=', 'user').where('subject_id', '=', other.id).execute();
    expect(left).toEqual([{ reporter_id: null, comment: null }]);
  });
});
