// The rule a ledger transaction keeps before it is posted; the ledger's invariants under writes and races are
// tested against the database itself (ledger-store.test.ts, settle-concurrency.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntries, type AccountId, type Entry } from './ledger.ts';

const entry = (account: AccountId, cents: number): Entry => ({ account, cents });

describe('checkEntries', () => {
  it('accepts a balanced transaction of whole, non-zero amounts', () => {
    expect(checkEntries([entry('budget:1', -250), entry('wallet:7', 250)])).toBeNull();
    expect(checkEntries([entry('funding:1', -300), entry('budget:1', 200), entry('budget:2', 100)])).toBeNull();
  });

  it('names what is wrong: one entry, a zero or fractional amount, a sum that is not zero', () => {
    expect(checkEntries([entry('budget:1', 0)])).toBe('has fewer than two entries');
    expect(checkEntries([entry('budget:1', -1), entry('wallet:7', 0), entry('wallet:8', 1)])).toBe('has a bad amount for wallet:7');
    expect(checkEntries([entry('budget:1', -1.5), entry('wallet:7', 1.5)])).toBe('has a bad amount for budget:1');
    expect(checkEntries([entry('budget:1', -100), entry('wallet:7', 90)])).toBe('does not balance (-10)');
  });

  it('accepts exactly the transactions whose entries are whole, non-zero and sum to zero', () => {
    const cents = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 6 }), (amounts) => {
        const entries = amounts.map((c, i) => entry(`wallet:${i}`, c));
        const valid = entries.length >= 2 && amounts.every((c) => Number.isSafeInteger(c) && c !== 0) && amounts.reduce((s, c) => s + c, 0) === 0;
        expect(checkEntries(entries) === null).toBe(valid);
      }),
    );
    // Balanced sets are rare among random amounts: build them too.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 }), (parts) => {
        const total = parts.reduce((s, c) => s + c, 0);
        const entries = [entry('budget:1', -total), ...parts.map((c, i) => entry(`wallet:${i}`, c))];
        expect(checkEntries(entries)).toBeNull();
      }),
    );
  });
});
