/** @module Impact pages' data: mine, a community's, the territory's — weekly series, totals and their sources. */
import type { Clock } from '../core/clock.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { localDate } from '../core/time-of-day.ts';
import { resolveVisibleCommunity } from '../communities/access.ts';
import { requireResident, resolveTerritory } from '../territories/access.ts';
import { currentFactors } from './factor-store.ts';
import type { Factor } from './factors.ts';
import { othersThisWeek, type NotAlone } from './not-alone.ts';
import { rankCommunities, type Participation } from './rank-communities.ts';
import { summariseImpact, type ImpactScope, type WeekImpact } from './summarise-impact.ts';

export interface ImpactView {
  scope: 'person' | 'community' | 'territory';
  name: string;
  weeks: WeekImpact[];
  totals: Omit<WeekImpact, 'weekOf' | 'people'>;
  factorsVersion: number;
  factors: Factor[];
  method: string[];
  notAlone?: NotAlone;
  participation?: Participation;
}

// How every figure is computed, shown under the figures ("how is this computed").
export const METHOD = [
  'CO2e, car-km and euros are computed once per gesture, when it is recorded, with the factors version it names.',
  'Mode switch: measured against the trip it replaced (declared on the gesture, else the commute profile’s usual mode). Against a car with n people in it: distance × (car factor ÷ n − mode factor), car-km = distance ÷ n, euros = car-km × €/km factor. Against another mode, or when nothing says: nothing avoided, the gesture counts as participation.',
  'Carpool: the car-km the passenger would have driven alone, less the driver’s detour, split equally between driver and passenger.',
  'Departure shift: queue delay spared to the other drivers (the shifters’ own gain left out) by the queue model of the corridor, shared equally among that day’s shifters; a day that made others wait longer counts negative.',
  'Flagged carpools (fraud rules) are left out until an operator clears them.',
];

function totalsOf(weeks: WeekImpact[]): ImpactView['totals'] {
  const sum = (k: keyof WeekImpact) => weeks.reduce((s, w) => s + (w[k] as number), 0);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    gestures: sum('gestures'),
    carpools: sum('carpools'),
    shifts: sum('shifts'),
    modeSwitches: sum('modeSwitches'),
    co2eKg: r(sum('co2eKg')),
    carKm: r(sum('carKm')),
    euros: r(sum('euros')),
    delaySavedVehicleHours: r(sum('delaySavedVehicleHours')),
  };
}

async function build(db: Database, territoryId: string, scope: ImpactScope, name: string, weeks: number, today: string): Promise<ImpactView> {
  const series = await summariseImpact(db, { territoryId, scope, weeks, today });
  const factors = await currentFactors(db, territoryId);
  return { scope: scope.kind, name, weeks: series, totals: totalsOf(series), factorsVersion: factors.version, factors: [...factors.factors.values()], method: METHOD };
}

export async function getMyImpact(deps: { db: Database; clock: Clock }, slug: string, viewer: Viewer | null, weeks: number): Promise<ImpactView> {
  const territory = await resolveTerritory(deps.db, slug);
  const actor = await requireResident(deps.db, territory, viewer);
  const today = localDate(deps.clock.now());
  const view = await build(deps.db, territory.id, { kind: 'person', userId: actor.userId }, territory.name, weeks, today);
  return { ...view, notAlone: await othersThisWeek(deps.db, { territoryId: territory.id, userId: actor.userId, date: today }) };
}

export async function getCommunityImpact(deps: { db: Database; clock: Clock }, slug: string, id: string, viewer: Viewer | null, weeks: number): Promise<ImpactView> {
  const { territory, community } = await resolveVisibleCommunity(deps.db, slug, id, viewer);
  const today = localDate(deps.clock.now());
  const view = await build(deps.db, territory.id, { kind: 'community', communityId: community.id }, community.name, weeks, today);
  const ranking = await rankCommunities(deps.db, { territoryId: territory.id, viewerId: viewer?.userId ?? null, today, limit: 10_000 });
  const participation = ranking.items.find((p) => p.communityId === community.id);
  return { ...view, ...(participation ? { participation } : {}) };
}

export async function getTerritoryImpact(deps: { db: Database; clock: Clock }, slug: string, weeks: number): Promise<ImpactView> {
  const territory = await resolveTerritory(deps.db, slug);
  return build(deps.db, territory.id, { kind: 'territory' }, territory.name, weeks, localDate(deps.clock.now()));
}

export async function getRankings(deps: { db: Database; clock: Clock }, slug: string, viewer: Viewer | null, limit: number) {
  const territory = await resolveTerritory(deps.db, slug);
  return rankCommunities(deps.db, { territoryId: territory.id, viewerId: viewer?.userId ?? null, today: localDate(deps.clock.now()), limit });
}
