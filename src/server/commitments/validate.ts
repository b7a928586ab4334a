/** @module Checks a new commitment before it is stored: every bad input is a 400 naming its field. */
import { invalid } from '../core/errors.ts';
import { ACTION_KINDS, type Commitment } from './model.ts';
import { validateTarget } from './targets.ts';

export const MAX_WORDING = 500;

function isValidDate(d: Date): boolean {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/**
 * Returns the commitment with its wording trimmed, or throws `invalid` naming the first bad field: empty or
 * over-long wording, unknown action, a target ≤ 0 or above its base, a per-commune scope without communes or
 * with one twice, a deadline not after opening, an action period starting before the deadline or ending
 * before it starts.
 */
export function validateCommitment(c: Commitment): Commitment {
  const wording = c.wording.trim();
  if (wording.length === 0) throw invalid('/wording', 'A commitment needs a wording.');
  if (wording.length > MAX_WORDING) throw invalid('/wording', `A wording is at most ${MAX_WORDING} characters.`);
  if (!ACTION_KINDS.includes(c.action)) throw invalid('/action', 'Unknown action kind.');
  if (c.scope.kind === 'per_commune') {
    if (c.scope.communes.length === 0) throw invalid('/scope/communes', 'A per-commune commitment needs at least one commune.');
    const seen = new Set<string>();
    c.scope.communes.forEach((ct, i) => {
      if (ct.commune.trim() === '' || seen.has(ct.commune)) throw invalid(`/scope/communes/${i}/commune`, 'Each commune appears once, with a code.');
      seen.add(ct.commune);
      validateTarget(ct.target, `/scope/communes/${i}/target`);
    });
  } else {
    validateTarget(c.scope.target, '/scope/target');
  }
  for (const field of ['createdAt', 'signingDeadline', 'actionStart', 'actionEnd'] as const) {
    if (!isValidDate(c[field])) throw invalid(`/${field}`, 'Not a valid date.');
  }
  if (c.signingDeadline.getTime() <= c.createdAt.getTime()) throw invalid('/signingDeadline', 'The signing deadline must be in the future.');
  if (c.actionStart.getTime() < c.signingDeadline.getTime()) throw invalid('/actionStart', 'The action period starts at or after the signing deadline.');
  if (c.actionEnd.getTime() <= c.actionStart.getTime()) throw invalid('/actionEnd', 'The action period must end after it starts.');
  return { ...c, wording };
}
