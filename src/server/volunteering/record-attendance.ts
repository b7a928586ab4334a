/** @module After the mission has started, a manager records whether an accepted volunteer came (present / absent); a later entry corrects it. Audited. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { requireManager } from './access.ts';
import { firstStart, scheduleOf } from './model.ts';
import { loadMission, loadParticipation } from './store.ts';
import type { Attendance } from './tables.ts';

export async function recordAttendance(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; attendance: Attendance },
): Promise<{ id: string; attendance: Attendance }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const first = await loadParticipation(deps.db, territory.id, input.id);
  const missionOf = await loadMission(deps.db, territory.id, first.mission_id);
  await requireManager(deps.db, actor, missionOf.organisation_id);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const mission = await loadMission(trx, territory.id, first.mission_id, true);
    const p = await loadParticipation(trx, territory.id, input.id);
    if (p.status !== 'accepted') throw new AppError('conflict', 'Attendance is recorded for accepted volunteers only.', { reason: 'not_accepted' });
    if (firstStart(scheduleOf(mission)) > now) throw new AppError('conflict', 'The mission has not started yet: record attendance afterwards.', { reason: 'not_started' });
    await trx.updateTable('participations').set({ attendance: input.attendance, attendance_at: now }).where('id', '=', p.id).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: 'volunteering.attendance_recorded',
      subjectType: 'participation',
      subjectId: p.id,
      details: { missionId: mission.id, attendance: input.attendance },
      requestId,
      at: now,
    });
    return { id: p.id, attendance: input.attendance };
  });
}
