// Incentive campaigns over HTTP on a real database: drafts and their validation, simulation over recorded
// gestures, launch and settlement (each gesture paid once, never beyond the budget), held carpools, and
// the lottery's committed seeds, hidden until the draw and then enough for anyone to recompute the winners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildCommunity, addMember, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { localInstant, weekStart } from '../core/time-of-day.ts';
import { addDays, campaignBody, campaignWorld, carpoolRide, expectBooksBalanced as expectBooksBalancedIn, today } from './campaign-test-fixtures.ts';
import { balanceOf } from './ledger-store.ts';
import { drawWinners, verifySeed } from './lottery.ts';
import { GRACE_DAYS } from './lottery-draws.ts';

describe.each(databaseKinds())('campaigns on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Two people are enough to check a campaign's arithmetic; the small-group rule itself is tested in test/privacy-*.test.ts.
    t = await startTestApp(kind, { PRIVACY_MIN_GROUP: '2' });
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const day = (n: number) => addDays(today(t.clock.now()), n);

  const world = () => campaignWorld(t);

  const count = async (table: 'campaigns' | 'ledger_transactions' | 'campaign_awards' | 'lottery_draws') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  const expectBooksBalanced = (territory: TerritoryFixture) => expectBooksBalancedIn(db(), territory);

  it('creates, reads and edits a draft; drafts are hidden from others; a launched campaign is fixed', async () => {
    const w = await world();
    const resident = await new Client(t.app).signIn((await w.person()).email, PASSWORD);
    const body = campaignBody({ startsOn: day(1), endsOn: day(30) });
    expect((await resident.post(w.base, body)).statusCode).toBe(403);
    const created = await w.operator.post(w.base, body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await w.operator.get(`${w.base}/${id}`)).json()).toMatchObject({
      id, status: 'draft', name: body.name, budgetCents: 10_000, spentCents: 0, remainingCents: 10_000, awardedGestures: 0, people: 0, heldGestures: 0, launchedAt: null,
    });
    expect((await resident.get(`${w.base}/${id}`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`${w.base}/${id}`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`${w.base}/${id}/draws`)).statusCode).toBe(404);
    expect((await resident.get(w.base)).json().items).toEqual([]);
    expect((await w.operator.get(w.base)).json().items.map((c: { id: string }) => c.id)).toEqual([id]);

    const edited = await w.operator.put(`${w.base}/${id}`, { ...body, name: '  Décaler son départ, avril  ', budgetCents: 20_000 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Décaler son départ, avril', budgetCents: 20_000, remainingCents: 20_000 });

    const launched = await w.operator.post(`${w.base}/${id}/launch`);
    expect(launched.statusCode, launched.body).toBe(200);
    expect(launched.json()).toMatchObject({ status: 'active', remainingCents: 20_000, spentCents: 0 });
    expect((await resident.get(`${w.base}/${id}`)).json().status).toBe('active');
    expect((await new Client(t.app).get(w.base)).json().items).toHaveLength(1);
    const again = await w.operator.post(`${w.base}/${id}/launch`);
    expect([again.statusCode, again.json().reason]).toEqual([409, 'not_draft']);
    const edit = await w.operator.put(`${w.base}/${id}`, body);
    expect([edit.statusCode, edit.json().reason]).toEqual([409, 'not_draft']);
    const fund = await db().selectFrom('ledger_transactions').selectAll().where('territory_id', '=', w.territory.id).where('key', '=', `fund:${id}`).execute();
    expect(fund).toHaveLength(1);
    expect(await balanceOf(db(), w.territory.id, `funding:${w.territory.id}`)).toBe(-20_000);

    const closed = await w.operator.post(`${w.base}/${id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', remainingCents: 20_000 });
    expect(closed.json().closedAt).not.toBeNull();
    const twice = await w.operator.post(`${w.base}/${id}/close`);
    expect([twice.statusCode, twice.json().reason]).toEqual([409, 'not_active']);
    const settle = await w.operator.post(`${w.base}/${id}/settle`);
    expect([settle.statusCode, settle.json().reason]).toEqual([409, 'not_active']);
    const audit = await db().selectFrom('audit_log').select('action').where('territory_id', '=', w.territory.id).where('subject_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['campaign.launched', 'campaign.closed']);
  });

  it('refuses bad campaigns with a 400 naming the field, and writes nothing', async () => {
    const w = await world();
    const body = campaignBody({ startsOn: day(1), endsOn: day(30), budgetCents: 10_000 });
    const cases: [object, string][] = [
      [{ ...body, rules: [{ type: 'per_gesture', cents: 100 }, { type: 'max_per_person_per_day', cents: 20_000 }] }, '/rules/1/cents'],
      [{ ...body, rules: [{ type: 'per_gesture', cents: 100 }, { type: 'max_per_person_per_month', cents: 10_001 }] }, '/rules/1/cents'],
      [{ ...body, startsOn: day(30), endsOn: day(1) }, '/endsOn'],
      [{ ...body, rules: [{ type: 'per_gesture', cents: 100 }, { type: 'time_window_bonus', startMin: 480, endMin: 420, cents: 50 }] }, '/rules/1/endMin'],
      [{ ...body, rules: [{ type: 'per_km', cents: 10, offsetKm: 30, limitKm: 2 }] }, '/rules/0/limitKm'],
      [{ ...body, rules: [{ type: 'only_kinds', kinds: ['shift'] }] }, '/rules'],
      [{ ...body, rules: [{ type: 'per_gesture', cents: 100 }, { type: 'on_weekdays', days: [0] }] }, '/rules/1/days'],
      [{ ...body, rules: [{ type: 'per_gesture', cents: 100 }, { type: 'booster_dates', dates: [day(3)], percent: 50 }] }, '/rules/1/percent'],
      [{ ...body, rules: [{ type: 'per_gesture', cents: 1.5 }] }, '/rules/0'],
      [{ ...body, rules: [{ type: 'pay_everyone', cents: 100 }] }, '/rules/0'],
      [{ ...body, startsOn: '2025-02-30' }, '/startsOn'],
      [{ ...body, endsOn: addDays(day(1), 366) }, '/endsOn'],
      [{ ...body, name: '   ' }, '/name'],
      [{ ...body, name: 'x'.repeat(121) }, '/name'],
      [{ ...body, budgetCents: 0 }, '/budgetCents'],
      [{ ...body, mode: 'lottery' }, '/prizeCents'],
      [{ ...body, mode: 'lottery', prizeCents: 500 }, '/winnersPerWeek'],
      [{ ...body, mode: 'lottery', prizeCents: 20_000, winnersPerWeek: 1 }, '/prizeCents'],
    ];
    const before = await count('campaigns');
    for (const [payload, field] of cases) {
      const res = await w.operator.post(w.base, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field.startsWith(field), `${res.json().field} vs ${field}`).toBe(true);
    }
    expect(await count('campaigns')).toBe(before);

    // The same checks guard an edit: the draft stays as it was.
    const id = (await w.operator.post(w.base, body)).json().id;
    const bad = await w.operator.put(`${w.base}/${id}`, cases[0]![0]);
    expect([bad.statusCode, bad.json().field]).toEqual([400, '/rules/1/cents']);
    expect((await w.operator.get(`${w.base}/${id}`)).json().rules).toEqual(body.rules);
  });

  it('simulates a dated-ahead draft over the last weeks of recorded gestures, and writes nothing', async () => {
    const w = await world();
    const [a, b] = [await w.person(), await w.person()];
    // Both on the same days: every week that pays, pays two people (the small-group threshold of this suite).
    for (const n of [-1, -2, -3, -8, -9]) await w.shift(a, day(n), 1); // 07:15: in the bonus window
    for (const n of [-1, -2, -3, -8, -9]) await w.shift(b, day(n), 3); // 07:45: outside it
    await w.shift(b, day(-40), 1); // outside a 4-week window
    const draft = campaignBody({
      startsOn: day(10),
      endsOn: day(40),
      budgetCents: 2_000,
      rules: [{ type: 'per_gesture', cents: 100 }, { type: 'time_window_bonus', startMin: 420, endMin: 450, cents: 50 }, { type: 'max_per_person_per_month', cents: 500 }],
    });
    const [campaigns, transactions] = [await count('campaigns'), await count('ledger_transactions')];
    const res = await w.operator.post(`${w.base}/simulate`, { campaign: draft, weeks: 4 });
    expect(res.statusCode, res.body).toBe(200);
    const sim = res.json();
    expect(sim).toMatchObject({ from: day(-27), to: day(0), weeks: 4, gestures: 10, eligibleGestures: 10, budgetCents: 2_000 });
    // a: 1.50 € a gesture, at most 5 € a calendar month; b: 1 € a gesture.
    const months = new Map<string, number>();
    for (const n of [-1, -2, -3, -8, -9]) months.set(day(n).slice(0, 7), (months.get(day(n).slice(0, 7)) ?? 0) + 150);
    const aPaid = [...months.values()].reduce((s, cents) => s + Math.min(500, cents), 0);
    expect(sim.totalCents).toBe(aPaid + 500);
    expect(sim.perPerson.people).toBe(2);
    expect(sim.perWeek.reduce((s: number, wk: { cents: number }) => s + wk.cents, 0)).toBe(sim.totalCents);
    expect(await count('campaigns')).toBe(campaigns);
    expect(await count('ledger_transactions')).toBe(transactions);

    expect((await w.operator.post(`${w.base}/simulate`, { campaign: draft, weeks: 27 })).json().field).toBe('/weeks');
    const bad = await w.operator.post(`${w.base}/simulate`, { campaign: { ...draft, rules: [{ type: 'per_gesture', cents: 100 }, { type: 'max_per_person_per_day', cents: 5_000 }] }, weeks: 4 });
    expect([bad.statusCode, bad.json().field]).toEqual([400, '/rules/1/cents']);
    const resident = await new Client(t.app).signIn((await w.person()).email, PASSWORD);
    expect((await resident.post(`${w.base}/simulate`, { campaign: draft, weeks: 4 })).statusCode).toBe(403);
  });

  it('pays the recorded shifts at launch, once: retried and concurrent settlements pay nothing more', async () => {
    const w = await world();
    const [a, b] = [await w.person(), await w.person()];
    for (const n of [-3, -2, -1]) await w.shift(a, day(n), 1);
    await w.shift(b, day(-1), 3);
    await w.shift(b, day(-9), 1); // before the campaign
    const id = (
      await w.operator.post(w.base, campaignBody({ startsOn: day(-7), endsOn: day(20), rules: [{ type: 'per_gesture', cents: 100 }, { type: 'time_window_bonus', startMin: 420, endMin: 450, cents: 50 }] }))
    ).json().id;
    const launched = (await w.operator.post(`${w.base}/${id}/launch`)).json();
    expect(launched).toMatchObject({ status: 'active', spentCents: 550, remainingCents: 9_450, awardedGestures: 4, people: 2 });
    expect(await balanceOf(db(), w.territory.id, `wallet:${a.id}`)).toBe(450);
    expect(await balanceOf(db(), w.territory.id, `wallet:${b.id}`)).toBe(100);
    const payouts = await db().selectFrom('ledger_transactions').select(['key', 'memo']).where('territory_id', '=', w.territory.id).where('kind', '=', 'payout').execute();
    expect(payouts).toHaveLength(4);
    expect(payouts.every((p) => (p.memo as { campaignId: string }).campaignId === id)).toBe(true);

    const transactions = await count('ledger_transactions');
    expect((await w.operator.post(`${w.base}/${id}/settle`)).json()).toMatchObject({ awarded: 0, paidCents: 0, exhausted: false, held: 0, draws: 0 });
    const racing = await Promise.all(Array.from({ length: 6 }, () => w.operator.post(`${w.base}/${id}/settle`)));
    expect(racing.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    expect(await count('ledger_transactions')).toBe(transactions);

    await w.shift(b, day(0), 1);
    expect((await w.operator.post(`${w.base}/${id}/settle`)).json()).toMatchObject({ awarded: 1, paidCents: 150 });
    expect((await w.operator.get(`${w.base}/${id}`)).json()).toMatchObject({ spentCents: 700, awardedGestures: 5 });
    await expectBooksBalanced(w.territory);
  });

  it('holds a flagged carpool until an operator clears it; a rejected one is never paid', async () => {
    const w = await world();
    const [driver, passenger, other] = [await w.person(), await w.person(), await w.person()];
    const startsAt = localInstant(day(-1), 7 * 60 + 40); // 07:40 local
    const rules = [
      { type: 'only_kinds', kinds: ['carpool'] },
      { type: 'min_proof_class', proofClass: 'C' },
      { type: 'per_gesture', cents: 100 },
      { type: 'per_seat', cents: 50 },
      { type: 'time_window_bonus', startMin: 450, endMin: 480, cents: 25 },
    ];
    const held = await carpoolRide(db(), { territoryId: w.territory.id, driverId: driver.id, passengerId: passenger.id, date: day(-1), startsAt, km: 12, seats: 2, held: true });
    const rejected = await carpoolRide(db(), { territoryId: w.territory.id, driverId: other.id, passengerId: passenger.id, date: day(-2), startsAt, km: 12, held: true });
    const proofB = await carpoolRide(db(), { territoryId: w.territory.id, driverId: other.id, passengerId: driver.id, date: day(-3), startsAt, km: 8, proof: 'B' });
    const id = (await w.operator.post(w.base, campaignBody({ startsOn: day(-7), endsOn: day(20), rules: rules as never }))).json().id;
    const launched = (await w.operator.post(`${w.base}/${id}/launch`)).json();
    expect(launched).toMatchObject({ spentCents: 0, heldGestures: 4, awardedGestures: 0 });
    // A ride of proof class B under a campaign asking for C is not settled for good: the other party may confirm.
    expect(await db().selectFrom('campaign_awards').select('gesture_id').where('campaign_id', '=', id).execute()).toEqual([]);

    const carpool = `/api/territories/${w.territory.slug}/carpool/matches`;
    expect((await w.operator.post(`${carpool}/${held.matchId}/review`, { decision: 'cleared', reason: 'regular commute, checked' })).statusCode).toBe(204);
    expect((await w.operator.post(`${carpool}/${rejected.matchId}/review`, { decision: 'rejected', reason: 'same car, two places' })).statusCode).toBe(204);
    const settled = (await w.operator.post(`${w.base}/${id}/settle`)).json();
    // Driver: 1 € + 2 seats × 0.50 € + 0.25 € (07:40) = 2.25 €; passenger: 1 € + 0.50 € + 0.25 € = 1.75 €.
    expect(settled).toMatchObject({ awarded: 2, paidCents: 400, exhausted: false, held: 0, draws: 0 });
    expect(await balanceOf(db(), w.territory.id, `wallet:${driver.id}`)).toBe(225);
    expect(await balanceOf(db(), w.territory.id, `wallet:${passenger.id}`)).toBe(175);
    expect(await balanceOf(db(), w.territory.id, `wallet:${other.id}`)).toBe(0);

    // The other party confirms the proof-B ride: now proof C, paid at the next settlement.
    await db().updateTable('carpool_matches').set({ passenger_confirmed_at: startsAt }).where('id', '=', proofB.matchId).execute();
    expect((await w.operator.post(`${w.base}/${id}/settle`)).json()).toMatchObject({ awarded: 2, paidCents: 150 + 25 + 150 + 25 });
    await expectBooksBalanced(w.territory);
  });

  it('never pays beyond the budget: the last payout is cut, the rest waits for a top-up', async () => {
    const w = await world();
    const people = [await w.person(), await w.person(), await w.person(), await w.person()];
    for (const [i, p] of people.entries()) await w.shift(p, day(-1 - i));
    const id = (await w.operator.post(w.base, campaignBody({ startsOn: day(-7), endsOn: day(20), budgetCents: 250 }))).json().id;
    const view = (await w.operator.post(`${w.base}/${id}/launch`)).json();
    expect(view).toMatchObject({ spentCents: 250, remainingCents: 0, awardedGestures: 3 });
    const awards = await db().selectFrom('campaign_awards').select(['awarded_cents', 'caps_bit']).where('campaign_id', '=', id).orderBy('occurred_on').execute();
    // Chronological: the three oldest gestures, the last of them cut to what remained.
    expect(awards).toEqual([
      { awarded_cents: 100, caps_bit: [] },
      { awarded_cents: 100, caps_bit: [] },
      { awarded_cents: 50, caps_bit: ['budget'] },
    ]);
    expect((await w.operator.post(`${w.base}/${id}/settle`)).json()).toMatchObject({ awarded: 0, paidCents: 0, exhausted: true, held: 0, draws: 0 });
    expect(await balanceOf(db(), w.territory.id, `budget:${id}`)).toBe(0);
    await expectBooksBalanced(w.territory);
  });

  it('counts communities and communes in the rules', async () => {
    const w = await world();
    const [member, outsider] = [await w.person(), await w.person()];
    const community = await buildCommunity(db(), { territory: w.territory });
    await addMember(db(), community, member);
    await w.shift(member, day(-1));
    await w.shift(outsider, day(-1));
    const id = (await w.operator.post(w.base, campaignBody({ startsOn: day(-7), endsOn: day(20), rules: [{ type: 'in_communities', ids: [community.id] }, { type: 'in_communes', codes: ['21001'] }, { type: 'per_gesture', cents: 100 }] }))).json().id;
    expect((await w.operator.post(`${w.base}/${id}/launch`)).json()).toMatchObject({ spentCents: 100, people: 1 });
    expect(await balanceOf(db(), w.territory.id, `wallet:${member.id}`)).toBe(100);
  });

  it('lottery: seeds committed at launch stay hidden until the draw; anyone recomputes the winners', async () => {
    const w = await world();
    const thisWeek = weekStart(day(0));
    const [w1, w2] = [addDays(thisWeek, 7), addDays(thisWeek, 14)];
    const [a, b, c] = [await w.person(), await w.person(), await w.person()];
    const aClient = await new Client(t.app).signIn(a.email, PASSWORD);
    // From this week, already begun: it gets no seed (one drawn now could be redrawn until it suits).
    const body = { ...campaignBody({ startsOn: thisWeek, endsOn: addDays(w2, 6), budgetCents: 1_200, rules: [{ type: 'per_gesture', cents: 1 }] }), mode: 'lottery', prizeCents: 500, winnersPerWeek: 2 };
    const id = (await w.operator.post(w.base, body)).json().id;
    expect((await w.operator.get(`${w.base}/${id}/draws`)).json().items).toEqual([]);
    expect((await w.operator.post(`${w.base}/${id}/launch`)).json()).toMatchObject({ status: 'active', spentCents: 0, prizeCents: 500, winnersPerWeek: 2 });
    const before = (await new Client(t.app).get(`${w.base}/${id}/draws`)).json().items;
    expect(before).toEqual([w1, w2].map((weekStart) => ({ weekStart, drawsOn: addDays(weekStart, 7 + GRACE_DAYS), seedCommitment: expect.stringMatching(/^[0-9a-f]{64}$/), seed: null, participants: null, winners: null, drawnAt: null, myTicket: null })));

    const started = t.clock.now();
    try {
      // The Monday after the first week: the week has ended, but shifts of it may still be recorded (up to
      // GRACE_DAYS back), so it is not drawn yet: its gestures earn points, no draw.
      expect(GRACE_DAYS).toBe(7);
      t.clock.set(localInstant(addDays(w1, 7), 12 * 60));
      for (const n of [0, 1, 2]) await w.shift(a, addDays(w1, n));
      await w.shift(b, addDays(w1, 3));
      expect((await w.operator.post(`${w.base}/${id}/settle`)).json()).toMatchObject({ awarded: 4, paidCents: 0, exhausted: false, held: 0, draws: 0 });
      // The last day of the grace period: c backfills two shifts of the week; still no draw.
      t.clock.set(localInstant(addDays(w1, 6 + GRACE_DAYS), 12 * 60));
      for (const n of [1, 4]) await w.shift(c, addDays(w1, n));
      expect((await w.operator.post(`${w.base}/${id}/settle`)).json()).toMatchObject({ awarded: 2, draws: 0 });
      // The day after: drawn, c's late shifts counting as chances.
      t.clock.set(localInstant(addDays(w1, 7 + GRACE_DAYS), 12 * 60));
      expect((await w.operator.post(`${w.base}/${id}/settle`)).json()).toMatchObject({ awarded: 0, paidCents: 1_000, exhausted: false, held: 0, draws: 1 });

      const res = await new Client(t.app).get(`${w.base}/${id}/draws`);
      type Draw = { weekStart: string; seedCommitment: string; seed: string; participants: { ticket: string; points: number }[]; winners: { ticket: string; cents: number }[]; myTicket: string | null };
      const [drawn, next] = res.json().items as [Draw, Draw];
      expect(drawn.seedCommitment).toBe(before[0].seedCommitment);
      expect(drawn.participants.map((p) => p.points)).toEqual([3, 1, 2]); // in the order of their first gesture recorded: a, b, c
      expect(drawn.participants.every((p) => /^[0-9a-f]{12}$/.test(p.ticket))).toBe(true);
      // Anyone: the revealed seed matches the commitment published at launch, and the winners follow from it.
      expect(verifySeed(drawn.seed, drawn.seedCommitment)).toBe(true);
      const recomputed = drawWinners(drawn.seed, drawn.participants.map((p) => ({ id: p.ticket, points: p.points })), 2);
      expect(drawn.winners).toEqual(recomputed.map((ticket) => ({ ticket, cents: 500 })));
      expect(drawn.myTicket).toBeNull();
      // No user id is published, and the seed of the week not drawn yet is nowhere, not even to operators.
      expect(res.body).not.toMatch(/userId|user_id/);
      expect(next).toMatchObject({ seed: null, participants: null, winners: null });
      const secret = await db().selectFrom('lottery_draws').select('seed').where('campaign_id', '=', id).where('week_start', '=', w2).executeTakeFirstOrThrow();
      expect(res.body).not.toContain(secret.seed!);
      expect((await w.operator.get(`${w.base}/${id}/draws`)).body).not.toContain(secret.seed!);
      expect((await aClient.get(`${w.base}/${id}/draws`)).json().items[0].myTicket).toBe(drawn.participants[0]!.ticket);
      // The person's own export names their ticket and the points their gestures earned.
      const exported = (await aClient.get('/api/me/export')).json().incentives;
      expect(exported.lotteryTickets).toEqual([expect.objectContaining({ weekStart: w1, ticket: drawn.participants[0]!.ticket, points: drawn.participants[0]!.points })]);
      expect(exported.awards.length).toBeGreaterThan(0);
      expect(exported.awards.every((x: { mode: string }) => x.mode === 'lottery')).toBe(true);
      const wallets = await Promise.all([a, b, c].map((p) => balanceOf(db(), w.territory.id, `wallet:${p.id}`)));
      expect(wallets.reduce((sum, x) => sum + x, 0)).toBe(1_000);
      expect(wallets.filter((x) => x === 500)).toHaveLength(2);

      // Second week: one gesture; drawn once the week and its grace period have ended, the prize cut to what remains.
      await w.shift(b, w2);
      t.clock.set(localInstant(addDays(w2, 7 + GRACE_DAYS), 12 * 60));
      expect((await w.operator.post(`${w.base}/${id}/settle`)).json()).toMatchObject({ awarded: 1, draws: 1, paidCents: 200, exhausted: true });
      const week = (await new Client(t.app).get(`${w.base}/${id}/draws`)).json().items[1] as Draw;
      expect(verifySeed(week.seed, before[1].seedCommitment)).toBe(true);
      expect(week.winners).toEqual([{ ticket: week.participants[0]!.ticket, cents: 200 }]);
      expect(await balanceOf(db(), w.territory.id, `budget:${id}`)).toBe(0);
      const prizes = await db().selectFrom('ledger_transactions').select('key').where('territory_id', '=', w.territory.id).where('kind', '=', 'lottery_prize').execute();
      expect(prizes).toHaveLength(3);
    } finally {
      t.clock.set(started);
    }
    await expectBooksBalanced(w.territory);
  });
});
