/** @module A resident withdraws their consent (told to a mediator, on paper or by phone): no new session, open ones end. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireMediator } from './access.ts';
import { endSessionsFor, findAssisted, type AssistedAccount } from './store.ts';

/**
 * Idempotent: withdrawing again changes nothing; an account already taken over is refused (409 `taken_over`).
 * Publishes nothing: a plain transaction.
 */
export async function withdrawConsent(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: { userId: string; note?: string | undefined },
): Promise<AssistedAccount> {
  const actor = await requireMediator(deps.db, territory, viewer);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('assisted_accounts')
      .select(['consent_withdrawn_at', 'taken_over_at'])
      .where('territory_id', '=', territory.id)
      .where('user_id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Assisted account');
    if (row.taken_over_at) throw new AppError('conflict', 'This person has taken over their account; they manage it themself.', { reason: 'taken_over' });
    if (!row.consent_withdrawn_at) {
      await trx
        .updateTable('assisted_accounts')
        .set({ consent_withdrawn_at: now, withdrawn_by: actor.userId })
        .where('territory_id', '=', territory.id)
        .where('user_id', '=', input.userId)
        .execute();
      await endSessionsFor(trx, input.userId, now);
      await recordAudit(trx, {
        territoryId: territory.id,
        actorId: actor.userId,
        onBehalfOfId: input.userId,
        action: 'mediation.consent_withdrawn',
        subjectType: 'user',
        subjectId: input.userId,
        reason: input.note?.trim() || null,
        requestId,
        at: now,
      });
    }
    return (await findAssisted(trx, territory.id, input.userId))!;
  });
}
