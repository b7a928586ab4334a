/**
 * @module A mediator opens a 30-minute session on behalf of an assisted resident who consented, with a stated reason.
 * Their other open session (if any) ends: one person at a time.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { invalid } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActiveConsent, requireMediator } from './access.ts';
import { sessionEnd } from './model.ts';
import type { MediationSession } from './schemas.ts';
import { findSession } from './store.ts';

/** Publishes nothing: a plain transaction. */
export async function startSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: { residentId: string; reason: string },
): Promise<MediationSession> {
  const actor = await requireMediator(deps.db, territory, viewer);
  const reason = input.reason.trim();
  if (reason.length < 5) throw invalid('/reason', 'Say why you act for this person (at least 5 characters).');
  if (input.residentId === actor.userId) throw invalid('/residentId', 'You cannot open a session on your own behalf.');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    // The consent row is locked so a withdrawal or takeover cannot slip in between the check and the session.
    await requireActiveConsent(trx, territory.id, input.residentId, true);
    await trx.updateTable('mediation_sessions').set({ ended_at: now }).where('mediator_id', '=', actor.userId).where('ended_at', 'is', null).execute();
    const session = await trx
      .insertInto('mediation_sessions')
      .values({ territory_id: territory.id, mediator_id: actor.userId, resident_id: input.residentId, reason, started_at: now, expires_at: sessionEnd(now) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      onBehalfOfId: input.residentId,
      action: 'mediation.session_started',
      subjectType: 'mediation_session',
      subjectId: session.id,
      reason,
      requestId,
      at: now,
    });
    return session.id;
  });
  return (await findSession(deps.db, id))!;
}
