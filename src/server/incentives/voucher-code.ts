/** @module Voucher codes: 8 characters from an unambiguous alphabet, shown as XXXX-XXXX; typed back in any case, with or without the dash. */
import type { Random } from '../core/random.ts';

/** No 0/O, 1/I/L: nothing a cashier can misread from a phone screen or a printout (31 symbols). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** A new code, uniformly random from `random` — the crypto generator in Maille (31⁸ ≈ 8.5·10¹¹ codes, about 39 bits), e.g. `7KQ2-MX9D`. */
export function newVoucherCode(random: Random): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) raw += random.pick([...CODE_ALPHABET]);
  return formatCode(raw);
}

function formatCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/**
 * The stored form (`XXXX-XXXX`) of what a merchant typed — upper-cased, spaces and dashes ignored — or null when it
 * cannot be a code (wrong length, a character outside the alphabet).
 * @example normaliseCode('7kq2mx9d') // '7KQ2-MX9D'
 */
export function normaliseCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== CODE_LENGTH) return null;
  for (const c of raw) if (!CODE_ALPHABET.includes(c)) return null;
  return formatCode(raw);
}
