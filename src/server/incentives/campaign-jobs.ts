/** @module Keeps running campaigns settled: every few minutes for all of them, and soon after a gesture is recorded in a territory (debounced). */
import type { Clock } from '../core/clock.ts';
import type { Database } from '../core/database/schema.ts';
import type { EventBus } from '../core/events.ts';
import { settleCampaign, type SettleResult } from './settle-campaign.ts';

export const SETTLE_EVERY_MS = 5 * 60_000;
export const SETTLE_DEBOUNCE_MS = 2_000;

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

export interface CampaignJobs {
  /** Stops the timers and waits for a settlement under way, so the database can close. */
  stop(): Promise<void>;
}

/**
 * Starts the periodic settlement (unref'd: it never keeps the process alive) and the debounced one after
 * `gesture.recorded`. Settlements are safe to run concurrently (row locks), here and in other processes;
 * within this process they run one at a time.
 */
export function startCampaignJobs(deps: Deps & { bus: EventBus }, onError: (error: unknown) => void, timing = { everyMs: SETTLE_EVERY_MS, debounceMs: SETTLE_DEBOUNCE_MS }): CampaignJobs {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const report = (error: unknown) => onError(error);
  const run = (territoryId?: string) => {
    if (stopped) return;
    running = running
      .then(() => (stopped ? undefined : settleActiveCampaigns(deps, { ...(territoryId === undefined ? {} : { territoryId }), onError: report })))
      .then(() => undefined, report);
  };
  const interval = setInterval(() => run(), timing.everyMs).unref();
  const pending = new Map<string, NodeJS.Timeout>();
  const unsubscribe = deps.bus.subscribe('gesture.recorded', ({ territoryId }) => {
    if (stopped) return;
    clearTimeout(pending.get(territoryId));
    pending.set(territoryId, setTimeout(() => {
      pending.delete(territoryId);
      run(territoryId);
    }, timing.debounceMs).unref());
  });
  return {
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      unsubscribe();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      await running;
    },
  };
}
