/** @module Who gains from the recorded shifts of one corridor-day — everyone, the shifters, the others — and how the others' gain is credited. */
import { weekStart } from '../core/time-of-day.ts';
import { runQueue, shiftDemand, type Corridor } from './queue-model.ts';

export interface ShiftMove { from: number; to: number; count: number }

export interface ShiftSavings {
  /** Delay without the shifts − delay with them, every driver included (vehicle-hours; negative = worse). */
  totalVehicleHours: number;
  /** The shifters' own part: their delay in their usual slot − their delay in the slot they moved to. */
  shiftersVehicleHours: number;
  /** Saved for others: total − shifters' own. Negative when the shifts made the other drivers wait longer. */
  othersVehicleHours: number;
  /** `othersVehicleHours` split equally per recorded trip (0 without trips), negative included. */
  perShiftVehicleHours: number;
  /** Recorded trips, and the vehicles actually moved (a slot never gives more than it holds). */
  trips: number;
  movedVehicles: number;
  /** The slot where the other drivers lost the most time, when they lost some somewhere; null otherwise. */
  worstSlot: number | null;
}

function checkSlot(n: number, slot: number, name: string): void {
  if (!Number.isInteger(slot) || slot < 0 || slot >= n) throw new RangeError(`${name} slot ${slot} is outside 0..${n - 1}.`);
}

/**
 * The delay the recorded shifts spared — and to whom. `c.demand` is the day without the shifts; shifts
 * (whole trips) apply in order, a slot never giving more vehicles than it holds at that point. Shifters
 * are interchangeable with the drivers of their slot (FIFO), so a moved vehicle's own change is the mean
 * delay of its usual slot without the shifts minus that of its new slot with them. Formulas and a worked
 * example: docs/queue-model.md.
 * @example shiftSavings(c([200, 420, 300]), [{ from: 1, to: 0, count: 20 }]) // total 9.33, shifters 1, others 8.33 vehicle-hours
 */
export function shiftSavings(c: Corridor, shifts: readonly ShiftMove[]): ShiftSavings {
  const n = c.demand.length;
  let demand = c.demand.slice();
  const out = new Array<number>(n).fill(0);
  const moves: { from: number; to: number; moved: number }[] = [];
  let trips = 0;
  for (const shift of shifts) {
    if (!(shift.count >= 0)) throw new RangeError(`Shift count ${shift.count} is negative.`);
    checkSlot(n, shift.from, 'from');
    checkSlot(n, shift.to, 'to');
    trips += shift.count;
    const available = Math.max(0, demand[shift.from] ?? 0);
    const moved = Math.min(shift.count, available);
    if (moved <= 0 || shift.from === shift.to) continue;
    demand = shiftDemand(demand, shift.from, shift.to, moved / available);
    out[shift.from]! += moved;
    moves.push({ from: shift.from, to: shift.to, moved });
  }
  const before = runQueue(c);
  const after = runQueue({ ...c, demand });
  const totalVehicleHours = before.vehicleHours - after.vehicleHours;
  const d0 = before.delayPerVehicleMin;
  const d1 = after.delayPerVehicleMin;
  const shiftersVehicleHours = moves.reduce((s, m) => s + (m.moved * ((d0[m.from] ?? 0) - (d1[m.to] ?? 0))) / 60, 0);
  const othersVehicleHours = totalVehicleHours - shiftersVehicleHours;
  // The drivers who stayed in slot i lost (d1 − d0) minutes each: the worst slot names where a bad day hurt.
  let worstSlot: number | null = null;
  let worstLoss = 1e-9;
  for (let i = 0; i < n; i++) {
    const loss = Math.max(0, (c.demand[i] ?? 0) - (out[i] ?? 0)) * ((d1[i] ?? 0) - (d0[i] ?? 0));
    if (loss > worstLoss) [worstSlot, worstLoss] = [i, loss];
  }
  return {
    totalVehicleHours,
    shiftersVehicleHours,
    othersVehicleHours,
    perShiftVehicleHours: trips > 0 ? othersVehicleHours / trips : 0,
    trips,
    movedVehicles: moves.reduce((s, m) => s + m.moved, 0),
    worstSlot,
  };
}

/** One corridor-day's result and the shift gestures recorded on it. */
export interface CorridorDay { date: string; gestureIds: readonly string[]; savings: Pick<ShiftSavings, 'perShiftVehicleHours'> }

/**
 * Credits each shift gesture its equal share of its day's saving for others, and sums per ISO week.
 * Nothing is clipped: a day that made others wait longer counts negative, so the weekly sums equal the sum
 * of the days' nets.
 */
export function creditShifters(days: readonly CorridorDay[]): { byGesture: Map<string, number>; byWeek: Map<string, number> } {
  const byGesture = new Map<string, number>();
  const byWeek = new Map<string, number>();
  for (const day of days) {
    const week = weekStart(day.date);
    for (const id of day.gestureIds) {
      byGesture.set(id, day.savings.perShiftVehicleHours);
      byWeek.set(week, (byWeek.get(week) ?? 0) + day.savings.perShiftVehicleHours);
    }
  }
  return { byGesture, byWeek };
}
