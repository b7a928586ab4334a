/**
 * @module Commitment dates in mails, as people say them (the web's engagements/deadline.ts says them the same way on
 * the page): a deadline or a period's end is an instant, inclusive of the day it closes; one at midnight (Paris)
 * closes the day before, so that day is named — "jusqu'au 19 décembre 2026 inclus".
 */
import type { NotificationLocale } from '../notifications/index.ts';

const PARIS = 'Europe/Paris';
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function inWords(d: Date, locale: NotificationLocale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: PARIS, day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** The day (Paris) an instant falls on: the first day of an action period. */
export const firstDay = (at: Date, locale: NotificationLocale): string => inWords(at, locale);

/** The last day (Paris) a period closing at `end` still includes: the day before when `end` is midnight. */
export function lastDay(end: Date, locale: NotificationLocale): string {
  return inWords(clock.format(end) === '00:00:00' ? new Date(end.getTime() - 1) : end, locale);
}

/** "jusqu'au 19 décembre 2026 inclus" / "until 19 December 2026 inclusive". */
export function untilInclusive(deadline: Date, locale: NotificationLocale): string {
  return locale === 'fr' ? `jusqu’au ${lastDay(deadline, locale)} inclus` : `until ${lastDay(deadline, locale)} inclusive`;
}
