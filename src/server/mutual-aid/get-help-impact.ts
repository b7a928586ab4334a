/** @module The mutual-aid figures shown on the impact pages: the territory's, a community's (whole to its members), mine (with "N others helped this week"), under the small-group rule. */
import type { RequestScope } from '../core/http/scope.ts';
import { localDate, localInstant } from '../core/time-of-day.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { resolveVisibleCommunity } from '../communities/index.ts';
import { requireResident } from '../territories/index.ts';
import { HELP_METHOD, othersHelpedThisWeek, summariseHelp, totalsOfHelp, type HelpScope } from './collective-value.ts';
import { HOURS_ESTIMATE } from './model.ts';
import type { HelpImpact } from './schemas.ts';

export async function getHelpImpact(deps: Pick<Deps, 'db' | 'clock' | 'config'>, { territory, viewer }: RequestScope, input: { weeks: number; communityId?: string | undefined }): Promise<HelpImpact> {
  const today = localDate(deps.clock.now());
  let scope: HelpScope;
  let name: string;
  // The territory's figures are public: the small-group rule applies to everyone. A community's members see it whole.
  let minGroup: number | null = deps.config.privacyMinGroup;
  if (input.communityId) {
    const { community, membership } = await resolveVisibleCommunity(deps.db, territory, input.communityId, viewer);
    if (membership?.status === 'active') minGroup = null;
    scope = { kind: 'community', communityId: community.id };
    name = community.name;
  } else {
    scope = { kind: 'territory' };
    name = territory.name;
  }
  const summary = await summariseHelp(deps.db, { territoryId: territory.id, scope, weeks: input.weeks, today, minGroup });
  return { scope: scope.kind, name, weeks: summary.weeks, totals: totalsOfHelp(summary, minGroup), estimates: HOURS_ESTIMATE, method: HELP_METHOD };
}

export async function getMyHelpImpact(deps: Pick<Deps, 'db' | 'clock' | 'config'>, { territory, viewer }: RequestScope, input: { weeks: number }): Promise<HelpImpact> {
  const actor = await requireResident(deps.db, territory, viewer);
  const today = localDate(deps.clock.now());
  const summary = await summariseHelp(deps.db, { territoryId: territory.id, scope: { kind: 'person', userId: actor.userId }, weeks: input.weeks, today, minGroup: null });
  const firstWeek = summary.weeks[0]?.weekOf ?? today;
  const received = await deps.db
    .selectFrom('aid_requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('territory_id', '=', territory.id)
    .where('requester_id', '=', actor.userId)
    .where('status', '=', 'done')
    .where('done_at', '>=', localInstant(firstWeek, 0))
    .executeTakeFirstOrThrow();
  return {
    scope: 'person',
    name: territory.name,
    weeks: summary.weeks,
    totals: totalsOfHelp(summary, null),
    estimates: HOURS_ESTIMATE,
    method: HELP_METHOD,
    notAlone: await othersHelpedThisWeek(deps.db, { territoryId: territory.id, userId: actor.userId, date: today, minGroup: deps.config.privacyMinGroup }),
    received: { requestsDone: Number(received.n) },
  };
}
