/**
 * @module An assisted resident takes over their account with the printed code: they add an e-mail and choose a
 * password, the account becomes an ordinary one, open sessions on behalf end, and they are signed in. Never from a
 * staff member's session (the issuing mediator's above all) nor to a staff member's e-mail; audited naming who redeemed it.
 */
import { sql } from 'kysely';
import { hashPassword } from '../core/auth/password.ts';
import { createSession, deleteUserSessions, type NewSession, type Viewer } from '../core/auth/sessions.ts';
import { digest } from '../core/auth/tokens.ts';
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { grantSignIn } from '../accounts/index.ts';
import { normaliseEmail, passwordProblem } from '../accounts/index.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findRoles } from '../territories/index.ts';
import { normaliseTakeoverCode } from './model.ts';
import { endSessionsFor } from './store.ts';

const badCode = () => new AppError('invalid', 'This code is unknown, expired or already used; ask your mediator for a new one.', { field: '/code', reason: 'code_invalid' });
const emailTaken = () => new AppError('conflict', 'An account already uses this e-mail.', { field: '/email', reason: 'email_taken' });
const STAFF = ['mediator', 'operator', 'admin'];

/** An address without its `+tag` (`maryse+moi@x` is Maryse's mailbox): what is compared with staff addresses. */
const mailbox = (email: string) => email.replace(/\+[^@]*@/, '@');

/**
 * The person typing the code is the resident, on their own: not signed in as staff of the territory (the mediator who
 * printed the code, a colleague), not inside a session on behalf (403 `staff_session`).
 */
async function requireNotStaff(db: Executor, territoryId: string, viewer: Viewer | null): Promise<void> {
  if (!viewer) return;
  const roles = viewer.mediatorId ? ['mediator'] : ((await findRoles(db, territoryId, viewer.userId)) ?? []);
  if (roles.some((r) => STAFF.includes(r))) {
    throw new AppError('forbidden', 'A takeover code is used by the person themself: sign out of your staff account (or end the session on behalf) and let them type it.', { reason: 'staff_session' });
  }
}

/** The new address must not be a mailbox of the territory's staff or of the code's issuer (the same answer as a taken address). */
async function requireNotStaffMailbox(db: Executor, territoryId: string, email: string, issuer: string | null): Promise<void> {
  const staff = await db
    .selectFrom('territory_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.territory_id', '=', territoryId)
    .where('u.email', 'is not', null)
    .where((eb) => eb.or([sql<boolean>`m.roles && array['mediator', 'operator', 'admin']::text[]`, ...(issuer ? [eb('u.id', '=', issuer)] : [])]))
    .execute();
  if (staff.some((u) => mailbox(u.email!.toLowerCase()) === mailbox(email))) throw emailTaken();
}

/** Publishes nothing (the person is signed in by the answer's cookies): a plain transaction. */
export async function takeOverAccount(
  deps: Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'sessionDays'> },
  { territory, viewer, requestId }: RequestScope,
  input: { code: string; email: string; password: string },
): Promise<{ userId: string; session: NewSession }> {
  await requireNotStaff(deps.db, territory.id, viewer);
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
      await requireNotStaffMailbox(trx, territory.id, email, token.created_by);
      await trx.updateTable('mediation_takeover_codes').set({ used_at: now }).where('id', '=', token.id).execute();
      await grantSignIn(trx, token.user_id, { email, passwordHash });
      await trx.updateTable('assisted_accounts').set({ taken_over_at: now }).where('territory_id', '=', territory.id).where('user_id', '=', token.user_id).execute();
      await endSessionsFor(trx, token.user_id, now);
      await deleteUserSessions(trx, token.user_id);
      // Who redeemed it: the signed-in person who sent the code, or nobody signed in (the holder of the paper code).
      await recordAudit(trx, {
        territoryId: territory.id,
        actorId: viewer?.userId ?? null,
        action: 'mediation.taken_over',
        subjectType: 'user',
        subjectId: token.user_id,
        reason: 'takeover_code',
        details: { codeIssuedBy: token.created_by, redeemedBy: viewer ? 'signed_in' : 'signed_out' },
        requestId,
        at: now,
      });
      const session = await createSession(trx, deps.clock, token.user_id, deps.config.sessionDays);
      return { userId: token.user_id, session };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
