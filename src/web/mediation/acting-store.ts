/**
 * @module The session on behalf the web app is in (a mediator acting for a resident), kept in sessionStorage so it
 * ends with the tab; `core/api.ts` sends its id in `x-maille-acting-for` on every API call while it is set.
 */
import { mediationReason } from './types.ts';

export interface ActingSession {
  id: string;
  territory: string;
  residentId: string;
  residentName: string;
  /** ISO instant the server gave: the session ends there (the server is the judge, not this clock). */
  expiresAt: string;
}

const KEY = 'maille.acting';
export const ACTING_HEADER = 'x-maille-acting-for';
/** Window event fired when the session on behalf starts or ends. */
export const ACTING_CHANGED = 'maille:acting-changed';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function currentActing(): ActingSession | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ActingSession>;
    return typeof parsed.id === 'string' && typeof parsed.territory === 'string' && typeof parsed.expiresAt === 'string'
      ? { id: parsed.id, territory: parsed.territory, residentId: String(parsed.residentId ?? ''), residentName: String(parsed.residentName ?? ''), expiresAt: parsed.expiresAt }
      : null;
  } catch {
    return null;
  }
}

function changed(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(ACTING_CHANGED));
}

export function startActing(session: ActingSession): void {
  storage()?.setItem(KEY, JSON.stringify(session));
  changed();
}

export function stopActing(): void {
  if (!storage()?.getItem(KEY)) return;
  storage()?.removeItem(KEY);
  changed();
}

/** The header to add to an API call: the session's id while acting, nothing otherwise. */
export function actingHeaders(): Record<string, string> {
  const acting = currentActing();
  return acting ? { [ACTING_HEADER]: acting.id } : {};
}

let refused: ActingSession | null = null;

/** The server refused the session (ended, past its 30 minutes, not ours): forget it so the app is the mediator's again. */
export function forgetRefusedSession(status: number, reason: string): void {
  const why = mediationReason({ reason });
  if (status !== 403 || (why !== 'session_expired' && why !== 'not_your_session')) return;
  refused = currentActing();
  stopActing();
}

/** The session the server last refused, once (for the "session over" notice). */
export function takeRefusedSession(): ActingSession | null {
  const session = refused;
  refused = null;
  return session;
}
