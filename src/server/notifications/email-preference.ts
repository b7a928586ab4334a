/** @module Pure rules of e-mail preferences: what notify() does with a mail, when daily and weekly digests are due. */
import { localDate, localInstant, weekStart } from '../core/time-of-day.ts';
import type { DigestCadence, EmailPreference } from './tables.ts';

export const EMAIL_PREFERENCES: readonly EmailPreference[] = ['immediately', 'daily', 'weekly', 'never'];
export const DEFAULT_EMAIL_PREFERENCE: EmailPreference = 'immediately';

/** What notify() does with the mail of one notification for a person with this preference. */
export function mailPlan(preference: EmailPreference): 'now' | 'digest' | 'none' {
  if (preference === 'immediately') return 'now';
  if (preference === 'never') return 'none';
  return 'digest';
}

/** Digests go out at 07:00, Paris time; weekly ones on Monday. */
export const DIGEST_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface DigestSlot {
  cadence: DigestCadence;
  /** The Paris date of the slot (a Monday for weekly digests): one digest per person per period. */
  period: string;
  /** The slot's instant: a digest lists what was held before it. */
  at: Date;
}

/** The latest daily or weekly slot at or before `now`. */
export function latestSlot(cadence: DigestCadence, now: Date): DigestSlot {
  const today = localDate(now);
  let period = cadence === 'daily' ? today : weekStart(today);
  let at = localInstant(period, DIGEST_MINUTES);
  if (at.getTime() > now.getTime()) {
    period = shiftDate(period, cadence === 'daily' ? -1 : -7);
    at = localInstant(period, DIGEST_MINUTES);
  }
  return { cadence, period, at };
}

/**
 * The digest that carries a person's held notifications, by their preference now: daily or weekly as chosen;
 * someone who switched back to "immediately" gets what was held in the next daily digest; "never" drops it (null).
 */
export function digestCadence(preference: EmailPreference): DigestCadence | null {
  if (preference === 'never') return null;
  return preference === 'weekly' ? 'weekly' : 'daily';
}
