/** @module Impact shapes as the API sends them: weekly series, totals, factors, method, "not alone", rankings, mode switches. */

export interface NotAlone {
  weekOf: string;
  kind: 'carpool' | 'shift' | 'mode_switch' | null;
  /** Other people of the territory with a gesture (of that kind) this week. */
  territory: number;
  communities: { id: string; name: string; others: number }[];
}

export interface WeekImpact {
  weekOf: string;
  gestures: number;
  people: number;
  carpools: number;
  shifts: number;
  modeSwitches: number;
  co2eKg: number;
  carKm: number;
  euros: number;
  delaySavedVehicleHours: number;
}

export interface Factor {
  key: string;
  value: number;
  unit: string;
  source: string;
  publishedOn: string;
}

export interface Participation {
  communityId: string;
  name: string;
  members: number;
  active: number;
  /** active ÷ members, 0..1 */
  rate: number;
}

export interface ImpactView {
  scope: 'person' | 'community' | 'territory';
  name: string;
  weeks: WeekImpact[];
  totals: Omit<WeekImpact, 'weekOf' | 'people'>;
  factorsVersion: number;
  factors: Factor[];
  method: string[];
  notAlone?: NotAlone;
  participation?: Participation;
}

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
