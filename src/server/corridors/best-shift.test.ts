// The best shift for one driver: the queue model tries every slot within ±60 minutes and keeps the one
// that spares the other drivers the most; no suggestion when no move helps.
import { describe, expect, it } from 'vitest';
import { bestShift, peakSlot } from './best-shift.ts';
import { runQueue, shiftDemand } from './queue-model.ts';
import { DIJON_CORRIDORS } from './corridor-presets.ts';

const c = (demand: number[]) => ({ capacityPerHour: 1000, freeFlowMin: 10, slotMinutes: 15, demand });

describe('bestShift', () => {
  it('moves a peak driver earlier, into the slack before the jam, and says what it spares', () => {
    // 250 a slot; 07:15 (300) queues 50, which 07:30 (200) clears. One car leaving 07:15 for 07:00 (150)
    // removes one vehicle from the queue for the 15 minutes it lasted: 1 × 15 min / 2 (slot triangle)…
    const corridor = c([150, 200, 150, 300, 200, 150, 100]);
    const best = bestShift(corridor, 3);
    expect(best).not.toBeNull();
    expect(best!.minutes).toBeLessThan(0);
    expect(best!.fromSlot).toBe(3);
    // What it spares is everyone's saving minus the mover's own, by the model itself.
    const everyone = runQueue(corridor).vehicleHours - runQueue({ ...corridor, demand: shiftDemand(corridor.demand, 3, best!.toSlot, 1 / 300) }).vehicleHours;
    expect(best!.vehicleHoursSpared).toBeGreaterThan(0);
    expect(best!.vehicleHoursSpared).toBeLessThanOrEqual(everyone);
  });

  it('suggests nothing when no slot within an hour spares anyone', () => {
    // Under capacity everywhere: there is no queue to spare.
    expect(bestShift(c([100, 200, 240, 200, 100]), 2)).toBeNull();
    // Nobody leaves in that slot.
    expect(bestShift(c([0, 300, 300]), 0)).toBeNull();
  });

  it('looks no further than an hour either way', () => {
    // The only slack is 75 minutes earlier (5 slots), out of reach; moving within the jam spares nothing.
    const corridor = c([0, 250, 250, 250, 250, 260]);
    const best = bestShift(corridor, 5);
    expect(best === null || Math.abs(best.minutes) <= 60).toBe(true);
    expect(() => bestShift(corridor, 6)).toThrow(RangeError);
  });

  it('on the demo Rocade, beats the old default (07:45 → 07:30) for a driver of the peak', () => {
    const rocade = DIJON_CORRIDORS[0]!;
    const corridor = { capacityPerHour: rocade.capacityPerHour, freeFlowMin: rocade.freeFlowMin, slotMinutes: rocade.slotMinutes, demand: rocade.amDemand };
    const peak = peakSlot(rocade.amDemand);
    const best = bestShift(corridor, peak)!;
    expect(Math.abs(best.minutes)).toBeLessThanOrEqual(60);
    for (let to = Math.max(0, peak - 4); to <= Math.min(rocade.amDemand.length - 1, peak + 4); to++) {
      if (to === peak) continue;
      expect(bestShift(corridor, peak, Math.abs(to - peak) * 15)!.vehicleHoursSpared).toBeLessThanOrEqual(best.vehicleHoursSpared + 1e-9);
    }
  });
});
