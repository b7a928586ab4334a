/**
 * @module The public entry of observatory: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { ngsiLdRoutes } from './ngsi-ld/routes.ts';
