/** @module Operators and admins read a corridor's definition and edit it (audited `corridor.updated`, naming the fields changed). */
import { AppError, notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { toHHMM, toMinutes } from '../core/time-of-day.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { Executor } from '../core/database/schema.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { checkCorridor } from './create-corridor.ts';
import type { CorridorInput, LineString } from './schemas.ts';

export type CorridorDefinition = CorridorInput & { id: string };

async function readDefinition(db: Executor, territoryId: string, id: string, lock = false): Promise<CorridorDefinition> {
  let query = db.selectFrom('corridors').selectAll().where('territory_id', '=', territoryId).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const r = await query.executeTakeFirst();
  if (!r) throw notFound('Corridor');
  return {
    id: r.id,
    name: r.name,
    geometry: r.geometry as LineString,
    capacityPerHour: r.capacity_per_hour,
    freeFlowMin: Number(r.free_flow_min),
    amStart: toHHMM(r.am_start),
    amDemand: r.am_demand,
    pmStart: toHHMM(r.pm_start),
    pmDemand: r.pm_demand,
  };
}

/** The definition as its edit form shows it (operators and admins). */
export async function getCorridorDefinition({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { id: string }): Promise<CorridorDefinition> {
  await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  return readDefinition(db, territory.id, input.id);
}

/** Replaces the definition; the same input again changes nothing and records nothing (a retried request). */
export async function updateCorridor({ db }: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, input: { id: string; corridor: CorridorInput }): Promise<CorridorDefinition> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  const next = { ...input.corridor, name: input.corridor.name.trim() };
  checkCorridor(next);
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await readDefinition(trx, territory.id, input.id, true);
      const changed = (Object.keys(next) as (keyof CorridorInput)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
      if (changed.length === 0) return before;
      await trx
        .updateTable('corridors')
        .set({
          name: next.name,
          geometry: JSON.stringify(next.geometry),
          capacity_per_hour: next.capacityPerHour,
          free_flow_min: next.freeFlowMin,
          am_start: toMinutes(next.amStart),
          am_demand: next.amDemand,
          pm_start: toMinutes(next.pmStart),
          pm_demand: next.pmDemand,
        })
        .where('territory_id', '=', territory.id)
        .where('id', '=', input.id)
        .execute();
      await recordAudit(trx, { territoryId: territory.id, actorId: actor.userId, action: 'corridor.updated', subjectType: 'corridor', subjectId: input.id, details: { changed }, requestId });
      return { id: input.id, ...next };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'A corridor with this name exists.', { field: '/name' });
    throw error;
  }
}
