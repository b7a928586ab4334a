/** @module Impact responses as the API sends them: figures rounded by the one rule, and the provenance of every figure. */
import type { Database } from '../core/database/schema.ts';
import { presentFigures, provenance, type Provenance } from '../core/figures.ts';
import type { ScopeTerritory } from '../core/http/scope.ts';
import { currentFactors } from './factor-store.ts';
import { digitsOf, impactProvenance, queueModelSource, setsUsed } from './provenance.ts';

export const IMPACT_METHOD = [
  'CO2e, car-km and euros are computed once per gesture, when it is recorded, with the factors version it names (provenance.factors lists them; GET the href for every factor, its source, date and components).',
  'Delays saved come from the queue model of each corridor, computed when the page is read.',
];

/** The factors versions counted gestures of the territory were computed with, from `since` on. */
async function versionsSince(db: Database, territoryId: string, since: string | null): Promise<number[]> {
  let q = db.selectFrom('gestures').select('factors_version').distinct().where('territory_id', '=', territoryId).where('counted', '=', true);
  if (since) q = q.where('occurred_on', '>=', since);
  return (await q.execute()).map((r) => r.factors_version);
}

/**
 * Rounds every figure of an impact view and adds its provenance: the editions of the factors versions the
 * period's gestures were computed with (the current one when there are none), each dated, and the queue model.
 */
export async function presentImpactView<V extends { weeks: { weekOf: string }[]; method?: string[] }>(db: Database, territory: ScopeTerritory, view: V, today: string): Promise<V & { provenance: Provenance }> {
  const current = await currentFactors(db, territory.id);
  const sets = await setsUsed(db, territory.id, await versionsSince(db, territory.id, view.weeks[0]?.weekOf ?? null), current);
  const shown = impactProvenance(territory.slug, sets, [...(view.method ?? []), ...IMPACT_METHOD], [queueModelSource(today)]);
  return { ...presentFigures(view, digitsOf(sets)), provenance: shown };
}

/** One recorded gesture (a mode switch): its figures rounded, and the factors version it was computed with. */
export async function presentGesture<G extends { factorsVersion: number }>(db: Database, territory: ScopeTerritory, gesture: G): Promise<G & { provenance: Provenance }> {
  const current = await currentFactors(db, territory.id);
  const sets = await setsUsed(db, territory.id, [gesture.factorsVersion], current);
  return { ...presentFigures(gesture, digitsOf(sets)), provenance: impactProvenance(territory.slug, sets, IMPACT_METHOD.slice(0, 1)) };
}

/** Rankings: counts of active members and rates, from recorded gestures only (no factor). */
export function presentRankings<R extends object>(rankings: R, today: string): R & { provenance: Provenance } {
  return {
    ...presentFigures(rankings),
    provenance: provenance({ method: ['Participation: members with at least one counted gesture this week ÷ members; small groups suppressed (docs/privacy.md).'], sources: [{ label: 'Gestures recorded in Maille', url: null, date: today }] }),
  };
}
