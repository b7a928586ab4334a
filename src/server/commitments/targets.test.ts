// Targets: required counts, validation naming the field, progress numbers and their wording.
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import type { Target } from './model.ts';
import { formatProgress, progressOf, requiredCount, validateTarget } from './targets.ts';
import { at, OPEN, sig } from './test-fixtures.ts';

const fieldOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid') return e.field;
    throw e;
  }
  return undefined;
};
const signers = (n: number, commune: string | null = null) => Array.from({ length: n }, (_, i) => sig(`s${i}`, at(OPEN, i), commune));

describe('requiredCount', () => {
  it('is the count, or the share of the base rounded up without float noise, at least one', () => {
    expect(requiredCount({ kind: 'count', count: 120 })).toBe(120);
    expect(requiredCount({ kind: 'share', share: 0.052, base: 1000 })).toBe(52);
    expect(requiredCount({ kind: 'share', share: 0.0521, base: 1000 })).toBe(53);
    expect(requiredCount({ kind: 'share', share: 0.001, base: 10 })).toBe(1);
    expect(requiredCount({ kind: 'share', share: 1, base: 7 })).toBe(7);
  });
});

describe('validateTarget', () => {
  const cases: [Target, string | undefined][] = [
    [{ kind: 'count', count: 1 }, undefined],
    [{ kind: 'count', count: 40, base: 40 }, undefined],
    [{ kind: 'share', share: 1, base: 40 }, undefined],
    [{ kind: 'count', count: 0 }, '/t/count'],
    [{ kind: 'count', count: -3 }, '/t/count'],
    [{ kind: 'count', count: 2.5 }, '/t/count'],
    [{ kind: 'count', count: 41, base: 40 }, '/t/count'],
    [{ kind: 'count', count: 3, base: 0 }, '/t/base'],
    [{ kind: 'share', share: 0, base: 40 }, '/t/share'],
    [{ kind: 'share', share: -0.1, base: 40 }, '/t/share'],
    [{ kind: 'share', share: 1.01, base: 40 }, '/t/share'],
    [{ kind: 'share', share: Number.NaN, base: 40 }, '/t/share'],
    [{ kind: 'share', share: 0.5, base: 2.5 }, '/t/base'],
  ];
  it.each(cases)('%j → %s', (target, field) => {
    expect(fieldOf(() => validateTarget(target, '/t'))).toBe(field);
  });
});

describe('progressOf', () => {
  it('gives needed and signed shares and the remaining count for a share target', () => {
    const p = progressOf({ kind: 'corridor', corridorId: 'rocade-est', target: { kind: 'share', share: 0.052, base: 1000 } }, signers(31));
    expect(p.buckets[0]).toEqual({ commune: null, required: 52, signed: 31, remaining: 21, neededShare: 0.052, signedShare: 0.031 });
    expect([p.remaining, p.reached]).toEqual([21, false]);
    expect(p.fraction).toBeCloseTo(31 / 52, 12);
    expect(formatProgress(p.buckets[0]!)).toBe('5.2 % needed — 3.1 % signed — 21 more needed');
    expect(formatProgress(p.buckets[0]!, 'fr')).toBe('nécessaire : 5,2 % — signé : 3,1 % — encore 21 signatures');
  });

  it('says the real threshold (required ÷ base) when the share typed does not fall on a whole signer', () => {
    const p = progressOf({ kind: 'territory', target: { kind: 'share', share: 0.05, base: 30 } }, signers(1));
    expect(p.buckets[0]).toMatchObject({ required: 2, neededShare: 2 / 30, signedShare: 1 / 30 });
    expect(formatProgress(p.buckets[0]!, 'fr')).toBe('nécessaire : 6,7 % — signé : 3,3 % — encore 1 signature');
  });

  it('has no shares for a count without base, and caps the fraction at 1 beyond the target', () => {
    const p = progressOf({ kind: 'territory', target: { kind: 'count', count: 3 } }, signers(5));
    expect(p.buckets[0]).toMatchObject({ neededShare: null, signedShare: null, remaining: 0 });
    expect([p.fraction, p.reached]).toEqual([1, true]);
    expect(formatProgress(p.buckets[0]!)).toBe('5 of 3 signed — target reached');
    expect(formatProgress(p.buckets[0]!, 'fr')).toBe('5 signataires sur 3 — objectif atteint');
  });

  it('says counts with the right plural: French 0 and 1 singular, English only 1', () => {
    const say = (n: number, locale: 'fr' | 'en') => formatProgress(progressOf({ kind: 'territory', target: { kind: 'count', count: 3 } }, signers(n)).buckets[0]!, locale);
    expect(say(0, 'fr')).toBe('0 signataire sur 3 — encore 3 signatures');
    expect(say(1, 'fr')).toBe('1 signataire sur 3 — encore 2 signatures');
    expect(say(2, 'fr')).toBe('2 signataires sur 3 — encore 1 signature');
    expect(say(2, 'en')).toBe('2 of 3 signed — 1 more needed');
  });

  it('in per-commune scope, follows the weakest commune and sums what remains', () => {
    const scope = {
      kind: 'per_commune' as const,
      communes: [
        { commune: 'A', target: { kind: 'count' as const, count: 4 } },
        { commune: 'B', target: { kind: 'count' as const, count: 2 } },
      ],
    };
    const p = progressOf(scope, [...signers(4, 'A').map((s) => ({ ...s, signerId: `a${s.signerId}` })), ...signers(1, 'B')]);
    expect(p.buckets.map((b) => b.remaining)).toEqual([0, 1]);
    expect([p.remaining, p.fraction, p.reached]).toEqual([1, 0.5, false]);
  });

  it('rounds the needed share up and the signed share down when formatting', () => {
    expect(formatProgress({ commune: null, required: 7, signed: 2, remaining: 5, neededShare: 7 / 300, signedShare: 2 / 300 })).toBe('2.4 % needed — 0.6 % signed — 5 more needed');
  });
});
