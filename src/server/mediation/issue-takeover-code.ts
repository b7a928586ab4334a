/**
 * @module A mediator prints a one-time takeover code for an assisted resident (valid 14 days). Only its digest is
 * stored, like password-reset tokens; a new code replaces any unused one.
 */
import { digest, newCode } from '../core/auth/tokens.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireMediator } from './access.ts';
import { formatTakeoverCode, takeoverExpiry } from './model.ts';
import type { TakeoverCode } from './schemas.ts';

/** 12 characters from a 31-letter alphabet (about 59 bits): not guessable within the rate limit. */
const CODE_LENGTH = 12;

/** Publishes nothing (the code is printed, never mailed): a plain transaction. */
export async function issueTakeoverCode(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { userId: string }): Promise<TakeoverCode> {
  const actor = await requireMediator(deps.db, territory, viewer);
  const now = deps.clock.now();
  const code = newCode(CODE_LENGTH);
  const expiresAt = takeoverExpiry(now);
  const displayName = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('assisted_accounts as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.taken_over_at', 'a.consent_withdrawn_at', 'u.display_name', 'u.deleted_at'])
      .where('a.territory_id', '=', territory.id)
      .where('a.user_id', '=', input.userId)
      .forUpdate('a')
      .executeTakeFirst();
    if (!row || row.deleted_at) throw notFound('Assisted account');
    if (row.taken_over_at) throw new AppError('conflict', 'This person has already taken over their account.', { reason: 'taken_over' });
    await trx.deleteFrom('mediation_takeover_codes').where('territory_id', '=', territory.id).where('user_id', '=', input.userId).where('used_at', 'is', null).execute();
    await trx
      .insertInto('mediation_takeover_codes')
      .values({ id: digest(code), territory_id: territory.id, user_id: input.userId, created_by: actor.userId, created_at: now, expires_at: expiresAt })
      .execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      onBehalfOfId: input.userId,
      action: 'mediation.takeover_code_issued',
      subjectType: 'user',
      subjectId: input.userId,
      details: { expiresAt: expiresAt.toISOString() },
      requestId,
      at: now,
    });
    return row.display_name ?? '';
  });
  return { code: formatTakeoverCode(code), expiresAt, displayName };
}
