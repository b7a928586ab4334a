/** @module Missions as people see them: the public view (approximate area only), the exact address for accepted volunteers and managers, and the viewer's own participation. */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { notFound } from '../core/errors.ts';
import { findRoles } from '../territories/index.ts';
import { isManager, isOperator, isPublicOrganisation } from './access.ts';
import { nextOccurrence, scheduleOf } from './model.ts';
import { hhmm, loadMission, loadOrganisation, type MissionRow } from './store.ts';
import { waitingRanks } from './waiting-list.ts';
import type { MissionSummary, MissionView, ScheduleView } from './schemas.ts';
import type { OrganisationKind } from './tables.ts';
import type { Public, Skill } from './model.ts';

export function scheduleView(m: MissionRow): ScheduleView {
  if (m.schedule === 'once') return { kind: 'once', startsAt: m.starts_at!, endsAt: m.ends_at! };
  return { kind: 'weekly', weekdays: m.weekdays ?? [], startTime: hhmm(m.start_minute)!, endTime: hhmm(m.end_minute)!, firstDay: m.first_day!, lastDay: m.last_day };
}

export interface Counts {
  accepted: number;
  awaiting: number;
  waiting: number;
}

export async function countsOf(db: Executor, missionIds: readonly string[]): Promise<Map<string, Counts>> {
  const counts = new Map<string, Counts>(missionIds.map((id) => [id, { accepted: 0, awaiting: 0, waiting: 0 }]));
  if (missionIds.length === 0) return counts;
  const rows = await db
    .selectFrom('participations')
    .select(['mission_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('mission_id', 'in', missionIds)
    .where('status', 'in', ['applied', 'waiting', 'accepted'])
    .groupBy(['mission_id', 'status'])
    .execute();
  for (const r of rows) {
    const c = counts.get(r.mission_id)!;
    if (r.status === 'accepted') c.accepted = Number(r.n);
    else if (r.status === 'applied') c.awaiting = Number(r.n);
    else c.waiting = Number(r.n);
  }
  return counts;
}

/** What anyone may know of a mission: never the exact address. */
export function missionSummary(m: MissionRow, org: { id: string; name: string; kind: OrganisationKind }, communeName: string | null, counts: Counts, now: Date): MissionSummary {
  const next = m.status === 'published' ? nextOccurrence(scheduleOf(m), now) : null;
  return {
    id: m.id,
    title: m.title,
    status: m.status,
    organisation: { id: org.id, name: org.name, kind: org.kind },
    schedule: scheduleView(m),
    nextOccurrence: next,
    online: m.online,
    communeCode: m.commune_code,
    communeName,
    area: m.cell && m.approx_lat !== null && m.approx_lng !== null ? { cell: m.cell, lat: m.approx_lat, lng: m.approx_lng } : null,
    volunteersNeeded: m.volunteers_needed,
    accepted: counts.accepted,
    placesLeft: Math.max(0, m.volunteers_needed - counts.accepted - counts.awaiting),
    waiting: counts.waiting,
    // The columns hold only the listed values (checked on the way in, mission-input.ts).
    skills: m.skills as Skill[],
    publics: m.publics as Public[],
  };
}

export async function communeNames(db: Executor, territoryId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('communes').select(['code', 'name']).where('territory_id', '=', territoryId).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function viewMission(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: { id: string }): Promise<MissionView> {
  const m = await loadMission(deps.db, territory.id, input.id);
  const org = await loadOrganisation(deps.db, territory.id, m.organisation_id);
  const manager = viewer ? await isManager(deps.db, org.id, viewer.userId) : false;
  const roles = viewer ? await findRoles(deps.db, territory.id, viewer.userId) : null;
  const operator = roles !== null && isOperator(roles);
  const visible = m.hidden_at === null && isPublicOrganisation(org) && ['published', 'completed', 'cancelled'].includes(m.status);
  if (!visible && !manager && !operator) throw notFound('Mission');
  const now = deps.clock.now();
  const counts = (await countsOf(deps.db, [m.id])).get(m.id)!;
  const names = await communeNames(deps.db, territory.id);
  const mine = viewer
    ? await deps.db.selectFrom('participations').selectAll().where('mission_id', '=', m.id).where('user_id', '=', viewer.userId).orderBy('id', 'desc').executeTakeFirst()
    : undefined;
  const position = mine?.status === 'waiting' ? ((await waitingRanks(deps.db, [m.id])).get(mine.id) ?? null) : null;
  // The exact address: the organisation's managers, and volunteers it accepted — nobody else, operators included.
  const entitled = !m.online && (manager || mine?.status === 'accepted');
  const address = entitled ? ((await deps.db.selectFrom('mission_addresses').select('address').where('mission_id', '=', m.id).executeTakeFirst())?.address ?? null) : null;
  return {
    ...missionSummary(m, org, m.commune_code ? (names.get(m.commune_code) ?? null) : null, counts, now),
    description: m.description,
    address,
    createdAt: m.created_at,
    submittedAt: m.submitted_at,
    publishedAt: m.published_at,
    completedAt: m.completed_at,
    cancelledAt: m.cancelled_at,
    cancelReason: m.cancel_reason,
    returnedReason: manager || operator ? m.returned_reason : null,
    hidden: m.hidden_at !== null,
    organisationStatus: org.status,
    viewer: {
      manager,
      operator,
      participation: mine
        ? {
            id: mine.id,
            status: mine.status,
            position,
            message: mine.message,
            appliedAt: mine.applied_at,
            refusalReason: mine.refusal_reason,
            cancelledBy: mine.cancelled_by,
            attendance: mine.attendance,
          }
        : null,
    },
  };
}
