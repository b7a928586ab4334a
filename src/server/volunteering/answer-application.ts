/**
 * @module A manager answers an application: accept (the volunteer then sees the exact address) or refuse with a reason
 * (a refusal frees a place: the waiting list moves up). One transaction under the mission's lock; audited; the volunteer is told.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { requireManager } from './access.ts';
import { missionLink, sendNotice } from './notices.ts';
import { loadMission, loadParticipation } from './store.ts';
import { promoteFromWaitingList } from './waiting-list.ts';

export interface AnswerInput {
  id: string;
  decision: 'accept' | 'refuse';
  reason?: string | undefined;
}

export async function answerApplication(deps: Deps, { territory, viewer, requestId }: RequestScope, input: AnswerInput): Promise<{ id: string; status: 'accepted' | 'refused' }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const first = await loadParticipation(deps.db, territory.id, input.id);
  const missionOf = await loadMission(deps.db, territory.id, first.mission_id);
  await requireManager(deps.db, actor, missionOf.organisation_id);
  const reason = input.reason?.trim() || null;
  if (input.decision === 'refuse' && reason === null) throw invalid('/reason', 'Say why, kindly: the volunteer reads it.');
  const now = deps.clock.now();
  const ctx = { now, publicUrl: deps.config.publicUrl };
  const answered = await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const mission = await loadMission(trx, territory.id, first.mission_id, true);
    const p = await loadParticipation(trx, territory.id, input.id);
    if (mission.status !== 'published') throw new AppError('conflict', `This mission is ${mission.status}.`, { reason: 'mission_closed' });
    if (input.decision === 'accept') {
      if (p.status === 'waiting') throw new AppError('conflict', 'This person is on the waiting list: every place is taken or being answered.', { reason: 'on_waiting_list' });
      if (p.status !== 'applied') throw new AppError('conflict', `This application is already ${p.status}.`, { reason: 'already_answered' });
    } else if (p.status !== 'applied' && p.status !== 'waiting') {
      throw new AppError('conflict', `This application is already ${p.status}.`, { reason: 'already_answered' });
    }
    const status = input.decision === 'accept' ? ('accepted' as const) : ('refused' as const);
    await trx
      .updateTable('participations')
      .set({ status, answered_at: now, refusal_reason: status === 'refused' ? reason : null })
      .where('id', '=', p.id)
      .execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: status === 'accepted' ? 'volunteering.application_accepted' : 'volunteering.application_refused',
      subjectType: 'participation',
      subjectId: p.id,
      reason,
      details: { missionId: mission.id },
      requestId,
      at: now,
    });
    let mailed = 0;
    if (p.user_id) {
      mailed += (await sendNotice(trx, { territory, actorId: actor.userId }, status, [p.user_id], { missionId: mission.id, title: mission.title, reason }, missionLink(territory.slug, mission.id), ctx)).mailed;
    }
    if (status === 'refused') mailed += await promoteFromWaitingList(trx, mission, territory, ctx);
    work.mailQueued(mailed);
    return status;
  });
  return { id: input.id, status: answered };
}
