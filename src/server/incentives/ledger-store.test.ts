// The ledger in the database enforces its invariants by itself: idempotent keys, balanced transactions at commit,
// no balance below zero outside funding:, append-only rows, balances equal to the sum of the entries — checked
// by hand-written cases and a fast-check run of random operations (with retries) on each engine.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { buildTerritory, type TerritoryFixture } from '../../../test/support/factories.ts';
import type { DatabaseHandle } from '../core/database/connect.ts';
import { AppError } from '../core/errors.ts';
import type { AccountId } from './ledger.ts';
import { balanceOf, derivedBalances, postTransaction } from './ledger-store.ts';

describe.each(databaseKinds())('ledger store on %s', (kind) => {
  let handle: DatabaseHandle;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    territory = await buildTerritory(handle.db);
  });
  afterAll(() => handle.close());

  const post = (key: string, kind: 'fund' | 'payout', entries: { account: AccountId; cents: number }[]) =>
    handle.db.transaction().execute((trx) => postTransaction(trx, { territoryId: territory.id, key, kind, entries }));
  const rows = async () => Number((await sql<{ n: string }>`select count(*) as n from ledger_entries`.execute(handle.db)).rows[0]!.n);

  it('posts once per key: a retry returns the first transaction and writes nothing', async () => {
    const first = await post('fund:a', 'fund', [{ account: `funding:${territory.id}`, cents: -500 }, { account: 'budget:a', cents: 500 }]);
    const before = await rows();
    const again = await post('fund:a', 'fund', [{ account: `funding:${territory.id}`, cents: -900 }, { account: 'budget:a', cents: 900 }]);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, id: first.id, entries: [{ cents: -500 }, { cents: 500 }] });
    expect(await rows()).toBe(before);
    expect(await balanceOf(handle.db, territory.id, 'budget:a')).toBe(500);
  });

  it('refuses a balance below zero outside funding: with 409 insufficient_funds, and nothing is written', async () => {
    const before = await rows();
    const error = await post('pay:too-much', 'payout', [{ account: 'budget:a', cents: -501 }, { account: 'wallet:1', cents: 501 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', reason: 'insufficient_funds' });
    expect(await rows()).toBe(before);
    expect(await balanceOf(handle.db, territory.id, 'wallet:1')).toBe(0);
  });

  it('refuses, at commit, a transaction whose entries do not sum to zero, even written around the code', async () => {
    const attempt = handle.db.transaction().execute(async (trx) => {
      const tx = await trx.insertInto('ledger_transactions').values({ territory_id: territory.id, key: 'raw', kind: 'fund' }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('ledger_entries').values({ transaction_id: tx.id, territory_id: territory.id, account: 'budget:raw', cents: 100 }).execute();
    });
    await expect(attempt).rejects.toThrow(/does not balance/);
    expect(await balanceOf(handle.db, territory.id, 'budget:raw')).toBe(0);
  });

  it('is append-only: entries and transactions cannot be changed or deleted', async () => {
    await expect(sql`update ledger_entries set cents = cents + 1`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_transactions`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('keeps every invariant over random funding, payouts with retries, and transfers', async () => {
    const t2 = await buildTerritory(handle.db);
    const account = fc.constantFrom<AccountId>('budget:x', 'budget:y', 'wallet:1', 'wallet:2', 'merchant:9');
    const op = fc.oneof(
      fc.record({ type: fc.constant('fund' as const), to: fc.constantFrom<AccountId>('budget:x', 'budget:y'), cents: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ type: fc.constant('move' as const), from: account, to: account, cents: fc.integer({ min: 1, max: 300 }), key: fc.integer({ min: 0, max: 15 }) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        run += 1;
        const funding: AccountId = `funding:${t2.id}`;
        const model = new Map<string, number>();
        const seen = new Set<string>();
        for (const [i, o] of ops.entries()) {
          const key = o.type === 'fund' ? `r${run}:fund:${i}` : `r${run}:move:${o.key}`;
          // Accounts are fresh in each run, so the model can start empty.
          const fresh = (a: AccountId) => `${a}r${run}` as AccountId;
          const from = o.type === 'fund' ? funding : fresh(o.from);
          const to = fresh(o.to);
          if (from === to) continue;
          const entries = [{ account: from, cents: -o.cents }, { account: to, cents: o.cents }];
          const result = await handle.db
            .transaction()
            .execute((trx) => postTransaction(trx, { territoryId: t2.id, key, kind: o.type === 'fund' ? 'fund' : 'payout', entries }))
            .catch((e: unknown) => e);
          const wouldGoNegative = !from.startsWith('funding:') && (model.get(from) ?? 0) < o.cents;
          if (seen.has(key)) expect(result).toMatchObject({ created: false });
          else if (wouldGoNegative) expect(result).toMatchObject({ reason: 'insufficient_funds' });
          else {
            expect(result).toMatchObject({ created: true });
            seen.add(key);
            model.set(from, (model.get(from) ?? 0) - o.cents);
            model.set(to, (model.get(to) ?? 0) + o.cents);
          }
        }
        const derived = await derivedBalances(handle.db, t2.id);
        const kept = await handle.db.selectFrom('ledger_accounts').select(['account', 'balance_cents']).where('territory_id', '=', t2.id).execute();
        for (const k of kept) expect(Number(k.balance_cents)).toBe(derived.get(k.account) ?? 0);
        for (const [acc, cents] of derived) if (!acc.startsWith('funding:')) expect(cents).toBeGreaterThanOrEqual(0);
        const total = [...derived.values()].reduce((s, c) => s + c, 0);
        expect(total).toBe(0);
        for (const [acc, cents] of model) if (!acc.startsWith('funding:')) expect(await balanceOf(handle.db, t2.id, acc as AccountId)).toBe(cents);
      }),
      { numRuns: 25, seed: 20261122 },
    );
  });
});
