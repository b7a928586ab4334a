/**
 * @module A mediator erases an assisted account on the person's signed paper request: the same erasure as a
 * self-erasure (`accounts/delete-account.ts` `eraseAccount`), without a password the account never had.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, invalid, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';
import { eraseAccount } from '../accounts/index.ts';
import { requireMediator } from './access.ts';

export interface EraseAssistedInput {
  userId: string;
  /** Reference of the signed paper request to erase (kept in the audit log). */
  formRef: string | undefined;
  reason?: string | undefined;
}

/**
 * Mediators of the territory only, never inside a session on behalf (`403 not_while_acting`). An account the person
 * took over is theirs to erase (`409 taken_over`); a withdrawn consent does not prevent erasure. One transaction: the
 * consent row is locked, the account erased, the entry `mediation.account_erased` written (actor = mediator, on behalf
 * of and subject = the person, the form reference in details). A retry after success changes nothing (204 again).
 * `account.erased` leaves after the commit, and only when this request erased the account.
 */
export async function eraseAssistedAccount(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'> & { personalData: readonly PersonalDataSource[] },
  { territory, viewer, requestId }: RequestScope,
  input: EraseAssistedInput,
): Promise<void> {
  const actor = await requireMediator(deps.db, territory, viewer);
  const formRef = input.formRef?.trim() ?? '';
  if (!formRef) throw invalid('/formRef', 'Give the reference of the signed paper request to erase the account.');
  const reason = input.reason?.trim() || null;
  const now = deps.clock.now();
  await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const row = await trx
      .selectFrom('assisted_accounts as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.taken_over_at', 'u.email', 'u.deleted_at'])
      .where('a.territory_id', '=', territory.id)
      .where('a.user_id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) {
      // Already erased by a mediator of this territory (a double click, a retry): nothing more to do.
      const done = await trx
        .selectFrom('audit_log')
        .select('id')
        .where('territory_id', '=', territory.id)
        .where('action', '=', 'mediation.account_erased')
        .where('subject_id', '=', input.userId)
        .executeTakeFirst();
      if (done) return;
      throw notFound('Assisted account');
    }
    if (row.taken_over_at) {
      throw new AppError('conflict', 'This person has taken over their account; they erase it themself, with their password.', { reason: 'taken_over' });
    }
    if (row.deleted_at) throw notFound('Assisted account');
    await eraseAccount(trx, deps.personalData, { id: input.userId, email: row.email }, now);
    // The log keeps ids and the paper form's reference, nothing that names the person.
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      onBehalfOfId: input.userId,
      action: 'mediation.account_erased',
      subjectType: 'user',
      subjectId: input.userId,
      reason,
      details: { formRef },
      requestId,
      at: now,
    });
    work.publish('account.erased', { userId: input.userId });
  });
}
