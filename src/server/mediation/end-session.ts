/** @module A mediator ends their session on behalf (also from inside it, with the acting header); ending twice changes nothing. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findRoles } from '../territories/index.ts';
import type { MediationSession } from './schemas.ts';
import { findSession, listSessionsOf } from './store.ts';

/** The mediator behind the request: themself, or the one acting for a resident. */
function mediatorOf(viewer: Viewer | null): string {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  return viewer.mediatorId ?? viewer.userId;
}

async function requireMediatorId(db: Database, territoryId: string, viewer: Viewer | null): Promise<string> {
  const mediatorId = mediatorOf(viewer);
  const roles = await findRoles(db, territoryId, mediatorId);
  if (!roles?.includes('mediator')) throw new AppError('forbidden', 'Only the territory’s mediators have sessions on behalf.', { reason: 'not_a_mediator' });
  return mediatorId;
}

export async function endSession(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { id: string }): Promise<MediationSession> {
  const mediatorId = await requireMediatorId(deps.db, territory.id, viewer);
  const now = deps.clock.now();
  // Publishes nothing: a plain transaction.
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('mediation_sessions').select(['mediator_id', 'resident_id', 'ended_at', 'expires_at']).where('id', '=', input.id).where('territory_id', '=', territory.id).forUpdate().executeTakeFirst();
    if (!row || row.mediator_id !== mediatorId) throw notFound('Session');
    if (row.ended_at) return;
    // A session that ran out is closed at its expiry, so the record says when it really stopped.
    const endedAt = row.expires_at.getTime() < now.getTime() ? row.expires_at : now;
    await trx.updateTable('mediation_sessions').set({ ended_at: endedAt }).where('id', '=', input.id).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: mediatorId,
      onBehalfOfId: row.resident_id,
      action: 'mediation.session_ended',
      subjectType: 'mediation_session',
      subjectId: input.id,
      requestId,
      at: now,
    });
  });
  return (await findSession(deps.db, input.id))!;
}

/** The caller's recent sessions in the territory (mediators only). */
export async function listMySessions({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<MediationSession[]> {
  if (viewer?.mediatorId) throw new AppError('forbidden', 'End the session on behalf first.', { reason: 'not_while_acting' });
  const mediatorId = await requireMediatorId(db, territory.id, viewer);
  return listSessionsOf(db, territory.id, mediatorId);
}
