/** @module The check-ins capability's periodic job: the sweep every minute (missed days alerted, alerts escalated). */
import type { Job } from '../core/jobs.ts';
import { CHECK_IN_SWEEP_EVERY_MS, sweepCheckIns } from './sweep.ts';

export const checkInJobs: Job[] = [
  {
    name: 'check-ins.sweep',
    schedule: { everyMs: CHECK_IN_SWEEP_EVERY_MS },
    run: async ({ db, config, bus, clock }) => {
      const k = await sweepCheckIns({ db, config, bus }, clock.now());
      return {
        summary: `Check-ins: ${k.examined} follow-ups examined, ${k.raised} missed days alerted, ${k.escalated} alerts passed on to the people on duty, ${k.mailed} mails queued.`,
        mailed: k.mailed,
      };
    },
  },
];
