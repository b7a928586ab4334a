/**
 * @module The territory's week for everyone (docs/overview.md): gestures by kind and what they are worth, the trend,
 * the corridors' queues now, commitments close to binding, and who acted per commune — every count of people under
 * the small-group rule, every figure with its provenance. Reads other capabilities through their public use-cases.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { guard, guardCell, isSuppressed, suppressed, type Guarded } from '../core/privacy/small-group.ts';
import { localDate, localInstant, weekStart } from '../core/time-of-day.ts';
import { listCommitments } from '../commitments/index.ts';
import { listCorridors } from '../corridors/index.ts';
import { countPeopleByCommune, getTerritoryImpact, presentImpactView, type DelaySaved } from '../impact/index.ts';
import { getHelpImpact } from '../mutual-aid/index.ts';
import { countAttendances } from '../volunteering/index.ts';
import type { CommitmentClose, CorridorNow, OverviewWeek, TerritoryOverview, TrendWeek } from './schemas.ts';
import { presentFigures } from '../core/figures.ts';
import { addDays, closeToThreshold, mobilityWeek, OVERVIEW_METHOD } from './model.ts';

/** Weeks in the trend. */
export const TREND_WEEKS = 8;

export type OverviewDeps = Deps & { delaySaved: DelaySaved };

/** This week's corridors: the morning queue today by the model, and what the model says shifting would change. */
async function corridorsNow(deps: OverviewDeps, scope: RequestScope): Promise<CorridorNow[]> {
  const corridors = await listCorridors(deps, scope);
  return corridors.map((c) => {
    const morning = c.periods.find((p) => p.period === 'am') ?? c.periods[0];
    return {
      id: c.id,
      name: c.name,
      morningJamHours: morning?.vehicleHoursToday ?? 0,
      shifting: morning?.shareNeeded ? { drivers: morning.shareNeeded.drivers, minutesEarlier: morning.shareNeeded.minutesEarlier } : null,
    };
  });
}

async function commitmentsClose(deps: OverviewDeps, scope: RequestScope): Promise<CommitmentClose[]> {
  const all = await listCommitments(deps, scope);
  return closeToThreshold(all).map((c) => ({ id: c.id, wording: c.wording, remaining: c.remaining, signingDeadline: c.signingDeadline }));
}

export async function getTerritoryOverview(deps: OverviewDeps, scope: RequestScope): Promise<TerritoryOverview> {
  const minGroup = deps.config.privacyMinGroup;
  const today = localDate(deps.clock.now());
  const weekOf = weekStart(today);
  const impact = await presentImpactView(deps.db, scope.territory, await getTerritoryImpact(deps, scope, { weeks: TREND_WEEKS }), today);
  const help = await getHelpImpact(deps, scope, { weeks: TREND_WEEKS });
  /** The week starting `of`, from the series' entry `i` (0 = oldest). */
  const weekAt = async (i: number, of: string): Promise<OverviewWeek> => {
    const w = impact.weeks[i];
    const h = help.weeks[i];
    const volunteering = await countAttendances(deps.db, scope.territory.id, localInstant(of, 0), localInstant(addDays(of, 7), 0));
    return {
      weekOf: of,
      mobility: w && !isSuppressed(w) ? mobilityWeek(w) : suppressed(minGroup),
      help: h && !isSuppressed(h) ? { helpers: h.helpers, requestsDone: h.requestsDone, peopleHelped: h.peopleHelped, hours: h.hours } : suppressed(minGroup),
      volunteering: guard(volunteering, volunteering.people, minGroup),
    };
  };
  const last = impact.weeks.length - 1;
  const thisWeek = await weekAt(last, weekOf);
  const lastWeek = await weekAt(last - 1, addDays(weekOf, -7));
  const trend: TrendWeek[] = impact.weeks.map((w, i) => {
    const h = help.weeks[i];
    const mobility: Guarded<{ people: number; gestures: number }> = isSuppressed(w) ? suppressed(minGroup) : { people: w.people, gestures: w.gestures };
    const helpShown: TrendWeek['help'] = !h || isSuppressed(h) ? suppressed(minGroup) : { helpers: h.helpers, requestsDone: h.requestsDone };
    return { weekOf: w.weekOf, mobility, help: helpShown };
  });
  const communes = (await countPeopleByCommune(deps.db, scope.territory.id, weekOf, addDays(weekOf, 7))).map((c) =>
    guardCell({ ...c, rate: c.population > 0 ? (c.people / c.population) * 1000 : 0 }, c.people, minGroup, ['code', 'name', 'population']),
  );
  return presentFigures({
    name: scope.territory.name,
    thisWeek,
    lastWeek,
    trend,
    corridors: await corridorsNow(deps, scope),
    commitments: await commitmentsClose(deps, scope),
    communes,
    provenance: { ...impact.provenance, method: [...OVERVIEW_METHOD, ...impact.provenance.method, ...help.method] },
  });
}
