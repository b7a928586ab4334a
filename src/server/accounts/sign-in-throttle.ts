/**
 * @module Attempt throttling kept in PostgreSQL so every API process shares it: password checks per account and per
 * IP, reset mails per account. An attempt is reserved by one upsert before the work it guards, so concurrent
 * requests cannot all slip past a read-then-write check.
 */
import { sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { digest } from '../core/auth/tokens.ts';
import { normaliseEmail } from './model.ts';

// Five password checks per account per quarter hour blunts guessing without locking out a forgetful owner;
// fifty per IP allows a shared office or school NAT.
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perIp: 50 } as const;

/** Counters older than this are pruned as we go (the longest window in use is an hour). */
const KEEP_MINUTES = 120;

export interface Limit {
  key: string;
  limit: number;
  windowMinutes: number;
}

export interface Reservation {
  allowed: boolean;
  /** Seconds until the first exhausted window ends (when refused). */
  retryAfter: number;
}

/**
 * Reserves one attempt under every key, in one statement: each key's row is locked by the upsert, so of N
 * concurrent attempts exactly `limit` see a count within the limit. A key whose window has ended starts a new one.
 * Refused attempts count too, which only keeps the window full; it never lengthens it.
 */
export async function reserveAttempt(db: Executor, clock: Clock, limits: readonly Limit[]): Promise<Reservation> {
  const now = clock.now();
  // Keys are locked in a stable order so two multi-key reservations never deadlock.
  const sorted = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = await sql<{ key: string; window_started_at: Date; attempts: number }>`
    insert into auth_throttle as t (key, window_started_at, attempts)
    values ${sql.join(sorted.map((l) => sql`(${l.key}, ${now}::timestamptz, 1)`))}
    on conflict (key) do update set
      window_started_at = case when t.window_started_at <= ${now}::timestamptz - make_interval(mins => ${windowOf(sorted)})
        then excluded.window_started_at else t.window_started_at end,
      attempts = case when t.window_started_at <= ${now}::timestamptz - make_interval(mins => ${windowOf(sorted)})
        then 1 else t.attempts + 1 end
    returning key, window_started_at, attempts`.execute(db);
  let retryAfter = 0;
  for (const row of rows.rows) {
    const limit = sorted.find((l) => l.key === row.key);
    if (!limit || Number(row.attempts) <= limit.limit) continue;
    const ends = new Date(row.window_started_at).getTime() + limit.windowMinutes * 60_000;
    retryAfter = Math.max(retryAfter, Math.max(1, Math.ceil((ends - now.getTime()) / 1000)));
  }
  await db.deleteFrom('auth_throttle').where('window_started_at', '<', new Date(now.getTime() - KEEP_MINUTES * 60_000)).execute();
  return { allowed: retryAfter === 0, retryAfter };
}

/** One window length per reservation keeps the statement simple: every caller reserves keys of one family. */
function windowOf(limits: readonly Limit[]): number {
  const minutes = new Set(limits.map((l) => l.windowMinutes));
  if (minutes.size !== 1) throw new Error('reserveAttempt: keys of one reservation share one window');
  return limits[0]!.windowMinutes;
}

/** An account's key: a digest of its normalised e-mail (known or not), so the table holds no address. */
export const accountKey = (account: string) => `account:${digest(account)}`;

/** What password checks on an account are counted under: its e-mail (as sign-in counts them), or its id when it has none. */
export function throttleAccount(user: { id: string; email: string | null }): string {
  return user.email ? normaliseEmail(user.email) : `#${user.id}`;
}

/** The keys a password check is counted under: the account and the IP. */
export function passwordLimits(account: string, ip: string): Limit[] {
  return [
    { key: accountKey(account), limit: THROTTLE.perAccount, windowMinutes: THROTTLE.windowMinutes },
    { key: `ip:${ip}`, limit: THROTTLE.perIp, windowMinutes: THROTTLE.windowMinutes },
  ];
}

/** Reserves a password check, or throws 429 with Retry-After. Call it before the argon2 verification. */
export async function reservePasswordCheck(db: Executor, clock: Clock, account: string, ip: string): Promise<void> {
  const reservation = await reserveAttempt(db, clock, passwordLimits(account, ip));
  if (!reservation.allowed) {
    throw new AppError('rate_limited', 'Too many password attempts; retry later.', { retryAfter: reservation.retryAfter });
  }
}

/** The right password forgives the account's attempts and gives the IP its attempt back. */
export async function forgiveAttempt(db: Executor, account: string, ip: string): Promise<void> {
  await clearAccountFailures(db, account);
  await db
    .updateTable('auth_throttle')
    .set((eb) => ({ attempts: sql<number>`greatest(${eb.ref('attempts')} - 1, 0)` }))
    .where('key', '=', `ip:${ip}`)
    .execute();
}

export async function clearAccountFailures(db: Executor, account: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', accountKey(account)).execute();
}
