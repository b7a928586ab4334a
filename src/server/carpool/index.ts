/**
 * @module The public entry of carpool: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { countFlaggedRides } from './count-to-do.ts';
export { carpoolJobs } from './jobs.ts';
export { listMyMatches } from './list-matches.ts';
export { proofClass } from './match-access.ts';
export { carpoolPersonalData } from './personal-data.ts';
export { rideImpact } from './ride-impact.ts';
export { carpoolRoutes } from './routes.ts';
