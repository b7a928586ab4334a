// The ledger: payouts, truncation, vouchers, and fast-check properties (entries sum to zero, no wallet negative,
// budget never exceeded, a gesture paid once) over random sequences of operations and retries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { deriveBalances, Ledger, type AccountId } from './ledger.ts';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? `${error.code}${error.field ?? ''}` : 'not an AppError';
  }
};

describe('Ledger', () => {
  it('pays a gesture once, truncates to the remaining budget, then refuses', () => {
    const ledger = new Ledger();
    ledger.fund('fund-1', 't', 'c1', 500);
    expect(ledger.pay({ campaignId: 'c1', gestureId: 'g1', personId: 'alice', cents: 300 })).toMatchObject({ status: 'paid', paidCents: 300 });
    expect(ledger.pay({ campaignId: 'c1', gestureId: 'g1', personId: 'alice', cents: 300 })).toMatchObject({ status: 'replayed', paidCents: 300 });
    expect(ledger.pay({ campaignId: 'c1', gestureId: 'g2', personId: 'bob', cents: 300 })).toMatchObject({ status: 'paid', requestedCents: 300, paidCents: 200 });
    expect(ledger.pay({ campaignId: 'c1', gestureId: 'g3', personId: 'bob', cents: 300 })).toEqual({ status: 'exhausted', requestedCents: 300, paidCents: 0 });
    expect(ledger.transactions()).toHaveLength(3);
    expect([ledger.balance('budget:c1'), ledger.balance('wallet:alice'), ledger.balance('wallet:bob'), ledger.balance('funding:t')]).toEqual([0, 300, 200, -500]);
    // the same gesture under another campaign is another payout
    ledger.fund('fund-2', 't', 'c2', 100);
    expect(ledger.pay({ campaignId: 'c2', gestureId: 'g1', personId: 'alice', cents: 50 }).status).toBe('paid');
  });

  it('moves points from a wallet through a voucher to the merchant who accepts it', () => {
    const ledger = new Ledger();
    ledger.fund('f', 't', 'c', 1000);
    ledger.pay({ campaignId: 'c', gestureId: 'g', personId: 'alice', cents: 800 });
    ledger.issueVoucher({ code: 'BREAD-42', personId: 'alice', merchantId: 'bakery', cents: 500 });
    expect([ledger.balance('wallet:alice'), ledger.balance('voucher:BREAD-42')]).toEqual([300, 500]);
    ledger.redeemVoucher({ code: 'BREAD-42', merchantId: 'bakery' });
    expect([ledger.balance('voucher:BREAD-42'), ledger.balance('merchant:bakery')]).toEqual([0, 500]);
  });

  it('refuses bad vouchers with a clear 4xx and writes nothing', () => {
    const ledger = new Ledger();
    ledger.fund('f', 't', 'c', 1000);
    ledger.pay({ campaignId: 'c', gestureId: 'g', personId: 'alice', cents: 400 });
    ledger.issueVoucher({ code: 'VCH-1', personId: 'alice', merchantId: 'bakery', cents: 100 });
    const before = ledger.transactions().length;
    expect(codeOf(() => ledger.issueVoucher({ code: 'VCH-2', personId: 'alice', merchantId: 'bakery', cents: 301 }))).toBe('invalid/cents');
    expect(codeOf(() => ledger.issueVoucher({ code: 'VCH-1', personId: 'alice', merchantId: 'bakery', cents: 1 }))).toBe('conflict');
    expect(codeOf(() => ledger.issueVoucher({ code: 'v 1', personId: 'alice', merchantId: 'bakery', cents: 1 }))).toBe('invalid/code');
    expect(codeOf(() => ledger.redeemVoucher({ code: 'VCH-1', merchantId: 'florist' }))).toBe('invalid/merchantId');
    expect(codeOf(() => ledger.redeemVoucher({ code: 'VCH-9', merchantId: 'bakery' }))).toBe('not_found');
    expect(codeOf(() => ledger.pay({ campaignId: 'c', gestureId: 'h', personId: 'alice', cents: 0 }))).toBe('invalid/cents');
    expect(ledger.transactions()).toHaveLength(before);
    ledger.redeemVoucher({ code: 'VCH-1', merchantId: 'bakery' });
    expect(codeOf(() => ledger.redeemVoucher({ code: 'VCH-1', merchantId: 'bakery' }))).toBe('conflict');
    expect(ledger.balance('merchant:bakery')).toBe(100);
  });
});

// Random operations over a few campaigns, people and merchants; retries are drawn as repeated gestures and codes.
const op = fc.oneof(
  fc.record({ type: fc.constant('fund' as const), key: fc.integer({ min: 0, max: 5 }), campaign: fc.constantFrom('c1', 'c2'), cents: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ type: fc.constant('pay' as const), campaign: fc.constantFrom('c1', 'c2'), gesture: fc.integer({ min: 0, max: 15 }), person: fc.constantFrom('p1', 'p2', 'p3'), cents: fc.integer({ min: 1, max: 800 }) }),
  fc.record({ type: fc.constant('issue' as const), code: fc.integer({ min: 0, max: 6 }), person: fc.constantFrom('p1', 'p2', 'p3'), merchant: fc.constantFrom('m1', 'm2'), cents: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ type: fc.constant('redeem' as const), code: fc.integer({ min: 0, max: 6 }), merchant: fc.constantFrom('m1', 'm2') }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function run(ops: Op[]): { ledger: Ledger; funded: Map<string, number> } {
  const ledger = new Ledger();
  const funded = new Map<string, number>();
  for (const o of ops) {
    try {
      if (o.type === 'fund') {
        const fresh = !ledger.find(`fund-${o.campaign}-${o.key}`);
        ledger.fund(`fund-${o.campaign}-${o.key}`, 't', o.campaign, o.cents);
        if (fresh) funded.set(o.campaign, (funded.get(o.campaign) ?? 0) + o.cents);
      } else if (o.type === 'pay') {
        const before = ledger.transactions().length;
        const result = ledger.pay({ campaignId: o.campaign, gestureId: `g${o.gesture}`, personId: o.person, cents: o.cents });
        if (result.status !== 'paid') expect(ledger.transactions()).toHaveLength(before); // replays and refusals write nothing
      } else if (o.type === 'issue') ledger.issueVoucher({ code: `VCH-${o.code}`, personId: o.person, merchantId: o.merchant, cents: o.cents });
      else ledger.redeemVoucher({ code: `VCH-${o.code}`, merchantId: o.merchant });
    } catch (error) {
      if (!(error instanceof AppError)) throw error; // an invariant broke: only expected refusals are allowed
    }
  }
  return { ledger, funded };
}

describe('Ledger properties', () => {
  const ops = fc.array(op, { maxLength: 80, size: 'max' }); // long sequences, so vouchers get issued and redeemed

  it('every transaction sums to zero and balances are exactly what the entries derive', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(ops, (list) => {
      const { ledger } = run(list);
      for (const tx of ledger.transactions()) expect(tx.entries.reduce((s, e) => s + e.cents, 0)).toBe(0);
      for (const [account, cents] of deriveBalances(ledger.transactions())) expect(ledger.balance(account)).toBe(cents);
      for (const tx of ledger.transactions()) seen.add(tx.kind);
    }));
    expect([...seen].sort()).toEqual(['fund', 'payout', 'voucher_issue', 'voucher_redeem']); // the runs reach every operation
  });

  it('no wallet, voucher, merchant or budget account ever goes below zero', () => {
    fc.assert(fc.property(ops, (list) => {
      const { ledger } = run(list);
      // check every prefix, not just the end: replaying entries in order
      const running = new Map<AccountId, number>();
      for (const tx of ledger.transactions()) {
        for (const e of tx.entries) running.set(e.account, (running.get(e.account) ?? 0) + e.cents);
        for (const [account, cents] of running) if (!account.startsWith('funding:')) expect(cents).toBeGreaterThanOrEqual(0);
      }
    }));
  });

  it('a campaign never pays out more than it was funded', () => {
    fc.assert(fc.property(ops, (list) => {
      const { ledger, funded } = run(list);
      for (const campaign of ['c1', 'c2']) {
        const paid = ledger.transactions().filter((tx) => tx.kind === 'payout' && tx.key.startsWith(`payout:${campaign}:`))
          .reduce((s, tx) => s + (tx.entries.find((e) => e.cents > 0)?.cents ?? 0), 0);
        expect(paid).toBeLessThanOrEqual(funded.get(campaign) ?? 0);
        expect(ledger.balance(`budget:${campaign}`)).toBe((funded.get(campaign) ?? 0) - paid);
      }
    }));
  });

  it('pays each (campaign, gesture) at most once, whatever the retries', () => {
    fc.assert(fc.property(ops, fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 20 }), (list, retries) => {
      const { ledger } = run(list);
      const before = ledger.transactions().length;
      const wallets = ['p1', 'p2', 'p3'].map((p) => ledger.balance(`wallet:${p}`));
      for (const g of retries) {
        if (ledger.find(`payout:c1:g${g}`)) expect(ledger.pay({ campaignId: 'c1', gestureId: `g${g}`, personId: 'p1', cents: 999 }).status).toBe('replayed');
      }
      expect(ledger.transactions()).toHaveLength(before);
      expect(['p1', 'p2', 'p3'].map((p) => ledger.balance(`wallet:${p}`))).toEqual(wallets);
      const keys = ledger.transactions().map((tx) => tx.key);
      expect(new Set(keys).size).toBe(keys.length);
    }));
  });
});
