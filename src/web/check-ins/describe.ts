/** @module Pure wording choices of the check-in pages: which message says today's status, a history day, an alert's state. */
import type { CheckInKey } from '../i18n/check-ins-fr.ts';
import type { Alert, CheckInAnswer, History, Referent, Today } from './types.ts';

export interface Wording {
  key: CheckInKey;
  /** Instants to show as a Paris time of day. */
  at?: string;
  /** An "HH:MM" already in local time. */
  hhmm?: string;
}

/** Whether anybody is told about a missed day: a referent who accepted (an invited or declined one is not). */
export const anyReferentActive = (referents: readonly Pick<Referent, 'status'>[]): boolean => referents.some((r) => r.status === 'active');

/**
 * Today's status for the resident: done (by button or phone), still to do, missed, not a followed day, not started.
 * A missed day says the referents were told only when one of them has accepted (otherwise the people on duty are).
 */
export function todayWording(today: Today, deadline: string, started: boolean, referentsActive: boolean): Wording {
  if (today.checkIn) return { key: today.checkIn.channel === 'phone' ? 'bonjour.status.donePhone' : 'bonjour.status.done', at: today.checkIn.at };
  if (!started) return { key: 'bonjour.status.notStarted' };
  if (today.status === 'not_expected') return { key: 'bonjour.status.notExpected' };
  if (today.status === 'missed') return { key: referentsActive ? 'bonjour.status.missed' : 'bonjour.status.missedNoReferent', hhmm: deadline };
  return { key: 'bonjour.status.pending', hhmm: deadline };
}

/** The same status told to a referent, about the person they watch over (in the third person, nothing to press). */
export function watchedTodayWording(today: Today, deadline: string, started: boolean): Wording {
  if (today.checkIn) return { key: today.checkIn.channel === 'phone' ? 'watched.status.donePhone' : 'watched.status.done', at: today.checkIn.at };
  if (!started) return { key: 'watched.status.notStarted' };
  if (today.status === 'not_expected') return { key: 'watched.status.notExpected' };
  if (today.status === 'missed') return { key: 'watched.status.missed', hhmm: deadline };
  return { key: 'watched.status.pending', hhmm: deadline };
}

/** The thanks after pressing "I am fine": it says the referents know only when one of them has accepted. */
export function thanksWording(answer: Pick<CheckInAnswer, 'alreadyDone' | 'resolvedAlerts'>, referentsActive: boolean): Wording {
  if (answer.alreadyDone) return { key: 'bonjour.already' };
  if (answer.resolvedAlerts > 0) return { key: referentsActive ? 'bonjour.resolved' : 'bonjour.resolvedNoReferent' };
  return { key: referentsActive ? 'bonjour.done' : 'bonjour.doneNoReferent' };
}

/** One history day: checked in (how), missed, not followed, or today still open. */
export function dayWording(day: History['days'][number], today: string, missedToday: boolean): Wording {
  if (day.checkIn) return { key: day.checkIn.channel === 'phone' ? 'history.day.donePhone' : 'history.day.done', at: day.checkIn.at };
  if (!day.expected) return { key: 'history.day.notExpected' };
  if (day.date === today && !missedToday) return { key: 'history.day.today' };
  return { key: 'history.day.missed' };
}

/** Where an alert stands: closed (how and when), passed on to the people on duty, or open. */
export function alertWording(alert: Alert): Wording {
  if (alert.resolvedAt) return { key: alert.resolution === 'all_well' ? 'history.alert.resolved.all_well' : 'history.alert.resolved.checked_in', at: alert.resolvedAt };
  if (alert.escalatedAt) return { key: 'history.alert.escalated', at: alert.escalatedAt };
  return { key: 'history.alert.open' };
}

/** The delays offered in the enrolment form, in minutes (30 to 240, as the server accepts). */
export const DELAYS: readonly number[] = [30, 60, 90, 120, 180, 240];
