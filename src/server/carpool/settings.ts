/** @module A territory's matching rules: Mobicoop's defaults until an operator changes them. */
import type { Executor } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { MOBICOOP_RULES } from './matching.ts';
import type { CarpoolSettings } from './schemas.ts';
import { ROAD_FACTOR } from '../core/router.ts';

export type { CarpoolSettings } from './schemas.ts';

export const DEFAULT_SETTINGS: CarpoolSettings = { ...MOBICOOP_RULES, roadFactor: ROAD_FACTOR, source: 'default' };

export async function readCarpoolSettings(db: Executor, territoryId: string): Promise<CarpoolSettings> {
  const row = await db.selectFrom('carpool_settings').selectAll().where('territory_id', '=', territoryId).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return { timeToleranceMin: row.time_tolerance_min, maxDetourShare: row.max_detour_share, minSharedShare: row.min_shared_share, roadFactor: row.road_factor, source: 'territory' };
}

export async function getCarpoolSettings({ db }: Pick<Deps, 'db'>, { territory }: RequestScope): Promise<CarpoolSettings> {
  return readCarpoolSettings(db, territory.id);
}

export interface UpdateSettingsInput {
  settings: Omit<CarpoolSettings, 'source'>;
  reason: string;
}

/** Operators change the rules, with a reason (audited); every process rebuilds the territory's index once committed. */
export async function updateCarpoolSettings(deps: Pick<Deps, 'db' | 'clock' | 'bus'>, { territory, viewer, requestId }: RequestScope, input: UpdateSettingsInput): Promise<CarpoolSettings> {
  const actor = await requireTerritoryRole(deps.db, territory, viewer, ['operator', 'admin']);
  const s = input.settings;
  if (s.minSharedShare > 1 - s.maxDetourShare) {
    // Not a hard law, but a shared part above 1 − detour share rules out nearly every pair: say so.
    throw invalid('/minSharedShare', 'With this detour share, so large a shared part would match almost nobody.');
  }
  const row = { territory_id: territory.id, time_tolerance_min: s.timeToleranceMin, max_detour_share: s.maxDetourShare, min_shared_share: s.minSharedShare, road_factor: s.roadFactor, updated_at: deps.clock.now() };
  await inUnitOfWork(deps, async (work) => {
    const before = await readCarpoolSettings(work.db, territory.id);
    await work.db.insertInto('carpool_settings').values(row).onConflict((oc) => oc.column('territory_id').doUpdateSet(row)).execute();
    await recordAudit(work.db, { territoryId: territory.id, actorId: actor.userId, action: 'carpool.settings_changed', subjectType: 'carpool_settings', subjectId: territory.id, reason: input.reason, details: { before, after: s }, requestId });
    work.publish('carpool.settings_changed', { territoryId: territory.id });
  });
  return { ...s, source: 'territory' };
}
