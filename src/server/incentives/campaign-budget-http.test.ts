// A campaign's budget over HTTP: a top-up (once per reference) pays the gestures that were waiting for budget;
// after closing, what remains goes back to the territory, once. Refusals write nothing; the books stay balanced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { addDays, campaignBody, campaignWorld, expectBooksBalanced as expectBooksBalancedIn, today } from './campaign-test-fixtures.ts';
import { balanceOf } from './ledger-store.ts';

describe.each(databaseKinds())('campaign budget top-up and return on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const day = (n: number) => addDays(today(t.clock.now()), n);

  const world = () => campaignWorld(t);

  const transactions = async (territory: TerritoryFixture) =>
    db().selectFrom('ledger_transactions').select(['key', 'kind', 'memo']).where('territory_id', '=', territory.id).orderBy('id').execute();
  const audits = async (territory: TerritoryFixture, id: string) =>
    (await db().selectFrom('audit_log').select(['action', 'reason']).where('territory_id', '=', territory.id).where('subject_id', '=', id).orderBy('id').execute());

  const expectBooksBalanced = (territory: TerritoryFixture) => expectBooksBalancedIn(db(), territory);

  it('tops up a running budget once per reference and pays the gestures that were waiting for it', async () => {
    const w = await world();
    const people = [await w.person(), await w.person(), await w.person(), await w.person()];
    const gestures: string[] = [];
    for (const [i, p] of people.entries()) gestures.push(await w.shift(p, day(-4 + i)));
    const id = (await w.operator.post(w.base, campaignBody({ startsOn: day(-7), endsOn: day(20), budgetCents: 250, rules: [{ type: 'per_gesture', cents: 100 }, { type: 'max_per_person_per_day', cents: 250 }] }))).json().id;
    expect((await w.operator.post(`${w.base}/${id}/launch`)).json()).toMatchObject({ spentCents: 250, remainingCents: 0, awardedGestures: 3, topUps: [], returnedCents: 0 });
    // The newest gesture was refused only by the spent budget: no award row, so it is evaluated again.
    const awarded = await db().selectFrom('campaign_awards').select('gesture_id').where('campaign_id', '=', id).execute();
    expect(awarded.map((a) => a.gesture_id).sort()).toEqual(gestures.slice(0, 3).sort());

    // Bad input: 400 naming the field, nothing written.
    const url = `${w.base}/${id}/top-ups`;
    const before = [await transactions(w.territory), await audits(w.territory, id)];
    const cases: [object, string][] = [
      [{ cents: 0, reference: 'D-1' }, '/cents'],
      [{ cents: 1.5, reference: 'D-1' }, '/cents'],
      [{ cents: 100_000_001, reference: 'D-1' }, '/cents'],
      [{ cents: '500', reference: 'D-1' }, '/cents'],
      [{ reference: 'D-1' }, '/cents'],
      [{ cents: 500, reference: '' }, '/reference'],
      [{ cents: 500, reference: '   ' }, '/reference'],
      [{ cents: 500, reference: 'x'.repeat(121) }, '/reference'],
      [{ cents: 500 }, '/reference'],
    ];
    for (const [body, field] of cases) {
      const res = await w.operator.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    const resident = await new Client(t.app).signIn(people[0]!.email, PASSWORD);
    expect((await resident.post(url, { cents: 500, reference: 'D-1' })).statusCode).toBe(403);
    expect([await transactions(w.territory), await audits(w.territory, id)]).toEqual(before);
    expect((await w.operator.get(`${w.base}/${id}`)).json().budgetCents).toBe(250);

    const reference = 'Délibération 2025-114';
    const first = await w.operator.post(url, { cents: 500, reference: `  ${reference} ` });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      topUp: { cents: 500, reference },
      replayed: false,
      settlement: { awarded: 1, paidCents: 100, exhausted: false },
      campaign: { budgetCents: 750, spentCents: 350, remainingCents: 400, awardedGestures: 4, topUps: [{ cents: 500, reference }], returnedCents: 0 },
    });
    expect(await balanceOf(db(), w.territory.id, `wallet:${people[3]!.id}`)).toBe(100);

    // A retry (same reference, whatever amount it names) returns the first and writes nothing.
    const count = (await transactions(w.territory)).length;
    const retry = await w.operator.post(url, { cents: 9_999, reference });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ topUp: { cents: 500, reference, at: first.json().topUp.at }, replayed: true, campaign: { budgetCents: 750, remainingCents: 400 } });
    expect((await transactions(w.territory)).length).toBe(count);
    const topUps = (await transactions(w.territory)).filter((x) => x.key.startsWith('top-up:'));
    expect(topUps).toEqual([{ key: `top-up:${id}:${reference}`, kind: 'fund', memo: { campaignId: id, reference } }]);
    expect(await balanceOf(db(), w.territory.id, `funding:${w.territory.id}`)).toBe(-750);

    // A second decision adds again: the budget is the sum, listed with its sources.
    const second = await w.operator.post(url, { cents: 50, reference: 'D-2' });
    expect(second.json().campaign).toMatchObject({ budgetCents: 800, remainingCents: 450, topUps: [{ cents: 500, reference }, { cents: 50, reference: 'D-2' }] });
    expect((await audits(w.territory, id)).map((a) => [a.action, a.reason])).toEqual([
      ['campaign.launched', null],
      ['campaign.topped_up', reference],
      ['campaign.topped_up', 'D-2'],
    ]);
    await expectBooksBalanced(w.territory);

    // Closed: no more top-ups (but the first one's retry still answers the same).
    expect((await w.operator.post(`${w.base}/${id}/close`)).statusCode).toBe(200);
    const late = await w.operator.post(url, { cents: 500, reference: 'D-3' });
    expect([late.statusCode, late.json().reason]).toEqual([409, 'not_active']);
    expect((await w.operator.post(url, { cents: 500, reference })).json()).toMatchObject({ replayed: true, topUp: { cents: 500 } });
  });

  it('refuses a top-up of a draft: its budget is edited instead', async () => {
    const w = await world();
    const id = (await w.operator.post(w.base, campaignBody({ startsOn: day(1), endsOn: day(20) }))).json().id;
    const res = await w.operator.post(`${w.base}/${id}/top-ups`, { cents: 500, reference: 'D-1' });
    expect([res.statusCode, res.json().reason]).toEqual([409, 'not_active']);
    expect(await transactions(w.territory)).toEqual([]);
    expect((await w.operator.post(`${w.base}/999999999/top-ups`, { cents: 500, reference: 'D-1' })).statusCode).toBe(404);
  });

  it('returns what remains after closing, once; nothing left is a 409', async () => {
    const w = await world();
    const [a, b] = [await w.person(), await w.person()];
    await w.shift(a, day(-2));
    await w.shift(b, day(-1));
    const id = (await w.operator.post(w.base, campaignBody({ startsOn: day(-7), endsOn: day(20), budgetCents: 1_000 }))).json().id;
    await w.operator.post(`${w.base}/${id}/launch`);
    const url = `${w.base}/${id}/return`;
    const running = await w.operator.post(url, { reference: 'Virement 42' });
    expect([running.statusCode, running.json().reason]).toEqual([409, 'not_closed']);
    await w.operator.post(`${w.base}/${id}/close`);
    for (const body of [{}, { reference: '  ' }, { reference: 'x'.repeat(121) }]) {
      const res = await w.operator.post(url, body);
      expect([res.statusCode, res.json().field]).toEqual([400, '/reference']);
    }
    const resident = await new Client(t.app).signIn(a.email, PASSWORD);
    expect((await resident.post(url, { reference: 'Virement 42' })).statusCode).toBe(403);
    expect((await transactions(w.territory)).filter((x) => x.key.startsWith('return:'))).toEqual([]);

    const first = await w.operator.post(url, { reference: 'Virement 42' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      returned: { cents: 800, reference: 'Virement 42' },
      replayed: false,
      campaign: { status: 'closed', budgetCents: 1_000, spentCents: 200, remainingCents: 0, returnedCents: 800 },
    });
    const twice = await w.operator.post(url, { reference: 'Virement 43' });
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toMatchObject({ returned: first.json().returned, replayed: true });
    expect((await transactions(w.territory)).filter((x) => x.key.startsWith('return:'))).toEqual([{ key: `return:${id}`, kind: 'fund', memo: { campaignId: id, reference: 'Virement 42' } }]);
    expect(await balanceOf(db(), w.territory.id, `budget:${id}`)).toBe(0);
    expect(await balanceOf(db(), w.territory.id, `funding:${w.territory.id}`)).toBe(-200);
    expect((await w.operator.get(`${w.base}/${id}`)).json()).toMatchObject({ spentCents: 200, remainingCents: 0, returnedCents: 800 });
    expect((await audits(w.territory, id)).map((x) => x.action)).toEqual(['campaign.launched', 'campaign.closed', 'campaign.budget_returned']);
    await expectBooksBalanced(w.territory);

    // A campaign that spent everything has nothing to return.
    const c = await w.person();
    await w.shift(c, day(-1));
    const spent = (await w.operator.post(w.base, campaignBody({ startsOn: day(-7), endsOn: day(20), budgetCents: 300 }))).json().id;
    expect((await w.operator.post(`${w.base}/${spent}/launch`)).json()).toMatchObject({ remainingCents: 0 });
    await w.operator.post(`${w.base}/${spent}/close`);
    const empty = await w.operator.post(`${w.base}/${spent}/return`, { reference: 'Virement 44' });
    expect([empty.statusCode, empty.json().reason]).toEqual([409, 'nothing_left']);
    expect((await transactions(w.territory)).filter((x) => x.key === `return:${spent}`)).toEqual([]);
    await expectBooksBalanced(w.territory);
  });
});
