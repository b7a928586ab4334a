/** @module Its author withdraws a standing offer; it leaves the list (a retry answers the same). */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';

export async function closeOffer(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { id: string }): Promise<void> {
  const actor = await requireResident(deps.db, territory, viewer);
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('aid_offers').select(['id', 'helper_id', 'closed_at', 'hidden_at']).where('territory_id', '=', territory.id).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row || (row.hidden_at !== null && row.helper_id !== actor.userId)) throw notFound('Offer');
    if (row.helper_id !== actor.userId) throw new AppError('forbidden', 'Only its author withdraws an offer.', { reason: 'not_author' });
    if (row.closed_at !== null) return;
    const now = deps.clock.now();
    await trx.updateTable('aid_offers').set({ closed_at: now }).where('id', '=', row.id).execute();
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer!), action: 'mutual_aid.offer_closed', subjectType: 'aid_offer', subjectId: row.id, requestId, at: now });
  });
}
