/** @module Pure mediation rules: session length and state, routes a mediator may not use while acting, takeover codes, consent. */
import { isCalendarDate } from '../core/dates.ts';

/** A session on behalf of a resident lasts 30 minutes from its start; a new one is needed after. */
export const SESSION_MINUTES = 30;
/** A takeover code printed for a resident is valid 14 days, once. */
export const TAKEOVER_DAYS = 14;
/** The header the web app sends on every API call while a session is open. */
export const ACTING_FOR_HEADER = 'x-maille-acting-for';

export type SessionState = 'open' | 'expired' | 'ended';

/** Whether a session can still carry requests at `now`: ended by hand, past its 30 minutes, or open. */
export function sessionState(session: { expires_at: Date; ended_at: Date | null }, now: Date): SessionState {
  if (session.ended_at) return 'ended';
  return session.expires_at.getTime() <= now.getTime() ? 'expired' : 'open';
}

export function sessionEnd(start: Date): Date {
  return new Date(start.getTime() + SESSION_MINUTES * 60_000);
}

export function takeoverExpiry(now: Date): Date {
  return new Date(now.getTime() + TAKEOVER_DAYS * 86_400_000);
}

const MEDIATION_PREFIX = '/api/territories/:territory/mediation/';
const END_SESSION = 'POST /api/territories/:territory/mediation/sessions/:id/end';

/**
 * Routes refused while acting for someone (`not_while_acting`): the resident's credentials and account (sign-in,
 * password, erasure, full export), staff access to people, and the mediation routes themselves (another session,
 * consent, takeover codes) — except ending the current session.
 */
const NOT_WHILE_ACTING = new Set([
  'DELETE /api/me',
  'GET /api/me/export',
  'POST /api/auth/sign-up',
  'POST /api/auth/sign-in',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'GET /api/territories/:territory/people/:userId',
  'PUT /api/territories/:territory/people/:userId/roles',
]);

/** True for the one mediation route allowed inside a session: ending it (always possible, whatever the consent). */
export function endsSession(method: string, route: string | undefined): boolean {
  return `${method.toUpperCase()} ${route}` === END_SESSION;
}

/** True when `METHOD route` (the route's pattern) must not be used inside a session on behalf. */
export function forbiddenWhileActing(method: string, route: string | undefined): boolean {
  if (!route) return false;
  const key = `${method.toUpperCase()} ${route}`;
  if (key === END_SESSION) return false;
  return NOT_WHILE_ACTING.has(key) || route.startsWith(MEDIATION_PREFIX);
}

/** Takeover codes are typed by hand from paper: case, spaces and dashes do not matter. */
export function normaliseTakeoverCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Groups of four for printing: "ABCD-EFGH-JKMN". */
export function formatTakeoverCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export const CONSENT_STATUSES = ['active', 'withdrawn', 'taken_over'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export function consentStatus(row: { consent_withdrawn_at: Date | null; taken_over_at: Date | null }): ConsentStatus {
  if (row.taken_over_at) return 'taken_over';
  return row.consent_withdrawn_at ? 'withdrawn' : 'active';
}

/** Why a consent day (YYYY-MM-DD, Paris) is refused, or null: a real day, not after `today`, within the last five years. */
export function consentDateProblem(day: string, today: string): string | null {
  if (!isCalendarDate(day)) return 'is not a date';
  const date = new Date(`${day}T00:00:00Z`);
  if (day > today) return 'is in the future';
  if (new Date(`${today}T00:00:00Z`).getTime() - date.getTime() > 5 * 366 * 86_400_000) return 'is more than five years ago';
  return null;
}
