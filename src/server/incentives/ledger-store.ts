/** @module The ledger in PostgreSQL: idempotent, balanced, append-only transactions; balances derived by a trigger. */
import { sql } from 'kysely';
import type { Executor, Transaction } from '../core/database/schema.ts';
import type { LedgerKind } from './tables.ts';
import { AppError } from '../core/errors.ts';
import { checkEntries, type AccountId, type Entry } from './ledger.ts';

// The ledger's invariants (ledger.ts), enforced by the database so that no code path can break
// them: the (territory, key) unique constraint makes a transaction idempotent, a deferred constraint trigger
// refuses an unbalanced one at commit, and ledger_accounts' check refuses any balance below zero outside
// `funding:` — the trigger that maintains balances runs in the posting transaction, so a concurrent overspend
// aborts instead of committing. Services still lock the budget row first so they can truncate, not fail.

export interface PostedTransaction {
  id: string;
  key: string;
  kind: LedgerKind;
  memo: Record<string, string>;
  entries: Entry[];
  createdAt: Date;
  /** False when the key was already posted: nothing was written, the first transaction is returned. */
  created: boolean;
}

export interface PostInput {
  territoryId: string;
  key: string;
  kind: LedgerKind;
  entries: Entry[];
  memo?: Record<string, string>;
  actorId?: string | null;
}

const CHECK_VIOLATION = '23514';

function isCheckViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === CHECK_VIOLATION;
}

/** Loads one posted transaction with its entries. */
export async function findTransaction(db: Executor, territoryId: string, key: string): Promise<Omit<PostedTransaction, 'created'> | undefined> {
  const tx = await db.selectFrom('ledger_transactions').selectAll().where('territory_id', '=', territoryId).where('key', '=', key).executeTakeFirst();
  if (!tx) return undefined;
  const entries = await db.selectFrom('ledger_entries').select(['account', 'cents']).where('transaction_id', '=', tx.id).orderBy('id').execute();
  return {
    id: tx.id,
    key: tx.key,
    kind: tx.kind,
    memo: tx.memo as Record<string, string>,
    entries: entries.map((e) => ({ account: e.account as AccountId, cents: Number(e.cents) })),
    createdAt: tx.created_at,
  };
}

/**
 * Posts a transaction inside the caller's database transaction (`trx`), once per key. Must run in a transaction:
 * the balance check is deferred to commit. A balance that would go negative is a 409 `insufficient_funds`.
 */
export async function postTransaction(trx: Transaction, input: PostInput): Promise<PostedTransaction> {
  const fault = checkEntries(input.entries);
  if (fault) throw new Error(`Ledger transaction ${input.key} ${fault}.`);
  const inserted = await trx
    .insertInto('ledger_transactions')
    .values({ territory_id: input.territoryId, key: input.key, kind: input.kind, memo: JSON.stringify(input.memo ?? {}), actor_id: input.actorId ?? null })
    .onConflict((oc) => oc.columns(['territory_id', 'key']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();
  if (!inserted) {
    const existing = await findTransaction(trx, input.territoryId, input.key);
    if (!existing) throw new Error(`Ledger transaction ${input.key} vanished.`);
    return { ...existing, created: false };
  }
  try {
    // A savepoint so that a refused balance leaves the caller's transaction usable (it may report and go on).
    await sql`savepoint ledger_post`.execute(trx);
    await trx
      .insertInto('ledger_entries')
      .values(input.entries.map((e) => ({ transaction_id: inserted.id, territory_id: input.territoryId, account: e.account, cents: e.cents })))
      .execute();
    await sql`release savepoint ledger_post`.execute(trx);
  } catch (error) {
    if (!isCheckViolation(error)) throw error;
    await sql`rollback to savepoint ledger_post`.execute(trx);
    throw new AppError('conflict', 'Not enough points or budget left for this operation.', { reason: 'insufficient_funds' });
  }
  return { id: inserted.id, key: input.key, kind: input.kind, memo: input.memo ?? {}, entries: input.entries, createdAt: inserted.created_at, created: true };
}

/** An account's balance (0 when it never moved); `lock` holds the row until the transaction ends. */
export async function balanceOf(db: Executor, territoryId: string, account: AccountId, lock = false): Promise<number> {
  let q = db.selectFrom('ledger_accounts').select('balance_cents').where('territory_id', '=', territoryId).where('account', '=', account);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? Number(row.balance_cents) : 0;
}

/** Balances summed from the entries themselves — what the maintained balances must always equal. */
export async function derivedBalances(db: Executor, territoryId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['account', (eb) => eb.fn.sum<string>('cents').as('total')])
    .where('territory_id', '=', territoryId)
    .groupBy('account')
    .execute();
  return new Map(rows.map((r) => [r.account, Number(r.total)]));
}
