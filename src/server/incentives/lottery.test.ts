// The weekly lottery: commit and reveal, a pinned test vector anyone can recompute, and fairness over many fixed seeds.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cryptoRandom, seededRandom } from '../core/random.ts';
import { commitSeed, createSeed, drawWinners, randomWords, verifySeed, type Participant } from './lottery.ts';

const seedOf = (label: string): string => createHash('sha256').update(label).digest('hex');

describe('commit and reveal', () => {
  it('verifies the revealed seed against the commitment, and only that seed', () => {
    const seed = createSeed(cryptoRandom);
    const commitment = commitSeed(seed);
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySeed(seed, commitment)).toBe(true);
    expect(verifySeed(createSeed(cryptoRandom), commitment)).toBe(false);
    expect(verifySeed(seed, 'abcd')).toBe(false);
    expect(() => commitSeed('not hex')).toThrow(/64 hexadecimal/);
  });

  it('draws its seed through the random port: one seeded generator, one seed; another, another', () => {
    expect(createSeed(seededRandom(7))).toBe(createSeed(seededRandom(7)));
    expect(createSeed(seededRandom(7))).not.toBe(createSeed(seededRandom(8)));
  });
});

describe('drawWinners', () => {
  const participants: Participant[] = [
    { id: 'ana', points: 5 }, { id: 'bo', points: 1 }, { id: 'chloé', points: 12 }, { id: 'dev', points: 0 }, { id: 'eli', points: 3 },
  ];

  it('reproduces a pinned vector (a change of algorithm must change the protocol version)', () => {
    const seed = seedOf('maille-test-vector');
    expect(commitSeed(seed)).toBe('873ddb71301bf519cf3e753cd24b38fdc75d78737d6d93032154589e6c559a7c');
    expect(drawWinners(seed, participants, 3)).toEqual(['chloé', 'ana', 'eli']);
    expect(drawWinners(seed, participants, 3)).toEqual(drawWinners(seed, participants.map((p) => ({ ...p })), 3));
  });

  it('draws its words from HMAC-SHA256(seed, domain ‖ counter), as documented', () => {
    const seed = seedOf('stream');
    const message = Buffer.concat([Buffer.from('maille-lottery-v1', 'ascii'), Buffer.alloc(8)]);
    const block = createHmac('sha256', Buffer.from(seed, 'hex')).update(message).digest();
    const words = randomWords(seed);
    for (let i = 0; i < 4; i++) expect(words.next().value).toBe(block.readBigUInt64BE(8 * i));
    message.writeBigUInt64BE(1n, 17);
    expect(words.next().value).toBe(createHmac('sha256', Buffer.from(seed, 'hex')).update(message).digest().readBigUInt64BE(0));
  });

  it('never picks anyone twice nor anyone without points, and stops when chances run out', () => {
    const all = drawWinners(seedOf('all'), participants, 10);
    expect(all.slice().sort()).toEqual(['ana', 'bo', 'chloé', 'eli']);
    expect(drawWinners(seedOf('none'), [{ id: 'x', points: 0 }], 1)).toEqual([]);
    expect(drawWinners(seedOf('zero'), participants, 0)).toEqual([]);
  });

  it('refuses duplicate participants and fractional points', () => {
    expect(() => drawWinners(seedOf('d'), [{ id: 'a', points: 1 }, { id: 'a', points: 2 }], 1)).toThrow(/twice/);
    expect(() => drawWinners(seedOf('d'), [{ id: 'a', points: 1.5 }], 1)).toThrow(/whole/);
  });

  // Fairness. Each count over N independent draws is Binomial(N, p). With fixed seeds the test is deterministic;
  // the tolerance says how far from N·p an unbiased draw may land: 4.5 standard deviations, which an unbiased
  // algorithm exceeds with probability < 7e-6 per count, while a bias of 2 percentage points (≥ 5.7 σ for every probability here) fails.
  const N = 20_000;
  const withinTolerance = (counts: Map<string, number>, expected: Map<string, number>) => {
    for (const [id, p] of expected) {
      const sigma = Math.sqrt(N * p * (1 - p));
      expect(Math.abs((counts.get(id) ?? 0) - N * p), `${id}: ${counts.get(id)} vs ${N * p}`).toBeLessThan(4.5 * sigma);
    }
  };
  const weights: Participant[] = [{ id: 'a', points: 1 }, { id: 'b', points: 2 }, { id: 'c', points: 3 }, { id: 'd', points: 4 }];
  const total = 10;

  it('gives each participant a chance proportional to points (one winner, 20,000 draws)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const [winner] = drawWinners(seedOf(`fair-${i}`), weights, 1);
      counts.set(winner!, (counts.get(winner!) ?? 0) + 1);
    }
    withinTolerance(counts, new Map(weights.map((w) => [w.id, w.points / total])));
    // and jointly: Pearson's χ² with 3 degrees of freedom stays below 16.27 (the 0.1 % critical value)
    const chi2 = weights.reduce((s, w) => s + ((counts.get(w.id) ?? 0) - (N * w.points) / total) ** 2 / ((N * w.points) / total), 0);
    expect(chi2).toBeLessThan(16.27);
  });

  it('matches the exact inclusion probabilities of sampling without replacement (two winners)', () => {
    // P(i among 2) = p_i + Σ_{j≠i} p_j · p_i / (1 − p_j)
    const p = (w: Participant) => w.points / total;
    const expected = new Map(weights.map((w) => [w.id, p(w) + weights.filter((o) => o !== w).reduce((s, o) => s + (p(o) * p(w)) / (1 - p(o)), 0)]));
    const counts = new Map<string, number>();
    for (let i = 0; i < N; i++) for (const id of drawWinners(seedOf(`pair-${i}`), weights, 2)) counts.set(id, (counts.get(id) ?? 0) + 1);
    withinTolerance(counts, expected);
  });
});
