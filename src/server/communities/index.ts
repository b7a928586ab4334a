/**
 * @module The public entry of communities: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { requireOrganiser, resolveForResident, resolveVisibleCommunity, unseenCommunityIds } from './access.ts';
export { joinCommunity, leaveCommunity } from './join-community.ts';
export { listMyCommunities } from './list-communities.ts';
export { canSeeCommunity } from './model.ts';
export { communityPersonalData } from './personal-data.ts';
export { communityRoutes } from './routes.ts';
