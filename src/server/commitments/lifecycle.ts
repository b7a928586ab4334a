/** @module The commitment lifecycle as a pure state machine: status at an instant, signing, the frozen wording. */
import { AppError, invalid } from '../core/errors.ts';
import type { Commitment, CommitmentState, Milestone, Signature, Status } from './model.ts';
import { newMilestones, reachedMilestones } from './milestones.ts';
import { bucketsOf, progressOf, requiredCount, type Progress } from './targets.ts';

const t = (d: Date): number => d.getTime();

/**
 * The signatures that count: within [createdAt, signingDeadline] (deadline inclusive) and at or before `now`,
 * one per signer (the earliest), in time order. Later duplicates or stray rows are ignored, never counted twice.
 */
export function countedSignatures(c: Commitment, signatures: readonly Signature[], now: Date): Signature[] {
  const until = Math.min(t(now), t(c.signingDeadline));
  const seen = new Set<string>();
  return signatures
    .filter((s) => t(s.at) >= t(c.createdAt) && t(s.at) <= until)
    .sort((a, b) => t(a.at) - t(b.at))
    .filter((s) => (seen.has(s.signerId) ? false : (seen.add(s.signerId), true)));
}

/** Progress at `now`, counting only the signatures that count then. */
export function progressAt(c: Commitment, signatures: readonly Signature[], now: Date): Progress {
  return progressOf(c.scope, countedSignatures(c, signatures, now));
}

/**
 * The instant the target was reached: the time of the signature that reached it, or null if it never was by
 * the deadline. One pass, counting per bucket, so it stays linear for large signer lists.
 */
export function successAt(c: Commitment, signatures: readonly Signature[]): Date | null {
  const buckets = bucketsOf(c.scope);
  const left = new Map(buckets.map((b) => [b.commune, requiredCount(b.target)]));
  let unmet = buckets.length;
  for (const s of countedSignatures(c, signatures, c.signingDeadline)) {
    const key = c.scope.kind === 'per_commune' ? s.commune : null;
    const need = left.get(key);
    if (need === undefined || need === 0) continue;
    left.set(key, need - 1);
    if (need === 1 && --unmet === 0) return s.at;
  }
  return null;
}

/**
 * The status at `now`. Up to and including the deadline the signing phase rules (collecting or succeeded);
 * after it, an unreached target has failed, a reached one is succeeded until the action period, active
 * during [actionStart, actionEnd), completed after. With actionStart = deadline, active begins 1 ms after.
 * @example statusAt(commitment, [], commitment.createdAt) // 'collecting'
 */
export function statusAt(c: Commitment, signatures: readonly Signature[], now: Date): Status {
  const reachedAt = successAt(c, signatures);
  const reached = reachedAt !== null && t(reachedAt) <= t(now);
  if (t(now) <= t(c.signingDeadline)) return reached ? 'succeeded' : 'collecting';
  if (!reached) return 'failed';
  if (t(now) < t(c.actionStart)) return 'succeeded';
  return t(now) < t(c.actionEnd) ? 'active' : 'completed';
}

/** Wording is frozen as soon as one person has signed: they signed *that* text. */
export function canEditWording(signatures: readonly Signature[]): boolean {
  return signatures.length === 0;
}

export type Refusal =
  | { reason: 'not_open' }
  | { reason: 'already_signed' }
  | { reason: 'deadline_passed' }
  | { reason: 'failed' }
  | { reason: 'unknown_commune'; commune: string | null };

export type SignResult = { ok: true; state: CommitmentState; notify: Milestone[] } | { ok: false; refusal: Refusal };

/**
 * Signs for `request.signerId` at `now`. Refused before opening, after the deadline (reason `failed` when the
 * target was not reached, so the commitment is void), twice by one person, or, in per-commune scope, for a
 * commune without a target. On success returns the new state and the milestones this signature triggers.
 */
export function applySignature(state: CommitmentState, request: { signerId: string; commune?: string | null | undefined }, now: Date): SignResult {
  const c = state.commitment;
  if (t(now) < t(c.createdAt)) return { ok: false, refusal: { reason: 'not_open' } };
  if (t(now) > t(c.signingDeadline)) {
    return { ok: false, refusal: { reason: statusAt(c, state.signatures, now) === 'failed' ? 'failed' : 'deadline_passed' } };
  }
  if (state.signatures.some((s) => s.signerId === request.signerId)) return { ok: false, refusal: { reason: 'already_signed' } };
  const commune = request.commune ?? null;
  if (c.scope.kind === 'per_commune' && !bucketsOf(c.scope).some((b) => b.commune === commune)) {
    return { ok: false, refusal: { reason: 'unknown_commune', commune } };
  }
  const signatures = [...state.signatures, { signerId: request.signerId, at: now, commune: c.scope.kind === 'per_commune' ? commune : null }];
  const { notify, fired } = newMilestones(state.fired, reachedMilestones(progressAt(c, signatures, now)));
  return { ok: true, state: { commitment: c, signatures, fired }, notify };
}

/** The 4xx a refusal becomes at the edge. */
export function refusalError(refusal: Refusal): AppError {
  switch (refusal.reason) {
    case 'not_open':
      return new AppError('conflict', 'Signing has not opened yet.', { reason: 'not_open' });
    case 'already_signed':
      return new AppError('conflict', 'You have already signed this commitment.', { reason: 'already_signed' });
    case 'deadline_passed':
      return new AppError('conflict', 'The signing deadline has passed.', { reason: 'deadline_passed' });
    case 'failed':
      return new AppError('conflict', 'This commitment did not reach its target by the deadline; nobody is bound and it can no longer be signed.', { reason: 'failed' });
    case 'unknown_commune':
      return invalid('/commune', 'This commitment has no target for this commune.');
  }
}
