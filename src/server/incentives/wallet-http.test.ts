// Wallets, vouchers and shops over HTTP on a real database: wallets are funded by posting ledger transactions
// directly (funding: → budget: → wallet:), as campaigns will; then a voucher is issued, checked, accepted once,
// refused twice, at another shop, unknown or without enough points — every refusal writing nothing — and the shop
// is settled once per reference. Balances maintained by the trigger always equal those derived from the entries.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { derivedBalances, postTransaction } from './ledger-store.ts';
import { CODE_ALPHABET } from './voucher-code.ts';

const CODE = new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`);
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

describe.each(databaseKinds())('wallet, vouchers and shops on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let operator: Client;
  let campaignId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    operator = await new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] })).email, PASSWORD);
    const campaign = await t.database.db
      .insertInto('campaigns')
      .values({ territory_id: territory.id, name: 'Covoiturage Rocade Est', mode: 'payout', starts_on: '2025-03-01', ends_on: '2025-03-31', budget_cents: 100_000, rules: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    campaignId = campaign.id;
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const T = () => `/api/territories/${territory.slug}`;
  const person = async (roles: ('resident' | 'merchant' | 'operator')[] = ['resident']) => {
    const user = await buildUser(db(), { territory, roles });
    return { user, client: await new Client(t.app).signIn(user.email, PASSWORD) };
  };
  /** Funds a wallet as a campaign payout would: funding: → budget:, then budget: → wallet:. */
  const fund = (userId: string, cents: number, gestureId = `g${unique()}`) =>
    db().transaction().execute(async (trx) => {
      const budget = `budget:${campaignId}` as const;
      await postTransaction(trx, { territoryId: territory.id, key: `fund:${unique()}`, kind: 'fund', entries: [{ account: `funding:${territory.id}`, cents: -cents }, { account: budget, cents }] });
      await postTransaction(trx, { territoryId: territory.id, key: `payout:${campaignId}:${gestureId}`, kind: 'payout', entries: [{ account: budget, cents: -cents }, { account: `wallet:${userId}`, cents }], memo: { gestureId, personId: userId } });
    });
  /** A shop of the territory, added by the operator for a new account, which gets the merchant role. */
  const shop = async (name = `Boulangerie ${unique()}`) => {
    const owner = await person();
    const res = await operator.post(`${T()}/merchants`, { name, communeCode: '21001', address: '2 rue des Forges', accountEmail: owner.user.email.toUpperCase() });
    if (res.statusCode !== 201) throw new Error(`shop: ${res.statusCode} ${res.body}`);
    // The session was opened before the role was granted: roles are read per request, so the same client works.
    return { id: res.json<{ id: string }>().id, owner };
  };
  const issue = (client: Client, merchantId: string, cents: number, idempotencyKey = unique()) => client.post(`${T()}/wallet/vouchers`, { merchantId, cents, idempotencyKey });
  /** Everything a refusal must leave untouched. */
  const snapshot = async () => {
    const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db())).rows[0]!.n);
    return {
      transactions: await count('ledger_transactions'),
      entries: await count('ledger_entries'),
      vouchers: await count('vouchers'),
      redeemed: Number((await sql<{ n: string }>`select count(*) as n from vouchers where redeemed_at is not null`.execute(db())).rows[0]!.n),
      accounts: await db().selectFrom('ledger_accounts').select(['account', 'balance_cents']).where('territory_id', '=', territory.id).orderBy('account').execute(),
    };
  };
  const expectBalancesDerived = async () => {
    const derived = await derivedBalances(db(), territory.id);
    const kept = await db().selectFrom('ledger_accounts').select(['account', 'balance_cents']).where('territory_id', '=', territory.id).execute();
    expect(new Map(kept.map((a) => [a.account, Number(a.balance_cents)]))).toEqual(derived);
  };

  it('lets an operator add a shop for a member, who gets the merchant role; refuses bad shops naming the field', async () => {
    const owner = await person();
    const res = await operator.post(`${T()}/merchants`, { name: 'Cycles du Canal', communeCode: '21002', accountEmail: owner.user.email });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toEqual({ id: expect.any(String), name: 'Cycles du Canal', communeCode: '21002', communeName: 'Bêta', address: null });
    const member = await db().selectFrom('territory_members').select('roles').where('territory_id', '=', territory.id).where('user_id', '=', owner.user.id).executeTakeFirstOrThrow();
    expect(member.roles).toEqual(['resident', 'merchant']);
    const audit = await db().selectFrom('audit_log').select(['action', 'subject_id']).where('territory_id', '=', territory.id).where('action', 'in', ['merchant.created', 'territory.roles_changed']).where('subject_id', 'in', [created.id, owner.user.id]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['merchant.created', 'territory.roles_changed']);
    expect((await new Client(t.app).get(`${T()}/merchants`)).json().items).toContainEqual(created);

    const outsider = await buildUser(db());
    const before = await db().selectFrom('merchants').select('id').execute();
    const cases: [object, number, string, string][] = [
      [{ name: 'Épicerie', accountEmail: outsider.email }, 400, '/accountEmail', 'not_a_member'],
      [{ name: 'Épicerie', accountEmail: 'nobody@example.org' }, 400, '/accountEmail', 'not_a_member'],
      [{ name: 'Épicerie', communeCode: '99999', accountEmail: owner.user.email }, 400, '/communeCode', 'unknown_commune'],
      [{ name: 'Cycles du Canal', accountEmail: owner.user.email }, 409, '/name', 'name_taken'],
    ];
    for (const [body, status, field, reason] of cases) {
      const refused = await operator.post(`${T()}/merchants`, body);
      expect(refused.statusCode, refused.body).toBe(status);
      expect(refused.json()).toMatchObject({ field, reason });
    }
    expect((await (await person()).client.post(`${T()}/merchants`, { name: 'Chez moi', accountEmail: owner.user.email })).statusCode).toBe(403);
    expect(await db().selectFrom('merchants').select('id').execute()).toHaveLength(before.length);
  });

  it('issues a voucher, lets its shop check and accept it once, and shows it in the wallet and the shop', async () => {
    const { id: shopId, owner } = await shop('Boulangerie des Halles');
    const resident = await person();
    await fund(resident.user.id, 1000);

    const res = await issue(resident.client, shopId, 300, 'first-voucher');
    expect(res.statusCode, res.body).toBe(201);
    const voucher = res.json();
    expect(voucher).toEqual({ code: expect.stringMatching(CODE), cents: 300, merchantId: shopId, merchantName: 'Boulangerie des Halles', issuedAt: expect.any(String), redeemedAt: null });
    // A retry with the same key returns the same voucher (200) and moves no point, whatever it asks for.
    const before = await snapshot();
    const retry = await issue(resident.client, shopId, 500, 'first-voucher');
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(voucher);
    expect(await snapshot()).toEqual(before);

    const wallet = (await resident.client.get(`${T()}/wallet`)).json();
    expect(wallet).toMatchObject({ balanceCents: 700, heldGestures: 0, vouchers: [voucher] });
    expect(wallet.history).toEqual([
      { at: expect.any(String), kind: 'voucher_issue', cents: -300, campaignName: null, gestureDate: null, merchantName: 'Boulangerie des Halles' },
      { at: expect.any(String), kind: 'payout', cents: 1000, campaignName: 'Covoiturage Rocade Est', gestureDate: null, merchantName: null },
    ]);
    expect(wallet.merchants).toContainEqual({ id: shopId, name: 'Boulangerie des Halles', communeCode: '21001', communeName: 'Alpha', address: '2 rue des Forges' });

    // The cashier types it in lower case without the dash.
    const typed = voucher.code.replace('-', '').toLowerCase();
    const check = await owner.client.get(`${T()}/merchants/${shopId}/vouchers/${typed}`);
    expect(check.json()).toEqual({ code: voucher.code, cents: 300, status: 'valid', issuedAt: voucher.issuedAt, redeemedAt: null });
    const accepted = await owner.client.post(`${T()}/merchants/${shopId}/redemptions`, { code: typed });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ code: voucher.code, cents: 300, owedCents: 300 });
    expect((await owner.client.get(`${T()}/merchants/${shopId}/vouchers/${voucher.code}`)).json()).toMatchObject({ status: 'redeemed', redeemedAt: expect.any(String) });
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'voucher.redeemed').where('territory_id', '=', territory.id).execute();
    expect(audit).toContainEqual({ actor_id: owner.user.id, details: { merchantId: shopId, code: voucher.code, cents: 300 } });

    const shops = (await owner.client.get(`${T()}/my-shops`)).json().items;
    expect(shops).toEqual([{ id: shopId, name: 'Boulangerie des Halles', communeCode: '21001', communeName: 'Alpha', address: '2 rue des Forges', owedCents: 300, settledCents: 0, redemptions: [{ code: voucher.code, cents: 300, redeemedAt: expect.any(String) }] }]);
    expect((await resident.client.get(`${T()}/wallet`)).json().vouchers[0].redeemedAt).toEqual(expect.any(String));
    await expectBalancesDerived();
  });

  it('refuses twice, at another shop, unknown codes, and short wallets with a clear 4xx, writing nothing', async () => {
    const a = await shop();
    const b = await shop();
    const resident = await person();
    await fund(resident.user.id, 500);
    const code = (await issue(resident.client, a.id, 200)).json().code as string;
    await a.owner.client.post(`${T()}/merchants/${a.id}/redemptions`, { code });

    const before = await snapshot();
    const twice = await a.owner.client.post(`${T()}/merchants/${a.id}/redemptions`, { code });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'conflict', reason: 'already_redeemed' });
    const other = await resident.client.post(`${T()}/wallet/vouchers`, { merchantId: a.id, cents: 100, idempotencyKey: unique() });
    const fresh = other.json().code as string;
    const afterIssue = await snapshot();
    for (const [url, body] of [[`${T()}/merchants/${b.id}/redemptions`, { code: fresh }], [`${T()}/merchants/${b.id}/vouchers/${fresh}`, undefined]] as const) {
      const wrong = body ? await b.owner.client.post(url, body) : await b.owner.client.get(url);
      expect(wrong.statusCode, url).toBe(400);
      expect(wrong.json()).toMatchObject({ field: '/code', reason: 'wrong_merchant' });
    }
    for (const unknown of ['ZZZZ-ZZZZ', 'ABC', '0OIL-0OIL']) {
      expect((await a.owner.client.post(`${T()}/merchants/${a.id}/redemptions`, { code: unknown })).statusCode).toBe(404);
      expect((await a.owner.client.get(`${T()}/merchants/${a.id}/vouchers/${unknown}`)).statusCode).toBe(404);
    }
    expect(await snapshot()).toEqual(afterIssue);
    expect(afterIssue.redeemed).toBe(before.redeemed);

    // 500 funded − 200 − 100 = 200 left.
    const short = await issue(resident.client, a.id, 201);
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ field: '/cents', reason: 'insufficient_points' });
    const broke = await person();
    expect((await issue(broke.client, a.id, 1)).json()).toMatchObject({ field: '/cents', reason: 'insufficient_points' });
    await db().insertInto('merchants').values({ territory_id: territory.id, name: `Fermé ${unique()}`, active: false }).execute();
    const closed = await db().selectFrom('merchants').select('id').where('active', '=', false).executeTakeFirstOrThrow();
    for (const merchantId of [closed.id, '999999']) {
      expect((await issue(resident.client, merchantId, 10)).json()).toMatchObject({ status: 400, field: '/merchantId', reason: 'unknown_merchant' });
    }
    for (const cents of [0, 100_001, 1.5, -5]) expect((await issue(resident.client, a.id, cents)).json()).toMatchObject({ status: 400, field: '/cents' });
    expect(await snapshot()).toEqual(afterIssue);
    expect((await resident.client.get(`${T()}/wallet`)).json().balanceCents).toBe(200);
    await expectBalancesDerived();
  });

  it('settles a shop once per reference: merchant: → funding:, audited; nothing owed afterwards', async () => {
    const s = await shop();
    const resident = await person();
    await fund(resident.user.id, 800);
    for (const cents of [250, 150]) {
      const code = (await issue(resident.client, s.id, cents)).json().code as string;
      await s.owner.client.post(`${T()}/merchants/${s.id}/redemptions`, { code });
    }
    const funding = async () => Number((await db().selectFrom('ledger_accounts').select('balance_cents').where('territory_id', '=', territory.id).where('account', '=', `funding:${territory.id}`).executeTakeFirstOrThrow()).balance_cents);
    const fundingBefore = await funding();
    const settled = await operator.post(`${T()}/merchants/${s.id}/settlements`, { reference: 'VIR-2025-03-117' });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json()).toEqual({ settledCents: 400 });
    expect(await funding()).toBe(fundingBefore + 400);
    const before = await snapshot();
    expect((await operator.post(`${T()}/merchants/${s.id}/settlements`, { reference: 'VIR-2025-03-117' })).json()).toEqual({ settledCents: 400 });
    const nothing = await operator.post(`${T()}/merchants/${s.id}/settlements`, { reference: 'VIR-2025-03-118' });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().reason).toBe('nothing_owed');
    expect(await snapshot()).toEqual(before);
    expect((await s.owner.client.get(`${T()}/my-shops`)).json().items[0]).toMatchObject({ owedCents: 0, settledCents: 400 });
    const audit = await db().selectFrom('audit_log').select(['reason', 'details']).where('action', '=', 'merchant.settled').where('subject_id', '=', s.id).execute();
    expect(audit).toEqual([{ reason: 'VIR-2025-03-117', details: { reference: 'VIR-2025-03-117', cents: 400 } }]);
    // Only operators and admins settle; the shop's own account cannot.
    expect((await s.owner.client.post(`${T()}/merchants/${s.id}/settlements`, { reference: 'x' })).statusCode).toBe(403);
    expect((await operator.post(`${T()}/merchants/999999/settlements`, { reference: 'x' })).statusCode).toBe(404);
    await expectBalancesDerived();
  });

  it('keeps wallets and tills to their owners: no one sees another’s vouchers; only the shop’s account checks and accepts', async () => {
    const s = await shop();
    const alice = await person();
    const bob = await person();
    await fund(alice.user.id, 100);
    const code = (await issue(alice.client, s.id, 60)).json().code as string;
    const bobs = (await bob.client.get(`${T()}/wallet`)).json();
    expect(bobs).toMatchObject({ balanceCents: 0, vouchers: [], history: [] });
    expect(JSON.stringify(bobs)).not.toContain(code);
    expect((await new Client(t.app).get(`${T()}/wallet`)).statusCode).toBe(401);
    const elsewhere = await buildUser(db());
    expect((await (await new Client(t.app).signIn(elsewhere.email, PASSWORD)).get(`${T()}/wallet`)).statusCode).toBe(403);

    const otherMerchant = await shop();
    const admin = await new Client(t.app).signIn((await buildUser(db(), { territory, roles: ['resident', 'admin', 'merchant'] })).email, PASSWORD);
    const callers: [string, Client, number][] = [
      ['anonymous', new Client(t.app), 401],
      ['the resident who holds it', alice.client, 403],
      ['an operator', operator, 403],
      ['an admin with the merchant role', admin, 403],
      ['another shop’s account', otherMerchant.owner.client, 403],
    ];
    const before = await snapshot();
    for (const [who, client, status] of callers) {
      expect((await client.get(`${T()}/merchants/${s.id}/vouchers/${code}`)).statusCode, who).toBe(status);
      expect((await client.post(`${T()}/merchants/${s.id}/redemptions`, { code })).statusCode, who).toBe(status);
    }
    expect((await alice.client.get(`${T()}/my-shops`)).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('accepts a voucher once when two redemptions race; issues once when two retries race', async () => {
    const s = await shop();
    const resident = await person();
    await fund(resident.user.id, 1000);
    const code = (await issue(resident.client, s.id, 400)).json().code as string;
    const answers = await Promise.all([s.owner.client.post(`${T()}/merchants/${s.id}/redemptions`, { code }), s.owner.client.post(`${T()}/merchants/${s.id}/redemptions`, { code })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().reason).toBe('already_redeemed');
    const redeems = await db().selectFrom('ledger_transactions').select('id').where('key', '=', `voucher-redeem:${code}`).execute();
    expect(redeems).toHaveLength(1);

    const key = unique();
    const retries = await Promise.all([issue(resident.client, s.id, 100, key), issue(resident.client, s.id, 100, key)]);
    expect(retries.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(retries[0].json()).toEqual(retries[1].json());
    // Two different vouchers that together exceed the wallet (500 left): one is issued, the other refused.
    const greedy = await Promise.all([issue(resident.client, s.id, 300), issue(resident.client, s.id, 300)]);
    expect(greedy.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect((await resident.client.get(`${T()}/wallet`)).json().balanceCents).toBe(200);
    await expectBalancesDerived();
  });

  it('counts the viewer’s carpools held for review', async () => {
    const resident = await person();
    const partner = await person();
    const matchId = await insertHeldMatch(resident.user, partner.user);
    const gesture = (userId: string, n: number) => ({ territory_id: territory.id, user_id: userId, kind: 'carpool' as const, mode: 'carpool', occurred_on: '2025-03-10', km: 12, co2e_kg: 1, car_km: 12, euros: 2, factors_version: 1, source_type: 'carpool_match', source_id: matchId, counted: false, idempotency_key: `held-${matchId}-${n}` });
    await db().insertInto('gestures').values([gesture(resident.user.id, 1), gesture(partner.user.id, 2)]).execute();
    expect((await resident.client.get(`${T()}/wallet`)).json().heldGestures).toBe(1);
    await db().updateTable('carpool_matches').set({ review_status: 'cleared' }).where('id', '=', matchId).execute();
    expect((await resident.client.get(`${T()}/wallet`)).json().heldGestures).toBe(0);
  });

  async function insertHeldMatch(passenger: UserFixture, driver: UserFixture): Promise<string> {
    const trip = (userId: string, role: 'driver' | 'passenger') =>
      db()
        .insertInto('carpool_trips')
        .values({ territory_id: territory.id, user_id: userId, role, origin_cell: '8a1fb46622dffff', destination_cell: '8a1fb4662d07fff', origin_lat: 47.05, origin_lng: 5.02, destination_lat: 47.05, destination_lng: 5.18, origin_label: null, destination_label: null, trip_date: null, weekdays: [1], window_start: 450, window_end: 480, seats: 1, max_detour_share: 0.25, closed_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
    const [d, p] = [await trip(driver.id, 'driver'), await trip(passenger.id, 'passenger')];
    const m = await db()
      .insertInto('carpool_matches')
      .values({ territory_id: territory.id, driver_trip_id: d.id, passenger_trip_id: p.id, driver_id: driver.id, passenger_id: passenger.id, trip_date: '2025-03-10', starts_at: new Date('2025-03-10T07:00:00Z'), seats: 1, detour_km: 0, detour_min: 0, time_gap_min: 0, shared_community: false, shared_km: 10, driver_km: 12, driver_confirmed_at: null, passenger_confirmed_at: null, driver_accepted_at: null, passenger_accepted_at: null, cancelled_by: null, cancel_reason: null, review_status: 'pending' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return m.id;
  }

  it('exports the wallet with the account’s data; erasure keeps the ledger and vouchers, and frees the shop’s till', async () => {
    const s = await shop('Épicerie du Port');
    const resident = await person();
    await fund(resident.user.id, 500);
    const voucher = (await issue(resident.client, s.id, 120)).json();
    const exported = (await resident.client.get('/api/me/export')).json().incentives;
    expect(exported.wallets).toEqual([{ territory: territory.slug, balanceCents: 380, history: [expect.objectContaining({ kind: 'voucher_issue', cents: -120, merchantName: 'Épicerie du Port' }), expect.objectContaining({ kind: 'payout', cents: 500, campaignName: 'Covoiturage Rocade Est' })] }]);
    expect(exported.vouchers).toEqual([{ territory: territory.slug, code: voucher.code, cents: 120, merchant: 'Épicerie du Port', issuedAt: voucher.issuedAt, redeemedAt: null }]);
    expect(exported.shops).toEqual([]);
    expect((await s.owner.client.get('/api/me/export')).json().incentives.shops).toEqual([{ territory: territory.slug, id: s.id, name: 'Épicerie du Port', active: true }]);

    const before = await snapshot();
    expect((await resident.client.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect((await s.owner.client.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect(await snapshot()).toEqual(before);
    const kept = await db().selectFrom('vouchers').select(['user_id', 'cents']).where('code', '=', voucher.code).executeTakeFirstOrThrow();
    expect(kept).toEqual({ user_id: resident.user.id, cents: 120 });
    const tombstone = await db().selectFrom('users').select(['email', 'display_name', 'deleted_at']).where('id', '=', resident.user.id).executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({ email: null, display_name: null, deleted_at: expect.any(Date) });
    expect((await db().selectFrom('merchants').select('user_id').where('id', '=', s.id).executeTakeFirstOrThrow()).user_id).toBeNull();
    await expectBalancesDerived();
  });
});
