/** @module The carpool capability's periodic job: asking the people of a ride that has passed to confirm it, once. */
import type { Job } from '../core/jobs.ts';
import { CONFIRM_REMINDER_EVERY_MS, remindToConfirm } from './remind-to-confirm.ts';

export const carpoolJobs: Job[] = [
  {
    name: 'carpool.confirm-reminders',
    schedule: { everyMs: CONFIRM_REMINDER_EVERY_MS },
    run: async ({ db, config, bus, clock }) => {
      const r = await remindToConfirm({ db, config, bus, clock });
      return { summary: `Carpool: ${r.rides} rides past, ${r.people} people asked to confirm, ${r.mailed} mails queued.`, mailed: r.mailed };
    },
  },
];
