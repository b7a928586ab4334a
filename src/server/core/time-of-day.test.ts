// Times of day and ISO weeks.
import { describe, expect, it } from 'vitest';
import { isoWeekday, localDate, toHHMM, toMinutes, weekStart } from './time-of-day.ts';

describe('time of day', () => {
  it('round-trips HH:MM and minutes', () => {
    expect(toMinutes('07:45')).toBe(465);
    expect(toHHMM(465)).toBe('07:45');
    expect(toHHMM(1440 + 5)).toBe('00:05');
  });

  it('knows ISO weekdays and week starts', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
  });

  it('gives the local date in Paris around midnight UTC', () => {
    expect(localDate(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
  });
});

describe('localInstant', () => {
  it('turns a Paris time of day into an instant, in winter and summer', async () => {
    const { localInstant } = await import('./time-of-day.ts');
    expect(localInstant('2026-11-23', 7 * 60 + 30).toISOString()).toBe('2026-11-23T06:30:00.000Z');
    expect(localInstant('2026-07-06', 7 * 60 + 30).toISOString()).toBe('2026-07-06T05:30:00.000Z');
  });
});
