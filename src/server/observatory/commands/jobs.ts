/** @module Delivering commands to equipment: sending, resending after a timeout, failing, expiring — every 5 seconds. */
import type { Job } from '../../core/jobs.ts';
import { deliverCommands } from './deliver-commands.ts';

export const commandJobs: Job[] = [
  {
    name: 'observatory.commands',
    schedule: { everyMs: 5_000 },
    run: async ({ db, config, bus, clock }) => {
      const r = await deliverCommands({ db, config, bus, clock });
      return { summary: `Observatory commands: ${r.sent} sent, ${r.failed} failed without an answer, ${r.finished} finished, ${r.expired} expired unapproved.`, mailed: r.mailed };
    },
  },
];
