/**
 * @module Closing a request: done (by the requester or the accepted helper, with the hours it took if they say) or
 * cancelled (by the requester). Either way the exact address is erased — nobody sees it any more — and the other
 * side is told. A retry of the same close answers the same.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { eraseAddresses } from './address.ts';
import { aidMails } from './messages.ts';
import { cancelRefusal, doneRefusal } from './model.ts';
import { aidLinks, refuse, tell, withLockedRequest } from './store.ts';
import type { AidStatus } from './tables.ts';

export async function markDone(deps: Deps, scope: RequestScope, input: { id: string; hours?: number | undefined }): Promise<{ status: AidStatus }> {
  return withLockedRequest(deps, scope, input.id, async (work, { request, actor, viewer, territory }) => {
    const trx = work.db;
    const isRequester = request.requester_id === actor.userId;
    const isHelper = request.accepted_helper_id === actor.userId;
    if (!isRequester && !isHelper) throw new AppError('forbidden', 'Only the requester or the accepted helper marks a request done.', { reason: 'not_involved' });
    if (request.status === 'done') return { status: 'done' as const };
    const refusal = doneRefusal(request.status);
    if (refusal) throw refuse(refusal);
    const now = deps.clock.now();
    await trx.updateTable('aid_requests').set({ status: 'done', done_at: now, hours_reported: input.hours ?? null }).where('id', '=', request.id).execute();
    await eraseAddresses(trx, [request.id]);
    const other = isRequester ? request.accepted_helper_id! : request.requester_id;
    await tell(work, deps, {
      territoryId: territory.id,
      userIds: [other],
      kind: 'mutual_aid.done',
      params: { requestId: request.id, kind: request.kind },
      link: isRequester ? aidLinks.nearby(territory.slug) : aidLinks.mine(territory.slug),
      mail: aidMails.done(request.kind),
    });
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer),
      action: 'mutual_aid.request_done',
      subjectType: 'aid_request',
      subjectId: request.id,
      details: { by: isRequester ? 'requester' : 'helper', hours: input.hours ?? null },
      requestId: scope.requestId,
      at: now,
    });
    return { status: 'done' as const };
  });
}

export async function cancelRequest(deps: Deps, scope: RequestScope, input: { id: string }): Promise<{ status: AidStatus }> {
  return withLockedRequest(deps, scope, input.id, async (work, { request, actor, viewer, territory }) => {
    const trx = work.db;
    if (request.requester_id !== actor.userId) throw new AppError('forbidden', 'Only the person who asked for help cancels the request.', { reason: 'not_requester' });
    if (request.status === 'cancelled') return { status: 'cancelled' as const };
    const refusal = cancelRefusal(request.status);
    if (refusal) throw refuse(refusal);
    const now = deps.clock.now();
    await trx.updateTable('aid_requests').set({ status: 'cancelled', cancelled_at: now }).where('id', '=', request.id).execute();
    await eraseAddresses(trx, [request.id]);
    const offers = await trx.selectFrom('aid_request_offers').select('helper_id').where('request_id', '=', request.id).where('withdrawn_at', 'is', null).execute();
    await tell(work, deps, {
      territoryId: territory.id,
      userIds: offers.map((o) => o.helper_id),
      kind: 'mutual_aid.cancelled',
      params: { requestId: request.id, kind: request.kind },
      link: aidLinks.nearby(territory.slug),
      mail: aidMails.cancelled(request.kind),
    });
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer), action: 'mutual_aid.request_cancelled', subjectType: 'aid_request', subjectId: request.id, requestId: scope.requestId, at: now });
    return { status: 'cancelled' as const };
  });
}
