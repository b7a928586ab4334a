// The index must return exactly what brute force returns, in the same order, whatever the trips,
// the rules, the router and the history of upserts and removals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceTopMatches, MOBICOOP_RULES, type IndexedTrip, type MatchRules } from './matching.ts';
import { crowFliesRouter, type LatLng, type Router } from '../core/router.ts';
import { lowerBoundDriverExcess, lowerBoundPassengerPath, TripIndex } from './trip-index.ts';
import { seededRandom } from '../core/random.ts';

const router = crowFliesRouter();
/** Same legs, but no promise about geometry: the index may only use bounds that need none. */
const roadGraph: Router = { leg: (a, b) => router.leg(a, b) };

// Around Dijon (±0.15°): half the trips anywhere, half along corridors between hubs (with jitter), so
// that many pairs are feasible, many detours tie once rounded, and the bounds are tested at their edge.
const hubs: LatLng[] = [
  { lat: 47.322, lng: 5.041 },
  { lat: 47.25, lng: 5.15 },
  { lat: 47.4, lng: 4.93 },
  { lat: 47.3, lng: 4.95 },
];
const spread = (centre: number, width: number) => fc.double({ min: centre - width, max: centre + width, noNaN: true });
const along = (a: LatLng, b: LatLng, from: number, to: number): fc.Arbitrary<LatLng> =>
  fc.tuple(fc.double({ min: from, max: to, noNaN: true }), spread(0, 0.004), spread(0, 0.004)).map(([t, dLat, dLng]) => ({
    lat: a.lat + t * (b.lat - a.lat) + dLat,
    lng: a.lng + t * (b.lng - a.lng) + dLng,
  }));
const anywhere = fc.record({ lat: spread(47.32, 0.15), lng: spread(5.04, 0.15) });
const ends: fc.Arbitrary<{ origin: LatLng; destination: LatLng }> = fc.oneof(
  fc.record({ origin: anywhere, destination: anywhere }),
  fc
    .tuple(fc.constantFrom(...hubs), fc.constantFrom(...hubs))
    .filter(([a, b]) => a !== b)
    .chain(([a, b]) => fc.record({ origin: along(a, b, -0.3, 0.4), destination: along(a, b, 0.6, 1.3) })),
);
const tripFields = fc.record({
  role: fc.constantFrom<IndexedTrip['role'][]>('driver', 'passenger'),
  userId: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6'),
  ends,
  date: fc.option(fc.constantFrom('2025-03-03', '2025-03-04', '2025-03-09'), { freq: 3 }),
  weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
  start: fc.constantFrom(450, 460, 465, 475, 480, 490, 495, 500, 510, 525),
  length: fc.constantFrom(0, 15, 30),
  seats: fc.integer({ min: 1, max: 3 }),
  communityIds: fc.subarray(['a', 'b', 'c']),
});
const rulesArb: fc.Arbitrary<MatchRules> = fc.oneof(
  fc.constant(MOBICOOP_RULES),
  fc.record({
    timeToleranceMin: fc.integer({ min: 0, max: 30 }),
    maxDetourShare: fc.double({ min: 0.05, max: 0.6, noNaN: true }),
    minSharedShare: fc.double({ min: 0.1, max: 0.7, noNaN: true }),
  }),
);

type Fields = typeof tripFields extends fc.Arbitrary<infer T> ? T : never;
const toTrip = (f: Fields, id: string): IndexedTrip => ({
  id,
  userId: f.userId,
  role: f.role,
  origin: f.ends.origin,
  destination: f.ends.destination,
  date: f.date,
  weekdays: f.date === null ? f.weekdays : [],
  window: { start: f.start, end: f.start + f.length },
  seats: f.seats,
  communityIds: f.communityIds,
});

/** Live trips (every one, or every `step`-th) asked for their top 1, 3 and 10: index and brute force must agree exactly. */
function expectSameAsBruteForce(index: TripIndex, live: Map<string, IndexedTrip>, rules: MatchRules, using: Router, step = 1): void {
  for (const q of [...live.values()].filter((_, i) => i % step === 0)) {
    for (const k of [1, 3, 10]) expect(index.topMatches(q, k)).toEqual(bruteForceTopMatches(live.values(), q, k, rules, using));
  }
}

describe('TripIndex', () => {
  it('equals brute force on random trips around Dijon, through upserts, moves and removals', () => {
    fc.assert(
      fc.property(fc.array(tripFields, { minLength: 1, maxLength: 400, size: 'max' }), fc.array(tripFields, { maxLength: 40, size: 'max' }), rulesArb, fc.boolean(), (first, moved, rules, geometric) => {
        const using = geometric ? router : roadGraph;
        const index = new TripIndex(using, rules);
        const live = new Map<string, IndexedTrip>();
        first.forEach((f, i) => live.set(`t${i}`, toTrip(f, `t${i}`)));
        for (const t of live.values()) index.upsert(t);
        // Move some trips (same id, new fields) and remove every seventh.
        moved.forEach((f, i) => live.set(`t${(i * 3) % first.length}`, toTrip(f, `t${(i * 3) % first.length}`)));
        for (const t of live.values()) index.upsert(t);
        for (let i = 0; i < first.length; i += 7) {
          index.remove(`t${i}`);
          live.delete(`t${i}`);
        }
        expect(index.size()).toBe(live.size);
        expectSameAsBruteForce(index, live, rules, using, Math.ceil(live.size / 40));
      }),
      { numRuns: 60 },
    );
  });

  it('equals brute force on 4,000 corridor trips, where deep trees prune on every bound', () => {
    for (const seed of [1, 2]) {
      const random = seededRandom(seed);
      const near = (p: LatLng, t: number, q: LatLng, jitter: number): LatLng => ({
        lat: p.lat + t * (q.lat - p.lat) + (random.next() - 0.5) * jitter,
        lng: p.lng + t * (q.lng - p.lng) + (random.next() - 0.5) * jitter,
      });
      const live = new Map<string, IndexedTrip>();
      for (let i = 0; i < 4000; i++) {
        const [a, b] = [random.pick(hubs), random.pick(hubs)];
        const start = 450 + 5 * random.int(0, 12);
        live.set(`c${i}`, {
          ...{ id: `c${i}`, userId: `u${random.int(0, 2000)}`, role: random.next() < 0.4 ? 'driver' : 'passenger' },
          origin: near(a, random.next() * 0.4 - 0.2, b, 0.02),
          destination: near(a, 0.6 + random.next() * 0.5, b, 0.02),
          ...{ date: random.next() < 0.3 ? '2025-03-04' : null, weekdays: random.next() < 0.3 ? [] : [1, 2, 3, 4, 5] },
          ...{ window: { start, end: start + 30 }, seats: random.int(1, 2), communityIds: random.next() < 0.2 ? [random.pick(['a', 'b'])] : [] },
        });
      }
      for (const t of live.values()) if (t.date) t.weekdays = [];
      const index = new TripIndex(router, MOBICOOP_RULES);
      for (const t of live.values()) index.upsert(t);
      expectSameAsBruteForce(index, live, MOBICOOP_RULES, router, 40);
    }
  });

  it('stays exact over many trips at the very same points (leaves split by slot)', () => {
    const index = new TripIndex(router, MOBICOOP_RULES);
    const live = new Map<string, IndexedTrip>();
    for (let i = 0; i < 150; i++) {
      const role = i % 3 === 0 ? 'driver' : 'passenger';
      const t: IndexedTrip = { id: `s${i}`, userId: `u${i}`, role, origin: hubs[0]!, destination: hubs[1]!, date: null, weekdays: [1], window: { start: 480 + (i % 20), end: 510 }, seats: 1, communityIds: [] };
      live.set(t.id, t);
      index.upsert(t);
    }
    expectSameAsBruteForce(index, live, MOBICOOP_RULES, router);
  });

  it('stays exact with trips far apart (float32 offsets from a distant reference)', () => {
    const index = new TripIndex(router, MOBICOOP_RULES);
    const live = new Map<string, IndexedTrip>();
    const cities = [hubs[0]!, { lat: 43.3, lng: 5.37 }, { lat: 48.86, lng: 2.35 }];
    for (let i = 0; i < 120; i++) {
      const c = cities[i % 3]!;
      const t: IndexedTrip = {
        ...{ id: `f${i}`, userId: `u${i}`, role: i % 2 ? 'driver' : 'passenger', date: null, weekdays: [1, 2] },
        origin: { lat: c.lat + ((i * 7) % 11) * 0.004, lng: c.lng + ((i * 5) % 13) * 0.004 },
        destination: { lat: c.lat + 0.06 + ((i * 3) % 7) * 0.003, lng: c.lng + 0.05 },
        ...{ window: { start: 480, end: 510 }, seats: 1, communityIds: i % 4 ? [] : ['club'] },
      };
      live.set(t.id, t);
      index.upsert(t);
    }
    expectSameAsBruteForce(index, live, MOBICOOP_RULES, router);
  });

  it('forgets removed trips, replaces upserted ones, and rebuilds after many removals', () => {
    const index = new TripIndex(router, MOBICOOP_RULES);
    const base: IndexedTrip = { id: 'd', userId: 'u1', role: 'driver', origin: hubs[0]!, destination: hubs[1]!, date: null, weekdays: [1], window: { start: 480, end: 510 }, seats: 2, communityIds: [] };
    const rider: IndexedTrip = { ...base, id: 'p', userId: 'u2', role: 'passenger', seats: 1 };
    const live = new Map<string, IndexedTrip>([['p', rider]]);
    index.upsert(rider);
    for (let i = 0; i < 300; i++) index.upsert({ ...base, id: `d${i}`, userId: `v${i}` });
    expect(index.size()).toBe(301);
    for (let i = 0; i < 290; i++) index.remove(`d${i}`);
    index.remove('unknown');
    for (let i = 290; i < 300; i++) live.set(`d${i}`, { ...base, id: `d${i}`, userId: `v${i}` });
    expect(index.size()).toBe(11);
    expectSameAsBruteForce(index, live, MOBICOOP_RULES, router);
    index.upsert({ ...base, id: 'd295', userId: 'v295', weekdays: [2] });
    expect(index.topMatches(rider, 20).map((m) => m.driverTripId)).not.toContain('d295');
    expect(new TripIndex(router, MOBICOOP_RULES).topMatches(rider, 5)).toEqual([]);
    expect(index.topMatches(rider, 0)).toEqual([]);
  });
});

describe('node bounds', () => {
  // A node's bounds as the index lays them out: min of the 10 record floats, then max.
  const box = (o: number[], oHalf: number[], d: number[], dHalf: number[]): Float32Array => {
    const b = new Float32Array(20);
    for (let i = 0; i < 3; i++) [b[i], b[10 + i], b[3 + i], b[13 + i]] = [o[i]! - oHalf[i]!, o[i]! + oHalf[i]!, d[i]! - dHalf[i]!, d[i]! + dHalf[i]!];
    return b;
  };
  const inside = (b: Float32Array, base: number, u: number[]): number[] => [0, 1, 2].map((i) => b[base + i]! + u[i]! * (b[10 + base + i]! - b[base + i]!));
  const dist = (a: number[], c: number[]): number => Math.hypot(a[0]! - c[0]!, a[1]! - c[1]!, a[2]! - c[2]!);
  const vec = (km: number) => fc.tuple(spread(0, km), spread(0, km), spread(0, km));
  const unit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
  const half = fc.constantFrom(0, 0.01, 0.1, 0.5, 2).chain((s) => fc.tuple(spread(s, s), spread(s, s), spread(s, s)));

  it('never exceed the exact value anywhere in the boxes, and are tight for small boxes', () => {
    fc.assert(
      fc.property(vec(20), half, vec(20), half, vec(20), vec(20), fc.array(fc.tuple(unit, unit), { minLength: 1, maxLength: 30 }), (o, oh, d, dh, p1, p2, samples) => {
        const b = box(o, oh, d, dh);
        const q = Float64Array.from([...p1, ...p2, 0, 0, 0, 0]);
        const excess = lowerBoundDriverExcess(b, 0, q);
        const path = lowerBoundPassengerPath(b, 0, q);
        for (const [u, v] of [...samples, [[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]] as const]) {
          const [x, y] = [inside(b, 0, [...u]), inside(b, 3, [...v])];
          // Driver O = x, D = y against passenger p1 → p2; passenger Po = x, Pd = y against driver p1 → p2.
          expect(excess).toBeLessThanOrEqual(dist(x, p1) + dist(y, p2) - dist(x, y) + 1e-9);
          expect(path).toBeLessThanOrEqual(dist(x, p1) + dist(y, x) + dist(p2, y) + 1e-9);
        }
        if (Math.max(...oh, ...dh) === 0 && dist([...o], [...d]) > 1) {
          const [x, y] = [inside(b, 0, [0.5, 0.5, 0.5]), inside(b, 3, [0.5, 0.5, 0.5])];
          expect(excess).toBeGreaterThan(dist(x, p1) + dist(y, p2) - dist(x, y) - 1e-3);
          expect(path).toBeGreaterThan(dist(x, p1) + dist(y, x) + dist(p2, y) - 1e-6);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
