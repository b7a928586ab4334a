/**
 * @module The double-entry ledger's accounts and the rule every transaction must keep before it is posted. The ledger
 * itself is the database (ledger-store.ts): it keeps the invariants under concurrency, where no in-memory copy could.
 */

// Units: integer cents (1 point = 1 cent). An entry's sign says where money goes: + arrives in the account,
// − leaves it. Invariants (docs/incentives.md, "Ledger invariants"):
// 1. every transaction's entries sum to zero — `checkEntries` before posting, a deferred trigger at commit;
// 2. only `funding:` accounts (the outside world paying in) may go below zero — ledger_accounts' check constraint,
//    so a budget is never overspent even by two racing settlements;
// 3. one transaction per idempotency key — the (territory, key) unique constraint: a payout's key is
//    (campaign, gesture), so a gesture is paid once.

export type AccountId = `funding:${string}` | `budget:${string}` | `wallet:${string}` | `voucher:${string}` | `merchant:${string}`;

export interface Entry {
  account: AccountId;
  cents: number;
}

/**
 * What a transaction must be before it is written: at least two entries, each a whole, non-zero number of cents,
 * summing to zero. Returns the fault, or null. A fault is a bug in the caller, never a person's input.
 * @example checkEntries([{ account: 'budget:1', cents: -100 }, { account: 'wallet:2', cents: 100 }]) // null
 * @example checkEntries([{ account: 'budget:1', cents: -100 }, { account: 'wallet:2', cents: 90 }]) // 'does not balance (-10)'
 */
export function checkEntries(entries: readonly Entry[]): string | null {
  if (entries.length < 2) return 'has fewer than two entries';
  const bad = entries.find((e) => !Number.isSafeInteger(e.cents) || e.cents === 0);
  if (bad) return `has a bad amount for ${bad.account}`;
  const sum = entries.reduce((s, e) => s + e.cents, 0);
  return sum === 0 ? null : `does not balance (${sum})`;
}
