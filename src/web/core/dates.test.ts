// @vitest-environment node
/** @module Calendar helpers: weekdays, next matching day, tolerant day parsing. */
import { describe, expect, it } from 'vitest';
import { addDays, dayOnly, isoWeekday, nextDayOn, todayIn, weekdayList, weekdayName } from './dates.ts';

describe('calendar days', () => {
  it('knows ISO weekdays and adds days across months', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the next day on one of the given weekdays', () => {
    expect(nextDayOn([1], '2026-11-21')).toBe('2026-11-23');
    expect(nextDayOn([6, 7], '2026-11-21')).toBe('2026-11-21');
    expect(nextDayOn([], '2026-11-21')).toBeNull();
  });

  it('keeps the day of a full timestamp', () => {
    expect(dayOnly('2026-11-23T00:00:00.000Z')).toBe('2026-11-23');
    expect(dayOnly('2026-11-23')).toBe('2026-11-23');
  });

  it('counts today in the territory time zone', () => {
    expect(todayIn('Europe/Paris', new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
  });

  it('names weekdays in the interface language', () => {
    expect(weekdayName('fr', 1)).toBe('lundi');
    expect(weekdayName('en', 7)).toBe('Sunday');
    expect(weekdayList('en', [3, 1])).toMatch(/Mon.*Wed/);
  });
});
