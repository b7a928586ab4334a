/** @module Password hashing with argon2id (OWASP 2023 parameters: 19 MiB, 2 passes, 1 lane). */
import { hash, verify } from '@node-rs/argon2';

const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/**
 * How many passwords this process has checked (argon2 verifications, decoys included). Throttling promises a
 * bound on guesses per account; tests read this counter to prove it holds under concurrency.
 */
export const passwordChecks = { count: 0 };

// Verified when the e-mail is unknown, so both answers take the same time (no enumeration by timing).
let decoyHash: Promise<string> | undefined;

/** Checks a password against a stored hash, or against a decoy when there is none. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  passwordChecks.count += 1;
  if (!stored) {
    decoyHash ??= hashPassword('decoy-password-for-constant-time');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
