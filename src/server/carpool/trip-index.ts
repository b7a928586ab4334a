/** @module In-memory carpool trip index: exact top-k matches by best-first search over dynamic k-d trees of trip records. */
import { EARTH_RADIUS_KM, type LatLng, type Leg, type Router } from '../core/router.ts';
import { canShareTrip, compareMatches, dayNumber, explainMatch, weekdayMask } from './matching.ts';
import type { IndexedTrip, MatchExplanation, MatchLegs, MatchRules } from './matching.ts';
import { CAP, END, FR, Forest, grown, IR, KM, NB, NI, RECURRING, SEATS, SPATIAL, START } from './trip-forest.ts';
import { INV_18R2, kmSlack, lowerBoundDriverExcess, lowerBoundPassengerPath, rankKey, SEAT_SLACK, TIME_SLACK } from './node-bounds.ts';

export { bruteForceTopMatches } from './matching.ts';
export { lowerBoundDriverExcess, lowerBoundPassengerPath } from './node-bounds.ts';

const RAD = Math.PI / 180;

/** Binary min-heap of node ids keyed by their detour lower bound. */
class NodeHeap {
  size = 0;
  private keys = new Float64Array(256);
  private nodes = new Int32Array(256);

  peekKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) [this.keys, this.nodes] = [grown(this.keys, this.size * 2), grown(this.nodes, this.size * 2)];
    let at = this.size++;
    for (let up = (at - 1) >> 1; at > 0 && this.keys[up]! > key; at = up, up = (at - 1) >> 1) {
      this.keys[at] = this.keys[up]!;
      this.nodes[at] = this.nodes[up]!;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
  }

  pop(): number {
    const top = this.nodes[0]!;
    const [key, node] = [this.keys[--this.size]!, this.nodes[this.size]!];
    let at = 0;
    for (let child = 1; child < this.size; at = child, child = 2 * at + 1) {
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[at] = this.keys[child]!;
      this.nodes[at] = this.nodes[child]!;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
    return top;
  }
}

/**
 * One query: its record (float64, unrounded), which side it looks for, and the ranked matches kept so
 * far. One instance per index, reset per query: stable field types keep the hot loops optimised.
 */
class Search {
  trip: IndexedTrip | null = null;
  readonly q = new Float64Array(FR);
  readonly i = new Int32Array(IR);
  day = 0;
  mask = 0;
  leg: Leg = { km: 0, minutes: 0 };
  findsDrivers = false;
  communities = new Set<string>();
  sharedPhase = false;
  found: MatchExplanation[] = [];
  need = 0;
  /** Rank key (see `rankKey`) of the need-th match once `found` is full: anything ranking above it cannot enter. */
  worstKey = Number.MAX_VALUE;
  tol = 0.5;
  slack = 0.5;

  /** Starts a phase: `need` more matches, none kept yet. */
  phase(sharedPhase: boolean, need: number): void {
    this.sharedPhase = sharedPhase;
    this.found = [];
    this.need = need;
    this.worstKey = Number.MAX_VALUE;
  }
}

type Role = IndexedTrip['role'];
interface Trees {
  driver: number;
  passenger: number;
}

/**
 * Exact top-k matching over many trips. Each role has a tree of 6-D points (origin and destination on
 * the sphere); each community has its own pair of trees, so "shared community first" is answered
 * from the person's communities alone. A query visits nodes by increasing detour lower bound —
 * straight-line chord distances × road factor, never above the router's km — and stops as soon as
 * no node left can beat the k-th match; the k survivors are the router's exact figures.
 */
export class TripIndex {
  private readonly trips: (IndexedTrip | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  /** km and minutes of each slot's trip alone, so a match reuses the router's very numbers. */
  private legs = new Float64Array(1024);
  /** Marks a slot evaluated in this query: a driver can share several communities with the passenger. */
  private stamps = new Uint32Array(512);
  private epoch = 0;
  private readonly forest = new Forest();
  private readonly trees: Trees;
  private readonly communities = new Map<string, Trees>();
  private removed = 0;
  private readonly heap = new NodeHeap();
  private readonly search = new Search();
  /** Reused for every evaluation (explainMatch keeps none of them): fewer young objects, fewer GC pauses. */
  private readonly otherLeg: Leg = { km: 0.5, minutes: 0.5 };
  private readonly matchLegs: MatchLegs = { alone: this.otherLeg, pickup: this.otherLeg, shared: this.otherLeg, dropOff: this.otherLeg };
  private readonly record = { f: new Float32Array(FR), i: new Int32Array(IR) };
  /** Road km ≥ factor × chord km only for a straight-line router; 0 keeps the bounds that need no geometry. */
  private readonly factor: number;
  /** Origin of the record coordinates (the first trip's origin): float32 offsets stay at cm precision. */
  private reference: Float64Array | null = null;
  private farthestKm = 0;
  private longestKm = 0;

  constructor(
    private readonly router: Router,
    private readonly rules: MatchRules,
  ) {
    this.factor = router.roadFactor ?? 0;
    this.trees = { driver: this.forest.plant(), passenger: this.forest.plant() };
  }

  /** Adds or replaces a trip. Treat the object as immutable afterwards: upsert a new one to change it. */
  upsert(trip: IndexedTrip): void {
    this.remove(trip.id);
    const slot = this.freeSlots.pop() ?? this.trips.length;
    [this.legs, this.stamps] = [grown(this.legs, 2 * slot + 2), grown(this.stamps, slot + 1)];
    const leg = this.router.leg(trip.origin, trip.destination);
    [this.legs[2 * slot], this.legs[2 * slot + 1]] = [leg.km, leg.minutes];
    this.trips[slot] = trip;
    this.slots.set(trip.id, slot);
    this.reference ??= sphere(trip.origin, new Float64Array(3), 0, new Float64Array(3));
    this.write(trip, slot, leg.km, this.record.f, this.record.i);
    for (let d = 0; d < SPATIAL; d++) this.farthestKm = Math.max(this.farthestKm, Math.abs(this.record.f[d]!));
    this.longestKm = Math.max(this.longestKm, leg.km);
    for (const root of this.rootsOf(trip, true)) this.forest.insert(root, this.record.f, this.record.i);
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const trip = this.trips[slot]!;
    this.write(trip, slot, this.legs[2 * slot]!, this.record.f, this.record.i);
    for (const root of this.rootsOf(trip, false)) this.forest.remove(root, this.record.f, this.record.i);
    // Removals leave empty leaves behind: rebuild once they outnumber the live records.
    if (++this.removed > CAP && this.removed > this.slots.size) {
      for (const trees of [this.trees, ...this.communities.values()]) [trees.driver, trees.passenger].forEach((r) => this.forest.rebuild(r));
      this.removed = 0;
    }
    this.trips[slot] = undefined;
    this.slots.delete(id);
    this.freeSlots.push(slot);
  }

  size(): number {
    return this.slots.size;
  }

  /** Whether a trip is in the index. */
  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** The indexed trips of one person: a scan, for the rare times a person's account or communities change. */
  tripsOf(userId: string): IndexedTrip[] {
    return this.trips.filter((t): t is IndexedTrip => t !== undefined && t.userId === userId);
  }

  /** Top-k drivers for a passenger trip (or passengers for a driver trip), ranked. */
  topMatches(trip: IndexedTrip, k: number): MatchExplanation[] {
    if (!(k > 0) || this.reference === null) return [];
    const s = this.search;
    s.trip = trip;
    s.leg = this.router.leg(trip.origin, trip.destination);
    this.write(trip, -1, s.leg.km, s.q, s.i);
    [s.day, s.mask] = [s.i[1]!, s.i[2]!];
    const role: Role = trip.role === 'driver' ? 'passenger' : 'driver';
    s.findsDrivers = role === 'driver';
    s.communities = new Set(trip.communityIds);
    [s.tol, s.slack] = [this.rules.timeToleranceMin, kmSlack(this.factor, this.farthestKm, this.longestKm)];
    // Phase 1, shared communities: exhaustive over feasible records unless k are found, so phase 2 may skip them.
    s.phase(true, k);
    const shared = [...s.communities].flatMap((c) => this.communities.get(c)?.[role] ?? []);
    if (shared.length > 0) {
      if (++this.epoch === 2 ** 32) [this.epoch, this.stamps] = [1, new Uint32Array(this.stamps.length)];
      this.run(shared, s);
      if (s.found.length >= k) {
        s.trip = null;
        return s.found;
      }
    }
    const first = s.found;
    s.phase(false, k - first.length);
    this.run([this.trees[role]], s);
    s.trip = null;
    return first.concat(s.found);
  }


  private write(trip: IndexedTrip, slot: number, km: number, f: Float32Array | Float64Array, i: Int32Array): void {
    sphere(trip.origin, f, 0, this.reference!);
    sphere(trip.destination, f, 3, this.reference!);
    [f[KM], f[START], f[END], f[SEATS]] = [km, trip.window.start, trip.window.end, trip.seats];
    [i[0], i[1], i[2]] = [slot, trip.date === null ? RECURRING : dayNumber(trip.date) | 0, weekdayMask(trip)];
  }

  private rootsOf(trip: IndexedTrip, create: boolean): number[] {
    const roots = [this.trees[trip.role]];
    for (const c of new Set(trip.communityIds)) {
      let trees = this.communities.get(c);
      if (!trees && create) this.communities.set(c, (trees = { driver: this.forest.plant(), passenger: this.forest.plant() }));
      if (trees) roots.push(trees[trip.role]);
    }
    return roots;
  }

  /** Best-first: nodes by increasing detour lower bound, until no node left can enter the top k. */
  private run(roots: number[], s: Search): void {
    const heap = this.heap;
    heap.size = 0;
    for (const root of roots) this.consider(root, s);
    while (heap.size > 0 && heap.peekKey() <= s.worstKey) {
      const n = heap.pop();
      const ints = this.forest.ints;
      const link = ints[n * NI + 2]!;
      if (ints[n * NI + 1]! < 0) this.scan(link, ints[n * NI]!, s);
      else {
        this.consider(link, s);
        this.consider(link + 1, s);
      }
    }
  }

  private consider(n: number, s: Search): void {
    const b = this.forest.bounds;
    const ints = this.forest.ints;
    const q = s.q;
    const o = n * NB;
    const drivers = s.findsDrivers;
    if (ints[n * NI] === 0 || (ints[n * NI + 3]! & s.mask) === 0) return;
    const gap = Math.max(0, b[o + START]! - q[END]!, q[START]! - b[o + FR + END]!) - TIME_SLACK;
    if (gap > s.tol) return;
    if (drivers ? b[o + FR + SEATS]! < q[SEATS]! - SEAT_SLACK : b[o + SEATS]! > q[SEATS]! + SEAT_SLACK) return;
    // near: origin box to query origin, destination box to query destination; far: the crossed pairs, at most.
    let nearO = 0;
    let nearD = 0;
    let farX = 0;
    let farY = 0;
    for (let d = 0; d < 3; d++) {
      const lo = b[o + d]!;
      const hi = b[o + FR + d]!;
      const lo3 = b[o + d + 3]!;
      const hi3 = b[o + FR + d + 3]!;
      const v = q[d]!;
      const w = q[d + 3]!;
      const gapO = lo > v ? lo - v : v > hi ? v - hi : 0;
      const gapD = lo3 > w ? lo3 - w : w > hi3 ? w - hi3 : 0;
      nearO += gapO * gapO;
      nearD += gapD * gapD;
      farX += Math.max((w - lo) * (w - lo), (w - hi) * (w - hi));
      farY += Math.max((v - lo3) * (v - lo3), (v - hi3) * (v - hi3));
    }
    const f = this.factor;
    const qkm = q[KM]!;
    const slack = s.slack;
    const kmLo = b[o + KM]!;
    const kmHi = b[o + FR + KM]!;
    // The shared-distance rule on the node's km range (records are drivers: km alone; else passengers: km shared).
    if (drivers ? kmLo * this.rules.minSharedShare > qkm + slack : kmHi + slack < this.rules.minSharedShare * qkm) return;
    const a = f * Math.sqrt(nearO);
    const c = f * Math.sqrt(nearD);
    let bound = a + c - slack + (drivers ? qkm - kmHi : kmLo - qkm);
    if (f > 0) {
      // The path through the far corner is never shorter than the direct one (triangle inequality on the sphere).
      // An arc is at most its chord c + c³ / 18R² (asin x ≤ x + x³ / (6 (1 - x²)) with x = c / 2R ≤ 1/2);
      // written out here so that no float crosses a function call on this hot path (it would be boxed).
      farX = Math.sqrt(farX);
      farY = Math.sqrt(farY);
      const x = f * (farX <= EARTH_RADIUS_KM ? farX + farX * farX * farX * INV_18R2 : (farX * Math.PI) / 2);
      const y = f * (farY <= EARTH_RADIUS_KM ? farY + farY * farY * farY * INV_18R2 : (farY * Math.PI) / 2);
      const shared = drivers ? qkm : kmLo;
      bound = Math.max(bound, a + shared - (drivers ? x : y) - slack, c + shared - (drivers ? y : x) - slack);
      // The tangent bound costs more: only when the cheap ones leave the node in.
      if (bound > this.rules.maxDetourShare * (drivers ? kmHi : qkm) || rankKey(Math.round(Math.max(0, bound) * 10), Math.round(Math.max(0, gap))) > s.worstKey) return;
      const excess = drivers ? lowerBoundDriverExcess(b, o, q) : lowerBoundPassengerPath(b, o, q);
      bound = Math.max(bound, f * excess + (drivers ? qkm : -qkm) - slack);
    }
    // The detour rule (detour ≤ share × driver km), then the best rank a record of the node can reach.
    if (bound > this.rules.maxDetourShare * (drivers ? kmHi : qkm)) return;
    const key = rankKey(Math.round(Math.max(0, bound) * 10), Math.round(Math.max(0, gap)));
    if (key <= s.worstKey) this.heap.push(key, n);
  }

  private scan(block: number, count: number, s: Search): void {
    const F = this.forest.recF;
    const I = this.forest.recI;
    const q = s.q;
    const qox = q[0]!;
    const qoy = q[1]!;
    const qoz = q[2]!;
    const qdx = q[3]!;
    const qdy = q[4]!;
    const qdz = q[5]!;
    const qkm = q[KM]!;
    const drivers = s.findsDrivers;
    const slack = s.slack;
    const f = this.factor;
    const detour = this.rules.maxDetourShare;
    const shared = this.rules.minSharedShare;
    for (let r = block * CAP, end = r + count; r < end; r++) {
      const fo = r * FR;
      const io = r * IR;
      if ((I[io + 2]! & s.mask) === 0 || (I[io + 1] !== RECURRING && s.day !== RECURRING && I[io + 1] !== s.day)) continue;
      const gap = Math.max(0, F[fo + START]! - q[END]!, q[START]! - F[fo + END]!) - TIME_SLACK;
      if (gap > s.tol) continue;
      if (drivers ? F[fo + SEATS]! < q[SEATS]! - SEAT_SLACK : F[fo + SEATS]! > q[SEATS]! + SEAT_SLACK) continue;
      const km = F[fo + KM]!;
      if (drivers ? km * shared > qkm + slack : km + slack < shared * qkm) continue;
      const ax = F[fo]! - qox;
      const ay = F[fo + 1]! - qoy;
      const az = F[fo + 2]! - qoz;
      const bx = F[fo + 3]! - qdx;
      const by = F[fo + 4]! - qdy;
      const bz = F[fo + 5]! - qdz;
      const bound = f * (Math.sqrt(ax * ax + ay * ay + az * az) + Math.sqrt(bx * bx + by * by + bz * bz)) - slack + (drivers ? qkm - km : km - qkm);
      if (bound > detour * (drivers ? km : qkm)) continue;
      if (rankKey(Math.round(Math.max(0, bound) * 10), Math.round(Math.max(0, gap))) <= s.worstKey) this.evaluate(I[io]!, s);
    }
  }

  private evaluate(slot: number, s: Search): void {
    const other = this.trips[slot]!;
    if (s.sharedPhase) {
      if (this.stamps[slot] === this.epoch) return;
      this.stamps[slot] = this.epoch;
    } else if (s.communities.size > 0) {
      for (const c of other.communityIds) if (s.communities.has(c)) return;
    }
    const query = s.trip!;
    const driver = s.findsDrivers ? other : query;
    const passenger = s.findsDrivers ? query : other;
    if (!canShareTrip(driver, passenger, this.rules)) return;
    const otherLeg = this.otherLeg;
    otherLeg.km = this.legs[2 * slot]!;
    otherLeg.minutes = this.legs[2 * slot + 1]!;
    const legs = this.matchLegs;
    legs.alone = s.findsDrivers ? otherLeg : s.leg;
    legs.shared = s.findsDrivers ? s.leg : otherLeg;
    legs.pickup = this.router.leg(driver.origin, passenger.origin);
    legs.dropOff = this.router.leg(passenger.destination, driver.destination);
    const match = explainMatch(driver, passenger, this.rules, legs);
    if (match) keep(s, match);
  }
}

/** A point on the sphere (km), minus `reference`: chords never exceed great-circle distances. */
function sphere(p: LatLng, out: Float32Array | Float64Array, at: number, reference: Float64Array): Float64Array {
  const [lat, lng] = [p.lat * RAD, p.lng * RAD];
  out[at] = EARTH_RADIUS_KM * Math.cos(lat) * Math.cos(lng) - reference[0]!;
  out[at + 1] = EARTH_RADIUS_KM * Math.cos(lat) * Math.sin(lng) - reference[1]!;
  out[at + 2] = EARTH_RADIUS_KM * Math.sin(lat) - reference[2]!;
  return out as Float64Array;
}

/** Inserts a match into the ranked list, capped at `need`. */
function keep(s: Search, match: MatchExplanation): void {
  let at = s.found.length;
  while (at > 0 && compareMatches(s.found[at - 1]!, match) > 0) at--;
  if (at >= s.need) return;
  s.found.splice(at, 0, match);
  if (s.found.length > s.need) s.found.pop();
  const worst = s.found[s.need - 1];
  if (worst) s.worstKey = rankKey(Math.round(worst.detourKm * 10), worst.timeGapMin);
}
