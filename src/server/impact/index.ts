/**
 * @module The public entry of impact: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { countGesturesOf } from './count-gestures-of.ts';
export { countPeopleByCommune } from './count-people-by-commune.ts';
export { PLAUSIBLE_MAX_KM, resolveCounterfactual } from './counterfactual.ts';
export { factorRoutes } from './factor-routes.ts';
export { currentFactors } from './factor-store.ts';
export type { Factor, FactorKey } from './factors.ts';
export { getCommunityImpact, getMyImpact, getTerritoryImpact } from './get-impact.ts';
export { modeSwitchImpact } from './impact.ts';
export type { Mode } from './impact.ts';
export { othersThisWeek } from './not-alone.ts';
export { impactPersonalData } from './personal-data.ts';
export { presentImpactView } from './present-impact.ts';
export { recordGesture } from './record-gesture.ts';
export { BACKFILL_DAYS } from './record-mode-switch.ts';
export { impactRoutes } from './routes.ts';
export { NotAloneSchema } from './schemas.ts';
export type { NotAlone } from './schemas.ts';
export type { DelaySaved } from './summarise-impact.ts';
