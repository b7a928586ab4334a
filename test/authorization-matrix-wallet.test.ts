// The authorization matrix of wallets, vouchers and shops: every route × every kind of caller → the status it must
// get. Same harness as the core table (support/matrix.ts). In this world the matrix's resident also keeps a shop (it
// holds the merchant role and is that shop's till account), so the till's routes answer the resident and refuse
// everyone else — operators and admins included. Vouchers are held by a partner resident, funded through the ledger.
import { buildUser, PASSWORD, type UserFixture } from './support/factories.ts';
import { Client } from './support/http.ts';
import { anyone, describeMatrix, isWallet, operators, residents, T, unique, type Expect, type Row, type World } from './support/matrix.ts';
import { postTransaction } from '../src/server/incentives/ledger-store.ts';

/** The till's routes: only the shop's account (the matrix's resident); a stranger of the territory gets 403 too. */
const shopAccount: Expect = [401, 200, 403, 403, 403, 403];

/** Puts `cents` in a wallet of the world's territory, as a campaign payout would (funding: → budget: → wallet:). */
async function fund(w: World, userId: string, cents: number): Promise<void> {
  const key = unique();
  await w.t.database.db.transaction().execute(async (trx) => {
    await postTransaction(trx, { territoryId: w.territory.id, key: `fund:${key}`, kind: 'fund', entries: [{ account: `funding:${w.territory.id}`, cents: -cents }, { account: `budget:m${key}`, cents }] });
    await postTransaction(trx, { territoryId: w.territory.id, key: `payout:m${key}:g`, kind: 'payout', entries: [{ account: `budget:m${key}`, cents: -cents }, { account: `wallet:${userId}`, cents }] });
  });
}

/** The resident's shop and a partner resident holding points, one per world. */
const fixtures = new WeakMap<World, Promise<{ shopId: string; partner: UserFixture; client: Client }>>();
function world(w: World) {
  let f = fixtures.get(w);
  if (!f) {
    f = (async () => {
      const db = w.t.database.db;
      await db.updateTable('territory_members').set({ roles: ['resident', 'merchant'] }).where('territory_id', '=', w.territory.id).where('user_id', '=', w.users.resident.id).execute();
      const shop = await db.insertInto('merchants').values({ territory_id: w.territory.id, name: 'Boulangerie de la matrice', commune_code: '21001', user_id: w.users.resident.id }).returning('id').executeTakeFirstOrThrow();
      const partner = await buildUser(db, { territory: w.territory });
      return { shopId: shop.id, partner, client: await new Client(w.t.app).signIn(partner.email, PASSWORD) };
    })();
    fixtures.set(w, f);
  }
  return f;
}
const shop = async (w: World) => (await world(w)).shopId;

/** A new voucher of the partner for the resident's shop. */
async function voucher(w: World): Promise<string> {
  const { shopId, partner, client } = await world(w);
  await fund(w, partner.id, 50);
  const res = await client.post(`${T(w)}/wallet/vouchers`, { merchantId: shopId, cents: 50, idempotencyKey: unique() });
  if (res.statusCode !== 201) throw new Error(`fixture voucher: ${res.statusCode} ${res.body}`);
  return res.json<{ code: string }>().code;
}

/** The resident's shop, owed something (one voucher accepted at its till). */
async function owedShop(w: World): Promise<string> {
  const code = await voucher(w);
  const res = await w.clients.resident.post(`${T(w)}/merchants/${await shop(w)}/redemptions`, { code });
  if (res.statusCode !== 200) throw new Error(`fixture redemption: ${res.statusCode} ${res.body}`);
  return shop(w);
}

// One row per route. `expect` reads, in order: [anonymous, resident, organiser, operator, admin, outsider]
// prettier-ignore
const MATRIX: Row[] = [
  // ── Wallet: one's own, no person id in the route ──────────────────────
  { route: 'GET /api/territories/:t/wallet', build: (w) => ({ url: `${T(w)}/wallet` }), expect: residents(200) },
  {
    route: 'POST /api/territories/:t/wallet/vouchers',
    build: async (w) => {
      for (const person of ['resident', 'organiser', 'operator', 'admin'] as const) await fund(w, w.users[person].id, 10);
      return { url: `${T(w)}/wallet/vouchers`, body: { merchantId: await shop(w), cents: 10, idempotencyKey: unique() } };
    },
    expect: residents(201),
  },
  // ── Shops: a public list, operators add and settle, the till is the shop's account's ─
  { route: 'GET /api/territories/:t/merchants', build: async (w) => { await shop(w); return { url: `${T(w)}/merchants` }; }, expect: anyone },
  { route: 'POST /api/territories/:t/merchants', build: async (w) => ({ url: `${T(w)}/merchants`, body: { name: `Épicerie ${unique()}`, accountEmail: (await buildUser(w.t.database.db, { territory: w.territory })).email } }), expect: operators(201) },
  { route: 'GET /api/territories/:t/my-shops', build: async (w) => { await shop(w); return { url: `${T(w)}/my-shops` }; }, expect: shopAccount },
  { route: 'GET /api/territories/:t/merchants/:id/vouchers/:code', build: async (w) => ({ url: `${T(w)}/merchants/${await shop(w)}/vouchers/${await voucher(w)}` }), expect: shopAccount },
  { route: 'POST /api/territories/:t/merchants/:id/redemptions', build: async (w) => ({ url: `${T(w)}/merchants/${await shop(w)}/redemptions`, body: { code: await voucher(w) } }), expect: shopAccount },
  { route: 'GET /api/territories/:t/merchants/accounts', build: async (w) => { await shop(w); return { url: `${T(w)}/merchants/accounts` }; }, expect: operators(200) },
  {
    route: 'PATCH /api/territories/:t/merchants/:id',
    build: async (w) => {
      const other = await w.t.database.db.insertInto('merchants').values({ territory_id: w.territory.id, name: `Primeur ${unique()}` }).returning('id').executeTakeFirstOrThrow();
      return { url: `${T(w)}/merchants/${other.id}`, body: { name: `Primeur ${unique()}`, active: false } };
    },
    expect: operators(200),
  },
  { route: 'POST /api/territories/:t/merchants/:id/settlements', build: async (w) => ({ url: `${T(w)}/merchants/${await owedShop(w)}/settlements`, body: { reference: `VIR-${unique()}` } }), expect: operators(200) },
];

describeMatrix('authorization matrix (wallet and shops)', MATRIX, { covers: isWallet, atLeast: 10 });
