/** @module Impact shapes as the API sends them: weekly series, totals, factors, method, "not alone", rankings, mode switches. */

// The API's own schemas, imported for types only (nothing reaches the bundle): one source for the contract.
import type { Static } from 'typebox';
import type { FactorSchema, ImpactResponse, ModeSwitchInput, ModeSwitchResponse, RankingsResponse } from '../../server/impact/schemas.ts';

export type { NotAlone, WeekImpact, Participation } from '../../server/impact/schemas.ts';
export type Factor = Static<typeof FactorSchema>;
/** Weeks, totals and participation built from too few people come suppressed outside their group (docs/privacy.md). */
export type ImpactView = Static<typeof ImpactResponse>;
export type RecordedModeSwitch = Static<typeof ModeSwitchResponse>;
/** Outside one's communities, rates built from too few people come suppressed (docs/privacy.md). */
export type Rankings = Static<typeof RankingsResponse>;

// The modes the form offers: the server's `Mode` (impact.ts) without `metro`, which the form leaves out.
export type SwitchMode = Exclude<ModeSwitchInput['mode'], 'metro'>;
export const SWITCH_MODES: readonly SwitchMode[] = ['bike', 'ebike', 'walk', 'bus', 'tram', 'ter', 'telework', 'carpool'];
export type Leg = ModeSwitchInput['leg'];

/**
 * The longest trip each mode makes plausible (km), as the server checks it (PLAUSIBLE_MAX_KM in
 * src/server/impact/counterfactual.ts, where each figure's reason is given); the form says so before sending.
 */
export const PLAUSIBLE_MAX_KM: Record<SwitchMode | 'metro', number> = { walk: 10, bike: 40, ebike: 60, tram: 40, metro: 40, bus: 100, ter: 300, carpool: 300, telework: 300 };
