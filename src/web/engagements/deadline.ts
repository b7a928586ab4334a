/**
 * @module Commitment dates as people say them and choose them. A signing deadline is an instant and inclusive; one at
 * midnight (Paris) closes the day before, so that day is the one named: "jusqu'au 19 décembre inclus". The launch form
 * turns a chosen day into the instant that keeps it whole: the deadline and the action's end are the midnight (Paris)
 * *after* the day chosen, the action's start the midnight that opens it.
 */
const PARIS = 'Europe/Paris';
const DAY_MS = 86_400_000;

const parisClock = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const parisDate = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS });

function formatDay(day: Date, locale: 'fr' | 'en', thisYear?: number): string {
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, year: 'numeric' }).format(day));
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: PARIS,
    day: 'numeric',
    month: 'long',
    ...(thisYear !== undefined && year === thisYear ? {} : { year: 'numeric' }),
  }).format(day);
}

/** The last calendar day (Paris) on which signing is open, as a day and month (and the year when it is not `thisYear`). */
export function lastSigningDay(deadline: string | Date, locale: 'fr' | 'en', thisYear?: number): string {
  const at = new Date(deadline);
  return formatDay(parisClock.format(at) === '00:00:00' ? new Date(at.getTime() - 1) : at, locale, thisYear);
}

/** The last day of a period ending at `end` (exclusive): the same rule as the deadline. */
export const lastDayOf = lastSigningDay;

/** The day (Paris) an instant falls on, in words: the first day of an action period. */
export function dayOf(at: string | Date, locale: 'fr' | 'en', thisYear?: number): string {
  return formatDay(new Date(at), locale, thisYear);
}

/** Midnight (Europe/Paris) opening the calendar day `date` (YYYY-MM-DD), exact on daylight-saving change days. */
function parisMidnight(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const utc = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(utc)) return null;
  // Paris is UTC+1 or UTC+2; midnight is never inside a change (they happen at 2 h and 3 h).
  for (const hours of [1, 2]) {
    const at = new Date(utc - hours * 3_600_000);
    if (parisDate.format(at) === date && parisClock.format(at) === '00:00:00') return at;
  }
  return null;
}

/** A chosen first day (a date input's value) as the instant it opens, ISO; null when empty or invalid. */
export function startOfDay(date: string): string | null {
  return parisMidnight(date)?.toISOString() ?? null;
}

/**
 * A chosen last day (a date input's value) as the instant that closes it, ISO: the next midnight, Paris. A deadline
 * chosen as 19 December is 20 December 00:00, read back as "jusqu'au 19 décembre inclus"; null when empty or invalid.
 */
export function endOfDay(date: string): string | null {
  const start = parisMidnight(date);
  if (!start) return null;
  // The next day's midnight: 23, 24 or 25 hours later.
  const next = parisDate.format(new Date(start.getTime() + DAY_MS + 3 * 3_600_000));
  return parisMidnight(next)?.toISOString() ?? null;
}

/** Today (Paris) as a date input's value, the earliest deadline a form may offer. */
export function todayInParis(now: Date = new Date()): string {
  return parisDate.format(now);
}
