/**
 * @module A participation is cancelled by the volunteer (their own) or by the organisation (with a reason, the volunteer
 * is told). A freed place moves the waiting list up at once.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { isManager } from './access.ts';
import { missionLink, sendNotice } from './notices.ts';
import { loadMission, loadParticipation } from './store.ts';
import { promoteFromWaitingList } from './waiting-list.ts';

export async function cancelParticipation(
  deps: Deps,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; reason?: string | undefined },
): Promise<{ id: string; status: 'cancelled'; by: 'volunteer' | 'organisation' }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const first = await loadParticipation(deps.db, territory.id, input.id);
  const own = first.user_id === actor.userId;
  const missionOf = await loadMission(deps.db, territory.id, first.mission_id);
  if (!own && !(await isManager(deps.db, missionOf.organisation_id, actor.userId))) throw new AppError('not_found', 'Participation not found.');
  const by = own ? ('volunteer' as const) : ('organisation' as const);
  const reason = input.reason?.trim() || null;
  if (by === 'organisation' && reason === null) throw invalid('/reason', 'Say why: the volunteer reads it.');
  const now = deps.clock.now();
  const ctx = { now, publicUrl: deps.config.publicUrl };
  await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const mission = await loadMission(trx, territory.id, first.mission_id, true);
    const p = await loadParticipation(trx, territory.id, input.id);
    if (!['applied', 'waiting', 'accepted'].includes(p.status)) throw new AppError('conflict', `This participation is already ${p.status}.`, { reason: 'already_closed' });
    await trx.updateTable('participations').set({ status: 'cancelled', cancelled_at: now, cancelled_by: by }).where('id', '=', p.id).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: 'volunteering.participation_cancelled',
      subjectType: 'participation',
      subjectId: p.id,
      reason,
      details: { missionId: mission.id, by, was: p.status },
      requestId,
      at: now,
    });
    let mailed = 0;
    if (by === 'organisation' && p.user_id) {
      mailed += (await sendNotice(trx, { territory, actorId: actor.userId }, 'participation_cancelled', [p.user_id], { missionId: mission.id, title: mission.title, reason }, missionLink(territory.slug, mission.id), ctx)).mailed;
    }
    if (p.status !== 'waiting') mailed += await promoteFromWaitingList(trx, mission, territory, ctx);
    work.mailQueued(mailed);
  });
  return { id: input.id, status: 'cancelled', by };
}
