/** @module A manager of a validated organisation writes a mission as a draft, and edits it while it is a draft. */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { requireResident } from '../territories/index.ts';
import { isPublicOrganisation, requireManager } from './access.ts';
import { checkMission, type MissionInput } from './mission-input.ts';
import { transition } from './model.ts';
import { loadMission, loadOrganisation } from './store.ts';

async function writeAddress(trx: Executor, territoryId: string, missionId: string, address: string | null): Promise<void> {
  await trx.deleteFrom('mission_addresses').where('mission_id', '=', missionId).execute();
  if (address !== null) await trx.insertInto('mission_addresses').values({ mission_id: missionId, territory_id: territoryId, address }).execute();
}

export async function createMission(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer }: RequestScope,
  input: { organisationId: string; mission: MissionInput },
): Promise<{ id: string; status: 'draft' }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const org = await loadOrganisation(deps.db, territory.id, input.organisationId);
  await requireManager(deps.db, actor, org.id);
  if (!isPublicOrganisation(org)) {
    throw new AppError('conflict', 'The organisation must be validated (and not hidden) before it posts missions.', { reason: 'organisation_not_validated' });
  }
  const now = deps.clock.now();
  const { values, address } = await checkMission(deps.db, territory.id, input.mission, now);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('missions')
      .values({ territory_id: territory.id, organisation_id: org.id, ...values, created_by: actor.userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAddress(trx, territory.id, row.id, address);
    return { id: row.id, status: 'draft' as const };
  });
}

export async function updateMission(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer }: RequestScope,
  input: { id: string; mission: MissionInput },
): Promise<{ id: string; status: 'draft' }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const current = await loadMission(deps.db, territory.id, input.id);
  await requireManager(deps.db, actor, current.organisation_id);
  const now = deps.clock.now();
  const { values, address } = await checkMission(deps.db, territory.id, input.mission, now);
  return deps.db.transaction().execute(async (trx) => {
    const mission = await loadMission(trx, territory.id, input.id, true);
    if (transition(mission.status, 'edit') === null) {
      throw new AppError('conflict', 'Only a draft is edited; this mission is no longer one.', { reason: 'not_editable' });
    }
    await trx.updateTable('missions').set(values).where('id', '=', mission.id).execute();
    await writeAddress(trx, territory.id, mission.id, address);
    return { id: mission.id, status: 'draft' as const };
  });
}
