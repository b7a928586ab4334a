/** @module An operator defines a congested corridor: geometry, capacity, free-flow time, baseline demand per slot. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database, Executor } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import { toMinutes } from '../core/time-of-day.ts';
import { recordAudit } from '../audit/index.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { requireTerritoryRole, resolveTerritory } from '../territories/index.ts';
import type { CorridorInput } from './schemas.ts';

export type { CorridorInput } from './schemas.ts';

/** Inserts a corridor (demo seed and the operator route share it). */
export async function insertCorridor(db: Executor, territoryId: string, c: CorridorInput): Promise<string> {
  const row = await db
    .insertInto('corridors')
    .values({
      territory_id: territoryId,
      name: c.name.trim(),
      geometry: JSON.stringify(c.geometry),
      capacity_per_hour: c.capacityPerHour,
      free_flow_min: c.freeFlowMin,
      am_start: toMinutes(c.amStart),
      am_demand: c.amDemand,
      pm_start: toMinutes(c.pmStart),
      pm_demand: c.pmDemand,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createCorridor(
  db: Database,
  input: { slug: string; viewer: Viewer | null; corridor: CorridorInput; requestId: string },
): Promise<string> {
  const territory = await resolveTerritory(db, input.slug);
  const actor = await requireTerritoryRole(db, territory, input.viewer, ['operator', 'admin']);
  if (!input.corridor.name.trim()) throw invalid('/name', 'The name must not be blank.');
  if (toMinutes(input.corridor.amStart) + input.corridor.amDemand.length * 15 > toMinutes(input.corridor.pmStart)) {
    throw invalid('/pmStart', 'The evening peak must start after the morning peak ends.');
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await insertCorridor(trx, territory.id, input.corridor);
      await recordAudit(trx, { territoryId: territory.id, actorId: actor.userId, action: 'corridor.created', subjectType: 'corridor', subjectId: id, requestId: input.requestId });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'A corridor with this name exists.', { field: '/name' });
    throw error;
  }
}
