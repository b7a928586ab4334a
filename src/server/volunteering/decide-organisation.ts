/** @module An operator validates an organisation (its applicant becomes its manager) or refuses it with a reason; audited, the applicant is told. */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { myOrganisationLink, sendNotice } from './notices.ts';
import { loadOrganisation } from './store.ts';

export interface DecisionInput {
  id: string;
  decision: 'validate' | 'refuse';
  reason?: string | undefined;
}

export async function decideOrganisation(deps: Deps, { territory, viewer, requestId }: RequestScope, input: DecisionInput): Promise<{ id: string; status: 'validated' | 'refused' }> {
  await requireTerritoryRole(deps.db, territory, viewer, ['operator', 'admin']);
  const reason = input.reason?.trim() || null;
  if (input.decision === 'refuse' && reason === null) throw invalid('/reason', 'Say why the organisation is refused: the applicant reads it.');
  const now = deps.clock.now();
  const decided = await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const org = await loadOrganisation(trx, territory.id, input.id, true);
    if (org.status !== 'pending') throw new AppError('conflict', `This organisation was already ${org.status}.`, { reason: 'already_decided' });
    const status = input.decision === 'validate' ? ('validated' as const) : ('refused' as const);
    await trx
      .updateTable('organisations')
      .set({ status, decided_by: viewer!.userId, decided_at: now, refusal_reason: status === 'refused' ? reason : null })
      .where('id', '=', org.id)
      .execute();
    if (status === 'validated' && org.applied_by) {
      await trx
        .insertInto('organisation_members')
        .values({ territory_id: territory.id, organisation_id: org.id, user_id: org.applied_by, added_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: status === 'validated' ? 'volunteering.organisation_validated' : 'volunteering.organisation_refused',
      subjectType: 'organisation',
      subjectId: org.id,
      reason,
      requestId,
      at: now,
    });
    const sent = org.applied_by
      ? await sendNotice(
          trx,
          { territory },
          status === 'validated' ? 'organisation_validated' : 'organisation_refused',
          [org.applied_by],
          { organisationId: org.id, title: org.name, reason },
          myOrganisationLink(territory.slug),
          { now, publicUrl: deps.config.publicUrl },
        )
      : { mailed: 0 };
    work.mailQueued(sent.mailed);
    return status;
  });
  return { id: input.id, status: decided };
}
