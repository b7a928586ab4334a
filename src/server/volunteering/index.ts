/**
 * @module The public entry of volunteering: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { countAttendances, countVolunteeringToDo } from './count-to-do.ts';
export { volunteeringJobs } from './jobs.ts';
export { AREA_RESOLUTION, addDays } from './model.ts';
export type { Public, Skill } from './model.ts';
export { volunteeringPersonalData } from './personal-data.ts';
export { volunteeringRoutes } from './routes.ts';
