/**
 * @module Pure rules of mutual aid: kinds, urgency, time windows, the request lifecycle, hour estimates, who may read
 * the exact address. No I/O: use-cases feed rows in and apply the answer.
 */
import type { AidKind, AidStatus, AidTime, AidUrgency } from './tables.ts';

export const AID_KINDS: readonly AidKind[] = ['groceries', 'pharmacy', 'visit', 'call', 'homework', 'repairs', 'lift', 'other'];
export const AID_URGENCIES: readonly AidUrgency[] = ['today', 'this_week', 'flexible'];
export const AID_TIMES: readonly AidTime[] = ['morning', 'afternoon', 'evening'];
export const AID_STATUSES: readonly AidStatus[] = ['open', 'offered', 'matched', 'done', 'cancelled'];

/** Approximate areas are H3 cells of this resolution (~0.7 km², edge ~460 m): a neighbourhood, never a doorstep. */
export const AID_RESOLUTION = 8;
/** At most this many helpers are told about one new request. */
export const NOTIFY_AT_MOST = 20;
/** A window may start this long before now (the form was filled a few minutes ago). */
export const WINDOW_GRACE_MS = 10 * 60_000;
/** A window spans at most this long, and starts at most this far ahead. */
export const WINDOW_MAX_SPAN_MS = 31 * 86_400_000;
export const WINDOW_MAX_AHEAD_MS = 92 * 86_400_000;
export const MAX_RADIUS_KM = 50;
/** Below 100 m a radius means nothing (H3 cells are wider) and 1e-300 would underflow the stored real. */
export const MIN_RADIUS_KM = 0.1;

/**
 * Hours of help counted for a done request when nobody reported the time it took: a stated estimate per kind,
 * shown as such next to the figure (docs/mutual-aid.md).
 */
export const HOURS_ESTIMATE: Record<AidKind, number> = {
  groceries: 1,
  pharmacy: 0.75,
  visit: 1.5,
  call: 0.5,
  homework: 1,
  repairs: 1.5,
  lift: 1,
  other: 1,
};

export function hoursOf(kind: AidKind, reported: number | null): number {
  return reported ?? HOURS_ESTIMATE[kind];
}

export interface Problem {
  field: string;
  message: string;
}

/** A request's time window: not in the past, `to` after `from`, not absurdly long or far ahead. */
export function checkWindow(from: Date, to: Date, now: Date): Problem | null {
  if (from.getTime() < now.getTime() - WINDOW_GRACE_MS) return { field: '/window/from', message: 'The time window starts in the past.' };
  if (from.getTime() > now.getTime() + WINDOW_MAX_AHEAD_MS) return { field: '/window/from', message: 'The time window starts more than three months ahead.' };
  if (to.getTime() <= from.getTime()) return { field: '/window/to', message: 'The end of the time window must come after its start.' };
  if (to.getTime() - from.getTime() > WINDOW_MAX_SPAN_MS) return { field: '/window/to', message: 'The time window spans more than a month.' };
  return null;
}

/** A helper's radius: from 0.1 to 50 km. */
export function checkRadius(km: number): Problem | null {
  if (!(km >= MIN_RADIUS_KM) || km > MAX_RADIUS_KM) return { field: '/radiusKm', message: `The radius must be from ${MIN_RADIUS_KM} to ${MAX_RADIUS_KM} km.` };
  return null;
}

/** Requests helpers may still offer to take. */
export const isOpen = (status: AidStatus): boolean => status === 'open' || status === 'offered';
export const isClosed = (status: AidStatus): boolean => status === 'done' || status === 'cancelled';

/** The status after the offers on a request changed: open with none, offered with some (matched and closed stay). */
export function statusAfterOffers(status: AidStatus, activeOffers: number): AidStatus {
  if (!isOpen(status)) return status;
  return activeOffers > 0 ? 'offered' : 'open';
}

export type Refusal = { code: 'conflict' | 'invalid' | 'forbidden'; reason: string; message: string };

/** Whether the requester may accept `helperId`: the request is open and that helper offered (and did not withdraw). */
export function acceptRefusal(status: AidStatus, offered: boolean): Refusal | null {
  if (!isOpen(status)) return { code: 'conflict', reason: 'not_open', message: 'This request no longer takes offers.' };
  if (!offered) return { code: 'conflict', reason: 'not_offered', message: 'This person has not offered to help with this request.' };
  return null;
}

/** Whether `role` may mark the request done: only a matched request, by its requester or its accepted helper. */
export function doneRefusal(status: AidStatus): Refusal | null {
  if (status === 'done') return { code: 'conflict', reason: 'already_done', message: 'This request is already done.' };
  if (status !== 'matched') return { code: 'conflict', reason: 'not_matched', message: 'Only a request with an accepted helper can be marked done.' };
  return null;
}

export function cancelRefusal(status: AidStatus): Refusal | null {
  if (status === 'cancelled') return { code: 'conflict', reason: 'already_cancelled', message: 'This request is already cancelled.' };
  if (status === 'done') return { code: 'conflict', reason: 'already_done', message: 'A done request cannot be cancelled.' };
  return null;
}

export function thanksRefusal(status: AidStatus, thanked: boolean): Refusal | null {
  if (status !== 'done') return { code: 'conflict', reason: 'not_done', message: 'Thanks are sent once the request is done.' };
  if (thanked) return { code: 'conflict', reason: 'already_thanked', message: 'You have already thanked your helper for this request.' };
  return null;
}

export type AddressAccess = 'requester' | 'helper' | 'closed' | 'none';

/**
 * Who may read a request's exact address: its requester (their own data) and the accepted helper while the request
 * is matched. Once it is done or cancelled the address is erased, so nobody may ('closed'); everyone else never
 * ('none'), whatever their role — operators and admins included.
 */
export function addressAccess(request: { requesterId: string; acceptedHelperId: string | null; status: AidStatus }, userId: string): AddressAccess {
  if (request.requesterId === userId) return isClosed(request.status) ? 'closed' : 'requester';
  if (request.acceptedHelperId !== null && request.acceptedHelperId === userId) return request.status === 'matched' ? 'helper' : 'closed';
  return 'none';
}
