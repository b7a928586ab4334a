/**
 * @module The public entry of territories: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { requireAdminOfATerritory, requireResident, requireTerritoryRole } from './access.ts';
export type { TerritoryActor } from './access.ts';
export { auditRoutes } from './audit-routes.ts';
export { bootTerritoryCard } from './boot-territory-card.ts';
export { grantRole, withdrawRole } from './change-roles.ts';
export { addResident } from './join-territory.ts';
export { communeAt, territoryCommunes } from './locate.ts';
export { TERRITORY_ROLES, bboxOf, hasAnyRole } from './model.ts';
export { territoryPersonalData } from './personal-data.ts';
export { countResidents, findRoles, memberIdsWithRoles } from './queries.ts';
export type { TerritoryRef } from './queries.ts';
export { territoryRoutes } from './routes.ts';
export { resolveScopeTerritory } from './scope.ts';
