/** @module Account erasure: personal data goes, an anonymous tombstone keeps ids and aggregates consistent. */
import { verifyPassword } from '../core/auth/password.ts';
import { deleteUserSessions, type Viewer } from '../core/auth/sessions.ts';
import type { Transaction } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { erasePersonalData, type PersonalDataSource } from '../core/personal-data.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { recordAudit } from '../audit/index.ts';
import { deleteMailTo, scrubMailAbout } from '../core/mailer/outbox.ts';
import { findActiveUser } from './queries.ts';
import { clearAccountFailures, forgiveAttempt, reservePasswordCheck, throttleAccount } from './sign-in-throttle.ts';
import { clearResetRequests } from './reset-password.ts';

export async function deleteAccount(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'> & { personalData: readonly PersonalDataSource[] },
  viewer: Viewer | null,
  input: { password: string; ip: string },
  requestId: string,
): Promise<void> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const user = await findActiveUser(deps.db, viewer.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  // The same counters as sign-in: a stolen session cannot guess the password faster here.
  const account = throttleAccount(user);
  await reservePasswordCheck(deps.db, deps.clock, account, input.ip);
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw new AppError('invalid', 'The password is wrong.', { field: '/password' });
  }
  await forgiveAttempt(deps.db, account, input.ip);
  await inUnitOfWork(deps, async (work) => {
    await eraseAccount(work.db, deps.personalData, user, deps.clock.now());
    // The log keeps only the numeric id, which no longer leads to a name or an address.
    await recordAudit(work.db, { actorId: user.id, action: 'account.erased', subjectType: 'user', subjectId: user.id, requestId });
    work.publish('account.erased', { userId: user.id });
  });
}

/**
 * What erasing an account does, inside the caller's transaction: every capability's personal data goes through the
 * registry (`sources`, wired by the composition root), then sessions and mail, and the `users` row becomes an
 * anonymous tombstone (ids stay, so totals and foreign keys hold). Shared by self-erasure (above, after the password)
 * and a mediator's erasure of an assisted account on a signed paper request (`mediation/erase-assisted-account.ts`);
 * each caller records its own audit entry.
 */
export async function eraseAccount(
  trx: Transaction,
  sources: readonly PersonalDataSource[],
  user: { id: string; email: string | null },
  now: Date,
): Promise<void> {
  const row = await trx.selectFrom('users').select(['display_name', 'email']).where('id', '=', user.id).executeTakeFirst();
  // What others were told about the person: found by id, and by their name and addresses (a safety net).
  const needles = [row?.display_name, row?.email, user.email].filter((n): n is string => typeof n === 'string');
  await erasePersonalData(trx, sources, { id: user.id, email: user.email, needles }, now);
  await deleteUserSessions(trx, user.id);
  await trx.deleteFrom('password_reset_tokens').where('user_id', '=', user.id).execute();
  await deleteMailTo(trx, user.id);
  await scrubMailAbout(trx, { id: user.id, needles });
  await trx.deleteFrom('email_verification_tokens').where('user_id', '=', user.id).execute();
  await clearAccountFailures(trx, throttleAccount(user));
  if (user.email) await clearResetRequests(trx, user.email);
  await trx
    .updateTable('users')
    .set({ email: null, password_hash: null, display_name: null, email_verified_at: null, deleted_at: now })
    .where('id', '=', user.id)
    .execute();
}
