/**
 * @module An assisted resident takes over their account with the printed code: they add an e-mail and choose a
 * password, the account becomes an ordinary one, open sessions on behalf end, and they are signed in. Audited.
 */
import { hashPassword } from '../core/auth/password.ts';
import { createSession, deleteUserSessions, type NewSession } from '../core/auth/sessions.ts';
import { digest } from '../core/auth/tokens.ts';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import { normaliseEmail, passwordProblem } from '../accounts/model.ts';
import { isUniqueViolation } from '../accounts/queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { resolveTerritory } from '../territories/access.ts';
import { normaliseTakeoverCode } from './model.ts';
import { endSessionsFor } from './store.ts';

const badCode = () => new AppError('invalid', 'This code is unknown, expired or already used; ask your mediator for a new one.', { field: '/code', reason: 'code_invalid' });

export async function takeOverAccount(
  deps: { db: Database; clock: Clock; sessionDays: number },
  input: { slug: string; code: string; email: string; password: string; requestId: string },
): Promise<{ userId: string; session: NewSession }> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('/email', 'This e-mail address does not look right.');
  const problem = passwordProblem(input.password);
  if (problem) throw invalid('/password', `The password ${problem}.`);
  const code = normaliseTakeoverCode(input.code);
  if (code.length === 0) throw badCode();
  // Hash before the transaction: argon2 takes tens of milliseconds and must not hold a connection.
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      // The row lock makes the code single-use even when two submissions race.
      const token = await trx.selectFrom('mediation_takeover_codes').selectAll().where('id', '=', digest(code)).where('territory_id', '=', territory.id).forUpdate().executeTakeFirst();
      if (!token || token.used_at || token.expires_at <= now) throw badCode();
      const account = await trx
        .selectFrom('assisted_accounts as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.taken_over_at', 'u.deleted_at'])
        .where('a.territory_id', '=', territory.id)
        .where('a.user_id', '=', token.user_id)
        .executeTakeFirst();
      if (!account || account.taken_over_at || account.deleted_at) throw badCode();
      await trx.updateTable('mediation_takeover_codes').set({ used_at: now }).where('id', '=', token.id).execute();
      await trx.updateTable('users').set({ email, password_hash: passwordHash }).where('id', '=', token.user_id).execute();
      await trx.updateTable('assisted_accounts').set({ taken_over_at: now }).where('territory_id', '=', territory.id).where('user_id', '=', token.user_id).execute();
      await endSessionsFor(trx, token.user_id, now);
      await deleteUserSessions(trx, token.user_id);
      await recordAudit(trx, {
        territoryId: territory.id,
        actorId: token.user_id,
        action: 'mediation.taken_over',
        subjectType: 'user',
        subjectId: token.user_id,
        details: { codeIssuedBy: token.created_by },
        requestId: input.requestId,
        at: now,
      });
      const session = await createSession(trx, deps.clock, token.user_id, deps.sessionDays);
      return { userId: token.user_id, session };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'An account already uses this e-mail.', { field: '/email', reason: 'email_taken' });
    throw error;
  }
}
