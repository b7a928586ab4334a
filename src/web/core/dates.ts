/** @module Calendar days as "YYYY-MM-DD" strings (the API's dates), ISO weekdays 1 (Mon) … 7 (Sun), and their names. */

/** Today's date in the territory's time zone, as the server counts days (Europe/Paris for French territories). */
export function todayIn(timeZone = 'Europe/Paris', now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day part of an API date; tolerates a full timestamp ("2026-11-23T00:00:00.000Z" → "2026-11-23"). */
export function dayOnly(value: string): string {
  return value.slice(0, 10);
}

function noonUtc(date: string): Date {
  return new Date(`${dayOnly(date)}T12:00:00Z`);
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = noonUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const d = noonUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day on or after `from` whose weekday is in `weekdays`, or null when the list is empty. */
export function nextDayOn(weekdays: readonly number[], from: string): string | null {
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(from, i);
    if (weekdays.includes(isoWeekday(day))) return day;
  }
  return null;
}

export const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** "lundi" / "Monday" (long) or "lun." / "Mon" (short), from the browser's own calendar data. */
export function weekdayName(locale: string, weekday: number, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(noonUtc(addDays('2024-01-01', weekday - 1)));
}

/**
 * "lundi, mardi et mercredi" / "Monday, Tuesday and Wednesday": whole names, so a sentence ending after the list never
 * doubles an abbreviation's period ("sam. et dim..") and a screen reader reads words, not "lun point".
 */
export function weekdayList(locale: string, weekdays: readonly number[]): string {
  const names = [...weekdays].sort((a, b) => a - b).map((d) => weekdayName(locale, d));
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** "lundi 23 novembre 2026" / "Monday, 23 November 2026". */
export function formatDay(locale: string, date: string, withYear = true): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC',
  }).format(noonUtc(date));
}

/** "23 nov." / "23 Nov": a short label for a week on a chart axis. */
export function formatShortDay(locale: string, date: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(noonUtc(date));
}
