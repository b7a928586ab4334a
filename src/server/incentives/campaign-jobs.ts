/** @module Settles running campaigns, one after the other (the periodic job `incentives.settle-campaigns` in `jobs.ts`). */
import type { Clock } from '../core/clock.ts';
import type { Database } from '../core/database/schema.ts';
import { settleCampaign, type SettleResult } from './settle-campaign.ts';

type Deps = { db: Database; clock: Clock };

/** Settles every active campaign (of one territory, or all), one after the other; a failure is reported and the others go on. */
export async function settleActiveCampaigns(deps: Deps, options: { territoryId?: string; onError?: (error: unknown, campaignId: string) => void } = {}): Promise<Map<string, SettleResult>> {
  let q = deps.db.selectFrom('campaigns').select(['id', 'territory_id']).where('status', '=', 'active');
  if (options.territoryId !== undefined) q = q.where('territory_id', '=', options.territoryId);
  const results = new Map<string, SettleResult>();
  for (const c of await q.orderBy('id').execute()) {
    try {
      results.set(c.id, await settleCampaign(deps, c.territory_id, c.id));
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(error, c.id);
    }
  }
  return results;
}
