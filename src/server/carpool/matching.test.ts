// Feasibility by hand: detour and shared-distance limits at their edges, time windows, days, seats,
// people; then the ranking and the brute-force reference.
import { describe, expect, it } from 'vitest';
import { bruteForceTopMatches, compareMatches, dayNumber, evaluateMatch, MOBICOOP_RULES, weekdayMask, type IndexedTrip, type MatchExplanation } from './matching.ts';
import type { LatLng, Router } from '../core/router.ts';

/** A flat test world: lat and lng are kilometres, roads are straight lines, 30 km/h. */
const flat: Router = {
  leg: (a: LatLng, b: LatLng) => {
    const km = Math.hypot(a.lat - b.lat, a.lng - b.lng);
    return { km, minutes: km * 2 };
  },
};

function trip(over: Partial<IndexedTrip> & Pick<IndexedTrip, 'id' | 'role'>): IndexedTrip {
  return {
    userId: `user-${over.id}`,
    origin: { lat: 0, lng: 0 },
    destination: { lat: 10, lng: 0 },
    date: null,
    weekdays: [1, 2, 3, 4, 5],
    window: { start: 480, end: 510 },
    seats: 1,
    communityIds: [],
    ...over,
  };
}

// The driver goes 10 km north; each passenger varies one thing.
const driver = trip({ id: 'd', role: 'driver', seats: 2 });
const passenger = (over: Partial<IndexedTrip> = {}): IndexedTrip => trip({ id: 'p', role: 'passenger', origin: { lat: 2, lng: 0 }, destination: { lat: 8, lng: 0 }, ...over });
const match = (p: IndexedTrip, d = driver) => evaluateMatch(d, p, MOBICOOP_RULES, flat);

describe('evaluateMatch: distances', () => {
  it('explains a passenger on the way: no detour, shared 6 of 10 km', () => {
    expect(match(passenger())).toEqual({
      driverTripId: 'd',
      passengerTripId: 'p',
      detourKm: 0,
      detourMin: 0,
      timeGapMin: 0,
      sharedCommunity: false,
      sharedKm: 6,
      driverKm: 10,
    });
  });

  it('accepts a detour just under 25 % of the driver trip and refuses one just over', () => {
    // Dropping off e km beyond D costs 2e: 2 × 1.24 = 2.48 km ≤ 2.5 km; 2 × 1.26 = 2.52 km > 2.5 km.
    expect(match(passenger({ destination: { lat: 11.24, lng: 0 } }))).toMatchObject({ detourKm: 2.5, detourMin: 5 });
    expect(match(passenger({ destination: { lat: 11.25, lng: 0 } }))).not.toBeNull(); // exactly 25 %
    expect(match(passenger({ destination: { lat: 11.26, lng: 0 } }))).toBeNull();
  });

  it('also limits the detour in minutes', () => {
    // Same 2 km detour (20 %) but the pickup street is slow: 2.5× the minutes, so 29 % of the driver's time.
    const slowPickup: Router = { leg: (a, b) => ({ ...flat.leg(a, b), minutes: flat.leg(a, b).minutes * (b.lng === 1 ? 2.5 : 1) }) };
    const p = passenger({ origin: { lat: 1, lng: 1 }, destination: { lat: 9, lng: 0 } });
    expect(evaluateMatch(driver, p, MOBICOOP_RULES, flat)).not.toBeNull();
    expect(evaluateMatch(driver, p, MOBICOOP_RULES, slowPickup)).toBeNull();
  });

  it('needs at least 35 % of the driver trip shared', () => {
    expect(match(passenger({ origin: { lat: 2, lng: 0 }, destination: { lat: 5.49, lng: 0 } }))).toBeNull();
    expect(match(passenger({ origin: { lat: 2, lng: 0 }, destination: { lat: 5.51, lng: 0 } }))).toMatchObject({ sharedKm: 3.5 });
  });

  it('rounds figures to 0.1 km and whole minutes', () => {
    const m = match(passenger({ origin: { lat: 2, lng: 0.5 } }))!;
    // Pickup √(4 + 0.25) ≈ 2.0616 km, then √(36 + 0.25) ≈ 6.0208 km: detour ≈ 0.0824 km.
    expect(m).toMatchObject({ detourKm: 0.1, detourMin: 0, sharedKm: 6 });
  });
});

describe('evaluateMatch: time, days, seats, people', () => {
  it('lets windows be up to 15 minutes apart, and reports the gap', () => {
    expect(match(passenger({ window: { start: 500, end: 530 } }))).toMatchObject({ timeGapMin: 0 });
    expect(match(passenger({ window: { start: 525, end: 555 } }))).toMatchObject({ timeGapMin: 15 });
    expect(match(passenger({ window: { start: 526, end: 556 } }))).toBeNull();
    expect(match(passenger({ window: { start: 435, end: 465 } }))).toMatchObject({ timeGapMin: 15 });
    expect(match(passenger({ window: { start: 434, end: 464 } }))).toBeNull();
  });

  it('matches one-off trips on the same date only', () => {
    const oneOff = (date: string, id: string) => trip({ id, role: 'driver', date, weekdays: [] });
    expect(match(passenger({ date: '2025-03-04', weekdays: [] }), oneOff('2025-03-04', 'd1'))).not.toBeNull();
    expect(match(passenger({ date: '2025-03-05', weekdays: [] }), oneOff('2025-03-04', 'd1'))).toBeNull();
  });

  it('matches recurring trips when their weekdays meet', () => {
    expect(match(passenger({ weekdays: [5, 6] }), trip({ id: 'd', role: 'driver', weekdays: [1, 5] }))).not.toBeNull();
    expect(match(passenger({ weekdays: [2, 3] }), trip({ id: 'd', role: 'driver', weekdays: [1, 5] }))).toBeNull();
  });

  it("matches a one-off trip with a recurring one when the date's weekday is in the set", () => {
    // 2025-03-03 is a Monday, 2025-03-09 a Sunday.
    expect(match(passenger({ date: '2025-03-03', weekdays: [] }), trip({ id: 'd', role: 'driver', weekdays: [1] }))).not.toBeNull();
    expect(match(passenger({ date: '2025-03-03', weekdays: [] }), trip({ id: 'd', role: 'driver', weekdays: [2, 3, 4, 5] }))).toBeNull();
    expect(match(passenger({ weekdays: [7] }), trip({ id: 'd', role: 'driver', date: '2025-03-09', weekdays: [] }))).not.toBeNull();
  });

  it('needs enough seats, two different people and one trip of each role', () => {
    expect(match(passenger({ seats: 2 }))).not.toBeNull();
    expect(match(passenger({ seats: 3 }))).toBeNull();
    expect(match(passenger({ userId: driver.userId }))).toBeNull();
    expect(evaluateMatch(passenger(), driver, MOBICOOP_RULES, flat)).toBeNull();
  });

  it('says when driver and passenger share a community', () => {
    expect(match(passenger({ communityIds: ['a', 'b'] }), { ...driver, communityIds: ['b'] })).toMatchObject({ sharedCommunity: true });
  });
});

describe('dates', () => {
  it('counts days from 1970-01-01 and reads ISO weekdays', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01')).toBe(11017);
    expect(dayNumber('2025-03-03')).toBe(20150);
    expect(weekdayMask({ date: '2025-03-03', weekdays: [] })).toBe(1); // Monday
    expect(weekdayMask({ date: '2025-03-09', weekdays: [] })).toBe(1 << 6); // Sunday
    expect(weekdayMask({ date: 'not a date', weekdays: [] })).toBe(0);
    expect(weekdayMask({ date: null, weekdays: [1, 3, 9] })).toBe(0b101);
  });
});

describe('compareMatches', () => {
  const m = (over: Partial<MatchExplanation>): MatchExplanation => ({
    ...{ driverTripId: 'd', passengerTripId: 'p', detourKm: 1, detourMin: 2, timeGapMin: 5 },
    ...{ sharedCommunity: false, sharedKm: 5, driverKm: 10 },
    ...over,
  });

  it('ranks shared community, then detour, then time gap, then id', () => {
    const ranked = [
      m({ driverTripId: 'e' }),
      m({ driverTripId: 'a', detourKm: 3 }),
      m({ driverTripId: 'b', timeGapMin: 0 }),
      m({ driverTripId: 'c', sharedCommunity: true, detourKm: 4 }),
      m({ driverTripId: 'd', detourKm: 0.5 }),
      m({ driverTripId: 'a' }),
    ].sort(compareMatches);
    expect(ranked.map((r) => r.driverTripId)).toEqual(['c', 'd', 'b', 'a', 'e', 'a']);
  });
});

describe('bruteForceTopMatches', () => {
  it('ranks on the figures shown: detours that round alike tie, and the id decides', () => {
    // 0.3 km and 0.1 km to the side: 45 m and 5 m of detour, both shown as 0.0 km.
    const drivers = [0.3, 0.1].map((lng, i) => trip({ id: `d${i}`, role: 'driver', origin: { lat: 0, lng }, destination: { lat: 10, lng } }));
    expect(bruteForceTopMatches(drivers, passenger(), 2, MOBICOOP_RULES, flat).map((t) => t.driverTripId)).toEqual(['d0', 'd1']);
  });

  it('evaluates every trip of the other role and keeps the k best', () => {
    // Parallel drivers 1 km, 0.6 km and 5 km to the side: detours 0.47, 0.17 km, and too far.
    const drivers = [0, 1, 0.6, 5].map((lng, i) => trip({ id: `d${i}`, role: 'driver', origin: { lat: 0, lng }, destination: { lat: 10, lng } }));
    const p = passenger();
    const top = bruteForceTopMatches([...drivers, passenger({ id: 'p2' })], p, 3, MOBICOOP_RULES, flat);
    expect(top.map((t) => [t.driverTripId, t.detourKm])).toEqual([['d0', 0], ['d2', 0.2], ['d1', 0.5]]);
    expect(bruteForceTopMatches(drivers, drivers[0]!, 5, MOBICOOP_RULES, flat)).toEqual([]);
  });
});
