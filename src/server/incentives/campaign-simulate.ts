/** @module Simulation before launch: a draft run over the last N weeks of recorded gestures; nothing is written. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { localDate } from '../core/time-of-day.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { asCampaign, checkCampaignInput, type CampaignInput } from './campaign-input.ts';
import { MANAGERS } from './campaign-store.ts';
import { recordAudit } from '../audit/index.ts';
import { requireSeenCommunities } from './campaign-communities.ts';
import { evaluateCampaign } from './evaluate-campaign.ts';
import { loadCampaignGestures } from './gesture-source.ts';
import { guardSimulation } from './guard-simulation.ts';
import { simulateCampaign } from './simulate.ts';
import type { SimulationView } from './schemas.ts';

export type { SimulationView } from './schemas.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The draft over the `weeks` × 7 days ending today. The draft is checked with its own dates first (a bad
 * draft is the same 400 as when saving it), then run as if its period were that window: a draft is usually
 * dated in the future, and its own dates would leave out every past gesture. Booster dates stay as given,
 * so a booster in the future does not show. Lottery mode reports points (chances): the budget pays the
 * prizes, not the points, so it caps none of them.
 */
export async function simulateDraft(
  deps: Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'privacyMinGroup'> },
  { territory, viewer, requestId }: RequestScope,
  input: { campaign: CampaignInput; weeks: number },
): Promise<SimulationView> {
  const actor = await requireTerritoryRole(deps.db, territory, viewer, MANAGERS);
  const draft = checkCampaignInput(input.campaign);
  await requireSeenCommunities(deps.db, territory.id, draft.rules, viewer, '/campaign');
  const to = localDate(deps.clock.now());
  const from = addDays(to, -7 * input.weeks + 1);
  const gestures = await loadCampaignGestures(deps.db, { territoryId: territory.id, from, to });
  const campaign = { ...asCampaign('draft', draft), startsOn: from, endsOn: to };
  const run = draft.mode === 'lottery' ? { ...campaign, budgetCents: Number.MAX_SAFE_INTEGER } : campaign;
  const result = simulateCampaign(run, gestures);
  // Any rule can be simulated: each run is recorded, so a series of runs that closes in on one person can be seen.
  await recordAudit(deps.db, { territoryId: territory.id, actorId: actor.userId, action: 'campaign.simulated', subjectType: 'territory', subjectId: territory.id, details: { rules: draft.rules, weeks: input.weeks }, requestId });
  const shown = guardSimulation({ ...result, budgetCents: draft.budgetCents, budgetUsed: draft.mode === 'lottery' ? 0 : result.budgetUsed }, evaluateCampaign(run, gestures), deps.config.privacyMinGroup);
  return { ...shown, from, to, weeks: input.weeks };
}
