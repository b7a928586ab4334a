/**
 * @module The random port: `cryptoRandom` for what must not be guessed (voucher codes, lottery seeds and tickets),
 * and a small seeded pseudo-random generator (mulberry32) for what must repeat: same seed, same demo territory,
 * same test data. Code that draws takes a `Random`, so a test can pass a seeded one.
 */
import { randomInt } from 'node:crypto';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

/** The crypto generator behind the port: uniform, unpredictable (node:crypto `randomInt`). */
export const cryptoRandom: Random = {
  next: () => randomInt(2 ** 48 - 1) / (2 ** 48 - 1),
  int: (min, max) => randomInt(min, max + 1),
  pick: (items) => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[randomInt(items.length)]!;
  },
};

/**
 * `bytes` random bytes as lowercase hex, drawn from `random`.
 * @example randomHex(cryptoRandom, 32) // 64 hex characters: a lottery seed
 */
export function randomHex(random: Random, bytes: number): string {
  let hex = '';
  for (let i = 0; i < bytes; i += 1) hex += random.int(0, 255).toString(16).padStart(2, '0');
  return hex;
}
