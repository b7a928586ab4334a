/** @module The observatory's alert evaluation, every minute. */
import type { Job } from '../../core/jobs.ts';
import { evaluateAlerts } from './evaluate-alerts.ts';

export const alertJobs: Job[] = [
  {
    name: 'observatory.alerts',
    schedule: { everyMs: 60_000 },
    run: async ({ db, config, bus, clock }) => {
      const r = await evaluateAlerts({ db, config, bus, clock });
      return { summary: `Observatory alerts: ${r.rules} rules over ${r.checked} things, ${r.opened} alerts opened, ${r.resolved} resolved, ${r.mailed} mails queued.`, mailed: r.mailed };
    },
  },
];
