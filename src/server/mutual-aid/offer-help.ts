/**
 * @module A helper offers to take a request (once; a retry answers the same), or steps back. The request goes
 * open → offered with its first offer, and back to open when the last one is withdrawn; an accepted helper who steps
 * back leaves the request to the other offers. The requester is told either way.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';
import { aidMails } from './messages.ts';
import { isOpen, statusAfterOffers } from './model.ts';
import { aidLinks, tell, withLockedRequest, type RequestRow } from './store.ts';
import type { AidStatus } from './tables.ts';
import type { OfferOutcome } from './schemas.ts';

async function activeOffers(trx: Executor, requestId: string): Promise<number> {
  const row = await trx
    .selectFrom('aid_request_offers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('request_id', '=', requestId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Recomputes open/offered from the active offers and stores it; returns the new status. */
export async function refreshStatus(trx: Executor, request: RequestRow, base: AidStatus = request.status): Promise<AidStatus> {
  const status = statusAfterOffers(base, await activeOffers(trx, request.id));
  if (status !== request.status) await trx.updateTable('aid_requests').set({ status }).where('id', '=', request.id).execute();
  return status;
}

export async function offerHelp(deps: Deps, scope: RequestScope, input: { id: string; message?: string | undefined }): Promise<OfferOutcome> {
  return withLockedRequest(deps, scope, input.id, async (work, { request, actor, viewer, territory }) => {
    const trx = work.db;
    if (request.requester_id === actor.userId) throw new AppError('invalid', 'You cannot offer to help with your own request.', { reason: 'own_request' });
    // Hidden by moderation, or between two people one of whom blocked the other: as if it did not exist.
    if (request.hidden_at !== null || (await isBlockedEitherWay(trx, actor.userId, request.requester_id))) throw notFound('Request');
    const profile = await trx.selectFrom('aid_helper_profiles').select('user_id').where('territory_id', '=', territory.id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!profile) throw new AppError('conflict', 'Set up your helper profile (skills, availability, radius) before offering to help.', { reason: 'no_helper_profile' });
    const mine = await trx.selectFrom('aid_request_offers').select(['id', 'withdrawn_at']).where('request_id', '=', request.id).where('helper_id', '=', actor.userId).executeTakeFirst();
    if (mine && mine.withdrawn_at === null) return { status: request.status, offered: true };
    if (!isOpen(request.status)) throw new AppError('conflict', 'This request no longer takes offers.', { reason: 'not_open' });
    const message = input.message?.trim() || null;
    const now = deps.clock.now();
    if (mine) await trx.updateTable('aid_request_offers').set({ withdrawn_at: null, message, created_at: now }).where('id', '=', mine.id).execute();
    else await trx.insertInto('aid_request_offers').values({ territory_id: territory.id, request_id: request.id, helper_id: actor.userId, message, created_at: now }).execute();
    const status = await refreshStatus(trx, request);
    await tell(work, deps, {
      territoryId: territory.id,
      userIds: [request.requester_id],
      kind: 'mutual_aid.offer_received',
      params: { requestId: request.id, kind: request.kind },
      link: aidLinks.mine(territory.slug),
      mail: aidMails.offerReceived(request.kind),
    });
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer), action: 'mutual_aid.help_offered', subjectType: 'aid_request', subjectId: request.id, requestId: scope.requestId, at: now });
    return { status, offered: true };
  });
}

export async function withdrawOffer(deps: Deps, scope: RequestScope, input: { id: string }): Promise<OfferOutcome> {
  return withLockedRequest(deps, scope, input.id, async (work, { request, actor, viewer, territory }) => {
    const trx = work.db;
    const mine = await trx.selectFrom('aid_request_offers').select(['id', 'withdrawn_at']).where('request_id', '=', request.id).where('helper_id', '=', actor.userId).executeTakeFirst();
    if (!mine) throw notFound('Offer');
    if (mine.withdrawn_at !== null) return { status: request.status, offered: false };
    const accepted = request.accepted_helper_id === actor.userId;
    if (!isOpen(request.status) && !(accepted && request.status === 'matched')) {
      throw new AppError('conflict', 'This request is closed; there is nothing to withdraw.', { reason: 'not_open' });
    }
    const now = deps.clock.now();
    await trx.updateTable('aid_request_offers').set({ withdrawn_at: now }).where('id', '=', mine.id).execute();
    if (accepted) await trx.updateTable('aid_requests').set({ status: 'open', accepted_helper_id: null, matched_at: null }).where('id', '=', request.id).execute();
    const status = await refreshStatus(trx, accepted ? { ...request, status: 'open' } : request, accepted ? 'open' : request.status);
    if (accepted) {
      await tell(work, deps, {
        territoryId: territory.id,
        userIds: [request.requester_id],
        kind: 'mutual_aid.helper_withdrew',
        params: { requestId: request.id, kind: request.kind },
        link: aidLinks.mine(territory.slug),
        mail: aidMails.helperWithdrew(request.kind),
      });
    }
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer), action: 'mutual_aid.help_withdrawn', subjectType: 'aid_request', subjectId: request.id, details: { wasAccepted: accepted }, requestId: scope.requestId, at: now });
    return { status, offered: false };
  });
}
