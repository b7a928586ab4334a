/**
 * @module The public entry of commute: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { findProfile, getProfile } from './get-profile.ts';
export { COMMUTE_MODES } from './model.ts';
export { commutePersonalData } from './personal-data.ts';
export { commuteRoutes } from './routes.ts';
