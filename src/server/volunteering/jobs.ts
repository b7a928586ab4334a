/** @module The volunteering capability's periodic job: reminders the day before, missions completed, waiting lists moved up. */
import type { Job } from '../core/jobs.ts';
import { runVolunteeringJob, VOLUNTEERING_JOB_EVERY_MS } from './reminders.ts';

export const volunteeringJobs: Job[] = [
  {
    name: 'volunteering.reminders',
    schedule: { everyMs: VOLUNTEERING_JOB_EVERY_MS },
    run: async ({ db, config, bus, clock }) => {
      const v = await runVolunteeringJob({ db, config, bus }, clock.now());
      return { summary: `Volunteering: ${v.reminded} reminders, ${v.completed} missions completed, ${v.refilled} waiting lists moved up, ${v.mailed} mails queued.`, mailed: v.mailed };
    },
  },
];
