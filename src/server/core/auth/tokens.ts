/** @module Random secrets and their stored digests: the database never holds a usable token. */
import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a secret: its SHA-256, so a database leak yields no session or reset link. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** A short human-friendly code (invite codes): no 0/O/1/I/L. */
export function newCode(length = 10): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}
