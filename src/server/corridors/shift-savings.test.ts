// Delay saved for others by recorded shifts: hand cases (everyone, the shifters, the others) and properties
// that hold for any demand — no shift saves nothing, the others' figure is what the drivers who stayed gained,
// and crediting the days sums their nets, negative days included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Corridor } from './queue-model.ts';
import { runQueue } from './queue-model.ts';
import { creditShifters, shiftSavings, type ShiftMove } from './shift-savings.ts';

// 1,200 veh/h over 15-minute slots: s = 300 vehicles a slot, μ = 20 vehicles a minute.
const corridor = (demand: number[]): Corridor => ({ capacityPerHour: 1200, freeFlowMin: 10, slotMinutes: 15, demand });

describe('shiftSavings by hand', () => {
  it('takes the shifters’ own gain out of the saving', () => {
    // Without the shifts, [200, 420, 300]: slot 1 queue 0 → 120 (area 900, mean delay 3 min), slot 2 stays at
    // 120 (1,800, 6 min), drain 120² × 15 / 600 = 360: 3,060 veh·min.
    // 20 drivers move from slot 1 to slot 0 → [220, 400, 300]: slot 0 no queue (0 min), slot 1 0 → 100 (750,
    // 2.5 min), slot 2 stays at 100 (1,500, 5 min), drain 250: 2,500 veh·min.
    // Everyone: 3,060 − 2,500 = 560 veh·min = 9.333 vehicle-hours.
    // Shifters: 20 × (3 min in slot 1 without the shifts − 0 min in slot 0 with them) = 60 veh·min = 1 vehicle-hour.
    // Others: 560 − 60 = 500 veh·min = 8.333 vehicle-hours — the 400 who stayed in slot 1 gain 0.5 min each (200),
    // the 300 of slot 2 gain 1 min each (300). The old "total" figure said 12 % more.
    const r = shiftSavings(corridor([200, 420, 300]), [{ from: 1, to: 0, count: 20 }]);
    expect(r.totalVehicleHours).toBeCloseTo(560 / 60, 10);
    expect(r.shiftersVehicleHours).toBeCloseTo(1, 10);
    expect(r.othersVehicleHours).toBeCloseTo(500 / 60, 10);
    expect(r.perShiftVehicleHours).toBeCloseTo(500 / 60 / 20, 10);
    expect(r).toMatchObject({ trips: 20, movedVehicles: 20, worstSlot: null });
  });

  it('a bigger move: 27 vehicle-hours in all, 24 for others', () => {
    // [240, 420, 300] → 60 drivers from slot 1 to slot 0 → [300, 360, 300]: 3,060 → 1,440 veh·min (27 vehicle-hours).
    // Shifters: 60 × (3 − 0) = 180 veh·min = 3 vehicle-hours. Others: 24 (360 stayers × 1.5 + 300 × 3 = 1,440 veh·min).
    const r = shiftSavings(corridor([240, 420, 300]), [{ from: 1, to: 0, count: 60 }]);
    expect(r.totalVehicleHours).toBeCloseTo(27, 10);
    expect(r.shiftersVehicleHours).toBeCloseTo(3, 10);
    expect(r.othersVehicleHours).toBeCloseTo(24, 10);
    expect(r.perShiftVehicleHours).toBeCloseTo(0.4, 10);
  });

  it('counts a day that made others wait longer as negative, and names the slot where they lost most', () => {
    // [310, 100, 400, 300] without the shifts: slot 0 0 → 10 (75 veh·min, 0.25 min), slot 1 drains 10 with 100
    // arriving (10² × 15 / 400 = 3.75, 0.0125 min), slot 2 0 → 100 (750, 2.5 min), slot 3 stays 100 (1,500, 5 min),
    // drain 250: 2,578.75 veh·min.
    // 10 drivers leave slot 0 for slot 2, later, already jammed → [300, 100, 410, 300]: slots 0 and 1 no queue,
    // slot 2 0 → 110 (825, 2.75 min), slot 3 stays 110 (1,650, 5.5 min), drain 302.5: 2,777.5 veh·min.
    // Everyone: 2,578.75 − 2,777.5 = −198.75 veh·min. Shifters: 10 × (0.25 − 2.75) = −25 veh·min.
    // Others: −173.75 veh·min = −2.896 vehicle-hours: slot 0's 300 gain 75, slot 1's 100 gain 1.25, slot 2's 400
    // lose 100, slot 3's 300 lose 150 — the worst slot is 3.
    const r = shiftSavings(corridor([310, 100, 400, 300]), [{ from: 0, to: 2, count: 10 }]);
    expect(r.totalVehicleHours).toBeCloseTo(-198.75 / 60, 10);
    expect(r.shiftersVehicleHours).toBeCloseTo(-25 / 60, 10);
    expect(r.othersVehicleHours).toBeCloseTo(-173.75 / 60, 10);
    expect(r.perShiftVehicleHours).toBeCloseTo(-173.75 / 60 / 10, 10);
    expect(r.worstSlot).toBe(3);
  });

  it('moves no more vehicles than a slot holds, yet shares the saving among every recorded trip', () => {
    const all = shiftSavings(corridor([0, 400]), [{ from: 1, to: 0, count: 400 }]);
    const more = shiftSavings(corridor([0, 400]), [{ from: 1, to: 0, count: 300 }, { from: 1, to: 0, count: 300 }]);
    expect(more.movedVehicles).toBe(400);
    expect(more.othersVehicleHours).toBeCloseTo(all.othersVehicleHours, 10);
    expect(more.perShiftVehicleHours).toBeCloseTo(all.othersVehicleHours / 600, 10);
  });

  it('refuses a negative count and slots outside the period', () => {
    expect(() => shiftSavings(corridor([100, 100]), [{ from: 0, to: 1, count: -1 }])).toThrow(RangeError);
    expect(() => shiftSavings(corridor([100, 100]), [{ from: 0, to: 2, count: 1 }])).toThrow(/to slot 2/);
  });
});

const demandArb = fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 2, maxLength: 12 });
const withShifts = demandArb.chain((demand) =>
  fc.tuple(
    fc.constant(demand),
    fc.array(fc.record({ from: fc.nat(demand.length - 1), to: fc.nat(demand.length - 1), count: fc.integer({ min: 0, max: 120 }) }), { maxLength: 4 }),
  ),
);

/** What the drivers who did not move gained, slot by slot: the others' figure computed the long way. */
function stayersGain(demand: number[], shifts: ShiftMove[]): number {
  // Rebuild the moves as shiftSavings applies them, to know who stayed.
  const running = demand.slice();
  const out = new Array<number>(demand.length).fill(0);
  for (const s of shifts) {
    const moved = Math.min(s.count, Math.max(0, running[s.from]!));
    if (moved <= 0 || s.from === s.to) continue;
    running[s.from]! -= moved;
    running[s.to]! += moved;
    out[s.from]! += moved;
  }
  const d0 = runQueue(corridor(demand)).delayPerVehicleMin;
  const d1 = runQueue(corridor(running)).delayPerVehicleMin;
  return demand.reduce((sum, a, i) => sum + ((a - out[i]!) * (d0[i]! - d1[i]!)) / 60, 0);
}

describe('shiftSavings properties', () => {
  it('saves nothing, for anyone, without a shift', () => {
    fc.assert(
      fc.property(demandArb, fc.nat(11), (demand, slot) => {
        const none = shiftSavings(corridor(demand), []);
        const zero = shiftSavings(corridor(demand), [{ from: slot % demand.length, to: 0, count: 0 }]);
        return [none, zero].every((r) => r.totalVehicleHours === 0 && r.shiftersVehicleHours === 0 && r.othersVehicleHours === 0 && r.perShiftVehicleHours === 0 && r.worstSlot === null);
      }),
    );
  });

  it('credits others exactly what the drivers who stayed gained (or lost)', () => {
    fc.assert(
      fc.property(withShifts, ([demand, shifts]) => {
        const r = shiftSavings(corridor(demand), shifts);
        return Math.abs(r.othersVehicleHours - stayersGain(demand, shifts)) <= 1e-9 * Math.max(1, Math.abs(r.totalVehicleHours) + runQueue(corridor(demand)).vehicleHours);
      }),
    );
  });

  it('never credits others more than the total when the shifters themselves gain', () => {
    fc.assert(
      fc.property(withShifts, ([demand, shifts]) => {
        const r = shiftSavings(corridor(demand), shifts);
        fc.pre(r.shiftersVehicleHours >= 0);
        return r.othersVehicleHours <= r.totalVehicleHours + 1e-12;
      }),
    );
  });

  it('splits the others’ figure over the trips without losing any of it', () => {
    fc.assert(
      fc.property(withShifts, ([demand, shifts]) => {
        const r = shiftSavings(corridor(demand), shifts);
        return r.trips === 0 ? r.perShiftVehicleHours === 0 : Math.abs(r.perShiftVehicleHours * r.trips - r.othersVehicleHours) <= 1e-9 * Math.max(1, Math.abs(r.othersVehicleHours));
      }),
    );
  });
});

describe('creditShifters', () => {
  it('sums, per week and per gesture, the days’ nets — negative days included, nothing clipped', () => {
    const days = fc.array(fc.tuple(withShifts, fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(days, (list) => {
        let next = 0;
        const credited = list.map(([[demand, shifts], day]) => {
          const savings = shiftSavings(corridor(demand), shifts);
          const date = new Date(Date.UTC(2026, 0, 5 + day)).toISOString().slice(0, 10);
          return { date, gestureIds: Array.from({ length: savings.trips }, () => String((next += 1))), savings };
        });
        const { byGesture, byWeek } = creditShifters(credited);
        const nets = credited.reduce((s, d) => s + d.savings.othersVehicleHours, 0);
        const sum = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);
        const tolerance = 1e-9 * Math.max(1, ...credited.map((d) => Math.abs(d.savings.totalVehicleHours) + 1));
        return byGesture.size === next && Math.abs(sum(byGesture) - nets) <= tolerance * 10 && Math.abs(sum(byWeek) - nets) <= tolerance * 10;
      }),
    );
  });

  it('keeps a negative day negative', () => {
    const savings = shiftSavings(corridor([310, 100, 400, 300]), [{ from: 0, to: 2, count: 10 }]);
    const { byWeek } = creditShifters([{ date: '2026-01-07', gestureIds: ['a', 'b'], savings }]);
    expect(byWeek.get('2026-01-05')).toBeCloseTo(2 * savings.perShiftVehicleHours, 12);
    expect(byWeek.get('2026-01-05')).toBeLessThan(0);
  });
});
