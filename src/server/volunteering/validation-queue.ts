/**
 * @module The operator's queue: organisations awaiting validation and missions awaiting publication, oldest first. It
 * shows applicants' names and contact details, so it is a staff read of personal data: stated reason, audited.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { auditStaffRead, statedReason } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { communeNames, countsOf, missionSummary } from './view-mission.ts';
import type { ValidationQueue } from './schemas.ts';

export async function validationQueue(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, read: { reason: string }): Promise<ValidationQueue> {
  await requireTerritoryRole(deps.db, territory, viewer, ['operator', 'admin']);
  const reason = statedReason(read.reason);
  const [organisations, missions, names] = await Promise.all([
    deps.db
      .selectFrom('organisations as o')
      .leftJoin('users as u', 'u.id', 'o.applied_by')
      .selectAll('o')
      .select('u.display_name as applicant_name')
      .where('o.territory_id', '=', territory.id)
      .where('o.status', '=', 'pending')
      .orderBy('o.applied_at')
      .execute(),
    deps.db
      .selectFrom('missions as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .selectAll('m')
      .select(['o.name as org_name', 'o.kind as org_kind'])
      .where('m.territory_id', '=', territory.id)
      .where('m.status', '=', 'awaiting_validation')
      .orderBy('m.submitted_at')
      .execute(),
    communeNames(deps.db, territory.id),
  ]);
  const counts = await countsOf(deps.db, missions.map((m) => m.id));
  const now = deps.clock.now();
  await auditStaffRead(deps.db, {
    territoryId: territory.id,
    viewer: viewer!,
    reason,
    what: 'volunteering_validation',
    subjectType: 'volunteering_validation',
    people: organisations.flatMap((o) => (o.applied_by ? [o.applied_by] : [])),
    details: { organisations: organisations.map((o) => o.id), missions: missions.map((m) => m.id) },
    requestId,
    at: now,
  });
  return {
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      description: o.description,
      contactEmail: o.contact_email,
      contactPhone: o.contact_phone,
      communeName: o.commune_code ? (names.get(o.commune_code) ?? null) : null,
      appliedAt: o.applied_at,
      applicant: o.applicant_name,
    })),
    missions: missions.map((m) => ({
      ...missionSummary(m, { id: m.organisation_id, name: m.org_name, kind: m.org_kind }, m.commune_code ? (names.get(m.commune_code) ?? null) : null, counts.get(m.id)!, now),
      description: m.description,
      submittedAt: m.submitted_at,
    })),
  };
}
