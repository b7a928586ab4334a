// The demo corridors: well-formed, around Dijon, each peak a real but bounded jam that some shift can clear.
import { describe, expect, it } from 'vitest';
import { corridorForPeriod, DIJON_CORRIDORS } from './corridor-presets.ts';
import { runQueue, shareToClear } from './queue-model.ts';

describe('DIJON_CORRIDORS', () => {
  it('holds four corridors drawn around Dijon, with three hours of 15-minute slots per peak', () => {
    expect(DIJON_CORRIDORS).toHaveLength(4);
    expect(new Set(DIJON_CORRIDORS.map((p) => p.slug)).size).toBe(4);
    for (const p of DIJON_CORRIDORS) {
      expect(p.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      for (const [lng, lat] of p.geometry.coordinates) {
        expect(lng).toBeGreaterThan(4.9);
        expect(lng).toBeLessThan(5.2);
        expect(lat).toBeGreaterThan(47.2);
        expect(lat).toBeLessThan(47.4);
      }
      expect([p.amStart, p.pmStart]).toEqual([390, 990]); // 06:30, 16:30
      expect(p.amDemand).toHaveLength(12);
      expect(p.pmDemand).toHaveLength(12);
      expect([...p.amDemand, ...p.pmDemand].every((d) => Number.isInteger(d) && d >= 0)).toBe(true);
    }
  });

  it('has a queue at every peak, a few hundred vehicle-hours a day in all', () => {
    let total = 0;
    for (const p of DIJON_CORRIDORS) {
      for (const period of ['am', 'pm'] as const) {
        const hours = runQueue(corridorForPeriod(p, period)).vehicleHours;
        expect(hours).toBeGreaterThan(1);
        total += hours;
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(total).toBeLessThan(500);
  });

  it('lets 15 minutes earlier clear every peak but the Rocade morning, with under 10 % of the drivers', () => {
    for (const p of DIJON_CORRIDORS) {
      for (const period of ['am', 'pm'] as const) {
        const clear = shareToClear(corridorForPeriod(p, period), -1);
        if (p.slug === 'rocade-est' && period === 'am') {
          expect(clear).toBeNull(); // three jammed slots: 15 minutes earlier lands in the jam
          expect(shareToClear(corridorForPeriod(p, period), -4)?.share).toBeLessThan(0.1);
        } else {
          expect(clear?.share).toBeGreaterThan(0);
          expect(clear?.share).toBeLessThan(0.1);
        }
      }
    }
  });
});
