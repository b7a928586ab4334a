/**
 * @module The public entry of commitments: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { commitmentJobs } from './jobs.ts';
export { commitmentPersonalData } from './personal-data.ts';
export { commitmentRoutes } from './routes.ts';
export { listCommitments } from './view-commitment.ts';
