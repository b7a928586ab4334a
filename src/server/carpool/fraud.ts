/** @module Fraud rules on carpool rides, after the French carpool proof registry (Registre de preuve de covoiturage). */

export interface TripRecord {
  id: string;
  userId: string;
  start: Date;
  end: Date;
  km: number;
}

export type FraudFlag = 'short' | 'too_many_today' | 'too_close' | 'overlap';

/** Below 2 km a ride is a walk: the registry does not count it. */
export const MIN_KM = 2;
/** A person makes at most 4 rides a day; a fifth is suspicious. */
export const MAX_TRIPS_PER_DAY = 4;
/** Two rides of one person starting less than 30 minutes apart cannot both be real. */
export const MIN_MINUTES_APART = 30;
/** Days are counted on French clocks: a ride at 00:30 in Dijon belongs to that day, not the UTC one. */
export const FRAUD_TIME_ZONE = 'Europe/Paris';

const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: FRAUD_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Flags for one new trip given the person's other trips: 'short' (< 2 km), 'too_many_today' (> 4 that day),
 * 'too_close' (< 30 min from another trip's start), 'overlap'. Empty when clean. Trips of other people,
 * and the trip itself, are ignored.
 * @example fraudFlags({ id: 'a', userId: 'u', start, end, km: 1.5 }, []) // ['short']
 */
export function fraudFlags(trip: TripRecord, others: TripRecord[]): FraudFlag[] {
  const mine = others.filter((o) => o.userId === trip.userId && o.id !== trip.id);
  const day = localDay.format(trip.start);
  const flags: FraudFlag[] = [];
  if (trip.km < MIN_KM) flags.push('short');
  if (mine.filter((o) => localDay.format(o.start) === day).length + 1 > MAX_TRIPS_PER_DAY) flags.push('too_many_today');
  if (mine.some((o) => Math.abs(o.start.getTime() - trip.start.getTime()) < MIN_MINUTES_APART * 60_000)) flags.push('too_close');
  // Half-open intervals: a ride ending at 8:00 and the next starting at 8:00 do not overlap.
  if (mine.some((o) => o.start < trip.end && trip.start < o.end)) flags.push('overlap');
  return flags;
}
