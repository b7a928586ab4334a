// Shops kept by operators, over HTTP on a real database: the books (`GET …/merchants/accounts`: every shop, open or
// closed, owed and settled, its till account's name), and `PATCH …/merchants/:id` — renaming, naming another till
// account (which gets the merchant role while the previous one keeps it only with another shop), closing and
// reopening (a closed shop gets no new voucher, but one already issued is still accepted and the shop is still
// settled). Every change is audited; bad input is a 400 naming the field, an unknown shop a 404, and a refusal or
// a change that changes nothing writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import type { TerritoryRole } from '../core/database/schema.ts';
import { postTransaction } from './ledger-store.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

describe.each(databaseKinds())('shops kept by operators on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let operator: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    operator = await new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] })).email, PASSWORD);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const T = () => `/api/territories/${territory.slug}`;
  const person = async (roles: TerritoryRole[] = ['resident'], displayName?: string) => {
    const user = await buildUser(db(), { territory, roles, ...(displayName ? { displayName } : {}) });
    return { user, client: await new Client(t.app).signIn(user.email, PASSWORD) };
  };
  const rolesOf = async (userId: string) =>
    (await db().selectFrom('territory_members').select('roles').where('territory_id', '=', territory.id).where('user_id', '=', userId).executeTakeFirstOrThrow()).roles;
  /** Puts points in a wallet as a campaign payout would (funding: → budget: → wallet:). */
  const fund = (userId: string, cents: number) =>
    db().transaction().execute(async (trx) => {
      const key = unique();
      await postTransaction(trx, { territoryId: territory.id, key: `fund:${key}`, kind: 'fund', entries: [{ account: `funding:${territory.id}`, cents: -cents }, { account: `budget:m${key}`, cents }] });
      await postTransaction(trx, { territoryId: territory.id, key: `payout:m${key}:g`, kind: 'payout', entries: [{ account: `budget:m${key}`, cents: -cents }, { account: `wallet:${userId}`, cents }] });
    });
  const shop = async (name = `Boulangerie ${unique()}`, owner?: Awaited<ReturnType<typeof person>>) => {
    const account = owner ?? (await person());
    const res = await operator.post(`${T()}/merchants`, { name, communeCode: '21001', accountEmail: account.user.email });
    if (res.statusCode !== 201) throw new Error(`shop: ${res.statusCode} ${res.body}`);
    return { id: res.json<{ id: string }>().id, owner: account };
  };
  const issue = (client: Client, merchantId: string, cents: number) => client.post(`${T()}/wallet/vouchers`, { merchantId, cents, idempotencyKey: unique() });
  const books = async () => (await operator.get(`${T()}/merchants/accounts`)).json<{ items: Record<string, unknown>[] }>().items;
  const audits = (subjectId: string) =>
    db().selectFrom('audit_log').select(['action', 'actor_id', 'reason', 'details']).where('territory_id', '=', territory.id).where('subject_id', '=', subjectId).orderBy('id').execute();
  const counts = async () => ({
    audit: (await db().selectFrom('audit_log').select('id').execute()).length,
    merchants: await db().selectFrom('merchants').selectAll().where('territory_id', '=', territory.id).orderBy('id').execute(),
    members: await db().selectFrom('territory_members').select(['user_id', 'roles']).where('territory_id', '=', territory.id).orderBy('user_id').execute(),
  });

  it('shows operators every shop with what it is owed and was settled; the public list stays as it was', async () => {
    const owner = await person(['resident'], 'Marc Boulanger');
    const s = await shop('Boulangerie du Pont', owner);
    const resident = await person();
    await fund(resident.user.id, 500);
    for (const cents of [150, 250]) {
      const code = (await issue(resident.client, s.id, cents)).json<{ code: string }>().code;
      expect((await owner.client.post(`${T()}/merchants/${s.id}/redemptions`, { code })).statusCode).toBe(200);
    }
    const res = await operator.get(`${T()}/merchants/accounts`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toContainEqual({ id: s.id, name: 'Boulangerie du Pont', communeCode: '21001', communeName: 'Alpha', address: null, active: true, accountName: 'Marc Boulanger', owedCents: 400, settledCents: 0 });

    expect((await operator.post(`${T()}/merchants/${s.id}/settlements`, { reference: 'VIR-0042' })).json()).toEqual({ settledCents: 400 });
    expect((await books()).find((b) => b.id === s.id)).toMatchObject({ owedCents: 0, settledCents: 400 });

    // The public list keeps its public shape: no money, no account.
    const pub = (await new Client(t.app).get(`${T()}/merchants`)).json().items;
    expect(pub).toContainEqual({ id: s.id, name: 'Boulangerie du Pont', communeCode: '21001', communeName: 'Alpha', address: null });
    // Only operators and admins read the books.
    expect((await new Client(t.app).get(`${T()}/merchants/accounts`)).statusCode).toBe(401);
    expect((await resident.client.get(`${T()}/merchants/accounts`)).statusCode).toBe(403);
    expect((await owner.client.get(`${T()}/merchants/accounts`)).statusCode).toBe(403);
    const admin = await person(['resident', 'admin']);
    expect((await admin.client.get(`${T()}/merchants/accounts`)).statusCode).toBe(200);
  });

  it('renames a shop, audited; refuses bad input naming the field and unknown shops, writing nothing', async () => {
    const s = await shop('Épicerie Martin');
    const other = await shop('Épicerie Durand');
    const renamed = await operator.patch(`${T()}/merchants/${s.id}`, { name: '  Épicerie du Marché  ' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id: s.id, name: 'Épicerie du Marché', active: true, owedCents: 0, settledCents: 0 });
    expect((await audits(s.id)).filter((a) => a.action === 'merchant.updated')).toEqual([
      { action: 'merchant.updated', actor_id: expect.any(String), reason: null, details: { before: { name: 'Épicerie Martin' }, after: { name: 'Épicerie du Marché' } } },
    ]);

    const before = await counts();
    const cases: [string, unknown, number, string, string?][] = [
      [s.id, {}, 400, '/', 'nothing_to_change'],
      [s.id, { name: '' }, 400, '/name'],
      [s.id, { name: '   ' }, 400, '/name'],
      [s.id, { name: 'x'.repeat(121) }, 400, '/name'],
      [s.id, { name: 'Épicerie Durand' }, 409, '/name', 'name_taken'],
      [s.id, { active: 'no' }, 400, '/active'],
      [s.id, { accountEmail: 'not an e-mail' }, 400, '/accountEmail'],
      [s.id, { accountEmail: 'nobody@example.org' }, 400, '/accountEmail', 'not_a_member'],
      [s.id, { accountEmail: (await buildUser(db())).email }, 400, '/accountEmail', 'not_a_member'],
      [s.id, { address: 'rue' }, 400, '/address'],
      ['abc', { name: 'Ailleurs' }, 400, '/params/id'],
    ];
    for (const [id, body, status, field, reason] of cases) {
      const refused = await operator.patch(`${T()}/merchants/${id}`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(status);
      expect(refused.json(), JSON.stringify(body)).toMatchObject({ field, ...(reason ? { reason } : {}) });
    }
    expect((await operator.patch(`${T()}/merchants/999999`, { name: 'Ailleurs' })).statusCode).toBe(404);
    const elsewhere = await buildTerritory(db());
    const foreign = await db().insertInto('merchants').values({ territory_id: elsewhere.id, name: 'Ailleurs' }).returning('id').executeTakeFirstOrThrow();
    expect((await operator.patch(`${T()}/merchants/${foreign.id}`, { name: 'Chez nous' })).statusCode).toBe(404);
    // Only operators and admins; the shop's own account cannot rename it.
    expect((await s.owner.client.patch(`${T()}/merchants/${s.id}`, { name: 'À moi' })).statusCode).toBe(403);
    expect((await new Client(t.app).patch(`${T()}/merchants/${s.id}`, { name: 'Anonyme' })).statusCode).toBe(401);
    // The same values again change nothing and write nothing (a retry is safe).
    expect((await operator.patch(`${T()}/merchants/${s.id}`, { name: 'Épicerie du Marché', active: true, accountEmail: s.owner.user.email })).statusCode).toBe(200);
    expect((await operator.patch(`${T()}/merchants/${other.id}`, { name: 'Épicerie Durand' })).statusCode).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('names another till account: it gets the merchant role; the previous one keeps it only while it keeps another shop', async () => {
    const first = await person(['resident'], 'Alice Avant');
    const a = await shop(`Cycles ${unique()}`, first);
    const b = await shop(`Fleurs ${unique()}`, first);
    const next = await person(['resident'], 'Bruno Après');
    const resident = await person();
    await fund(resident.user.id, 300);
    const code = (await issue(resident.client, a.id, 120)).json<{ code: string }>().code;
    const pending = (await issue(resident.client, a.id, 80)).json<{ code: string }>().code;
    expect((await first.client.post(`${T()}/merchants/${a.id}/redemptions`, { code })).statusCode).toBe(200);

    // Shop a moves to Bruno (the e-mail is read whatever its case): Bruno becomes a merchant, Alice keeps shop b.
    const moved = await operator.patch(`${T()}/merchants/${a.id}`, { accountEmail: next.user.email.toUpperCase() });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ accountName: 'Bruno Après', owedCents: 120 });
    expect(await rolesOf(next.user.id)).toEqual(['resident', 'merchant']);
    expect(await rolesOf(first.user.id)).toEqual(['resident', 'merchant']);
    // The till is now Bruno's; what the shop is owed stays the shop's, and a voucher issued earlier is accepted by him.
    expect((await first.client.post(`${T()}/merchants/${a.id}/redemptions`, { code: pending })).json()).toMatchObject({ status: 403, reason: 'not_shop_account' });
    expect((await next.client.post(`${T()}/merchants/${a.id}/redemptions`, { code: pending })).json()).toMatchObject({ cents: 80, owedCents: 200 });
    expect((await next.client.get(`${T()}/my-shops`)).json().items).toEqual([expect.objectContaining({ id: a.id, owedCents: 200 })]);
    expect((await first.client.get(`${T()}/my-shops`)).json().items.map((s: { id: string }) => s.id)).toEqual([b.id]);

    // Shop b moves too: Alice keeps no shop and loses the role.
    expect((await operator.patch(`${T()}/merchants/${b.id}`, { accountEmail: next.user.email })).statusCode).toBe(200);
    expect(await rolesOf(first.user.id)).toEqual(['resident']);
    expect((await first.client.get(`${T()}/my-shops`)).statusCode).toBe(403);
    const roleAudits = await db()
      .selectFrom('audit_log')
      .select(['subject_id', 'reason', 'details'])
      .where('action', '=', 'territory.roles_changed')
      .where('subject_id', 'in', [first.user.id, next.user.id])
      .orderBy('id')
      .execute();
    expect(roleAudits).toEqual([
      { subject_id: first.user.id, reason: `accepts vouchers for shop ${a.id}`, details: { before: ['resident'], after: ['resident', 'merchant'] } },
      { subject_id: next.user.id, reason: `accepts vouchers for shop ${a.id}`, details: { before: ['resident'], after: ['resident', 'merchant'] } },
      { subject_id: first.user.id, reason: `no longer accepts vouchers for shop ${b.id}`, details: { before: ['resident', 'merchant'], after: ['resident'] } },
    ]);
    expect((await audits(b.id)).filter((x) => x.action === 'merchant.updated').map((x) => x.details)).toEqual([{ before: { accountId: first.user.id }, after: { accountId: next.user.id } }]);

    // An operator who keeps a shop and loses it keeps the operator role.
    const keeper = await person(['resident', 'operator']);
    const c = await shop(`Librairie ${unique()}`, keeper);
    expect(await rolesOf(keeper.user.id)).toEqual(['resident', 'merchant', 'operator']);
    await operator.patch(`${T()}/merchants/${c.id}`, { accountEmail: next.user.email });
    expect(await rolesOf(keeper.user.id)).toEqual(['resident', 'operator']);
  });

  it('gives a shop whose till account was erased a new account', async () => {
    const gone = await person();
    const s = await shop(`Primeur ${unique()}`, gone);
    expect((await gone.client.delete('/api/me', { password: PASSWORD })).statusCode).toBe(204);
    expect((await books()).find((b) => b.id === s.id)).toMatchObject({ accountName: null });
    const next = await person(['resident'], 'Nadia Relève');
    const res = await operator.patch(`${T()}/merchants/${s.id}`, { accountEmail: next.user.email });
    expect(res.json()).toMatchObject({ accountName: 'Nadia Relève' });
    expect(await rolesOf(next.user.id)).toEqual(['resident', 'merchant']);
  });

  it('closes a shop: no new voucher, the issued ones still accepted, still settled; reopening lists it again', async () => {
    const s = await shop(`Fromagerie ${unique()}`);
    const resident = await person();
    await fund(resident.user.id, 400);
    const code = (await issue(resident.client, s.id, 100)).json<{ code: string }>().code;

    const closed = await operator.patch(`${T()}/merchants/${s.id}`, { active: false });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ active: false });
    expect((await new Client(t.app).get(`${T()}/merchants`)).json().items.map((m: { id: string }) => m.id)).not.toContain(s.id);
    expect((await resident.client.get(`${T()}/wallet`)).json().merchants.map((m: { id: string }) => m.id)).not.toContain(s.id);
    expect((await issue(resident.client, s.id, 50)).json()).toMatchObject({ status: 400, field: '/merchantId', reason: 'unknown_merchant' });
    // The books still list it, after the open shops.
    const listed = await books();
    expect(listed.find((b) => b.id === s.id)).toMatchObject({ active: false });
    expect(listed.findIndex((b) => b.id === s.id)).toBeGreaterThan(listed.findLastIndex((b) => b.active === true));

    // The voucher issued before closing is still accepted at its till, and the shop is still paid.
    expect((await s.owner.client.post(`${T()}/merchants/${s.id}/redemptions`, { code })).json()).toMatchObject({ cents: 100, owedCents: 100 });
    expect((await operator.post(`${T()}/merchants/${s.id}/settlements`, { reference: `VIR-${unique()}` })).json()).toEqual({ settledCents: 100 });
    // Its account keeps the merchant role (it still reads its shop's figures).
    expect(await rolesOf(s.owner.user.id)).toContain('merchant');

    expect((await operator.patch(`${T()}/merchants/${s.id}`, { active: true })).json()).toMatchObject({ active: true, owedCents: 0, settledCents: 100 });
    expect((await new Client(t.app).get(`${T()}/merchants`)).json().items.map((m: { id: string }) => m.id)).toContain(s.id);
    expect((await issue(resident.client, s.id, 50)).statusCode).toBe(201);
    expect((await audits(s.id)).filter((x) => x.action === 'merchant.updated').map((x) => x.details)).toEqual([
      { before: { active: true }, after: { active: false } },
      { before: { active: false }, after: { active: true } },
    ]);
  });
});
