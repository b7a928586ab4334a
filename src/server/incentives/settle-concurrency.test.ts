// The budget is never overspent, even under concurrent payouts: on a PostgreSQL server (TEST_DATABASE_URL) the API
// runs requests on a pool of connections, so launches and settlements of two campaigns, a second API process
// and gestures being recorded all race. Afterwards: each gesture paid at most once per campaign, no budget below
// zero nor above what was funded, every award matching its payout, and the balances equal to the entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaille, type Maille } from '../app.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { addDays, campaignBody, corridor, shiftGesture, today } from './campaign-test-fixtures.ts';
import { derivedBalances } from './ledger-store.ts';

describe.each(databaseKinds())('concurrent settlements on %s', (kind) => {
  let t: TestApp;
  let second: Maille | undefined;
  beforeAll(async () => {
    t = await startTestApp(kind);
    // With a server, a second API process on the same database: its requests race through other connections.
    if (t.database.url) {
      const { openDatabase } = await import('../core/database/connect.ts');
      second = await createMaille(t.config, { database: await openDatabase({ databaseUrl: t.database.url }), clock: t.clock });
    }
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('pays each gesture once and never beyond the budget, whatever races', async () => {
    const db = t.database.db;
    const territory = await buildTerritory(db);
    const operatorUser = await buildUser(db, { territory, roles: ['resident', 'operator'] });
    const operators = [await new Client(t.app).signIn(operatorUser.email, PASSWORD), ...(second ? [await new Client(second.app).signIn(operatorUser.email, PASSWORD)] : [])];
    const corridorId = await corridor(db, territory.id);
    const base = `/api/territories/${territory.slug}/campaigns`;
    const day = (n: number) => addDays(today(t.clock.now()), n);
    const people: UserFixture[] = [];
    for (let i = 0; i < 12; i++) people.push(await buildUser(db, { territory }));
    const record = (i: number, n: number) => shiftGesture(db, { territoryId: territory.id, userId: people[i % people.length]!.id, corridorId, date: day(-(n % 10)), toSlot: i % 4 });
    for (let i = 0; i < 10; i++) await record(i, i);

    // Two campaigns paying the same gestures from two small budgets: 1 € a gesture (+0.50 € 07:15–07:30), 2.50 € a day each.
    const rules = [{ type: 'per_gesture', cents: 100 }, { type: 'time_window_bonus', startMin: 435, endMin: 450, cents: 50 }, { type: 'max_per_person_per_day', cents: 250 }];
    const budgets = [3_337, 4_001];
    const ids: string[] = [];
    for (const budgetCents of budgets) ids.push((await operators[0]!.post(base, campaignBody({ startsOn: day(-12), endsOn: day(30), budgetCents, rules: rules as never }))).json().id);
    const client = (i: number) => operators[i % operators.length]!;

    const launches = ids.flatMap((id) => Array.from({ length: 5 }, (_, i) => client(i).post(`${base}/${id}/launch`)));
    const settles = Array.from({ length: 20 }, (_, i) => client(i).post(`${base}/${ids[i % 2]}/settle`));
    const more = (async () => {
      for (let i = 10; i < 20; i++) await record(i, i);
    })();
    const [launched, settled] = await Promise.all([Promise.all(launches), Promise.all(settles), more]);
    for (const [i, id] of ids.entries()) {
      const answers = launched.slice(i * 5, i * 5 + 5);
      expect(answers.filter((r) => r.statusCode === 200), id).toHaveLength(1);
      expect(answers.filter((r) => r.statusCode === 409 && r.json().reason === 'not_draft')).toHaveLength(4);
    }
    // A settlement that came before its launch is refused as not running; every other one succeeded.
    for (const r of settled) expect([200, 409], r.body).toContain(r.statusCode);
    // Most gestures arrive now that both are running; twenty settlements race to pay them, on every API process,
    // while more gestures are still being recorded.
    for (let i = 20; i < 70; i++) await record(i, i);
    const racing = Promise.all(Array.from({ length: 20 }, (_, i) => client(i).post(`${base}/${ids[i % 2]}/settle`)));
    for (let i = 70; i < 90; i++) await record(i, i);
    const after = await racing;
    expect(after.map((r) => r.statusCode), after.map((r) => r.body).join('\n')).toEqual(Array(20).fill(200));
    expect(after.reduce((s, r) => s + r.json<{ paidCents: number }>().paidCents, 0)).toBeGreaterThan(0);
    await Promise.all(ids.map((id) => operators[0]!.post(`${base}/${id}/settle`)));

    for (const [i, id] of ids.entries()) {
      const awards = await db.selectFrom('campaign_awards').selectAll().where('campaign_id', '=', id).execute();
      const payouts = await db
        .selectFrom('ledger_transactions as t')
        .innerJoin('ledger_entries as e', 'e.transaction_id', 't.id')
        .select(['t.id', 't.key', 'e.cents'])
        .where('t.territory_id', '=', territory.id)
        .where('t.kind', '=', 'payout')
        .where('t.key', 'like', `payout:${id}:%`)
        .where('e.account', '=', `budget:${id}`)
        .execute();
      const paid = -payouts.reduce((s, p) => s + Number(p.cents), 0);
      const awarded = awards.reduce((s, a) => s + a.awarded_cents, 0);
      expect(paid).toBe(awarded);
      expect(awarded).toBeLessThanOrEqual(budgets[i]!);
      // Enough gestures for both budgets: each is spent to the last cent, never beyond.
      expect(awarded).toBe(budgets[i]);
      // One payout per gesture at most, and only for awards above zero, each naming its transaction.
      expect(new Set(payouts.map((p) => p.key)).size).toBe(payouts.length);
      expect(awards.filter((a) => a.awarded_cents > 0).map((a) => a.transaction_id).sort()).toEqual(payouts.map((p) => p.id).sort());
      const balance = await db.selectFrom('ledger_accounts').select('balance_cents').where('territory_id', '=', territory.id).where('account', '=', `budget:${id}`).executeTakeFirstOrThrow();
      expect(Number(balance.balance_cents)).toBe(0);
      // No person above 2.50 € on any day.
      const perDay = new Map<string, number>();
      for (const a of awards) perDay.set(`${a.user_id}|${a.occurred_on}`, (perDay.get(`${a.user_id}|${a.occurred_on}`) ?? 0) + a.awarded_cents);
      expect(Math.max(...perDay.values())).toBeLessThanOrEqual(250);
      const fund = await db.selectFrom('ledger_transactions').select('id').where('territory_id', '=', territory.id).where('key', '=', `fund:${id}`).execute();
      expect(fund).toHaveLength(1);
    }
    const accounts = await db.selectFrom('ledger_accounts').select(['account', 'balance_cents']).where('territory_id', '=', territory.id).execute();
    expect(new Map(accounts.map((a) => [a.account, Number(a.balance_cents)]))).toEqual(await derivedBalances(db, territory.id));
    expect(accounts.every((a) => a.account.startsWith('funding:') || Number(a.balance_cents) >= 0)).toBe(true);
  });

  it('tops up once per reference while settlements race, and never spends beyond the new budget', async () => {
    const db = t.database.db;
    const territory = await buildTerritory(db);
    const operatorUser = await buildUser(db, { territory, roles: ['resident', 'operator'] });
    const operators = [await new Client(t.app).signIn(operatorUser.email, PASSWORD), ...(second ? [await new Client(second.app).signIn(operatorUser.email, PASSWORD)] : [])];
    const client = (i: number) => operators[i % operators.length]!;
    const corridorId = await corridor(db, territory.id);
    const base = `/api/territories/${territory.slug}/campaigns`;
    const day = (n: number) => addDays(today(t.clock.now()), n);
    const people: UserFixture[] = [];
    for (let i = 0; i < 8; i++) people.push(await buildUser(db, { territory }));
    const record = (i: number) => shiftGesture(db, { territoryId: territory.id, userId: people[i % people.length]!.id, corridorId, date: day(-(i % 6)), toSlot: i % 4 });
    for (let i = 0; i < 12; i++) await record(i);
    const rules = [{ type: 'per_gesture', cents: 100 }, { type: 'time_window_bonus', startMin: 435, endMin: 450, cents: 50 }, { type: 'max_per_person_per_day', cents: 250 }];
    const id = (await operators[0]!.post(base, campaignBody({ startsOn: day(-10), endsOn: day(30), budgetCents: 777, rules: rules as never }))).json().id;
    expect((await operators[0]!.post(`${base}/${id}/launch`)).json()).toMatchObject({ remainingCents: 0 });

    // Six retries of one decision's top-up, on every API process, while settlements race and gestures arrive.
    const topUps = Promise.all(Array.from({ length: 6 }, (_, i) => client(i).post(`${base}/${id}/top-ups`, { cents: 1_234, reference: 'Délibération 2025-07' })));
    const settles = Promise.all(Array.from({ length: 10 }, (_, i) => client(i + 1).post(`${base}/${id}/settle`)));
    const more = (async () => {
      for (let i = 12; i < 40; i++) await record(i);
    })();
    const [answers, settled] = await Promise.all([topUps, settles, more]);
    expect(settled.map((r) => r.statusCode), settled.map((r) => r.body).join('\n')).toEqual(Array(10).fill(200));
    expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join('\n')).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.json<{ topUp: { at: string } }>().topUp.at)).size).toBe(1);
    await operators[0]!.post(`${base}/${id}/settle`);

    const topUpRows = await db.selectFrom('ledger_transactions').select('id').where('territory_id', '=', territory.id).where('key', 'like', `top-up:${id}:%`).execute();
    expect(topUpRows).toHaveLength(1);
    const view = (await operators[0]!.get(`${base}/${id}`)).json();
    expect(view).toMatchObject({ budgetCents: 777 + 1_234, topUps: [{ cents: 1_234, reference: 'Délibération 2025-07' }] });
    const awards = await db.selectFrom('campaign_awards').selectAll().where('campaign_id', '=', id).execute();
    const awarded = awards.reduce((s, a) => s + a.awarded_cents, 0);
    const payouts = await db
      .selectFrom('ledger_transactions as t')
      .innerJoin('ledger_entries as e', 'e.transaction_id', 't.id')
      .select(['t.key', 'e.cents'])
      .where('t.territory_id', '=', territory.id)
      .where('t.kind', '=', 'payout')
      .where('e.account', '=', `budget:${id}`)
      .execute();
    expect(new Set(payouts.map((p) => p.key)).size).toBe(payouts.length);
    expect(-payouts.reduce((s, p) => s + Number(p.cents), 0)).toBe(awarded);
    expect(awarded).toBeLessThanOrEqual(777 + 1_234);
    const balance = await db.selectFrom('ledger_accounts').select('balance_cents').where('territory_id', '=', territory.id).where('account', '=', `budget:${id}`).executeTakeFirstOrThrow();
    expect(Number(balance.balance_cents)).toBe(777 + 1_234 - awarded);
    expect(Number(balance.balance_cents)).toBeGreaterThanOrEqual(0);
    expect(view).toMatchObject({ spentCents: awarded, remainingCents: 777 + 1_234 - awarded });
    const accounts = await db.selectFrom('ledger_accounts').select(['account', 'balance_cents']).where('territory_id', '=', territory.id).execute();
    expect(new Map(accounts.map((a) => [a.account, Number(a.balance_cents)]))).toEqual(await derivedBalances(db, territory.id));
    expect(accounts.every((a) => a.account.startsWith('funding:') || Number(a.balance_cents) >= 0)).toBe(true);
  });
});
