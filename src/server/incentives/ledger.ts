/** @module Double-entry, append-only ledger of incentive money: campaign budgets, resident wallets, vouchers, merchants. */

import { AppError, invalid, notFound } from '../core/errors.ts';

// Units: integer cents (1 point = 1 cent). An entry's sign says where money goes: + arrives in the account,
// − leaves it. Invariants, checked on every append (docs/incentives.md):
// 1. every transaction's entries sum to zero;
// 2. only `funding:` accounts (the outside world paying in) may go below zero — no wallet, budget, voucher or
//    merchant account ever does, so a budget is never overspent;
// 3. one transaction per idempotency key: a payout's key is (campaign, gesture), so a gesture is paid once.
// Decision: a payout larger than what remains of the budget is truncated to the remainder (like the caps stage);
// with nothing left it is refused and nothing is written, so it may be paid if the budget is topped up later.

export type AccountId = `funding:${string}` | `budget:${string}` | `wallet:${string}` | `voucher:${string}` | `merchant:${string}`;
export type TransactionKind = 'fund' | 'payout' | 'voucher_issue' | 'voucher_redeem';

export interface Entry { account: AccountId; cents: number }

export interface Transaction {
  /** Idempotency key, unique in the ledger. */
  key: string;
  kind: TransactionKind;
  entries: readonly Entry[];
  /** Who and what it was for (merchant of a voucher, gesture of a payout). */
  memo: Readonly<Record<string, string>>;
}

export type PayoutResult =
  | { status: 'paid'; tx: Transaction; requestedCents: number; paidCents: number }
  | { status: 'replayed'; tx: Transaction; paidCents: number }
  | { status: 'exhausted'; requestedCents: number; paidCents: 0 };

function wholeCents(cents: number, field = '/cents'): void {
  if (!Number.isSafeInteger(cents) || cents <= 0) throw invalid(field, 'An amount is a whole, positive number of cents.');
}

/** The balances that entries produce, derived from scratch. */
export function deriveBalances(transactions: readonly Transaction[]): Map<AccountId, number> {
  const balances = new Map<AccountId, number>();
  for (const tx of transactions) for (const e of tx.entries) balances.set(e.account, (balances.get(e.account) ?? 0) + e.cents);
  return balances;
}

export class Ledger {
  readonly #transactions: Transaction[] = [];
  readonly #byKey = new Map<string, Transaction>();
  /** A running sum of the entries, always equal to deriveBalances(transactions()) (a property test checks it). */
  readonly #balances = new Map<AccountId, number>();

  transactions(): readonly Transaction[] {
    return this.#transactions;
  }

  balance(account: AccountId): number {
    return this.#balances.get(account) ?? 0;
  }

  find(key: string): Transaction | undefined {
    return this.#byKey.get(key);
  }

  /** Appends a transaction after checking every invariant; throws and writes nothing when one fails. */
  #post(key: string, kind: TransactionKind, entries: Entry[], memo: Record<string, string> = {}): Transaction {
    if (this.#byKey.has(key)) throw new AppError('conflict', 'This operation was already recorded.', { internal: key });
    if (entries.reduce((sum, e) => sum + e.cents, 0) !== 0) throw new Error(`Transaction ${key} does not balance.`);
    for (const e of entries) {
      const after = this.balance(e.account) + e.cents;
      if (after < 0 && !e.account.startsWith('funding:')) throw new Error(`Transaction ${key} would take ${e.account} below zero.`);
    }
    const tx: Transaction = Object.freeze({ key, kind, entries: Object.freeze(entries.map((e) => Object.freeze({ ...e }))), memo: Object.freeze({ ...memo }) });
    this.#transactions.push(tx);
    this.#byKey.set(key, tx);
    for (const e of entries) this.#balances.set(e.account, this.balance(e.account) + e.cents);
    return tx;
  }

  /** Moves money from a territory's funding into a campaign budget; a repeated key returns the first transaction. */
  fund(key: string, territoryId: string, campaignId: string, cents: number): Transaction {
    wholeCents(cents);
    return this.find(key) ?? this.#post(key, 'fund', [
      { account: `funding:${territoryId}`, cents: -cents },
      { account: `budget:${campaignId}`, cents },
    ]);
  }

  /**
   * Pays a gesture from a campaign budget into the person's wallet, once: a retry with the same (campaign, gesture)
   * returns the first payout whatever its amount. Truncated to what remains of the budget; refused when nothing does.
   */
  pay(p: { campaignId: string; gestureId: string; personId: string; cents: number }): PayoutResult {
    wholeCents(p.cents);
    const key = `payout:${p.campaignId}:${p.gestureId}`;
    const done = this.find(key);
    if (done) return { status: 'replayed', tx: done, paidCents: done.entries.find((e) => e.cents > 0)?.cents ?? 0 };
    const remaining = this.balance(`budget:${p.campaignId}`);
    if (remaining <= 0) return { status: 'exhausted', requestedCents: p.cents, paidCents: 0 };
    const paidCents = Math.min(p.cents, remaining);
    const tx = this.#post(key, 'payout', [
      { account: `budget:${p.campaignId}`, cents: -paidCents },
      { account: `wallet:${p.personId}`, cents: paidCents },
    ], { gestureId: p.gestureId, personId: p.personId });
    return { status: 'paid', tx, requestedCents: p.cents, paidCents };
  }

  /** A resident turns points into a voucher for one merchant: the points leave the wallet and wait on the voucher. */
  issueVoucher(v: { code: string; personId: string; merchantId: string; cents: number }): Transaction {
    wholeCents(v.cents);
    if (!/^[A-Z0-9-]{4,32}$/.test(v.code)) throw invalid('/code', 'A voucher code is 4 to 32 capitals, digits or dashes.');
    if (this.find(`voucher:${v.code}`)) throw new AppError('conflict', 'This voucher code is already in use.');
    if (this.balance(`wallet:${v.personId}`) < v.cents) throw invalid('/cents', 'Not enough points in the wallet.');
    return this.#post(`voucher:${v.code}`, 'voucher_issue', [
      { account: `wallet:${v.personId}`, cents: -v.cents },
      { account: `voucher:${v.code}`, cents: v.cents },
    ], { merchantId: v.merchantId, personId: v.personId });
  }

  /** The merchant accepts a voucher: its value moves to what the merchant is owed. Twice, or at another merchant, is refused. */
  redeemVoucher(r: { code: string; merchantId: string }): Transaction {
    const issued = this.find(`voucher:${r.code}`);
    if (!issued) throw notFound('Voucher');
    if (issued.memo.merchantId !== r.merchantId) throw invalid('/merchantId', 'This voucher is for another merchant.');
    if (this.find(`redeem:${r.code}`)) throw new AppError('conflict', 'This voucher was already redeemed.');
    const cents = this.balance(`voucher:${r.code}`);
    return this.#post(`redeem:${r.code}`, 'voucher_redeem', [
      { account: `voucher:${r.code}`, cents: -cents },
      { account: `merchant:${r.merchantId}`, cents },
    ], { merchantId: r.merchantId });
  }
}
