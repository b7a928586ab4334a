// The point-queue model: cases computed by hand, conservation, and properties that hold for any demand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClearingSentence, runQueue, shareToClear, shiftDemand, slotCapacity, type Corridor } from './queue-model.ts';

// 1,200 veh/h over 15-minute slots: s = 300 vehicles a slot, μ = 20 vehicles a minute.
const corridor = (demand: number[], capacityPerHour = 1200): Corridor => ({ capacityPerHour, freeFlowMin: 10, slotMinutes: 15, demand });

/** Second-by-second simulation, the slow reference the slot formulas must agree with. */
function simulateBySecond(c: Corridor): number {
  const dt = 1 / 60; // minutes
  const mu = c.capacityPerHour / 60;
  const steps = Math.round(c.slotMinutes / dt);
  let q = 0;
  let area = 0;
  const run = (rate: number) => {
    const next = Math.max(0, q + (rate - mu) * dt);
    area += ((q + next) / 2) * dt;
    q = next;
  };
  for (const d of c.demand) for (let k = 0; k < steps; k++) run(d / c.slotMinutes);
  while (q > 0) run(0);
  return area / 60;
}

const demandArb = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 16 });

describe('runQueue', () => {
  it('has no queue while demand stays within capacity', () => {
    fc.assert(
      fc.property(demandArb(300), (demand) => {
        const r = runQueue(corridor(demand));
        return r.vehicleHours === 0 && r.queueAtEnd.every((q) => q === 0) && r.delayPerVehicleMin.every((d) => d === 0) && r.queueAtEnd.length === demand.length;
      }),
    );
  });

  it('matches a hand computation with one slot over capacity, then a slot at capacity', () => {
    // Slot 1: 420 arrive, 300 leave → queue 0 → 120, linear; area 15 × 120 / 2 = 900 veh·min.
    //   A vehicle arriving at minute τ finds 8τ ahead and waits 8τ / 20 = 0.4τ: mean 3 min (= 900 / 300).
    // Slot 2: 300 arrive, 300 leave → the queue stays at 120; area 15 × 120 = 1,800; mean delay 6 min.
    // Drain: 120 vehicles at 20/min take 6 minutes; area 120 × 6 / 2 = 360.
    // Total 900 + 1,800 + 360 = 3,060 veh·min = 51 vehicle-hours.
    const r = runQueue(corridor([300, 420, 300]));
    expect(r.queueAtEnd).toEqual([0, 120, 120, 0]);
    expect(r.delayPerVehicleMin).toEqual([0, 3, 6]);
    expect(r.vehicleHours).toBeCloseTo(51, 10);
  });

  it('matches a hand computation where the queue empties inside a slot', () => {
    // Slot 1 as above (area 900). Slot 2: 200 arrive, 300 leave → 120 → 20, area 15 × (120 + 20) / 2 = 1,050,
    // mean delay 1,050 / 300 = 3.5 min. Slot 3: nobody arrives; 20 vehicles leave within 1 minute: area 10.
    const r = runQueue(corridor([200, 420, 200, 0]));
    expect(r.queueAtEnd).toEqual([0, 120, 20, 0]);
    expect(r.delayPerVehicleMin.slice(0, 3)).toEqual([0, 3, 3.5]);
    expect(r.vehicleHours).toBeCloseTo(1960 / 60, 10);
  });

  it('keeps discharging after the last slot until the queue is empty', () => {
    // 600 arrive in one slot: 300 wait at its end, then 15 more minutes to clear → one drain slot.
    const r = runQueue(corridor([600]));
    expect(r.queueAtEnd).toEqual([300, 0]);
    // Area: triangle 15 × 300 / 2 while growing + triangle 15 × 300 / 2 while draining = 4,500 veh·min.
    expect(r.vehicleHours).toBeCloseTo(75, 10);
  });

  it('counts every vehicle once: Σ arrivals × mean delay = area between the curves (Little)', () => {
    fc.assert(
      fc.property(demandArb(600), (demand) => {
        const r = runQueue(corridor(demand));
        const byVehicle = demand.reduce((sum, a, i) => sum + (a * (r.delayPerVehicleMin[i] ?? 0)) / 60, 0);
        return Math.abs(byVehicle - r.vehicleHours) <= 1e-9 * Math.max(1, r.vehicleHours);
      }),
    );
  });

  it('agrees with a second-by-second simulation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 8 }), (demand) => {
        const exact = runQueue(corridor(demand)).vehicleHours;
        return Math.abs(simulateBySecond(corridor(demand)) - exact) <= 1e-3 * Math.max(1, exact);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a corridor without capacity, and demand that is not a number of vehicles', () => {
    expect(() => runQueue(corridor([100], 0))).toThrow(RangeError);
    expect(() => runQueue(corridor([100, -1]))).toThrow(/slot 1/);
    expect(() => runQueue(corridor([Number.NaN]))).toThrow(RangeError);
  });
});

describe('shiftDemand', () => {
  it('moves the share and conserves vehicles', () => {
    expect(shiftDemand([100, 200, 300], 2, 0, 0.1)).toEqual([130, 200, 270]);
    fc.assert(
      fc.property(demandArb(1000), fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (demand, f, t, share) => {
        const from = f % demand.length;
        const to = t % demand.length;
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        return Math.abs(sum(shiftDemand(demand, from, to, share)) - sum(demand)) < 1e-6;
      }),
    );
  });

  it('refuses slots outside the period and shares outside 0..1', () => {
    expect(() => shiftDemand([1, 2], 0, 2, 0.1)).toThrow(RangeError);
    expect(() => shiftDemand([1, 2], 0, 1, 1.5)).toThrow(RangeError);
  });

  it('never increases total delay when peak drivers move to a slot with room and no queue', () => {
    // "Room" must include "no queue at the slot's start": moving drivers into a slot where an earlier jam
    // is still draining can add more delay than it removes (docs/queue-model.md gives a counterexample).
    fc.assert(
      fc.property(demandArb(500), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (demand, t, share) => {
        const c = corridor(demand);
        const s = slotCapacity(c);
        const peak = demand.indexOf(Math.max(...demand));
        const to = t % demand.length;
        const before = runQueue(c);
        const queueAtStart = to === 0 ? 0 : (before.queueAtEnd[to - 1] ?? 0);
        fc.pre(to !== peak && queueAtStart === 0 && (demand[to] ?? 0) + (demand[peak] ?? 0) * share <= s);
        return runQueue(corridor(shiftDemand(demand, peak, to, share))).vehicleHours <= before.vehicleHours + 1e-9;
      }),
    );
  });
});

/** Brute force over the 0.1 % grid, straight from the rule: a queue vanishes iff no slot exceeds capacity. */
function bruteShare(demand: number[], s: number, offset: number): number | null {
  const slots = demand.flatMap((d, i) => (d > s ? [i] : []));
  if (slots.some((i) => i + offset < 0 || i + offset >= demand.length)) return null;
  for (let k = 0; k <= 1000; k++) {
    const next = demand.slice();
    for (const i of slots) {
      next[i]! -= (demand[i]! * k) / 1000;
      next[i + offset]! += (demand[i]! * k) / 1000;
    }
    if (next.every((d) => d <= s + 1e-7)) return k / 1000;
  }
  return null;
}

describe('shareToClear', () => {
  it('finds the share for a single over-capacity slot by hand', () => {
    // Slot 2 holds 330 for a capacity of 300: moving 30 / 330 = 9.09 % → 9.1 % on the grid. Slot 1 (200)
    // can take 100 more, so moving 15 minutes earlier works.
    const r = shareToClear(corridor([100, 200, 330, 250]), -1);
    expect(r).toMatchObject({ share: 0.091, from: 2, to: 1, slots: [2] });
    expect(r!.drivers).toBeCloseTo(30.03, 10);
  });

  it('says null when the shifted drivers would jam the target slot, or it is outside the period', () => {
    expect(shareToClear(corridor([100, 290, 330, 250]), -1)).toBeNull(); // 290 + 30 > 300
    expect(shareToClear(corridor([330, 200]), -1)).toBeNull();
  });

  it('reports share 0 when there is no jam', () => {
    expect(shareToClear(corridor([100, 300, 200]), -1)).toMatchObject({ share: 0, slots: [] });
  });

  it('clears the queue, a share 1 % (or 0.1 %) smaller does not, and agrees with a brute-force search', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 360 }), { minLength: 2, maxLength: 12 }), fc.constantFrom(-4, -3, -2, -1, 1, 2, 3, 4), (demand, offset) => {
        const c = corridor(demand);
        const r = shareToClear(c, offset);
        expect(r?.share ?? null).toBe(bruteShare(demand, slotCapacity(c), offset));
        if (!r || r.share === 0) return;
        const shifted = (share: number) => {
          const next = demand.slice();
          for (const i of r.slots) {
            next[i]! -= demand[i]! * share;
            next[i + offset]! += demand[i]! * share;
          }
          return runQueue(corridor(next));
        };
        expect(shifted(r.share).queueAtEnd.every((q) => q === 0)).toBe(true);
        expect(shifted(Math.max(0, r.share - 0.001)).vehicleHours).toBeGreaterThan(0);
        if (r.share >= 0.01) expect(shifted(r.share - 0.01).vehicleHours).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatClearingSentence', () => {
  it('phrases the share in English and French', () => {
    expect(formatClearingSentence(0.048, -20, 'en')).toBe('4.8 % of drivers leaving 20 minutes earlier would remove this jam.');
    expect(formatClearingSentence(0.048, -20, 'fr')).toBe('4,8\u202f% des conducteurs partant 20 minutes plus tôt suffiraient à effacer ce bouchon.');
    expect(formatClearingSentence(0.091, 15, 'en', { from: '07:45', to: '08:00' })).toBe(
      'If 9.1 % of the drivers who leave between 07:45 and 08:00 left 15 minutes later, this jam would disappear.',
    );
    expect(formatClearingSentence(0, -15, 'fr')).toBe('Pas de bouchon à effacer ici.');
  });
});
