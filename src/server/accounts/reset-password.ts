/** @module Password reset by e-mailed single-use link; the request answers the same whether or not the e-mail exists. */
import type { Clock } from '../core/clock.ts';
import { hashPassword } from '../core/auth/password.ts';
import { deleteUserSessions } from '../core/auth/sessions.ts';
import { digest, newSecret } from '../core/auth/tokens.ts';
import type { Database } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { enqueueMail } from '../core/mailer/outbox.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { normaliseEmail, passwordProblem, RESET_TOKEN_MINUTES } from './model.ts';
import { findActiveUserByEmail } from './queries.ts';

interface Deps {
  db: Database;
  clock: Clock;
  publicUrl: string;
}

/** Queues a reset mail when the account exists; returns whether a mail was queued (never told to the client). */
export async function requestPasswordReset(deps: Deps, emailInput: string, requestId: string): Promise<boolean> {
  const email = normaliseEmail(emailInput);
  const user = await findActiveUserByEmail(deps.db, email);
  if (!user?.email) return false;
  const token = newSecret();
  const expiresAt = new Date(deps.clock.now().getTime() + RESET_TOKEN_MINUTES * 60_000);
  const link = `${deps.publicUrl}/reinitialiser?token=${token}`;
  const french = user.locale === 'fr';
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('password_reset_tokens').values({ id: digest(token), user_id: user.id, expires_at: expiresAt, created_at: deps.clock.now() }).execute();
    await enqueueMail(trx, {
      to: user.email!,
      userId: user.id,
      subject: french ? 'Maille : choisir un nouveau mot de passe' : 'Maille: choose a new password',
      text: french
        ? `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${RESET_TOKEN_MINUTES} minutes, une seule fois) :\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message.`
        : `Hello,\n\nTo choose a new password, open this link (valid ${RESET_TOKEN_MINUTES} minutes, once):\n${link}\n\nIf you did not ask for it, ignore this message.`,
    });
    await recordAudit(trx, { actorId: user.id, action: 'account.password_reset_requested', subjectType: 'user', subjectId: user.id, requestId });
  });
  return true;
}

/** Sets the new password, burns the token and signs out every session of the account. */
export async function confirmPasswordReset(
  deps: Omit<Deps, 'publicUrl'>,
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
    await trx.updateTable('password_reset_tokens').set({ used_at: deps.clock.now() }).where('id', '=', token.id).execute();
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', token.user_id).execute();
    await deleteUserSessions(trx, token.user_id);
    await recordAudit(trx, { actorId: token.user_id, action: 'account.password_reset', subjectType: 'user', subjectId: token.user_id, requestId });
  });
}
