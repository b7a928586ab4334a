// @vitest-environment node
/** @module Voucher codes typed at the till are read in any case, with or without the dash. */
import { describe, expect, it } from 'vitest';
import { normalizeVoucherCode } from './voucher-code.ts';
import { spellCode } from './spell-code.ts';

describe('normalizeVoucherCode', () => {
  it('groups eight letters or digits as XXXX-XXXX', () => {
    expect(normalizeVoucherCode('7kq2mx9d')).toBe('7KQ2-MX9D');
    expect(normalizeVoucherCode(' 7KQ2 - mx9d ')).toBe('7KQ2-MX9D');
    expect(normalizeVoucherCode('7KQ2-MX9D')).toBe('7KQ2-MX9D');
  });

  it('refuses what cannot be a code', () => {
    for (const bad of ['', 'ab', '7KQ2_MX9D', 'é123-4567']) expect(normalizeVoucherCode(bad), bad).toBeNull();
  });

  it('spells a code for screen readers, group by group', () => {
    expect(spellCode('7KQ2-MX9D')).toBe('7 K Q 2, M X 9 D');
  });
});
