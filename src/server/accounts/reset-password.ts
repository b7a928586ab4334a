/**
 * @module Password reset by e-mailed single-use link. The request does the same database work whether or not the
 * e-mail exists (so its answer takes the same time), and at most RESET_MAILS.perAccount mails go out per hour.
 */
import { hashPassword } from '../core/auth/password.ts';
import { deleteUserSessions } from '../core/auth/sessions.ts';
import { digest, newSecret } from '../core/auth/tokens.ts';
import type { Executor } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { enqueueMail } from '../core/mailer/outbox.ts';
import { recordAudit } from '../audit/index.ts';
import { normaliseEmail, passwordProblem, RESET_TOKEN_MINUTES } from './model.ts';
import { resetMail } from './messages.ts';
import { reserveAttempt, type Limit } from './sign-in-throttle.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import type { AccountMailDeps } from './verify-email.ts';

/** Three reset mails per account per hour: enough for a lost mail, too few to flood someone's inbox. */
export const RESET_MAILS = { perAccount: 3, windowMinutes: 60 } as const;

const resetLimit = (email: string): Limit => ({ key: `reset:${digest(email)}`, limit: RESET_MAILS.perAccount, windowMinutes: RESET_MAILS.windowMinutes });

/**
 * Queues a reset mail when the account exists and is under its hourly cap. Both answers run the same statements in
 * the same order (the count, the look-up, the token and mail inserts as INSERT … SELECT that match no row for an
 * unknown address, the audit entry), so neither the answer nor its timing tells whether the e-mail has an account;
 * the mailer is woken after commit in both cases too.
 * @returns whether a mail was queued (never told to the client)
 */
export async function requestPasswordReset(deps: AccountMailDeps, emailInput: string, requestId: string): Promise<boolean> {
  const email = normaliseEmail(emailInput);
  const token = newSecret();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000);
  const link = `${deps.config.publicUrl}/reinitialiser?token=${token}`;
  return inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const { allowed } = await reserveAttempt(trx, deps.clock, [resetLimit(email)]);
    const user = await trx
      .selectFrom('users')
      .select(['id', 'locale'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // '0' matches no account: an unknown address or a capped one runs the same inserts, which write nothing.
    const target = allowed && user ? user.id : '0';
    const mail = resetMail(user?.locale ?? 'fr', link);
    await trx
      .insertInto('password_reset_tokens')
      .columns(['id', 'user_id', 'expires_at', 'created_at'])
      .expression((eb) => eb.selectFrom('users').select((s) => [s.val(digest(token)).as('id'), 'id as user_id', s.val(expiresAt).as('expires_at'), s.val(now).as('created_at')]).where('id', '=', target))
      .execute();
    const queued = await enqueueMail(trx, { to: email, userId: target, purpose: 'password_reset', ...mail });
    await recordAudit(trx, { actorId: user?.id ?? null, action: 'account.password_reset_requested', subjectType: 'user', ...(user ? { subjectId: user.id } : {}), details: { queued }, requestId });
    // Published whether or not a mail was queued: both answers do the same work.
    work.publish('mail.queued', { count: queued ? 1 : 0 });
    return queued;
  });
}

/** Sets the new password, burns every outstanding link of the account and signs out all its sessions. */
export async function confirmPasswordReset(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { token: string; password: string },
  requestId: string,
): Promise<void> {
  const problem = passwordProblem(input.password);
  if (problem) throw invalid('/password', `The password ${problem}.`);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    // Taking the row lock makes a token single-use even when two confirmations race.
    const token = await trx
      .selectFrom('password_reset_tokens')
      .selectAll()
      .where('id', '=', digest(input.token))
      .forUpdate()
      .executeTakeFirst();
    if (!token || token.used_at || token.expires_at <= deps.clock.now()) {
      throw invalid('/token', 'This reset link is invalid, expired or already used; ask for a new one.');
    }
    // Every other link of the account dies with this one: a mail read by someone else no longer opens the account.
    await trx.updateTable('password_reset_tokens').set({ used_at: deps.clock.now() }).where('user_id', '=', token.user_id).where('used_at', 'is', null).execute();
    const user = await trx.selectFrom('users').select(['email', 'email_verified_at']).where('id', '=', token.user_id).executeTakeFirstOrThrow();
    // The link reached the account's address: that proves the address, as a verification link would.
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, ...(user.email && !user.email_verified_at ? { email_verified_at: deps.clock.now() } : {}) })
      .where('id', '=', token.user_id)
      .execute();
    await deleteUserSessions(trx, token.user_id);
    await recordAudit(trx, { actorId: token.user_id, action: 'account.password_reset', subjectType: 'user', subjectId: token.user_id, requestId });
  });
}

/** Forgets the hourly reset count of an address (its account is being erased). */
export async function clearResetRequests(db: Executor, email: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', resetLimit(normaliseEmail(email)).key).execute();
}
