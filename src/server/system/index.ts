/**
 * @module The public entry of system: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { jobRoutes } from './job-routes.ts';
export { localAdminRoutes } from './local-routes.ts';
export { systemRoutes } from './routes.ts';
