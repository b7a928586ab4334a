/** @module Changing one's e-mail address: the password is checked (throttled like sign-in), and the new address becomes the account's only once verified. */
import { verifyPassword } from '../core/auth/password.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import { AppError, invalid } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { normaliseEmail } from './model.ts';
import { findActiveUser, findActiveUserByEmail } from './queries.ts';
import { forgiveAttempt, reservePasswordCheck, throttleAccount } from './sign-in-throttle.ts';
import { inUnitOfWork } from '../core/unit-of-work.ts';
import { sendVerification, type AccountMailDeps } from './verify-email.ts';

/**
 * Sends a verification link to the new address; the account keeps its current address (and its mail) until the
 * link is opened. An address another account uses is refused with 409, as at sign-up.
 */
export async function requestEmailChange(
  deps: AccountMailDeps,
  viewer: Viewer | null,
  input: { email: string; password: string; ip: string },
  requestId: string,
): Promise<void> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  if (viewer.mediatorId) throw new AppError('forbidden', 'A mediator cannot change a resident’s address.');
  const user = await findActiveUser(deps.db, viewer.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  const email = normaliseEmail(input.email);
  if (user.email && normaliseEmail(user.email) === email && user.email_verified_at) {
    throw invalid('/email', 'This is already your verified address.');
  }
  const account = throttleAccount(user);
  await reservePasswordCheck(deps.db, deps.clock, account, input.ip);
  if (!(await verifyPassword(user.password_hash, input.password))) throw invalid('/password', 'The password is wrong.');
  await forgiveAttempt(deps.db, account, input.ip);
  const other = await findActiveUserByEmail(deps.db, email);
  if (other && other.id !== user.id) throw new AppError('conflict', 'An account already uses this e-mail.', { field: '/email' });
  await inUnitOfWork(deps, async (work) => {
    await sendVerification(work, deps, { userId: user.id, email, locale: user.locale, change: user.email !== null && normaliseEmail(user.email) !== email });
    await recordAudit(work.db, { actorId: user.id, action: 'account.email_change_requested', subjectType: 'user', subjectId: user.id, requestId });
  });
}
