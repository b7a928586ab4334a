/** @module The commitments capability's periodic job: the sweep (failure notices, stall nudges, "did you do it?"). */
import type { Job } from '../core/jobs.ts';
import { sweepCommitments } from './sweep.ts';

export const commitmentJobs: Job[] = [
  {
    name: 'commitments.sweep',
    schedule: { everyMs: 5 * 60_000 },
    run: async ({ db, config, bus, clock }) => {
      const r = await sweepCommitments({ db, config, bus }, clock.now());
      return {
        summary: `Commitments: ${r.examined} examined, ${r.failed} failure notices, ${r.nudged} creators nudged, ${r.checksAsked} "did you do it?" asked, ${r.mailed} mails queued.`,
        mailed: r.mailed,
      };
    },
  },
];
