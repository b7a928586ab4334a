/** @module An operator defines a congested corridor: geometry, capacity, free-flow time, baseline demand per slot. */
import type { Executor } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { toMinutes } from '../core/time-of-day.ts';
import { recordAudit } from '../audit/index.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { requireTerritoryRole } from '../territories/index.ts';
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

/** The rules a corridor's definition keeps beyond its schema (400 naming the field); creation and edits share them. */
export function checkCorridor(corridor: CorridorInput): void {
  if (!corridor.name.trim()) throw invalid('/name', 'The name must not be blank.');
  const [first, last] = [corridor.geometry.coordinates[0], corridor.geometry.coordinates.at(-1)];
  if (first && last && first[0] === last[0] && first[1] === last[1]) throw invalid('/geometry', 'The two ends of the corridor must differ.');
  if (toMinutes(corridor.amStart) + corridor.amDemand.length * 15 > toMinutes(corridor.pmStart)) {
    throw invalid('/pmStart', 'The evening peak must start after the morning peak ends.');
  }
  if (toMinutes(corridor.pmStart) + corridor.pmDemand.length * 15 > 24 * 60) throw invalid('/pmDemand', 'The evening peak must end by midnight.');
}

export async function createCorridor({ db }: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, corridor: CorridorInput): Promise<string> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  checkCorridor(corridor);
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await insertCorridor(trx, territory.id, corridor);
      await recordAudit(trx, { territoryId: territory.id, actorId: actor.userId, action: 'corridor.created', subjectType: 'corridor', subjectId: id, requestId });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'A corridor with this name exists.', { field: '/name' });
    throw error;
  }
}
