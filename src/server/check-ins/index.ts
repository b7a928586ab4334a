/**
 * @module The public entry of check-ins: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { countOpenAlerts } from './count-to-do.ts';
export { checkInJobs } from './jobs.ts';
export { checkInPersonalData } from './personal-data.ts';
export { checkInRoutes } from './routes.ts';
export { addDays, deadlineOn, today } from './schedule.ts';
export { sweepCheckIns } from './sweep.ts';
export { viewMyCheckIns } from './view-check-ins.ts';
