/**
 * @module A resident applies to a published mission with a message: an answer is awaited while places remain, else the
 * waiting list (with a rank). Applying twice is a 409 `already_applied`. The managers are told.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';
import { requireResident } from '../territories/index.ts';
import { isPublicOrganisation } from './access.ts';
import { nextOccurrence, placeFor, scheduleOf } from './model.ts';
import { missionLink, sendNotice } from './notices.ts';
import { loadMission, loadOrganisation, managersOf } from './store.ts';
import { holdingCount, waitingRanks } from './waiting-list.ts';

const alreadyApplied = () => new AppError('conflict', 'You have already applied to this mission.', { reason: 'already_applied' });

export interface ApplyOutcome {
  id: string;
  status: 'applied' | 'waiting';
  /** Rank on the waiting list (1 = next), when waiting. */
  position: number | null;
}

export async function applyToMission(
  deps: Deps,
  { territory, viewer, requestId }: RequestScope,
  input: { missionId: string; message?: string | undefined },
): Promise<ApplyOutcome> {
  const actor = await requireResident(deps.db, territory, viewer);
  const message = input.message?.trim() || null;
  const now = deps.clock.now();
  try {
    return await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      const mission = await loadMission(trx, territory.id, input.missionId, true);
      const org = await loadOrganisation(trx, territory.id, mission.organisation_id);
      if (mission.hidden_at !== null || !isPublicOrganisation(org) || ['draft', 'awaiting_validation'].includes(mission.status)) throw new AppError('not_found', 'Mission not found.');
      if (mission.status !== 'published') throw new AppError('conflict', `This mission is ${mission.status}: it takes no more volunteers.`, { reason: 'mission_closed' });
      if (nextOccurrence(scheduleOf(mission), now) === null) throw new AppError('conflict', 'This mission has already taken place.', { reason: 'mission_closed' });
      const previous = await trx
        .selectFrom('participations')
        .select('status')
        .where('mission_id', '=', mission.id)
        .where('user_id', '=', actor.userId)
        .where('status', '<>', 'cancelled')
        .executeTakeFirst();
      if (previous) throw alreadyApplied();
      const managers = await managersOf(trx, org.id);
      for (const manager of managers) {
        if (await isBlockedEitherWay(trx, actor.userId, manager)) throw new AppError('forbidden', 'You cannot apply to this organisation’s missions.', { reason: 'blocked' });
      }
      const status = placeFor(mission.volunteers_needed, await holdingCount(trx, mission.id));
      const row = await trx
        .insertInto('participations')
        .values({
          territory_id: territory.id,
          mission_id: mission.id,
          user_id: actor.userId,
          message,
          status,
          applied_at: now,
          awaiting_since: status === 'applied' ? now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const position = status === 'waiting' ? ((await waitingRanks(trx, [mission.id])).get(row.id) ?? null) : null;
      await recordAudit(trx, {
        territoryId: territory.id,
        ...auditActor(viewer!),
        action: 'volunteering.applied',
        subjectType: 'participation',
        subjectId: row.id,
        details: { missionId: mission.id, status },
        requestId,
        at: now,
      });
      const sent = await sendNotice(trx, { territory, actorId: actor.userId }, 'application_received', managers, { missionId: mission.id, title: mission.title }, missionLink(territory.slug, mission.id), {
        now,
        publicUrl: deps.config.publicUrl,
      });
      work.mailQueued(sent.mailed);
      return { id: row.id, status, position };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyApplied();
    throw error;
  }
}
