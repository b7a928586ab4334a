// Fraud rules at their edges: 2 km, four rides a day (on French clocks), 30 minutes apart, overlaps.
import { describe, expect, it } from 'vitest';
import { fraudFlags, type TripRecord } from './fraud.ts';

const at = (iso: string): Date => new Date(iso);
function ride(id: string, start: string, minutes = 20, km = 8, userId = 'u1'): TripRecord {
  return { id, userId, start: at(start), end: new Date(at(start).getTime() + minutes * 60_000), km };
}

describe('fraudFlags', () => {
  it('is empty for a clean ride', () => {
    expect(fraudFlags(ride('a', '2025-03-03T07:00:00Z'), [ride('b', '2025-03-03T16:00:00Z')])).toEqual([]);
  });

  it('flags rides under 2 km, not 2 km itself', () => {
    expect(fraudFlags(ride('a', '2025-03-03T07:00:00Z', 10, 1.99), [])).toEqual(['short']);
    expect(fraudFlags(ride('a', '2025-03-03T07:00:00Z', 10, 2), [])).toEqual([]);
  });

  it('allows four rides a day and flags a fifth', () => {
    const day = ['06:00', '09:00', '12:00', '15:00'].map((h, i) => ride(`o${i}`, `2025-03-03T${h}:00Z`));
    expect(fraudFlags(ride('a', '2025-03-03T18:00:00Z'), day.slice(0, 3))).toEqual([]);
    expect(fraudFlags(ride('a', '2025-03-03T18:00:00Z'), day)).toEqual(['too_many_today']);
  });

  it('counts days on Paris clocks: 23:30 UTC in March is already the next day', () => {
    const evening = ['06:00', '09:00', '12:00', '15:00'].map((h, i) => ride(`o${i}`, `2025-03-03T${h}:00Z`));
    expect(fraudFlags(ride('a', '2025-03-03T23:30:00Z'), evening)).toEqual([]);
    expect(fraudFlags(ride('a', '2025-03-03T22:30:00Z'), evening)).toEqual(['too_many_today']);
  });

  it('flags a start less than 30 minutes from another, not exactly 30', () => {
    const other = ride('b', '2025-03-03T07:00:00Z', 10);
    expect(fraudFlags(ride('a', '2025-03-03T07:29:59Z', 10), [other])).toEqual(['too_close']);
    expect(fraudFlags(ride('a', '2025-03-03T07:30:00Z', 10), [other])).toEqual([]);
    expect(fraudFlags(ride('a', '2025-03-03T06:30:01Z', 10), [other])).toEqual(['too_close']);
  });

  it('flags overlapping rides; one ending as the next starts does not overlap', () => {
    const long = ride('b', '2025-03-03T07:00:00Z', 60);
    expect(fraudFlags(ride('a', '2025-03-03T07:45:00Z', 30), [long])).toEqual(['overlap']);
    expect(fraudFlags(ride('a', '2025-03-03T08:00:00Z', 30), [long])).toEqual([]);
    expect(fraudFlags(ride('a', '2025-03-03T07:10:00Z', 5), [long])).toEqual(['too_close', 'overlap']);
  });

  it("ignores other people's rides and the ride itself", () => {
    const mine = ride('a', '2025-03-03T07:00:00Z');
    expect(fraudFlags(mine, [mine, ride('b', '2025-03-03T07:05:00Z', 20, 8, 'u2')])).toEqual([]);
  });
});
