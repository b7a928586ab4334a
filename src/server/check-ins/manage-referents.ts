/**
 * @module Referents over time: the resident invites another (three at most, invited and active together), removes one;
 * an invited person accepts (their consent — only then are they told of missed days) or declines; an active referent
 * may step down. The first acceptance starts the follow-up: days whose deadline comes after it count.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { requireSelf } from './access.ts';
import { inviteReferents, resolveReferents } from './referents.ts';
import { MAX_REFERENTS } from './schedule.ts';
import { displayNameOf, findEnrolment, findEnrolmentOf, listReferents } from './store.ts';
import { parseHandle } from './validate.ts';

const notEnrolled = () => new AppError('not_found', 'You have no daily check-in follow-up here.', { reason: 'not_enrolled' });

export async function inviteReferent(deps: Deps, { territory, viewer, requestId }: RequestScope, input: { referent: string }): Promise<{ ok: true }> {
  const actor = await requireSelf(deps.db, territory, viewer);
  const handle = parseHandle(input.referent, '/referent', -1);
  const now = deps.clock.now();
  try {
    await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      const row = await findEnrolmentOf(trx, territory.id, actor.userId, true);
      if (!row) throw notEnrolled();
      const current = await listReferents(trx, row.id);
      // The count is refused before anyone is looked up, so a full list cannot tell whether an address has an account.
      if (current.filter((r) => r.status !== 'declined').length >= MAX_REFERENTS) {
        throw new AppError('invalid', `A follow-up has ${MAX_REFERENTS} referents at most; remove one first.`, { field: '/referent', reason: 'referent_count' });
      }
      const [userId] = await resolveReferents(trx, territory, [handle], actor.userId, '/referent');
      const existing = current.find((r) => r.userId === userId);
      // Already invited or active (perhaps under another handle): nothing to do, and the same answer as an invitation.
      if (existing && existing.status !== 'declined') return;
      // Someone who declined may be asked again: the old answer is replaced by a new invitation.
      if (existing) await trx.deleteFrom('check_in_referents').where('enrolment_id', '=', row.id).where('user_id', '=', userId!).execute();
      work.mailQueued(await inviteReferents(trx, { territory, enrolmentId: row.id, residentId: actor.userId, residentName: await displayNameOf(trx, actor.userId) }, [userId!], { now, publicUrl: deps.config.publicUrl }));
      await recordAudit(trx, { territoryId: territory.id, ...actor.audit, action: 'check_in.referent_invited', subjectType: 'check_in_enrolment', subjectId: row.id, details: { referentId: userId }, requestId, at: now });
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('invalid', 'This person is already a referent or invited.', { field: '/referent', reason: 'referent_duplicate' });
    throw error;
  }
}

export async function removeReferent(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { userId: string }): Promise<void> {
  const actor = await requireSelf(deps.db, territory, viewer);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findEnrolmentOf(trx, territory.id, actor.userId, true);
    if (!row) throw notEnrolled();
    const removed = await trx.deleteFrom('check_in_referents').where('enrolment_id', '=', row.id).where('user_id', '=', input.userId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('Referent');
    await recordAudit(trx, { territoryId: territory.id, ...actor.audit, action: 'check_in.referent_removed', subjectType: 'check_in_enrolment', subjectId: row.id, details: { referentId: input.userId }, requestId, at: now });
  });
}

/** The invited person answers; `accept: false` from an active referent means stepping down. */
export async function answerInvitation(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: { enrolmentId: string; accept: boolean },
): Promise<{ status: 'active' | 'declined' }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const enrolment = await findEnrolment(trx, territory.id, input.enrolmentId, true);
    const invitation = enrolment
      ? await trx.selectFrom('check_in_referents').select(['id', 'status']).where('enrolment_id', '=', enrolment.id).where('user_id', '=', actor.userId).executeTakeFirst()
      : undefined;
    // Only the people invited learn that this follow-up exists.
    if (!enrolment || !invitation || invitation.status === 'declined') throw notFound('Invitation');
    const status = input.accept ? ('active' as const) : ('declined' as const);
    if (invitation.status !== status) {
      await trx.updateTable('check_in_referents').set({ status, answered_at: now }).where('id', '=', invitation.id).execute();
    }
    // The first consent starts the follow-up.
    if (status === 'active' && enrolment.counts_from === null) {
      await trx.updateTable('check_in_enrolments').set({ counts_from: now, updated_at: now }).where('id', '=', enrolment.id).execute();
    }
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: 'check_in.referent_answered',
      subjectType: 'check_in_enrolment',
      subjectId: enrolment.id,
      details: { status },
      requestId,
      at: now,
    });
    return { status };
  });
}
