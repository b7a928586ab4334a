/** @module My participations (with the exact address once accepted), and a mission's applications for its organisation's managers. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { requireResident } from '../territories/index.ts';
import { requireManager } from './access.ts';
import { loadMission } from './store.ts';
import { communeNames, countsOf, missionSummary } from './view-mission.ts';
import { waitingRanks } from './waiting-list.ts';
import type { ApplicationList, MyParticipations } from './schemas.ts';

export async function listMyParticipations(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope): Promise<MyParticipations['items']> {
  const actor = await requireResident(deps.db, territory, viewer);
  const rows = await deps.db
    .selectFrom('participations as p')
    .innerJoin('missions as m', 'm.id', 'p.mission_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('mission_addresses as a', 'a.mission_id', 'm.id')
    .selectAll('m')
    .select([
      'p.id as participation_id',
      'p.status as participation_status',
      'p.message',
      'p.applied_at',
      'p.answered_at',
      'p.refusal_reason',
      'p.cancelled_by',
      'p.attendance',
      'p.reminded_at',
      'a.address',
      'o.name as org_name',
      'o.kind as org_kind',
    ])
    .where('p.territory_id', '=', territory.id)
    .where('p.user_id', '=', actor.userId)
    .orderBy('p.applied_at', 'desc')
    .execute();
  const now = deps.clock.now();
  const missionIds = [...new Set(rows.map((r) => r.id))];
  const [ranks, counts, names] = await Promise.all([waitingRanks(deps.db, missionIds), countsOf(deps.db, missionIds), communeNames(deps.db, territory.id)]);
  return rows.map((r) => ({
    id: r.participation_id,
    status: r.participation_status,
    position: r.participation_status === 'waiting' ? (ranks.get(r.participation_id) ?? null) : null,
    message: r.message,
    appliedAt: r.applied_at,
    answeredAt: r.answered_at,
    refusalReason: r.refusal_reason,
    cancelledBy: r.cancelled_by,
    attendance: r.attendance,
    remindedAt: r.reminded_at,
    // Accepted volunteers only, and while the mission is on.
    address: r.participation_status === 'accepted' && !r.online ? r.address : null,
    mission: {
      ...missionSummary(r, { id: r.organisation_id, name: r.org_name, kind: r.org_kind }, r.commune_code ? (names.get(r.commune_code) ?? null) : null, counts.get(r.id)!, now),
      cancelReason: r.cancel_reason,
    },
  }));
}

export async function listApplications(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { missionId: string }): Promise<ApplicationList['items']> {
  const actor = await requireResident(deps.db, territory, viewer);
  const mission = await loadMission(deps.db, territory.id, input.missionId);
  await requireManager(deps.db, actor, mission.organisation_id);
  const rows = await deps.db
    .selectFrom('participations as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.id',
      'p.user_id',
      'u.display_name',
      'p.message',
      'p.status',
      'p.applied_at',
      'p.answered_at',
      'p.refusal_reason',
      'p.cancelled_by',
      'p.cancelled_at',
      'p.promoted_at',
      'p.attendance',
    ])
    .where('p.mission_id', '=', mission.id)
    .orderBy('p.applied_at')
    .orderBy('p.id')
    .execute();
  const ranks = await waitingRanks(deps.db, [mission.id]);
  return rows.map((r) => ({
    id: r.id,
    volunteer: r.user_id ? { id: r.user_id, displayName: r.display_name } : null,
    message: r.message,
    status: r.status,
    position: r.status === 'waiting' ? (ranks.get(r.id) ?? null) : null,
    appliedAt: r.applied_at,
    answeredAt: r.answered_at,
    refusalReason: r.refusal_reason,
    cancelledBy: r.cancelled_by,
    cancelledAt: r.cancelled_at,
    promotedAt: r.promoted_at,
    attendance: r.attendance,
  }));
}
