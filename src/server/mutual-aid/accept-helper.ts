/**
 * @module The requester accepts one of the helpers who offered: the request becomes matched and only that helper may
 * now read the exact address. Accepting someone who did not offer is refused (409 `not_offered`), nothing written;
 * accepting the same helper again answers the same (a retry).
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';
import { aidMails } from './messages.ts';
import { acceptRefusal } from './model.ts';
import { aidLinks, refuse, tell, withLockedRequest, } from './store.ts';
import type { AidStatus } from './tables.ts';

export async function acceptHelper(deps: Deps, scope: RequestScope, input: { id: string; helperId: string }): Promise<{ status: AidStatus; helperId: string }> {
  return withLockedRequest(deps, scope, input.id, async (work, { request, actor, viewer, territory }) => {
    const trx = work.db;
    if (request.requester_id !== actor.userId) throw new AppError('forbidden', 'Only the person who asked for help chooses their helper.', { reason: 'not_requester' });
    if (request.status === 'matched' && request.accepted_helper_id === input.helperId) return { status: request.status, helperId: input.helperId };
    const offer = await trx
      .selectFrom('aid_request_offers')
      .select('id')
      .where('request_id', '=', request.id)
      .where('helper_id', '=', input.helperId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    const refusal = acceptRefusal(request.status, offer !== undefined);
    if (refusal) throw refuse(refusal);
    if (await isBlockedEitherWay(trx, actor.userId, input.helperId)) throw new AppError('forbidden', 'You cannot accept help from this person.', { reason: 'blocked' });
    const now = deps.clock.now();
    await trx.updateTable('aid_requests').set({ status: 'matched', accepted_helper_id: input.helperId, matched_at: now }).where('id', '=', request.id).execute();
    await tell(work, deps, {
      territoryId: territory.id,
      userIds: [input.helperId],
      kind: 'mutual_aid.accepted',
      params: { requestId: request.id, kind: request.kind },
      link: aidLinks.nearby(territory.slug),
      mail: aidMails.accepted(request.kind),
    });
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer),
      action: 'mutual_aid.helper_accepted',
      subjectType: 'aid_request',
      subjectId: request.id,
      details: { helperId: input.helperId },
      requestId: scope.requestId,
      at: now,
    });
    return { status: 'matched' as const, helperId: input.helperId };
  });
}
