/** @module Thanks: once a request is done, its requester sends one thank-you message to the helper (in the app and by mail). */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';
import { aidMails } from './messages.ts';
import { thanksRefusal } from './model.ts';
import { aidLinks, refuse, tell, withLockedRequest } from './store.ts';

export async function thankHelper(deps: Deps, scope: RequestScope, input: { id: string; message: string }): Promise<{ thanked: true }> {
  const message = input.message.trim();
  if (message === '') throw invalid('/message', 'Write a few words of thanks.');
  return withLockedRequest(deps, scope, input.id, async (work, { request, actor, viewer, territory }) => {
    const trx = work.db;
    if (request.requester_id !== actor.userId) throw new AppError('forbidden', 'Only the person who was helped sends thanks for this request.', { reason: 'not_requester' });
    const refusal = thanksRefusal(request.status, request.thanked_at !== null);
    if (refusal) throw refuse(refusal);
    const helperId = request.accepted_helper_id!;
    if (await isBlockedEitherWay(trx, actor.userId, helperId)) throw new AppError('forbidden', 'You cannot send a message to this person.', { reason: 'blocked' });
    const now = deps.clock.now();
    await trx.updateTable('aid_requests').set({ thanks_message: message, thanked_at: now }).where('id', '=', request.id).execute();
    await tell(work, deps, {
      territoryId: territory.id,
      userIds: [helperId],
      kind: 'mutual_aid.thanks',
      params: { requestId: request.id, kind: request.kind, message },
      // The thanks are the requester's words: erasing the requester scrubs them from the helper's notice and mail.
      about: [actor.userId],
      link: aidLinks.nearby(territory.slug),
      mail: aidMails.thanks(request.kind, message),
    });
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer), action: 'mutual_aid.thanks_sent', subjectType: 'aid_request', subjectId: request.id, details: { helperId }, requestId: scope.requestId, at: now });
    return { thanked: true as const };
  });
}
