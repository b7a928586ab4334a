/** @module Impact shapes as the API sends them: weekly series, totals, factors, method, "not alone", rankings, mode switches. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
export type { NotAlone } from '../../server/impact/not-alone.ts';
export type { WeekImpact } from '../../server/impact/summarise-impact.ts';
export type { Factor } from '../../server/impact/factors.ts';
export type { Participation } from '../../server/impact/rank-communities.ts';
export type { ImpactView } from '../../server/impact/get-impact.ts';
export type { RecordedModeSwitch } from '../../server/impact/record-mode-switch.ts';
import type { ShownParticipation } from '../../server/impact/guard-impact.ts';
import type { ModeSwitchInput } from '../../server/impact/record-mode-switch.ts';

export interface Rankings {
  weekOf: string;
  /** Outside one's communities, rates built from too few people come suppressed (docs/privacy.md). */
  items: ShownParticipation[];
}

// The modes the form offers: the server's `Mode` (impact.ts) without `metro`, which the form leaves out.
export type SwitchMode = 'bike' | 'ebike' | 'walk' | 'bus' | 'tram' | 'ter' | 'telework' | 'carpool';
export const SWITCH_MODES: readonly SwitchMode[] = ['bike', 'ebike', 'walk', 'bus', 'tram', 'ter', 'telework', 'carpool'];
export type Leg = ModeSwitchInput['leg'];

/**
 * The longest trip each mode makes plausible (km), as the server checks it (PLAUSIBLE_MAX_KM in
 * src/server/impact/counterfactual.ts, where each figure's reason is given); the form says so before sending.
 */
export const PLAUSIBLE_MAX_KM: Record<SwitchMode | 'metro', number> = { walk: 10, bike: 40, ebike: 60, tram: 40, metro: 40, bus: 100, ter: 300, carpool: 300, telework: 300 };
