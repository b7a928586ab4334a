/**
 * @module A signed-in resident's home page: my week (whole: it is mine), my communities' week (whole to their
 * members) and the next useful actions — a ride waiting for me, a commitment close to binding I have not signed,
 * neighbours asking for help nearby, today's check-in, a missing commute or community.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { isSuppressed } from '../core/privacy/small-group.ts';
import { presentFigures } from '../core/figures.ts';
import { localDate, weekStart } from '../core/time-of-day.ts';
import { listMyMatches } from '../carpool/index.ts';
import { viewMyCheckIns } from '../check-ins/index.ts';
import { listCommitments } from '../commitments/index.ts';
import { listMyCommunities } from '../communities/index.ts';
import { getProfile } from '../commute/index.ts';
import { getCommunityImpact, getMyImpact, presentImpactView } from '../impact/index.ts';
import { getMyHelpImpact, listNearbyRequests } from '../mutual-aid/index.ts';
import { requireResident } from '../territories/index.ts';
import type { OverviewDeps } from './get-territory-overview.ts';
import { closeToThreshold, mobilityWeek, OVERVIEW_METHOD } from './model.ts';
import type { MyOverview, NextAction } from './schemas.ts';

const EMPTY_WEEK = { people: 0, carpools: 0, shifts: 0, modeSwitches: 0, modeSwitchesAgainstCar: 0, co2eKg: 0, carKm: 0, euros: 0, delaySavedVehicleHours: 0 };

/** At most this many of my communities on the home page. */
export const MY_COMMUNITIES_LIMIT = 4;

async function nextActions(deps: OverviewDeps, scope: RequestScope, communities: number): Promise<NextAction[]> {
  const next: NextAction[] = [];
  const rides = await listMyMatches(deps, scope);
  const waiting = rides.filter((r) => r.status === 'proposed' && !r.acceptedByMe);
  if (waiting.length > 0) next.push({ kind: 'carpool_match', count: waiting.length, id: null, label: null });
  const unsigned = closeToThreshold((await listCommitments(deps, scope)).filter((c) => !c.signedByMe));
  const first = unsigned[0];
  if (first) next.push({ kind: 'sign_commitment', count: 1, id: first.id, label: first.wording });
  const nearby = await listNearbyRequests(deps, scope);
  const open = nearby.items.filter((r) => !r.myOffer);
  if (open.length > 0) next.push({ kind: 'help_nearby', count: open.length, id: null, label: null });
  const checkIns = await viewMyCheckIns(deps, scope);
  if (checkIns.enrolment?.started && checkIns.enrolment.today.status === 'pending') next.push({ kind: 'check_in', count: 1, id: null, label: null });
  if (!(await getProfile(deps, scope))) next.push({ kind: 'set_commute', count: 1, id: null, label: null });
  if (communities === 0) next.push({ kind: 'join_community', count: 1, id: null, label: null });
  return next;
}

export async function getMyOverview(deps: OverviewDeps, scope: RequestScope): Promise<MyOverview> {
  await requireResident(deps.db, scope.territory, scope.viewer);
  const today = localDate(deps.clock.now());
  const mine = await presentImpactView(deps.db, scope.territory, await getMyImpact(deps, scope, { weeks: 1 }), today);
  const week = mine.weeks.at(-1);
  const help = await getMyHelpImpact(deps, scope, { weeks: 1 });
  const helpWeek = help.weeks.at(-1);
  const memberOf = await listMyCommunities(deps, scope);
  const active = memberOf.filter((c) => c.myStatus === 'active').slice(0, MY_COMMUNITIES_LIMIT);
  const communities: MyOverview['communities'] = [];
  for (const c of active) {
    const view = await getCommunityImpact(deps, scope, { id: c.id, weeks: 1 });
    const w = view.weeks.at(-1);
    communities.push({ id: c.id, name: c.name, week: !w || isSuppressed(w) ? { suppressed: true, reason: 'small_group', minGroup: deps.config.privacyMinGroup } : { people: w.people, gestures: w.gestures, co2eKg: w.co2eKg } });
  }
  // My own week is never suppressed for me; an empty week is zeros.
  const { people: _people, ...figures } = mobilityWeek(week && !isSuppressed(week) ? week : EMPTY_WEEK);
  return presentFigures({
    weekOf: weekStart(today),
    mine: {
      ...figures,
      gestures: week && !isSuppressed(week) ? week.gestures : 0,
      helpGiven: helpWeek && !isSuppressed(helpWeek) ? helpWeek.requestsDone : 0,
    },
    communities,
    next: await nextActions(deps, scope, active.length),
    provenance: { ...mine.provenance, method: [...OVERVIEW_METHOD, ...mine.provenance.method] },
  });
}
