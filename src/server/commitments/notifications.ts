/** @module What the deadline triggers (the failure notice, once) and when to nudge a creator whose commitment stalls. */
import type { CommitmentState, Milestone } from './model.ts';
import { countedSignatures, statusAt } from './lifecycle.ts';

/**
 * What the deadline triggers when a job looks at the commitment at `now`: `failed` once, after the deadline,
 * when the target was not reached. Success was already sent by the signature that reached it.
 */
export function notificationsAt(state: CommitmentState, now: Date): { state: CommitmentState; notify: Milestone[] } {
  if (statusAt(state.commitment, state.signatures, now) !== 'failed' || state.fired.includes('failed')) return { state, notify: [] };
  return { state: { ...state, fired: [...state.fired, 'failed'] }, notify: ['failed'] };
}

/** No signature for this long (ms) … */
export const STALL_QUIET_MS = 7 * 24 * 3600 * 1000;
/** … with less than this share of the signing window left: the creator gets a nudge. */
export const STALL_TIME_LEFT = 0.5;

/**
 * Signing has stalled: still collecting, no signature (or none since opening) for 7 days, and less than half
 * of the signing window left. A target already reached never stalls.
 */
export function isStalled(state: CommitmentState, now: Date): boolean {
  const c = state.commitment;
  if (statusAt(c, state.signatures, now) !== 'collecting') return false;
  const lastActivity = countedSignatures(c, state.signatures, now).at(-1)?.at ?? c.createdAt;
  const window = c.signingDeadline.getTime() - c.createdAt.getTime();
  const left = c.signingDeadline.getTime() - now.getTime();
  return now.getTime() - lastActivity.getTime() >= STALL_QUIET_MS && left < STALL_TIME_LEFT * window;
}

/** Nudge once per stall: not again until a new signature has come in since the last nudge. */
export function shouldNudgeCreator(state: CommitmentState, now: Date, lastNudgedAt: Date | null): boolean {
  if (!isStalled(state, now)) return false;
  const lastActivity = countedSignatures(state.commitment, state.signatures, now).at(-1)?.at ?? state.commitment.createdAt;
  return lastNudgedAt === null || lastNudgedAt.getTime() < lastActivity.getTime();
}
