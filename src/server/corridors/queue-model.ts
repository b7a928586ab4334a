/** @module Point-queue (Vickrey bottleneck) model of a corridor over time slots: delay, shifted departures, the share of drivers that clears a jam. */

// Units: vehicles, minutes; `vehicleHours` is the only figure in hours. Formulas and assumptions:
// docs/queue-model.md.

export interface Corridor { capacityPerHour: number; freeFlowMin: number; slotMinutes: number; demand: number[] }
export interface QueueResult {
  /** Vehicles waiting at the end of each slot; runs past the last demand slot until the queue is empty. */
  queueAtEnd: number[];
  /** Mean delay (minutes) of a vehicle arriving in each demand slot: the time a vehicle at that slot would wait. */
  delayPerVehicleMin: number[];
  /** Total delay, vehicle-hours: the area between the cumulative arrival and departure curves. */
  vehicleHours: number;
}
export interface ClearingShare {
  /** Share (0..1, on a 0.1 % grid) of the drivers of every over-capacity slot to move. */
  share: number;
  /** The peak slot (highest demand) and where its drivers go. */
  from: number;
  to: number;
  /** Every slot the share is moved from (demand above capacity), each by the same offset. */
  slots: number[];
  /** Drivers moved in all, vehicles. */
  drivers: number;
}

/** Below this many vehicles a queue is rounding noise, not a queue. */
const NOISE_VEHICLES = 1e-9;
/** A corridor whose total delay is below this (vehicle-hours, ~4 ms) has no jam. */
const CLEAR_VEHICLE_HOURS = 1e-6;
/** Shares are searched on a 0.1 % grid. */
const SHARE_STEPS = 1000;

export function slotCapacity(c: Corridor): number {
  if (!(c.capacityPerHour > 0) || !(c.slotMinutes > 0)) throw new RangeError('Capacity and slot length must be positive.');
  return (c.capacityPerHour * c.slotMinutes) / 60;
}

/**
 * Area (vehicle-minutes) under the queue during one slot of `t` minutes that starts with `q0` vehicles
 * waiting, receives `a` vehicles uniformly and serves up to `s`: the queue moves linearly and stops at 0.
 */
function slotArea(q0: number, a: number, s: number, t: number): number {
  const q1 = q0 + a - s;
  if (q1 >= 0) return (t * (q0 + q1)) / 2;
  return (q0 * q0 * t) / (2 * (s - a)); // empties after q0·t/(s−a) minutes: a triangle
}

function nextQueue(q0: number, a: number, s: number): number {
  const q1 = q0 + a - s;
  return q1 > NOISE_VEHICLES ? q1 : 0;
}

/**
 * Runs the point queue. A vehicle arriving when `Q` vehicles wait leaves after `Q / μ` minutes (FIFO,
 * discharge at capacity μ = s / t), so the mean delay of a slot's arrivals is the slot's queue area / s.
 * @example runQueue({ capacityPerHour: 1200, freeFlowMin: 10, slotMinutes: 15, demand: [300, 420, 300] }).vehicleHours // 51
 */
export function runQueue(c: Corridor): QueueResult {
  const s = slotCapacity(c);
  const t = c.slotMinutes;
  const n = c.demand.length;
  // Preallocated and indexed: twice as fast as pushing, which matters for what-if batches (bench/queue.bench.ts).
  const queueAtEnd: number[] = new Array<number>(n);
  const delayPerVehicleMin: number[] = new Array<number>(n);
  let q = 0;
  let vehicleMinutes = 0;
  for (let i = 0; i < n; i++) {
    const a = c.demand[i]!;
    if (!(a >= 0 && a < Infinity)) throw new RangeError(`Demand ${a} in slot ${i} is not a number of vehicles.`);
    const area = slotArea(q, a, s, t);
    vehicleMinutes += area;
    delayPerVehicleMin[i] = area / s;
    q = nextQueue(q, a, s);
    queueAtEnd[i] = q;
  }
  while (q > 0) {
    vehicleMinutes += slotArea(q, 0, s, t);
    q = nextQueue(q, 0, s);
    queueAtEnd.push(q);
  }
  return { queueAtEnd, delayPerVehicleMin, vehicleHours: vehicleMinutes / 60 };
}

function checkSlot(demand: number[], slot: number, name: string): void {
  if (!Number.isInteger(slot) || slot < 0 || slot >= demand.length) throw new RangeError(`${name} slot ${slot} is outside 0..${demand.length - 1}.`);
}

/** Move `share` (0..1) of the drivers of slot `from` to slot `to`; vehicles are conserved. */
export function shiftDemand(demand: number[], from: number, to: number, share: number): number[] {
  checkSlot(demand, from, 'from');
  checkSlot(demand, to, 'to');
  if (!(share >= 0 && share <= 1)) throw new RangeError(`Share ${share} is outside 0..1.`);
  const next = demand.slice();
  const moved = (demand[from] ?? 0) * share;
  next[from] = (next[from] ?? 0) - moved;
  next[to] = (next[to] ?? 0) + moved;
  return next;
}

/** Moves `share` of the original drivers of every slot in `slots` by `offset` slots (all moves from the same original demand). */
function shiftSlots(demand: number[], slots: number[], offset: number, share: number): number[] {
  const next = demand.slice();
  for (const i of slots) {
    const moved = (demand[i] ?? 0) * share;
    next[i] = (next[i] ?? 0) - moved;
    next[i + offset] = (next[i + offset] ?? 0) + moved;
  }
  return next;
}

/** The first grid step that clears, found by a ternary search on the convex delay curve; null when its minimum is a jam. */
function findClearingStep(delayAt: (step: number) => number): number | null {
  let lo = 0;
  let hi = SHARE_STEPS;
  while (hi - lo > 2) {
    const m1 = lo + Math.floor((hi - lo) / 3);
    const m2 = hi - Math.floor((hi - lo) / 3);
    const d1 = delayAt(m1);
    const d2 = delayAt(m2);
    if (d1 <= CLEAR_VEHICLE_HOURS) return m1;
    if (d2 <= CLEAR_VEHICLE_HOURS) return m2;
    if (d1 < d2) hi = m2 - 1;
    else if (d1 > d2) lo = m1 + 1;
    else [lo, hi] = [m1, m2];
  }
  for (let k = lo; k <= hi; k++) if (delayAt(k) <= CLEAR_VEHICLE_HOURS) return k;
  return null;
}

/**
 * The smallest share (0.1 % grid) of the drivers of every over-capacity slot that, moved `offsetSlots`
 * earlier (negative) or later, makes the queue vanish; null when no share does or a target slot is
 * outside the period. Total delay is convex in the share, so the clearing shares form one interval:
 * find a point in it, then binary-search its lower end.
 */
export function shareToClear(c: Corridor, offsetSlots: number): ClearingShare | null {
  if (!Number.isInteger(offsetSlots) || offsetSlots === 0) throw new RangeError('The offset is a non-zero whole number of slots.');
  const s = slotCapacity(c);
  const n = c.demand.length;
  let from = 0;
  c.demand.forEach((d, i) => { if (d > (c.demand[from] ?? 0)) from = i; });
  const to = from + offsetSlots;
  const slots = c.demand.flatMap((d, i) => (d > s + NOISE_VEHICLES ? [i] : []));
  if (slots.length === 0) return { share: 0, from, to, slots, drivers: 0 };
  if (slots.some((i) => i + offsetSlots < 0 || i + offsetSlots >= n)) return null;
  const delayAt = (step: number) => runQueue({ ...c, demand: shiftSlots(c.demand, slots, offsetSlots, step / SHARE_STEPS) }).vehicleHours;
  if (delayAt(0) <= CLEAR_VEHICLE_HOURS) return { share: 0, from, to, slots, drivers: 0 }; // an excess too small to queue
  const found = findClearingStep(delayAt);
  if (found === null) return null;
  let hi = found;
  let lo = 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (delayAt(mid) <= CLEAR_VEHICLE_HOURS) hi = mid;
    else lo = mid;
  }
  const share = hi / SHARE_STEPS;
  return { share, from, to, slots, drivers: share * slots.reduce((sum, i) => sum + (c.demand[i] ?? 0), 0) };
}

/**
 * The clearing share as a sentence, with the percentage as computed (0.1 % grid) and the offset in minutes
 * (negative = earlier). "Drivers" are those of the over-capacity slots; pass their window to say so.
 * @example formatClearingSentence(0.048, -20, 'en') // "4.8 % of drivers leaving 20 minutes earlier would remove this jam."
 */
export function formatClearingSentence(share: number, offsetMinutes: number, locale: 'fr' | 'en', window?: { from: string; to: string }): string {
  const fr = locale === 'fr';
  if (share <= 0) return fr ? 'Pas de bouchon à effacer ici.' : 'There is no jam to remove here.';
  const pct = (Math.ceil(share * 1000 - 1e-6) / 10).toFixed(1); // rounded up: the stated share is enough
  const minutes = Math.abs(offsetMinutes);
  if (fr) {
    const when = `${minutes} minute${minutes > 1 ? 's' : ''} plus ${offsetMinutes < 0 ? 'tôt' : 'tard'}`;
    const pctFr = `${pct.replace('.', ',')}\u202f%`; // narrow no-break space: French typography
    return window
      ? `Si ${pctFr} des conducteurs qui partent entre ${window.from} et ${window.to} partaient ${when}, ce bouchon disparaîtrait.`
      : `${pctFr} des conducteurs partant ${when} suffiraient à effacer ce bouchon.`;
  }
  const when = `${minutes} minute${minutes === 1 ? '' : 's'} ${offsetMinutes < 0 ? 'earlier' : 'later'}`;
  const who = window ? `of the drivers who leave between ${window.from} and ${window.to}` : 'of drivers';
  return window ? `If ${pct} % ${who} left ${when}, this jam would disappear.` : `${pct} % ${who} leaving ${when} would remove this jam.`;
}
