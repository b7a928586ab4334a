/** @module Organisations as people see them: the public list and page with response figures, and the organisations one applied for or manages. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { notFound } from '../core/errors.ts';
import { requireResident } from '../territories/index.ts';
import { isPublicOrganisation, mayManageOrSupervise } from './access.ts';
import { organisationStats } from './organisation-stats.ts';
import type { OrganisationRow } from './store.ts';

/** What reading organisations needs: the database, the clock, the small-group threshold for their response figures. */
type ReadDeps = Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'privacyMinGroup'> };
import { communeNames, countsOf, missionSummary } from './view-mission.ts';
import type { MyOrganisations, OrganisationList, OrganisationView } from './schemas.ts';

function publicView(o: OrganisationRow, communeName: string | null) {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    description: o.description,
    communeCode: o.commune_code,
    communeName,
    contactEmail: o.contact_email,
    contactPhone: o.contact_phone,
  };
}

export async function listOrganisations(deps: ReadDeps, { territory }: RequestScope): Promise<OrganisationList['items']> {
  const rows = await deps.db
    .selectFrom('organisations')
    .selectAll()
    .where('territory_id', '=', territory.id)
    .where('status', '=', 'validated')
    .where('hidden_at', 'is', null)
    .orderBy('name')
    .execute();
  const stats = await organisationStats(deps.db, rows.map((r) => r.id), deps.clock.now(), deps.config.privacyMinGroup);
  const names = await communeNames(deps.db, territory.id);
  return rows.map((o) => ({ ...publicView(o, o.commune_code ? (names.get(o.commune_code) ?? null) : null), response: stats.get(o.id)! }));
}

export async function viewOrganisation(deps: ReadDeps, { territory, viewer }: RequestScope, input: { id: string }): Promise<OrganisationView> {
  const o = await deps.db.selectFrom('organisations').selectAll().where('territory_id', '=', territory.id).where('id', '=', input.id).executeTakeFirst();
  if (!o) throw notFound('Organisation');
  const { manager, operator } = await mayManageOrSupervise(deps.db, o, viewer);
  const applicant = viewer !== null && o.applied_by === viewer.userId;
  if (!isPublicOrganisation(o) && !manager && !operator && !applicant) throw notFound('Organisation');
  const now = deps.clock.now();
  const stats = (await organisationStats(deps.db, [o.id], now, manager ? null : deps.config.privacyMinGroup)).get(o.id)!;
  const names = await communeNames(deps.db, territory.id);
  // Managers see every mission of theirs; others the public ones.
  const missions = await deps.db
    .selectFrom('missions')
    .selectAll()
    .where('organisation_id', '=', o.id)
    .$if(!manager, (q) => q.where('status', 'in', ['published', 'completed']).where('hidden_at', 'is', null))
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const counts = await countsOf(deps.db, missions.map((m) => m.id));
  const managers = manager
    ? await deps.db
        .selectFrom('organisation_members as om')
        .innerJoin('users as u', 'u.id', 'om.user_id')
        .select(['u.id', 'u.display_name'])
        .where('om.organisation_id', '=', o.id)
        .orderBy('u.id')
        .execute()
    : [];
  return {
    ...publicView(o, o.commune_code ? (names.get(o.commune_code) ?? null) : null),
    status: o.status,
    appliedAt: o.applied_at,
    decidedAt: o.decided_at,
    refusalReason: manager || operator || applicant ? o.refusal_reason : null,
    hidden: o.hidden_at !== null,
    response: stats,
    missions: missions.map((m) => ({
      ...missionSummary(m, o, m.commune_code ? (names.get(m.commune_code) ?? null) : null, counts.get(m.id)!, now),
      returnedReason: manager ? m.returned_reason : null,
    })),
    managers: managers.map((m) => ({ id: m.id, displayName: m.display_name })),
    viewer: { manager, operator, applicant },
  };
}

/** The organisations the viewer manages or applied for (any status), newest first. */
export async function listMyOrganisations(deps: ReadDeps, { territory, viewer }: RequestScope): Promise<MyOrganisations['items']> {
  const actor = await requireResident(deps.db, territory, viewer);
  const rows = await deps.db
    .selectFrom('organisations as o')
    .leftJoin('organisation_members as om', (j) => j.onRef('om.organisation_id', '=', 'o.id').on('om.user_id', '=', actor.userId))
    .selectAll('o')
    .select('om.user_id as member')
    .where('o.territory_id', '=', territory.id)
    .where((eb) => eb.or([eb('om.user_id', '=', actor.userId), eb('o.applied_by', '=', actor.userId)]))
    .orderBy('o.id', 'desc')
    .execute();
  const managed = rows.filter((r) => r.member !== null).map((r) => r.id);
  const [whole, shown] = [
    await organisationStats(deps.db, managed, deps.clock.now(), null),
    await organisationStats(deps.db, rows.filter((r) => r.member === null).map((r) => r.id), deps.clock.now(), deps.config.privacyMinGroup),
  ];
  const stats = new Map([...shown, ...whole]);
  const names = await communeNames(deps.db, territory.id);
  return rows.map((o) => ({
    ...publicView(o, o.commune_code ? (names.get(o.commune_code) ?? null) : null),
    status: o.status,
    appliedAt: o.applied_at,
    refusalReason: o.refusal_reason,
    hidden: o.hidden_at !== null,
    manager: o.member !== null,
    response: stats.get(o.id)!,
  }));
}

