/** @module Impact pages' data: mine, a community's (whole to its members), the territory's — weekly series, totals and their sources, under the small-group rule. */
import type { RequestScope } from '../core/http/scope.ts';
import { localDate } from '../core/time-of-day.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { resolveVisibleCommunity } from '../communities/index.ts';
import { requireResident } from '../territories/index.ts';
import { currentFactors } from './factor-store.ts';
import { guardWeeks, totalsOf } from './guard-impact.ts';
import { othersThisWeek } from './not-alone.ts';
import { rankCommunities } from './rank-communities.ts';
import type { ImpactView, Rankings } from './schemas.ts';
import { summariseImpact, type DelaySaved, type ImpactScope } from './summarise-impact.ts';

/** The ports, and corridors' queue model (the composition root wires it: impact sits below corridors). */
type WithDelaySaved = Pick<Deps, 'db' | 'clock' | 'config'> & { delaySaved: DelaySaved };

export type { ImpactView } from './schemas.ts';

// How every figure is computed, shown under the figures ("how is this computed").
export const METHOD = [
  'CO2e, car-km and euros are computed once per gesture, when it is recorded, with the factors version it names.',
  'Mode switch: measured against the trip it replaced (declared on the gesture, else the commute profile’s usual mode). Against a car with n people in it: distance × (car factor ÷ n − mode factor), car-km = distance ÷ n, euros = car-km × €/km factor. Against another mode, or when nothing says: nothing avoided, the gesture counts as participation.',
  'Carpool: the car-km the passenger would have driven alone, less the driver’s detour, split equally between driver and passenger.',
  'Departure shift: queue delay spared to the other drivers (the shifters’ own gain left out) by the queue model of the corridor, shared equally among that day’s shifters; a day that made others wait longer counts negative.',
  'Flagged carpools (fraud rules) are left out until an operator clears them.',
];

/** `minGroup` null: the viewer is inside the group and sees every week. */
async function build(deps: WithDelaySaved, territoryId: string, scope: ImpactScope, name: string, weeks: number, today: string, minGroup: number | null): Promise<ImpactView> {
  const db = deps.db;
  const series = await summariseImpact(db, { territoryId, scope, weeks, today }, deps.delaySaved);
  const factors = await currentFactors(db, territoryId);
  const shown = minGroup === null ? { weeks: series, totals: totalsOf(series) } : guardWeeks(series, minGroup);
  return { scope: scope.kind, name, ...shown, factorsVersion: factors.version, factors: [...factors.factors.values()], method: METHOD };
}

export async function getMyImpact(deps: WithDelaySaved, { territory, viewer }: RequestScope, { weeks }: { weeks: number }): Promise<ImpactView> {
  const actor = await requireResident(deps.db, territory, viewer);
  const today = localDate(deps.clock.now());
  const view = await build(deps, territory.id, { kind: 'person', userId: actor.userId }, territory.name, weeks, today, null);
  return { ...view, notAlone: await othersThisWeek(deps.db, { territoryId: territory.id, userId: actor.userId, date: today, minGroup: deps.config.privacyMinGroup }) };
}

/** Its active members see their community whole; anyone else (operators included) sees it under the small-group rule. */
export async function getCommunityImpact(deps: WithDelaySaved, { territory, viewer }: RequestScope, { id, weeks }: { id: string; weeks: number }): Promise<ImpactView> {
  const { community, membership } = await resolveVisibleCommunity(deps.db, territory, id, viewer);
  const today = localDate(deps.clock.now());
  const insider = membership?.status === 'active';
  const view = await build(deps, territory.id, { kind: 'community', communityId: community.id }, community.name, weeks, today, insider ? null : deps.config.privacyMinGroup);
  const ranking = await rankCommunities(deps.db, { territoryId: territory.id, viewerId: viewer?.userId ?? null, today, limit: 10_000, minGroup: deps.config.privacyMinGroup });
  const participation = ranking.items.find((p) => p.communityId === community.id);
  return { ...view, ...(participation ? { participation } : {}) };
}

/** The territory's figures are public: the small-group rule applies to everyone, residents and operators too. */
export async function getTerritoryImpact(deps: WithDelaySaved, { territory }: RequestScope, { weeks }: { weeks: number }): Promise<ImpactView> {
  return build(deps, territory.id, { kind: 'territory' }, territory.name, weeks, localDate(deps.clock.now()), deps.config.privacyMinGroup);
}

export async function getRankings(deps: Pick<Deps, 'db' | 'clock' | 'config'>, { territory, viewer }: RequestScope, { limit }: { limit: number }): Promise<Rankings> {
  return rankCommunities(deps.db, { territoryId: territory.id, viewerId: viewer?.userId ?? null, today: localDate(deps.clock.now()), limit, minGroup: deps.config.privacyMinGroup });
}
