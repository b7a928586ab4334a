/** @module The notifications capability's periodic job: the daily and weekly digests (07:00 Paris; idempotent). */
import type { Job } from '../core/jobs.ts';
import { sendDigests } from './send-digests.ts';

export const notificationJobs: Job[] = [
  {
    name: 'notifications.digests',
    schedule: { everyMs: 10 * 60_000 },
    run: async ({ db, config, bus, clock }) => {
      const d = await sendDigests({ db, config, bus }, clock.now());
      return { summary: `Notification digests: ${d.sent} queued, ${d.dropped} held notifications released (e-mail turned off).`, mailed: d.sent };
    },
  },
];
