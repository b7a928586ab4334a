// Voucher codes: the unambiguous alphabet, the XXXX-XXXX shape, tolerant reading at the till, and spread.
import { describe, expect, it } from 'vitest';
import { cryptoRandom, seededRandom } from '../core/random.ts';
import { CODE_ALPHABET, newVoucherCode, normaliseCode } from './voucher-code.ts';

describe('voucher codes', () => {
  it('uses 31 symbols with no 0/O or 1/I/L to confuse', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
  });

  it('draws codes shaped XXXX-XXXX from the alphabet, all different over a large sample', () => {
    const codes = Array.from({ length: 5000 }, () => newVoucherCode(cryptoRandom));
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol turns up in every position (5000 draws; a missing one has probability < 10⁻¹⁵ per cell).
    for (let i = 0; i < 9; i += 1) {
      if (i === 4) continue;
      expect(new Set(codes.map((c) => c[i])).size, `position ${i}`).toBe(31);
    }
  });

  it('draws through the random port: the same seeded generator gives the same codes', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return [newVoucherCode(random), newVoucherCode(random)];
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
    expect(normaliseCode(draw(3)[0]!)).toBe(draw(3)[0]);
  });

  it('reads a code typed in any case, with or without the dash or spaces; refuses what cannot be a code', () => {
    expect(normaliseCode('7kq2mx9d')).toBe('7KQ2-MX9D');
    expect(normaliseCode(' 7KQ2 - mx9d ')).toBe('7KQ2-MX9D');
    expect(normaliseCode('7KQ2-MX9D')).toBe('7KQ2-MX9D');
    for (const bad of ['', '7KQ2-MX9', '7KQ2-MX9DD', '0KQ2-MX9D', 'IKQ2-MX9D', '7KQ2_MX9D']) expect(normaliseCode(bad), bad).toBeNull();
  });
});
