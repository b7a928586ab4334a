/**
 * @module The public entry of mediation: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { requireActingConsent } from './access.ts';
export { actingForHook } from './acting-for.ts';
export { ACTING_FOR_HEADER } from './model.ts';
export { mediationPersonalData } from './personal-data.ts';
export { mediationRoutes } from './routes.ts';
export { stillActing } from './still-acting.ts';
