// The synthetic territory plan: exact totals, proportional spread, determinism, distinct names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCommunities, spreadByPopulation, type CommuneInfo } from './plan.ts';
import { seededRandom } from '../core/random.ts';

const communes = (pops: number[]): CommuneInfo[] => pops.map((population, i) => ({ code: `2100${i}`, name: `C${i}`, population }));

describe('spreadByPopulation', () => {
  it('adds up exactly and stays within one resident of the proportional share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 30 }), (total, pops) => {
        const counts = spreadByPopulation(total, communes(pops));
        const sum = pops.reduce((s, p) => s + p, 0);
        expect(counts.reduce((s, n) => s + n, 0)).toBe(total);
        counts.forEach((n, i) => expect(Math.abs(n - (total * pops[i]!) / sum)).toBeLessThan(1));
      }),
    );
  });

  it('gives nothing to communes when nobody lives anywhere', () => {
    expect(spreadByPopulation(10, communes([0, 0]))).toEqual([0, 0]);
  });
});

describe('planCommunities', () => {
  const dijonLike = communes([160_000, 30_000, 20_000, 12_000, 8_000, 1_500]);

  it('is deterministic for a seed', () => {
    const a = planCommunities(seededRandom(7), 40, dijonLike, 2000);
    const b = planCommunities(seededRandom(7), 40, dijonLike, 2000);
    expect(a).toEqual(b);
  });

  it('gives every community a distinct name, a realistic kind mix and a size of at least 3', () => {
    const plans = planCommunities(seededRandom(2026), 40, dijonLike, 2000);
    expect(new Set(plans.map((p) => p.name)).size).toBe(40);
    const kinds = new Set(plans.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['association', 'neighbourhood', 'other', 'school', 'workplace']);
    expect(Math.min(...plans.map((p) => p.size))).toBeGreaterThanOrEqual(3);
    expect(plans.filter((p) => p.joinPolicy === 'email_domain').every((p) => p.emailDomain !== null)).toBe(true);
  });
});
