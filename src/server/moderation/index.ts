/**
 * @module The public entry of moderation: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { blockedAmong, isBlockedEitherWay } from './blocks.ts';
export { countOpenReports } from './count-to-do.ts';
export { moderationPersonalData } from './personal-data.ts';
export { moderationRoutes } from './routes.ts';
