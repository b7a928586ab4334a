/** @module Its author withdraws a standing offer; it leaves the list (a retry answers the same). */
import type { Viewer } from '../core/auth/sessions.ts';
import { AppError, notFound } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident, resolveTerritory } from '../territories/index.ts';
import type { MutualAidDeps } from './store.ts';

export async function closeOffer(deps: MutualAidDeps, input: { slug: string; viewer: Viewer | null; id: string; requestId?: string }): Promise<void> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireResident(deps.db, territory, input.viewer);
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('aid_offers').select(['id', 'helper_id', 'closed_at', 'hidden_at']).where('territory_id', '=', territory.id).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row || (row.hidden_at !== null && row.helper_id !== actor.userId)) throw notFound('Offer');
    if (row.helper_id !== actor.userId) throw new AppError('forbidden', 'Only its author withdraws an offer.', { reason: 'not_author' });
    if (row.closed_at !== null) return;
    const now = deps.clock.now();
    await trx.updateTable('aid_offers').set({ closed_at: now }).where('id', '=', row.id).execute();
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(input.viewer!), action: 'mutual_aid.offer_closed', subjectType: 'aid_offer', subjectId: row.id, requestId: input.requestId ?? null, at: now });
  });
}
