/** @module Simulation before launch: a draft run over the last N weeks of recorded gestures; nothing is written. */
import type { Clock } from '../core/clock.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { localDate } from '../core/time-of-day.ts';
import { requireTerritoryRole, resolveTerritory } from '../territories/access.ts';
import { asCampaign, checkCampaignInput, type CampaignInput } from './campaign-input.ts';
import { MANAGERS } from './campaign-store.ts';
import { loadCampaignGestures } from './gesture-source.ts';
import { simulateCampaign, type Simulation } from './simulate.ts';

export type SimulationView = Simulation & { from: string; to: string; weeks: number };

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
export async function simulateDraft(deps: { db: Database; clock: Clock }, input: { slug: string; viewer: Viewer | null; campaign: CampaignInput; weeks: number }): Promise<SimulationView> {
  const territory = await resolveTerritory(deps.db, input.slug);
  await requireTerritoryRole(deps.db, territory, input.viewer, MANAGERS);
  const draft = checkCampaignInput(input.campaign);
  const to = localDate(deps.clock.now());
  const from = addDays(to, -7 * input.weeks + 1);
  const gestures = await loadCampaignGestures(deps.db, { territoryId: territory.id, from, to });
  const campaign = { ...asCampaign('draft', draft), startsOn: from, endsOn: to };
  const result = simulateCampaign(draft.mode === 'lottery' ? { ...campaign, budgetCents: Number.MAX_SAFE_INTEGER } : campaign, gestures);
  return { ...result, budgetCents: draft.budgetCents, budgetUsed: draft.mode === 'lottery' ? 0 : result.budgetUsed, from, to, weeks: input.weeks };
}
