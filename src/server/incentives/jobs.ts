/** @module The incentives capability's periodic job: settling every running campaign (also brought forward after a gesture). */
import type { Job } from '../core/jobs.ts';
import { settleActiveCampaigns } from './campaign-jobs.ts';

export const SETTLE_CAMPAIGNS = 'incentives.settle-campaigns';

/** A gesture recorded brings the settlement forward by this much at most (gestures in a burst share one run). */
export const SETTLE_SOON_MS = 2_000;

export const incentiveJobs: Job[] = [
  {
    name: SETTLE_CAMPAIGNS,
    schedule: { everyMs: 5 * 60_000 },
    run: async ({ db, clock }) => {
      const failed: string[] = [];
      const errors: unknown[] = [];
      // One campaign's failure does not hold the others back; the run is recorded failed and retried.
      const results = await settleActiveCampaigns({ db, clock }, {
        onError: (error, id) => {
          failed.push(id);
          errors.push(error);
        },
      });
      if (errors.length > 0) throw new AggregateError(errors, `Settlement failed for campaign(s) ${failed.join(', ')}: ${String((errors[0] as Error)?.message ?? errors[0])}`);
      let awarded = 0;
      let paid = 0;
      for (const r of results.values()) {
        awarded += r.awarded;
        paid += r.paidCents;
      }
      return { summary: `Campaigns: ${results.size} settled, ${awarded} gestures awarded, ${paid} cents paid.` };
    },
  },
];
