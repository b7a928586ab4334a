/**
 * @module E-mail verification: a single-use link (stored as a digest) sent at sign-up and for a new address; opening
 * it makes the address the account's verified one. Until then no other mail goes to it and e-mail-domain
 * communities stay closed.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import { digest, newSecret } from '../core/auth/tokens.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import { enqueueMail } from '../core/mailer/outbox.ts';
import { recordAudit } from '../audit/index.ts';
import { verificationMail } from './messages.ts';
import { VERIFY_TOKEN_HOURS } from './model.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { reserveAttempt } from './sign-in-throttle.ts';
import type { VerifiedEmail } from './schemas.ts';
import { inUnitOfWork, type Deps, type UnitOfWork } from '../core/unit-of-work.ts';

/** What the accounts writes that mail a link need: the database, the clock, the public URL for the link, the bus to wake the mailer. */
export type AccountMailDeps = Pick<Deps, 'db' | 'clock' | 'bus'> & { config: Pick<Deps['config'], 'publicUrl'> };

/** Three verification mails per account per hour (sign-up, resends and changes together). */
export const VERIFY_MAILS = { perAccount: 3, windowMinutes: 60 } as const;

/** The verification page of the web app, in French like its other paths. */
export const verifyLink = (publicUrl: string, token: string) => `${publicUrl}/verifier?token=${token}`;

/**
 * Creates a link for `email` and queues its mail, in the caller's unit of work (which wakes the mailer after commit);
 * past the hourly cap nothing is sent and the caller hears 429.
 */
export async function sendVerification(
  work: UnitOfWork,
  deps: { clock: Deps['clock']; config: Pick<Deps['config'], 'publicUrl'> },
  input: { userId: string; email: string; locale: 'fr' | 'en'; change: boolean },
): Promise<void> {
  const trx = work.db;
  const reservation = await reserveAttempt(trx, deps.clock, [{ key: `verify:${input.userId}`, limit: VERIFY_MAILS.perAccount, windowMinutes: VERIFY_MAILS.windowMinutes }]);
  if (!reservation.allowed) throw new AppError('rate_limited', 'Too many verification mails for this account; retry later.', { retryAfter: reservation.retryAfter });
  const token = newSecret();
  const now = deps.clock.now();
  await trx
    .insertInto('email_verification_tokens')
    .values({ id: digest(token), user_id: input.userId, email: input.email, created_at: now, expires_at: new Date(now.getTime() + VERIFY_TOKEN_HOURS * 3_600_000) })
    .execute();
  const mail = verificationMail(input.locale, verifyLink(deps.config.publicUrl, token), input.change);
  await enqueueMail(trx, { to: input.email, userId: input.userId, purpose: 'verification', ...mail });
  work.mailQueued(1);
}

/** Opens a verification link: the address it was sent to becomes the account's, verified; every other link of the account dies. */
export async function verifyEmail(deps: Pick<Deps, 'db' | 'clock'>, tokenInput: string, requestId: string): Promise<VerifiedEmail> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const token = await trx.selectFrom('email_verification_tokens').selectAll().where('id', '=', digest(tokenInput)).forUpdate().executeTakeFirst();
      const user = token ? await trx.selectFrom('users').select(['id', 'deleted_at']).where('id', '=', token.user_id).executeTakeFirst() : undefined;
      if (!token || token.used_at || token.expires_at <= now || !user || user.deleted_at) {
        throw invalid('/token', 'This verification link is invalid, expired or already used; ask for a new one from your account page.');
      }
      await trx.updateTable('email_verification_tokens').set({ used_at: now }).where('user_id', '=', token.user_id).where('used_at', 'is', null).execute();
      await trx.updateTable('users').set({ email: token.email, email_verified_at: now }).where('id', '=', token.user_id).execute();
      await recordAudit(trx, { actorId: token.user_id, action: 'account.email_verified', subjectType: 'user', subjectId: token.user_id, requestId });
      return { email: token.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Another account now uses this address.', { field: '/token' });
    throw error;
  }
}

/** Sends the link again: for the address waiting to replace the current one, or else for the current unverified one. */
export async function resendVerification(deps: AccountMailDeps, viewer: Viewer | null): Promise<void> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const pending = await pendingEmailOf(deps.db, viewer.userId, deps.clock.now());
  const user = await deps.db.selectFrom('users').select(['email', 'email_verified_at', 'locale']).where('id', '=', viewer.userId).executeTakeFirstOrThrow();
  const email = pending ?? (user.email_verified_at ? null : user.email);
  if (!email) throw new AppError('conflict', 'Your address is already verified.');
  await inUnitOfWork(deps, (work) => sendVerification(work, deps, { userId: viewer.userId, email, locale: user.locale, change: pending !== null }));
}

/** The address waiting for its verification to replace the account's, if any (the latest link still valid). */
export async function pendingEmailOf(db: Executor, userId: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('email_verification_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select('t.email')
    .where('t.user_id', '=', userId)
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where((eb) => eb.or([eb('u.email', 'is', null), eb(eb.fn('lower', ['t.email']), '!=', eb.fn('lower', ['u.email']))]))
    .orderBy('t.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.email ?? null;
}

/** The account's address if it is verified, else null: what e-mail-domain communities trust. */
export async function verifiedEmailOf(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select(['email', 'email_verified_at']).where('id', '=', userId).executeTakeFirst();
  return row?.email && row.email_verified_at ? row.email : null;
}
