/** @module Sign-in and sign-out: the same answer for an unknown e-mail and a wrong password. */
import { verifyPassword } from '../core/auth/password.ts';
import { createSession, deleteSession, type NewSession, type Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { normaliseEmail } from './model.ts';
import { findActiveUserByEmail } from './queries.ts';
import { forgiveAttempt, reservePasswordCheck } from './sign-in-throttle.ts';

export async function signIn(
  deps: Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'sessionDays'> },
  input: { email: string; password: string; ip: string },
  requestId: string,
): Promise<{ userId: string; session: NewSession }> {
  const { db, clock } = deps;
  const email = normaliseEmail(input.email);
  // The attempt is counted before the password is checked: a burst of parallel guesses gets at most the limit.
  await reservePasswordCheck(db, clock, email, input.ip);
  const user = await findActiveUserByEmail(db, email);
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok) {
    if (user) await recordAudit(db, { actorId: null, action: 'account.sign_in_failed', subjectType: 'user', subjectId: user.id, requestId });
    throw new AppError('unauthenticated', 'Wrong e-mail or password.');
  }
  return db.transaction().execute(async (trx) => {
    await forgiveAttempt(trx, email, input.ip);
    await recordAudit(trx, { actorId: user.id, action: 'account.signed_in', subjectType: 'user', subjectId: user.id, requestId });
    const session = await createSession(trx, clock, user.id, deps.config.sessionDays);
    return { userId: user.id, session };
  });
}

export async function signOut(db: Database, viewer: Viewer | null, requestId: string): Promise<void> {
  if (!viewer) return;
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, viewer.sessionId);
    await recordAudit(trx, { actorId: viewer.userId, action: 'account.signed_out', subjectType: 'user', subjectId: viewer.userId, requestId });
  });
}
