/**
 * @module The public entry of mutual-aid: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { getHelpImpact, getMyHelpImpact } from './get-help-impact.ts';
export { listNearbyRequests } from './list-requests.ts';
export { AID_RESOLUTION } from './model.ts';
export { mutualAidPersonalData } from './personal-data.ts';
export { mutualAidRoutes } from './routes.ts';
export type { AidKind, AidOffersTable, AidTime, AidUrgency } from './tables.ts';
