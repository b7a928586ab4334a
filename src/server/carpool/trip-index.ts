/** @module In-memory carpool trip index: exact top-k matches by best-first search over dynamic k-d trees of trip records. */
import { EARTH_RADIUS_KM, type LatLng, type Leg, type Router } from './router.ts';
import { canShareTrip, compareMatches, dayNumber, explainMatch, weekdayMask } from './matching.ts';
import type { IndexedTrip, MatchExplanation, MatchLegs, MatchRules } from './matching.ts';

export { bruteForceTopMatches } from './matching.ts';

// A trip record, copied into its tree's leaf block so a leaf scan reads contiguous memory.
// Floats (f32): origin x y z, destination x y z (km on the sphere, from the index's reference point),
// km alone, window start, window end, seats. Ints: slot, day number of a one-off trip (RECURRING
// otherwise), weekday mask. Node bounds are min/max of f32 values, hence exact f32 themselves.
const FR = 10;
const IR = 3;
const SPATIAL = 6;
const [KM, START, END, SEATS] = [6, 7, 8, 9];
/** Split code for records equal in every coordinate (same meeting points): split by slot, so leaves stay small. */
const BY_SLOT = FR;
/** Node bounds: lo of each float, then hi of each. Node ints: count, dim (-1 leaf), first child (children are adjacent) or leaf block, mask. */
const NB = 2 * FR;
const NI = 4;
const RECURRING = -2147483648;
/** Records per leaf: a leaf scan costs less than a node visit, so fairly big leaves pay (16–64 measured within 15 %). */
const CAP = 32;
/** Scapegoat balance: a subtree whose child holds more than this share of it is rebuilt when the tree grows too deep. */
const BALANCE = 0.75;
/** Float32 rounds minutes and seats by at most 1e-4 of a unit: prune only beyond that, the exact test decides. */
const [TIME_SLACK, SEAT_SLACK] = [1e-3, 1e-3];
const RAD = Math.PI / 180;
/** See `rankKey`. */
const GAP_RANGE = 4096;

function grown<T extends Float32Array | Float64Array | Int32Array | Uint32Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Every tree of one index in shared typed-array pools (no object per node: fewer cache misses, no GC).
 * A tree is a root node id; leaves split when full, subtrees are rebuilt (median splits on the widest
 * coordinate) when the tree grows too deep, and removals refit the bounds up the path, so they stay exact.
 */
class Forest {
  bounds = new Float32Array(64 * NB);
  ints = new Int32Array(64 * NI);
  splits = new Float64Array(64);
  recF = new Float32Array(8 * CAP * FR);
  recI = new Int32Array(8 * CAP * IR);
  private pairs = 0;
  private blocks = 0;
  private readonly freePairs: number[] = [];
  private readonly freeBlocks: number[] = [];
  private readonly path: number[] = [];

  /** A new tree: an empty leaf (its pair's second node stays unused). */
  plant(): number {
    const root = this.allocPair();
    this.makeLeaf(root);
    return root;
  }

  count(n: number): number {
    return this.ints[n * NI]!;
  }

  insert(root: number, f: Float32Array, i: Int32Array): void {
    const path = this.descend(root, f, i);
    const leaf = path.pop()!;
    for (const n of path) {
      this.widen(n, f, 0, i[2]!);
      this.ints[n * NI]!++;
    }
    if (this.count(leaf) < CAP) this.append(leaf, f, 0, i, 0);
    else this.rebuild(leaf, f, i);
    if (path.length > 2 * Math.log2(this.count(root) / CAP + 1) + 4) {
      const scapegoat = path.findLast((n) => Math.max(this.count(this.ints[n * NI + 2]!), this.count(this.ints[n * NI + 2]! + 1)) > BALANCE * this.count(n));
      if (scapegoat !== undefined) this.rebuild(scapegoat);
    }
  }

  remove(root: number, f: Float32Array, i: Int32Array): boolean {
    const path = this.descend(root, f, i);
    const leaf = path.pop()!;
    const base = this.ints[leaf * NI + 2]! * CAP;
    const last = this.count(leaf) - 1;
    let r = 0;
    while (r <= last && this.recI[(base + r) * IR] !== i[0]) r++;
    if (r > last) return false;
    this.recF.copyWithin((base + r) * FR, (base + last) * FR, (base + last + 1) * FR);
    this.recI.copyWithin((base + r) * IR, (base + last) * IR, (base + last + 1) * IR);
    this.ints[leaf * NI] = last;
    for (const n of [leaf, ...path.reverse()]) {
      if (n !== leaf) this.ints[n * NI]!--;
      this.refit(n);
    }
    return true;
  }

  /** Rebuilds the subtree at n in place, balanced, with one extra record when given. */
  rebuild(n: number, extraF?: Float32Array, extraI?: Int32Array): void {
    const total = this.count(n) + (extraF ? 1 : 0);
    const F = new Float32Array(total * FR);
    const I = new Int32Array(total * IR);
    let at = 0;
    const collect = (m: number): void => {
      const [count, dim, link] = [this.count(m), this.ints[m * NI + 1]!, this.ints[m * NI + 2]!];
      if (dim >= 0) {
        collect(link);
        collect(link + 1);
        this.freePairs.push(link / 2);
        return;
      }
      F.set(this.recF.subarray(link * CAP * FR, (link * CAP + count) * FR), at * FR);
      I.set(this.recI.subarray(link * CAP * IR, (link * CAP + count) * IR), at * IR);
      at += count;
      this.freeBlocks.push(link);
    };
    collect(n);
    if (extraF && extraI) {
      F.set(extraF, at * FR);
      I.set(extraI, at * IR);
    }
    this.build(n, F, I, Int32Array.from({ length: total }, (_, j) => j), 0, total);
  }

  private build(n: number, F: Float32Array, I: Int32Array, idx: Int32Array, from: number, to: number): void {
    const total = to - from;
    if (total <= CAP) {
      this.makeLeaf(n);
      for (let j = from; j < to; j++) this.append(n, F, idx[j]! * FR, I, idx[j]! * IR);
      return;
    }
    let [dim, widest] = [BY_SLOT, 0];
    for (let d = 0; d < SPATIAL; d++) {
      let [min, max] = [Infinity, -Infinity];
      for (let j = from; j < to; j++) {
        const v = F[idx[j]! * FR + d]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > widest) [dim, widest] = [d, max - min];
    }
    const key = (j: number): number => (dim === BY_SLOT ? I[idx[j]! * IR]! : F[idx[j]! * FR + dim]!);
    const keys = Float64Array.from({ length: total }, (_, j) => key(from + j)).sort();
    let split = keys[(total - 1) >> 1]!;
    // When the median is the maximum, split just below it so that both sides hold records.
    for (let j = total - 1; split === keys[total - 1]; j--) split = keys[j]!;
    let a = from;
    for (let b = to - 1; a <= b; ) {
      if (key(a) <= split) a++;
      else [idx[a], idx[b--]] = [idx[b]!, idx[a]!];
    }
    const child = this.allocPair();
    this.ints.set([total, dim, child, 0], n * NI);
    this.splits[n] = split;
    this.build(child, F, I, idx, from, a);
    this.build(child + 1, F, I, idx, a, to);
    this.refit(n);
  }

  /** Root-to-leaf path of a record (the leaf last). */
  private descend(root: number, f: Float32Array, i: Int32Array): number[] {
    const path = this.path;
    path.length = 0;
    let n = root;
    for (let dim = this.ints[n * NI + 1]!; dim >= 0; dim = this.ints[n * NI + 1]!) {
      path.push(n);
      n = this.ints[n * NI + 2]! + ((dim === BY_SLOT ? i[0]! : f[dim]!) <= this.splits[n]! ? 0 : 1);
    }
    path.push(n);
    return path;
  }

  private allocPair(): number {
    const pair = this.freePairs.pop() ?? this.pairs++;
    this.bounds = grown(this.bounds, (2 * pair + 2) * NB);
    this.ints = grown(this.ints, (2 * pair + 2) * NI);
    this.splits = grown(this.splits, 2 * pair + 2);
    return 2 * pair;
  }

  private makeLeaf(n: number): void {
    const block = this.freeBlocks.pop() ?? this.blocks++;
    this.recF = grown(this.recF, (block + 1) * CAP * FR);
    this.recI = grown(this.recI, (block + 1) * CAP * IR);
    this.ints.set([0, -1, block, 0], n * NI);
    this.bounds.fill(Infinity, n * NB, n * NB + FR).fill(-Infinity, n * NB + FR, n * NB + NB);
  }

  private append(leaf: number, F: Float32Array, fo: number, I: Int32Array, io: number): void {
    const r = this.ints[leaf * NI + 2]! * CAP + this.ints[leaf * NI]!++;
    this.recF.set(F.subarray(fo, fo + FR), r * FR);
    this.recI.set(I.subarray(io, io + IR), r * IR);
    this.widen(leaf, F, fo, I[io + 2]!);
  }

  private widen(n: number, F: Float32Array, fo: number, mask: number): void {
    const [b, o] = [this.bounds, n * NB];
    for (let d = 0; d < FR; d++) {
      const v = F[fo + d]!;
      if (v < b[o + d]!) b[o + d] = v;
      if (v > b[o + FR + d]!) b[o + FR + d] = v;
    }
    this.ints[n * NI + 3]! |= mask;
  }

  private refit(n: number): void {
    const [b, o, link] = [this.bounds, n * NB, this.ints[n * NI + 2]!];
    b.fill(Infinity, o, o + FR).fill(-Infinity, o + FR, o + NB);
    this.ints[n * NI + 3] = 0;
    if (this.ints[n * NI + 1]! < 0) {
      for (let r = link * CAP; r < link * CAP + this.count(n); r++) this.widen(n, this.recF, r * FR, this.recI[r * IR + 2]!);
      return;
    }
    for (const c of [link, link + 1]) {
      for (let d = 0; d < NB; d++) b[o + d] = d < FR ? Math.min(b[o + d]!, b[c * NB + d]!) : Math.max(b[o + d]!, b[c * NB + d]!);
      this.ints[n * NI + 3]! |= this.ints[c * NI + 3]!;
    }
  }
}

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
    [s.tol, s.slack] = [this.rules.timeToleranceMin, this.kmSlack()];
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

  /**
   * Float32 offsets round by ≤ 2⁻²⁴ of their size, km too: bounds give way by that much (a few cm
   * over a metropolis) plus 1 mm for float64 rounding, and can then never exceed the exact figures.
   */
  private kmSlack(): number {
    return 1e-6 * (1 + this.factor * this.farthestKm + this.longestKm);
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


const SCRATCH = new Float64Array(15);
const INV_18R2 = 1 / (18 * EARTH_RADIUS_KM * EARTH_RADIUS_KM);

/**
 * Chord-space lower bound of |O-Po| + |D-Pd| - |O-D| over drivers with O, D in the node's boxes (query:
 * passenger Po, Pd). Norms are convex, so each lies above its tangent at the box centre; the concave
 * -|O-D| is bounded by |c + δ| ≤ |c| + ĉ·δ + ρ²/(2(|c| - ρ)) for |δ| ≤ ρ < |c|, plus the arc-over-chord
 * excess. Near the zero-detour sheet (O behind Po, D beyond Pd) the linear terms cancel, so the bound is
 * tight exactly where plain box distances are loosest (ties at 0.0 km live there).
 */
export function lowerBoundDriverExcess(b: Float32Array, o: number, q: Float64Array): number {
  const v = SCRATCH;
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let hwO = 0;
  let hwD = 0;
  for (let d = 0; d < 3; d++) {
    const cO = (b[o + d]! + b[o + FR + d]!) / 2;
    const cD = (b[o + d + 3]! + b[o + FR + d + 3]!) / 2;
    const v1 = (v[d] = cO - q[d]!);
    const v2 = (v[d + 3] = cD - q[d + 3]!);
    const v3 = (v[d + 6] = cD - cO);
    const h1 = (v[d + 9] = (b[o + FR + d]! - b[o + d]!) / 2);
    const h2 = (v[d + 12] = (b[o + FR + d + 3]! - b[o + d + 3]!) / 2);
    n1 += v1 * v1;
    n2 += v2 * v2;
    n3 += v3 * v3;
    hwO += h1 * h1;
    hwD += h2 * h2;
  }
  n1 = Math.sqrt(n1);
  n2 = Math.sqrt(n2);
  n3 = Math.sqrt(n3);
  const rho = Math.sqrt(hwO) + Math.sqrt(hwD);
  if (!(rho < n3)) return -Infinity;
  // Per end, the better of two bounds of |x - P| ± ĉ·δ: the tangent at the centre (tight away from P),
  // and |x| ≥ -ĉ·x (tight along the driver's line, even when the box holds P).
  let slopeO = 0;
  let slopeD = 0;
  let coneO = 0;
  let coneD = 0;
  for (let d = 0; d < 3; d++) {
    const g1 = n1 > 0 ? v[d]! / n1 : 0;
    const g2 = n2 > 0 ? v[d + 3]! / n2 : 0;
    const g3 = v[d + 6]! / n3;
    slopeO += Math.abs(g1 + g3) * v[d + 9]!;
    slopeD += Math.abs(g2 - g3) * v[d + 12]!;
    coneO -= g3 * v[d]!;
    coneD += g3 * v[d + 3]!;
  }
  const ends = Math.max(n1 - slopeO, coneO) + Math.max(n2 - slopeD, coneD);
  const far = n3 + rho;
  return ends - n3 - (rho * rho) / (2 * (n3 - rho)) - far * far * far * INV_18R2;
}

/** Chord-space lower bound of |Po-O| + |Pd-Po| + |D-Pd| over passengers in the node's boxes (query: driver O, D); all convex, tangents at the centres. */
export function lowerBoundPassengerPath(b: Float32Array, o: number, q: Float64Array): number {
  const v = SCRATCH;
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  for (let d = 0; d < 3; d++) {
    const c1 = (b[o + d]! + b[o + FR + d]!) / 2;
    const c2 = (b[o + d + 3]! + b[o + FR + d + 3]!) / 2;
    const v1 = (v[d] = c1 - q[d]!);
    const v2 = (v[d + 3] = c2 - c1);
    const v3 = (v[d + 6] = c2 - q[d + 3]!);
    v[d + 9] = (b[o + FR + d]! - b[o + d]!) / 2;
    v[d + 12] = (b[o + FR + d + 3]! - b[o + d + 3]!) / 2;
    n1 += v1 * v1;
    n2 += v2 * v2;
    n3 += v3 * v3;
  }
  n1 = Math.sqrt(n1);
  n2 = Math.sqrt(n2);
  n3 = Math.sqrt(n3);
  let slope = 0;
  for (let d = 0; d < 3; d++) {
    const g1 = n1 > 0 ? v[d]! / n1 : 0;
    const g2 = n2 > 0 ? v[d + 3]! / n2 : 0;
    const g3 = n3 > 0 ? v[d + 6]! / n3 : 0;
    slope += Math.abs(g1 - g2) * v[d + 9]! + Math.abs(g2 + g3) * v[d + 12]!;
  }
  return n1 + n2 + n3 - slope;
}

/**
 * The rank a match reaches — (detour in 0.1 km, time gap in minutes), ordered like `compareMatches` —
 * packed in one integer; from lower bounds it is the best rank a record or a node can reach. Whole
 * numbers in, so no float is boxed on this hot path; gaps clamp (safely: only pruning is lost).
 */
function rankKey(detourUnits: number, gapMinutes: number): number {
  return detourUnits * GAP_RANGE + Math.min(gapMinutes, GAP_RANGE - 1);
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
