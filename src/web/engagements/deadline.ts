/**
 * @module A signing deadline as people say it: the last day a signature counts, "jusqu'au 19 décembre inclus". The
 * deadline is an instant and inclusive; one at midnight (Paris) closes the day before, so that day is the one named.
 */
const PARIS = 'Europe/Paris';

/** The last calendar day (Paris) on which signing is open, as a day and month (and the year when it is not `thisYear`). */
export function lastSigningDay(deadline: string | Date, locale: 'fr' | 'en', thisYear?: number): string {
  const at = new Date(deadline);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
  const day = clock === '00:00:00' ? new Date(at.getTime() - 1) : at;
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, year: 'numeric' }).format(day));
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: PARIS,
    day: 'numeric',
    month: 'long',
    ...(thisYear !== undefined && year === thisYear ? {} : { year: 'numeric' }),
  }).format(day);
}
