/** @module Milestone notifications (33 %, 66 %, success, failure): which hold for a progress, and which to send, each once. */
import type { Milestone } from './model.ts';
import type { Progress } from './targets.ts';

/** In order of importance: a signature that crosses several at once sends only the highest. */
const ORDER: readonly Milestone[] = ['progress_33', 'progress_66', 'succeeded', 'failed'];

/**
 * The progress milestones that hold for `p`: 33 % and 66 % of the target (in every commune, for per-commune
 * scope), then success. Integer arithmetic, so 33 of 100 is 33 % exactly.
 */
export function reachedMilestones(p: Progress): Milestone[] {
  const all = (percent: number) => p.buckets.every((b) => 100 * b.signed >= percent * b.required);
  const out: Milestone[] = [];
  if (all(33)) out.push('progress_33');
  if (all(66)) out.push('progress_66');
  if (p.reached) out.push('succeeded');
  return out;
}

/**
 * Milestones to send now, given those already `fired` and those that hold: only the highest new one is sent
 * (success supersedes 66 %, which supersedes 33 %); the others are marked fired so they never come later.
 */
export function newMilestones(fired: readonly Milestone[], reached: readonly Milestone[]): { notify: Milestone[]; fired: Milestone[] } {
  const fresh = ORDER.filter((m) => reached.includes(m) && !fired.includes(m));
  const last = fresh.at(-1);
  return { notify: last === undefined ? [] : [last], fired: [...fired, ...fresh] };
}
