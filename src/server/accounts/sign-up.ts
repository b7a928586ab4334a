/** @module Sign-up: a person creates an account in a territory and is signed in; a link is mailed to verify the address. */
import { hashPassword } from '../core/auth/password.ts';
import { createSession, type NewSession } from '../core/auth/sessions.ts';
import { AppError, invalid, notFound } from '../core/errors.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { recordAudit } from '../audit/index.ts';
import { addResident, resolveScopeTerritory } from '../territories/index.ts';
import { normaliseEmail, passwordProblem } from './model.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { sendVerification } from './verify-email.ts';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  territory: string;
  commune?: string | undefined;
  locale?: 'fr' | 'en' | undefined;
}

export async function signUp(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'> & { config: Pick<Deps['config'], 'publicUrl' | 'sessionDays'> },
  input: SignUpInput,
  requestId: string,
): Promise<{ userId: string; session: NewSession }> {
  const problem = passwordProblem(input.password);
  if (problem) throw invalid('/password', `The password ${problem}.`);
  const displayName = input.displayName.trim();
  if (!displayName) throw invalid('/displayName', 'The display name must not be blank.');
  const email = normaliseEmail(input.email);
  // Hash before the transaction: argon2 takes tens of milliseconds and must not hold a connection.
  const passwordHash = await hashPassword(input.password);
  try {
    return await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      // Sign-up is not under a territory route: the territory is named in the body, found the way a route's scope is.
      const territory = await resolveScopeTerritory(trx, input.territory);
      if (!territory) throw notFound('Territory');
      const user = await trx
        .insertInto('users')
        .values({ email, password_hash: passwordHash, display_name: displayName, locale: input.locale ?? 'fr', deleted_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await addResident(trx, territory, user.id, input.commune ?? null, requestId);
      await recordAudit(trx, {
        territoryId: territory.id,
        actorId: user.id,
        action: 'account.signed_up',
        subjectType: 'user',
        subjectId: user.id,
        requestId,
      });
      // The address is not trusted yet: its verification link is the only mail it gets until opened.
      await sendVerification(work, deps, { userId: user.id, email, locale: input.locale ?? 'fr', change: false });
      const session = await createSession(trx, deps.clock, user.id, deps.config.sessionDays);
      return { userId: user.id, session };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'An account already uses this e-mail.', { field: '/email' });
    throw error;
  }
}
