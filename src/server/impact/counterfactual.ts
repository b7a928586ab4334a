/** @module What a mode switch is compared with — the trip the person would otherwise have made — and the distances each mode makes plausible. */
import type { CommuteMode } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { COMMUTE_MODES } from '../commute/index.ts';
import type { Mode } from './impact.ts';

/** The trip a mode switch replaces: the commute profile's vocabulary (`car_alone`, `carpool`, `bike`, …). */
export type InsteadOf = CommuteMode;
export const INSTEAD_OF_MODES: readonly InsteadOf[] = COMMUTE_MODES;
/** Where the counterfactual comes from: said on the gesture, the commute profile's usual mode, or nowhere. */
export type CounterfactualSource = 'declared' | 'usual_mode' | 'none';
export const COUNTERFACTUAL_SOURCES: readonly CounterfactualSource[] = ['declared', 'usual_mode', 'none'];

export interface Counterfactual {
  insteadOf: InsteadOf | null;
  /** People in the car of a car counterfactual (1 for `car_alone`); null otherwise. */
  occupancy: number | null;
  source: CounterfactualSource;
}

export function isCar(mode: InsteadOf | null): mode is 'car_alone' | 'carpool' {
  return mode === 'car_alone' || mode === 'carpool';
}

/** A carpool has at least two people; the profile's occupancy says how many when it knows. */
function occupancyOf(mode: InsteadOf, profile: { usualMode: CommuteMode; carOccupancy: number } | undefined): number | null {
  if (mode === 'car_alone') return 1;
  if (mode !== 'carpool') return null;
  return profile?.usualMode === 'carpool' ? Math.max(2, profile.carOccupancy) : 2;
}

/**
 * The gesture's counterfactual: what the person declares on it first, else their commute profile's usual
 * mode, else none — and then nothing is avoided (the gesture still counts as participation).
 */
export function resolveCounterfactual(declared: InsteadOf | undefined, profile: { usualMode: CommuteMode; carOccupancy: number } | undefined): Counterfactual {
  if (declared) return { insteadOf: declared, occupancy: occupancyOf(declared, profile), source: 'declared' };
  if (profile) return { insteadOf: profile.usualMode, occupancy: occupancyOf(profile.usualMode, profile), source: 'usual_mode' };
  return { insteadOf: null, occupancy: null, source: 'none' };
}

/**
 * The longest one-way trip each mode makes plausible (km), with why. Above it the figure is more likely a
 * typo or a commute distance borrowed for the wrong mode than a trip made: the person is asked to say the
 * distance they really covered. The API refuses anything above 300 km whatever the mode.
 */
export const PLAUSIBLE_MAX_KM: Record<Mode, { km: number; why: string }> = {
  walk: { km: 10, why: 'two hours at 5 km/h' },
  bike: { km: 40, why: 'two hours at 20 km/h' },
  ebike: { km: 60, why: 'two hours at 25–30 km/h (assistance stops at 25 km/h)' },
  tram: { km: 40, why: 'longer than the longest French tram line end to end (about 30 km)' },
  metro: { km: 40, why: 'longer than the longest French metro line end to end (about 30 km)' },
  bus: { km: 100, why: 'regional coach lines across a département' },
  ter: { km: 300, why: 'a regional train across a region' },
  carpool: { km: 300, why: 'a long commute by car' },
  telework: { km: 300, why: 'the commute avoided, as long as a commute by car' },
};
/** Shorter than this is not a trip worth recording (and a commute profile of two touching cells). */
export const MIN_TRIP_KM = 0.1;

/** Throws `invalid` on `field` when `km` is not a plausible trip by `mode`; `fromProfile` says where the distance came from. */
export function checkPlausibleTrip(mode: Mode, km: number, field: string, fromProfile = false): void {
  const source = fromProfile ? `Your commute profile's distance (${km} km)` : `${km} km`;
  if (!Number.isFinite(km) || km < MIN_TRIP_KM) throw invalid(field, `${source} is not a trip: give a distance of at least ${MIN_TRIP_KM} km.`);
  const max = PLAUSIBLE_MAX_KM[mode];
  if (km > max.km) {
    throw invalid(field, `${source} by ${mode} is not plausible: at most ${max.km} km (${max.why}). Give the distance you really covered.`);
  }
}
