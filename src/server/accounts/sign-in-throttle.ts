/** @module Sign-in throttling per account and per IP, kept in PostgreSQL so every API process shares it. */
import type { Clock } from '../core/clock.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';

// Five wrong passwords per account per quarter hour blunts guessing without locking out a forgetful owner;
// fifty per IP allows a shared office or school NAT.
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perIp: 50 } as const;

function keys(email: string, ip: string): { account: string; ip: string } {
  return { account: `account:${email}`, ip: `ip:${ip}` };
}

/** Throws 429 with Retry-After when either key has too many recent failures. */
export async function assertNotThrottled(db: Executor, clock: Clock, email: string, ip: string): Promise<void> {
  const since = new Date(clock.now().getTime() - THROTTLE.windowMinutes * 60_000);
  const k = keys(email, ip);
  const rows = await db
    .selectFrom('sign_in_failures')
    .select(['key', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.min('at').as('oldest')])
    .where('key', 'in', [k.account, k.ip])
    .where('at', '>', since)
    .groupBy('key')
    .execute();
  for (const row of rows) {
    const limit = row.key === k.account ? THROTTLE.perAccount : THROTTLE.perIp;
    if (Number(row.n) >= limit) {
      const oldest = new Date(row.oldest).getTime();
      const retryAfter = Math.max(1, Math.ceil((oldest + THROTTLE.windowMinutes * 60_000 - clock.now().getTime()) / 1000));
      throw new AppError('rate_limited', 'Too many sign-in attempts; retry later.', { retryAfter });
    }
  }
}

export async function recordFailure(db: Executor, clock: Clock, email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  await db.insertInto('sign_in_failures').values([{ key: k.account, at: clock.now() }, { key: k.ip, at: clock.now() }]).execute();
  // Old rows are useless: prune as we go rather than with a separate job.
  const cutoff = new Date(clock.now().getTime() - THROTTLE.windowMinutes * 60_000);
  await db.deleteFrom('sign_in_failures').where('at', '<', cutoff).execute();
}

/** A successful sign-in forgives the account's failures (not the IP's). */
export async function clearAccountFailures(db: Executor, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', `account:${email}`).execute();
}
