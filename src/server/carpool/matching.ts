/** @module Pure carpool matching: whether a driver can take a passenger under Mobicoop-style rules, why, and how matches rank. */
import type { LatLng, Leg, Router } from '../core/router.ts';

export interface TripWindow {
  /** minutes since midnight */
  start: number;
  end: number;
}

export interface IndexedTrip {
  id: string; // database id
  userId: string;
  role: 'driver' | 'passenger';
  origin: LatLng;
  destination: LatLng;
  /** one-off trips carry a date (YYYY-MM-DD); recurring ones carry weekdays 1 (Mon) … 7 (Sun) */
  date: string | null;
  weekdays: number[];
  window: TripWindow;
  seats: number; // offered (driver) or needed (passenger)
  communityIds: string[]; // the person's active communities
}

export interface MatchRules {
  timeToleranceMin: number; // 15: windows may be up to this far apart and still overlap
  maxDetourShare: number; // 0.25 of the driver's distance AND of the driver's duration
  minSharedShare: number; // 0.35 of the driver's trip is shared with the passenger
}

/** The defaults of Mobicoop, the open-source carpool platform many French territories run. */
export const MOBICOOP_RULES: MatchRules = { timeToleranceMin: 15, maxDetourShare: 0.25, minSharedShare: 0.35 };

export interface MatchExplanation {
  driverTripId: string;
  passengerTripId: string;
  detourKm: number;
  detourMin: number;
  timeGapMin: number;
  sharedCommunity: boolean;
  sharedKm: number;
  driverKm: number;
}

/** The four legs of a shared ride: the driver alone (O→D), and O→pickup, pickup→drop-off, drop-off→D. */
export interface MatchLegs {
  alone: Leg;
  pickup: Leg;
  shared: Leg;
  dropOff: Leg;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (civil-from-days arithmetic: no Date, no time zone). */
export function dayNumber(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

/** Weekday bit of each date seen: parsing a date per evaluated pair would dominate a brute-force scan. */
const dateMasks = new Map<string, number>();

/** Bit w-1 set for each ISO weekday w the trip runs on; a one-off trip runs on its date's weekday only. */
export function weekdayMask(trip: Pick<IndexedTrip, 'date' | 'weekdays'>): number {
  if (trip.date !== null) {
    let mask = dateMasks.get(trip.date);
    if (mask === undefined) {
      const day = dayNumber(trip.date);
      // 1970-01-01 was a Thursday (ISO weekday 4, bit 3).
      mask = Number.isNaN(day) ? 0 : 1 << ((((day + 3) % 7) + 7) % 7);
      if (dateMasks.size > 10_000) dateMasks.clear();
      dateMasks.set(trip.date, mask);
    }
    return mask;
  }
  let mask = 0;
  for (const w of trip.weekdays) if (Number.isInteger(w) && w >= 1 && w <= 7) mask |= 1 << (w - 1);
  return mask;
}

/** Two one-off trips need the same date; otherwise the weekdays must meet. */
export function daysCompatible(a: IndexedTrip, b: IndexedTrip): boolean {
  if (a.date !== null && b.date !== null) return a.date === b.date && weekdayMask(a) !== 0;
  return (weekdayMask(a) & weekdayMask(b)) !== 0;
}

/** Minutes between two windows, 0 when they overlap. */
export function timeGapMin(a: TripWindow, b: TripWindow): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

export function sharesCommunity(a: IndexedTrip, b: IndexedTrip): boolean {
  for (const c of a.communityIds) if (b.communityIds.includes(c)) return true;
  return false;
}

/** Every rule that needs no router: roles, people, seats, days, time windows. */
export function canShareTrip(driver: IndexedTrip, passenger: IndexedTrip, rules: MatchRules): boolean {
  return (
    driver.role === 'driver' &&
    passenger.role === 'passenger' &&
    driver.userId !== passenger.userId &&
    driver.seats >= passenger.seats &&
    daysCompatible(driver, passenger) &&
    timeGapMin(driver.window, passenger.window) <= rules.timeToleranceMin
  );
}

/** 0.1 km is what a person can picture; -0 would print as "-0". */
export const roundKm = (km: number): number => Math.round(km * 10) / 10 + 0;
const roundMin = (min: number): number => Math.round(min) + 0;

/**
 * The distance rules and the explanation, given legs already routed. Callers check `canShareTrip`
 * first; the trip index uses this with cached legs so its figures are the very same numbers.
 */
export function explainMatch(driver: IndexedTrip, passenger: IndexedTrip, rules: MatchRules, legs: MatchLegs): MatchExplanation | null {
  const { alone, pickup, shared, dropOff } = legs;
  if (!(alone.km > 0)) return null;
  const detourKm = pickup.km + shared.km + dropOff.km - alone.km;
  const detourMin = pickup.minutes + shared.minutes + dropOff.minutes - alone.minutes;
  if (detourKm > rules.maxDetourShare * alone.km || detourMin > rules.maxDetourShare * alone.minutes) return null;
  if (shared.km < rules.minSharedShare * alone.km) return null;
  return {
    driverTripId: driver.id,
    passengerTripId: passenger.id,
    detourKm: roundKm(Math.max(0, detourKm)),
    detourMin: roundMin(Math.max(0, detourMin)),
    timeGapMin: roundMin(timeGapMin(driver.window, passenger.window)),
    sharedCommunity: sharesCommunity(driver, passenger),
    sharedKm: roundKm(shared.km),
    driverKm: roundKm(alone.km),
  };
}

/** Feasibility + explanation of one driver/passenger pair, or null when infeasible. */
export function evaluateMatch(driver: IndexedTrip, passenger: IndexedTrip, rules: MatchRules, router: Router): MatchExplanation | null {
  if (!canShareTrip(driver, passenger, rules)) return null;
  return explainMatch(driver, passenger, rules, {
    alone: router.leg(driver.origin, driver.destination),
    pickup: router.leg(driver.origin, passenger.origin),
    shared: router.leg(passenger.origin, passenger.destination),
    dropOff: router.leg(passenger.destination, driver.destination),
  });
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ranking: shared community first, then smaller detour, then smaller time gap, then id. */
export function compareMatches(a: MatchExplanation, b: MatchExplanation): number {
  if (a.sharedCommunity !== b.sharedCommunity) return a.sharedCommunity ? -1 : 1;
  return (
    a.detourKm - b.detourKm ||
    a.timeGapMin - b.timeGapMin ||
    compareIds(a.driverTripId, b.driverTripId) ||
    compareIds(a.passengerTripId, b.passengerTripId)
  );
}

/** The reference the trip index must equal: every trip of the other role evaluated, sorted, cut at k. */
export function bruteForceTopMatches(trips: Iterable<IndexedTrip>, trip: IndexedTrip, k: number, rules: MatchRules, router: Router): MatchExplanation[] {
  const found: MatchExplanation[] = [];
  for (const other of trips) {
    if (other.role === trip.role) continue;
    const match = trip.role === 'driver' ? evaluateMatch(trip, other, rules, router) : evaluateMatch(other, trip, rules, router);
    if (match) found.push(match);
  }
  return found.sort(compareMatches).slice(0, Math.max(0, k));
}
