/** @module Weekly lottery where points buy chances: commit to a seed before the week, reveal after; anyone recomputes the winners. */

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from '../core/errors.ts';
import { randomHex, type Random } from '../core/random.ts';

// Protocol (docs/incentives.md):
// 1. Before the week, the operator draws a secret seed (32 random bytes, hex) and publishes commitment = SHA-256(seed).
// 2. After the week, it publishes the ordered participant list (id, points) and the seed.
// 3. Anyone checks SHA-256(seed) = commitment and reruns drawWinners(seed, participants, count).
// The random stream is HMAC-SHA256(key = seed bytes, message = "maille-lottery-v1" ‖ counter as 8-byte big-endian),
// counter = 0, 1, 2 …; each 32-byte block yields four 64-bit big-endian words, used in order.

const DOMAIN = 'maille-lottery-v1';
const TWO_64 = 1n << 64n;

export interface Participant {
  id: string;
  /** Whole points, each one a chance; 0 means no chance. */
  points: number;
}

/** A fresh secret seed: 32 random bytes from `random` (the crypto generator in Maille) as 64 hex characters. */
export function createSeed(random: Random): string {
  return randomHex(random, 32);
}

/** The public commitment to a seed: SHA-256 of its bytes, hex. */
export function commitSeed(seedHex: string): string {
  return createHash('sha256').update(seedBytes(seedHex)).digest('hex');
}

/** True when the revealed seed matches the commitment published before the week. */
export function verifySeed(seedHex: string, commitmentHex: string): boolean {
  const expected = Buffer.from(commitSeed(seedHex), 'hex');
  const given = Buffer.from(commitmentHex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function seedBytes(seedHex: string): Buffer {
  if (!/^[0-9a-f]{64}$/i.test(seedHex)) throw invalid('/seed', 'A seed is 64 hexadecimal characters (32 bytes).');
  return Buffer.from(seedHex, 'hex');
}

/** The deterministic stream of 64-bit words drawn from a seed. */
export function* randomWords(seedHex: string): Generator<bigint, never> {
  const key = seedBytes(seedHex);
  for (let counter = 0n; ; counter++) {
    const message = Buffer.alloc(DOMAIN.length + 8);
    message.write(DOMAIN, 0, 'ascii');
    message.writeBigUInt64BE(counter, DOMAIN.length);
    const block = createHmac('sha256', key).update(message).digest();
    for (let i = 0; i < 32; i += 8) yield block.readBigUInt64BE(i);
  }
}

/** A uniform integer in [0, n) by rejection: words at or above the largest multiple of n below 2^64 are skipped (no modulo bias). */
function uniformBelow(words: Generator<bigint, never>, n: bigint): bigint {
  const limit = TWO_64 - (TWO_64 % n);
  for (;;) {
    const w = words.next().value;
    if (w < limit) return w % n;
  }
}

function checkParticipants(participants: Participant[]): void {
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    if (seen.has(p.id)) throw invalid(`/participants/${i}/id`, 'A participant appears twice.');
    seen.add(p.id);
    if (!Number.isSafeInteger(p.points) || p.points < 0) throw invalid(`/participants/${i}/points`, 'Points are a whole, non-negative number.');
  });
}

/**
 * Weighted sampling without replacement, in the published order: draw r uniform in [0, total points left),
 * walk the remaining participants in list order summing points, the first whose running sum exceeds r wins;
 * remove them and repeat until `count` winners or nobody with points is left. With one winner each
 * participant's chance is exactly points / total.
 * @example drawWinners(seed, [{ id: 'a', points: 3 }, { id: 'b', points: 1 }], 1) // ['a'] three times in four
 */
export function drawWinners(seedHex: string, participants: Participant[], count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 0) throw invalid('/count', 'The number of winners is a whole, non-negative number.');
  checkParticipants(participants);
  const words = randomWords(seedHex);
  const left = participants.filter((p) => p.points > 0).map((p) => ({ id: p.id, points: BigInt(p.points) }));
  let total = left.reduce((sum, p) => sum + p.points, 0n);
  const winners: string[] = [];
  while (winners.length < count && left.length > 0) {
    const r = uniformBelow(words, total);
    let running = 0n;
    const index = left.findIndex((p) => (running += p.points) > r);
    const [winner] = left.splice(index, 1);
    if (!winner) throw new Error('unreachable: r is below the total');
    winners.push(winner.id);
    total -= winner.points;
  }
  return winners;
}
