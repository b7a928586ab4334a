// The demo's participating shops: three invented shops, the first kept by the demo merchant; added once; no money.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from './seed-demo.ts';
import { DEMO_SHOPS, ensureDemoShops } from './seed-incentives.ts';

describe('demo shops', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await seedDemoIfEmpty(t.database.db, 20);
  });
  afterAll(() => t.close());

  const T = `/api/territories/${DEMO_SLUG}`;
  const signIn = (email: string) => new Client(t.app).signIn(email, DEMO_PASSWORD);

  it('adds three shops in Dijon Métropole communes, once', async () => {
    expect(await ensureDemoShops(t.database.db)).toBe(3);
    expect(await ensureDemoShops(t.database.db)).toBe(0);
    const items = (await new Client(t.app).get(`${T}/merchants`)).json().items;
    expect(items.map((m: { name: string }) => m.name).sort()).toEqual(DEMO_SHOPS.map((s) => s.name).sort());
    expect(items.map((m: { communeName: string }) => m.communeName).sort()).toEqual(['Chenôve', 'Dijon', 'Talant']);
    expect(items.every((m: { name: string }) => m.name.includes('(démo)'))).toBe(true);
  });

  it('lets the demo merchant see the bakery at its till; the others have no account', async () => {
    const merchant = DEMO_ACCOUNTS.find((a) => a.roles.includes('merchant'))!;
    const shops = (await (await signIn(merchant.email)).get(`${T}/my-shops`)).json().items;
    expect(shops).toEqual([expect.objectContaining({ name: DEMO_SHOPS[0]!.name, owedCents: 0, settledCents: 0, redemptions: [] })]);
    const withoutAccount = await t.database.db.selectFrom('merchants').select('name').where('user_id', 'is', null).orderBy('name').execute();
    expect(withoutAccount.map((m) => m.name)).toEqual(DEMO_SHOPS.slice(1).map((s) => s.name).sort());
  });

  it('gives nobody money: no campaign, no ledger entry, an empty wallet for the demo resident', async () => {
    expect(await t.database.db.selectFrom('campaigns').select('id').execute()).toEqual([]);
    expect(await t.database.db.selectFrom('ledger_entries').select('id').execute()).toEqual([]);
    const wallet = (await (await signIn(DEMO_ACCOUNTS[0]!.email)).get(`${T}/wallet`)).json();
    expect(wallet).toMatchObject({ balanceCents: 0, history: [], vouchers: [] });
    expect(wallet.merchants).toHaveLength(3);
  });
});
