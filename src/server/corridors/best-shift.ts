/** @module The one driver's slot change, within ±60 minutes of their usual slot, that spares the other drivers the most queue delay. */
import type { Corridor } from './queue-model.ts';
import { shiftSavings } from './shift-savings.ts';

export interface BestShift {
  fromSlot: number;
  toSlot: number;
  /** Minutes moved: negative = earlier, positive = later. */
  minutes: number;
  /** Queue delay this one car's move spares the other drivers (vehicle-hours, the queue model's `othersVehicleHours`). */
  vehicleHoursSpared: number;
}

/** A move that spares less than this (vehicle-hours, ~18 s) is rounding noise, not advice. */
const NOTHING_SPARED = 0.005;
export const MAX_SHIFT_MINUTES = 60;

/** The slot with the most drivers (the first one when several tie): the usual slot of someone the page does not know. */
export function peakSlot(demand: readonly number[]): number {
  return demand.reduce((best, d, i) => (d > (demand[best] ?? 0) ? i : best), 0);
}

/**
 * For one driver who usually leaves in `usualSlot`, every slot within `maxMinutes` before or after is tried
 * with the queue model (one car moved, `shiftSavings`); the move that spares the others the most wins,
 * the smaller move on a tie (earlier first). Null when no move spares anything: advice never makes the
 * morning worse.
 * @example bestShift({ capacityPerHour: 1000, freeFlowMin: 10, slotMinutes: 15, demand: [150, 200, 150, 300, 200] }, 3) // { toSlot: 2, minutes: -15, … }
 */
export function bestShift(c: Corridor, usualSlot: number, maxMinutes = MAX_SHIFT_MINUTES): BestShift | null {
  const n = c.demand.length;
  if (!Number.isInteger(usualSlot) || usualSlot < 0 || usualSlot >= n) throw new RangeError(`Usual slot ${usualSlot} is outside 0..${n - 1}.`);
  if ((c.demand[usualSlot] ?? 0) < 1) return null; // nobody there to move
  const reach = Math.floor(maxMinutes / c.slotMinutes);
  let best: BestShift | null = null;
  for (let step = 1; step <= reach; step++) {
    for (const toSlot of [usualSlot - step, usualSlot + step]) {
      if (toSlot < 0 || toSlot >= n) continue;
      const spared = shiftSavings(c, [{ from: usualSlot, to: toSlot, count: 1 }]).othersVehicleHours;
      if (spared > NOTHING_SPARED && (best === null || spared > best.vehicleHoursSpared + 1e-9)) {
        best = { fromSlot: usualSlot, toSlot, minutes: (toSlot - usualSlot) * c.slotMinutes, vehicleHoursSpared: spared };
      }
    }
  }
  return best;
}
