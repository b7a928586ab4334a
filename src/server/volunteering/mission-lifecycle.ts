/**
 * @module A mission's moves after writing: submitted by a manager, published or sent back (with a reason) by an
 * operator, cancelled (with a reason, participants told) or completed. Each move is one transaction under the
 * mission's row lock; operator decisions and cancellations are audited.
 */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident, requireTerritoryRole } from '../territories/index.ts';
import { isManager, isOperator, isPublicOrganisation } from './access.ts';
import { finalEnd, firstStart, nextOccurrence, scheduleOf, transition, type MissionAction } from './model.ts';
import { missionLink, sendNotice } from './notices.ts';
import { loadMission, loadOrganisation, managersOf, type MissionRow } from './store.ts';

const notAllowed = (action: MissionAction, status: string) =>
  new AppError('conflict', `A mission that is ${status.replace('_', ' ')} cannot be ${action === 'submit' ? 'submitted' : action === 'complete' ? 'completed' : `${action}ed`}.`, { reason: 'wrong_state' });

/** Closes applications still open (awaiting an answer or on the waiting list) when a mission ends or is cancelled; returns who they were. */
async function closeOpenApplications(trx: Executor, mission: MissionRow, now: Date, statuses: readonly ('applied' | 'waiting' | 'accepted')[]): Promise<string[]> {
  const rows = await trx
    .updateTable('participations')
    .set({ status: 'cancelled', cancelled_at: now, cancelled_by: 'mission_closed' })
    .where('mission_id', '=', mission.id)
    .where('status', 'in', [...statuses])
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id).filter((id): id is string => id !== null);
}

export async function submitMission(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: { id: string }): Promise<{ id: string; status: string }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const mission = await loadMission(trx, territory.id, input.id, true);
    if (!(await isManager(trx, mission.organisation_id, actor.userId))) throw new AppError('forbidden', 'Only the organisation’s managers submit its missions.');
    const next = transition(mission.status, 'submit');
    if (next === null) throw notAllowed('submit', mission.status);
    const org = await loadOrganisation(trx, territory.id, mission.organisation_id);
    if (!isPublicOrganisation(org)) throw new AppError('conflict', 'The organisation must be validated first.', { reason: 'organisation_not_validated' });
    if (nextOccurrence(scheduleOf(mission), now) === null) {
      throw new AppError('invalid', 'This mission’s dates are past: change them before submitting.', { field: '/schedule', reason: 'past_date' });
    }
    await trx.updateTable('missions').set({ status: next, submitted_at: now, returned_reason: null }).where('id', '=', mission.id).execute();
    return { id: mission.id, status: next };
  });
}

export async function decideMission(
  deps: Deps,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; decision: 'publish' | 'return'; reason?: string | undefined },
): Promise<{ id: string; status: string }> {
  await requireTerritoryRole(deps.db, territory, viewer, ['operator', 'admin']);
  const reason = input.reason?.trim() || null;
  if (input.decision === 'return' && reason === null) throw invalid('/reason', 'Say what to change: the organisation reads it.');
  const now = deps.clock.now();
  const status = await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const mission = await loadMission(trx, territory.id, input.id, true);
    const next = transition(mission.status, input.decision);
    if (next === null) throw notAllowed(input.decision === 'publish' ? 'publish' : 'return', mission.status);
    if (input.decision === 'publish' && nextOccurrence(scheduleOf(mission), now) === null) {
      throw new AppError('conflict', 'This mission’s dates are past: send it back instead.', { reason: 'past_date' });
    }
    await trx
      .updateTable('missions')
      .set(next === 'published' ? { status: next, published_at: now, decided_by: viewer!.userId } : { status: next, returned_reason: reason, decided_by: viewer!.userId })
      .where('id', '=', mission.id)
      .execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: next === 'published' ? 'volunteering.mission_published' : 'volunteering.mission_returned',
      subjectType: 'mission',
      subjectId: mission.id,
      reason,
      requestId,
      at: now,
    });
    const sent = await sendNotice(
      trx,
      { territory },
      next === 'published' ? 'mission_published' : 'mission_returned',
      await managersOf(trx, mission.organisation_id),
      { missionId: mission.id, title: mission.title, reason },
      missionLink(territory.slug, mission.id),
      { now, publicUrl: deps.config.publicUrl },
    );
    work.mailQueued(sent.mailed);
    return next;
  });
  return { id: input.id, status };
}

/** A manager (or an operator of the territory) cancels a mission with a reason; everyone who applied, waits or was accepted is told. */
export async function cancelMission(
  deps: Deps,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; reason: string },
): Promise<{ id: string; status: 'cancelled'; notified: number }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const reason = input.reason.trim();
  const now = deps.clock.now();
  const outcome = await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const mission = await loadMission(trx, territory.id, input.id, true);
    const manager = await isManager(trx, mission.organisation_id, actor.userId);
    if (!manager && !isOperator(actor.roles)) throw new AppError('forbidden', 'Only the organisation’s managers or the territory’s operators cancel a mission.');
    if (reason === '') throw invalid('/reason', 'Say why the mission is cancelled: volunteers read it.');
    if (transition(mission.status, 'cancel') === null) throw notAllowed('cancel', mission.status);
    await trx.updateTable('missions').set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason }).where('id', '=', mission.id).execute();
    const told = await closeOpenApplications(trx, mission, now, ['applied', 'waiting', 'accepted']);
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: 'volunteering.mission_cancelled',
      subjectType: 'mission',
      subjectId: mission.id,
      reason,
      details: { participantsTold: told.length, by: manager ? 'manager' : 'operator' },
      requestId,
      at: now,
    });
    const sent = await sendNotice(trx, { territory, actorId: actor.userId }, 'mission_cancelled', told, { missionId: mission.id, title: mission.title, reason }, missionLink(territory.slug, mission.id), {
      now,
      publicUrl: deps.config.publicUrl,
    });
    work.mailQueued(sent.mailed);
    return sent;
  });
  return { id: input.id, status: 'cancelled', notified: outcome.notified };
}

/** Completes a published mission once it has started: applications still unanswered or waiting are closed. */
export async function completeMission(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: { id: string }): Promise<{ id: string; status: 'completed' }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const mission = await loadMission(trx, territory.id, input.id, true);
    if (!(await isManager(trx, mission.organisation_id, actor.userId))) throw new AppError('forbidden', 'Only the organisation’s managers complete its missions.');
    if (transition(mission.status, 'complete') === null) throw notAllowed('complete', mission.status);
    if (firstStart(scheduleOf(mission)) > now) throw new AppError('conflict', 'The mission has not started yet: cancel it instead.', { reason: 'not_started' });
    await completeLocked(trx, mission, now);
    return { id: mission.id, status: 'completed' as const };
  });
}

/** Marks a locked published mission completed and closes what is still open (shared with the periodic job). */
export async function completeLocked(trx: Executor, mission: MissionRow, now: Date): Promise<void> {
  await trx.updateTable('missions').set({ status: 'completed', completed_at: now }).where('id', '=', mission.id).execute();
  await closeOpenApplications(trx, mission, now, ['applied', 'waiting']);
}

/** Whether a published mission is over for good (used by the periodic job to complete it). */
export function isOver(mission: MissionRow, now: Date): boolean {
  const end = finalEnd(scheduleOf(mission));
  return end !== null && end <= now;
}
