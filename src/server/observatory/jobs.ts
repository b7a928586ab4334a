/** @module The observatory's periodic jobs: daily partitions made ahead, and retention. */
import type { Job } from '../core/jobs.ts';
import { applyRetention, ensurePartitions } from './partitions.ts';

export const OBSERVATORY_PARTITIONS = 'observatory.partitions';
export const OBSERVATORY_RETENTION = 'observatory.retention';

export const observatoryJobs: Job[] = [
  {
    name: OBSERVATORY_PARTITIONS,
    // Hourly, though a day's partition is made a week ahead: a missed run is caught up long before it matters.
    schedule: { everyMs: 3_600_000 },
    async run({ db, clock }) {
      const { created, moved } = await ensurePartitions(db, clock.now());
      return { summary: `Observatory partitions: ${created} daily partition(s) of readings created, ${moved} reading(s) moved out of the default partition` };
    },
  },
  {
    name: OBSERVATORY_RETENTION,
    schedule: { everyMs: 6 * 3_600_000 },
    async run({ db, clock }) {
      const r = await applyRetention(db, clock.now());
      return { summary: `Observatory retention: ${r.readings} reading(s) and ${r.rollups} rollup(s) past retention deleted, ${r.dropped} partition(s) dropped` };
    },
  },
];
