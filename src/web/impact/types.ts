/** @module Impact shapes as the API sends them: weekly series, totals, factors, method, "not alone", rankings, mode switches. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
export type { NotAlone } from '../../server/impact/not-alone.ts';
export type { WeekImpact } from '../../server/impact/summarise-impact.ts';
export type { Factor } from '../../server/impact/factors.ts';
export type { Participation } from '../../server/impact/rank-communities.ts';
export type { ImpactView } from '../../server/impact/get-impact.ts';
import type { NotAlone } from '../../server/impact/not-alone.ts';
import type { Participation } from '../../server/impact/rank-communities.ts';

export interface Rankings {
  weekOf: string;
  items: Participation[];
}

export type SwitchMode = 'bike' | 'ebike' | 'walk' | 'bus' | 'tram' | 'ter' | 'telework' | 'carpool';
export const SWITCH_MODES: readonly SwitchMode[] = ['bike', 'ebike', 'walk', 'bus', 'tram', 'ter', 'telework', 'carpool'];
export type Leg = 'out' | 'back' | 'other';

export interface RecordedModeSwitch {
  id: string;
  created: boolean;
  mode: SwitchMode;
  occurredOn: string;
  km: number;
  kmSource: 'profile' | 'entered';
  co2eKg: number;
  carKm: number;
  euros: number;
  factorsVersion: number;
  /** French sentences from the server, one per step of the computation. */
  explanation: string[];
  notAlone: NotAlone;
}
