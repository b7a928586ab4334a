// The space-time permutation scan against its brute-force reference (same cylinders and LLRs, p-values within Monte
// Carlo error), and what it is for: a recent local outbreak found, an old one or a uniform map left alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { seededRandom } from '../../core/random.ts';
import { bruteForceSpaceTimeScan } from './brute-force.ts';
import { scanSpaceTime } from './scan-space-time.ts';
import { syntheticSpaceTimeMap } from './synthetic-maps.ts';

const ids = (cellIds: string[]) => [...cellIds].sort();
const outbreak = { x: 3000, y: 3000, radius: 1800, risk: 4, days: 3 };

describe('the space-time permutation scan', () => {
  it('reports the cylinders brute force reports, with the same LLR', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        (seed, cells, days, maxDays, grid) => {
          const map = syntheticSpaceTimeMap(seededRandom(seed), { cells, days, grid, rate: 0.02, hotspots: [{ ...outbreak, days: 2 }] });
          const options = { maxDays, replicas: 3, maxClusters: 4 };
          const fast = scanSpaceTime(map, options);
          const brute = bruteForceSpaceTimeScan(map, options);
          expect(fast.map((c) => [c.centre, c.days, ids(c.cellIds), c.cases])).toEqual(brute.map((c) => [c.centre, c.days, ids(c.cellIds), c.cases]));
          fast.forEach((c, i) => {
            expect(c.llr).toBeCloseTo(brute[i]!.llr, 9);
            expect(c.expected).toBeCloseTo(brute[i]!.expected, 9);
          });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('gives p-values within Monte Carlo error of brute force', () => {
    const map = syntheticSpaceTimeMap(seededRandom(3), { cells: 12, days: 10, hotspots: [{ ...outbreak, risk: 2 }] });
    const fast = scanSpaceTime(map, { maxClusters: 2, replicas: 499, seed: 2 });
    const brute = bruteForceSpaceTimeScan(map, { maxClusters: 2, replicas: 499, seed: 2 });
    expect(fast.length).toBe(brute.length);
    fast.forEach((c, i) => {
      const p = (c.pValue + brute[i]!.pValue) / 2;
      expect(Math.abs(c.pValue - brute[i]!.pValue)).toBeLessThanOrEqual(4 * Math.sqrt((2 * p * (1 - p)) / 499) + 0.004);
    });
  });

  it('finds a planted outbreak of the last three days', () => {
    const map = syntheticSpaceTimeMap(seededRandom(21), { cells: 150, days: 28, hotspots: [outbreak] });
    const [first] = scanSpaceTime(map, { maxDays: 7, seed: 5 });
    expect(first!.method).toBe('space-time-permutation');
    expect(first!.pValue).toBeLessThan(0.05);
    expect(first!.days).toBeGreaterThanOrEqual(2);
    expect(first!.days).toBeLessThanOrEqual(4);
    expect(first!.relativeRisk).toBeGreaterThan(2);
    const centre = map.find((c) => c.id === first!.centre)!;
    expect(Math.hypot(centre.x - outbreak.x, centre.y - outbreak.y)).toBeLessThan(outbreak.radius);
  }, 120_000);

  it('leaves alone a raised rate that lasts the whole period, which is not an outbreak', () => {
    // A place with four times the rate every day is a different place, not a new cluster: the permutation keeps each
    // cell's total, so only a change in time stands out.
    const map = syntheticSpaceTimeMap(seededRandom(21), { cells: 150, days: 28, hotspots: [{ ...outbreak, days: 28 }] });
    const [first] = scanSpaceTime(map, { maxDays: 7, seed: 5, maxClusters: 1 });
    expect(first === undefined || first.pValue >= 0.05).toBe(true);
  }, 120_000);

  it('refuses days of different lengths or negative counts', () => {
    const cell = { id: 'a', x: 0, y: 0, population: 10, casesByDay: [1, 2, 3] };
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).field;
      }
      return 'accepted';
    };
    expect(fieldOf(() => scanSpaceTime([cell, { ...cell, id: 'b' }], { replicas: 9 }))).toBe('accepted');
    expect(fieldOf(() => scanSpaceTime([cell, { ...cell, id: 'b', casesByDay: [1, 2] }]))).toBe('/cells/1/casesByDay');
    expect(fieldOf(() => scanSpaceTime([cell, { ...cell, id: 'b', casesByDay: [1, -2, 0] }]))).toBe('/cells/1/casesByDay/1');
    expect(fieldOf(() => scanSpaceTime([cell, { ...cell, id: 'b', population: 0 }]))).toBe('/cells/1/population');
    expect(fieldOf(() => scanSpaceTime([cell], { maxDays: 0 }))).toBe('/maxDays');
  });
});
