/** @module Test factories for commitments: a valid commitment with overridable parts, and signing helpers. */
import { applySignature } from './lifecycle.ts';
import type { Commitment, CommitmentState, Milestone, Scope, Signature } from './model.ts';

export const DAY = 24 * 3600 * 1000;
export const OPEN = new Date('2027-03-01T00:00:00Z');
export const DEADLINE = new Date('2027-03-15T00:00:00Z');
export const START = new Date('2027-03-16T00:00:00Z');
export const END = new Date('2027-03-30T00:00:00Z');

export const at = (base: Date, ms: number): Date => new Date(base.getTime() + ms);

/** A territory commitment needing 3 signers, open 1–15 March 2027, acted 16–30 March. */
export function buildCommitment(overrides: Partial<Commitment> = {}): Commitment {
  const scope: Scope = { kind: 'territory', target: { kind: 'count', count: 3 } };
  return {
    wording: 'I will leave before 7:40 on Tuesdays if 3 drivers of the Rocade Est do the same.',
    action: 'shift',
    scope,
    createdAt: OPEN,
    signingDeadline: DEADLINE,
    actionStart: START,
    actionEnd: END,
    ...overrides,
  };
}

export function emptyState(commitment: Commitment = buildCommitment()): CommitmentState {
  return { commitment, signatures: [], fired: [] };
}

export const sig = (signerId: string, when: Date, commune: string | null = null): Signature => ({ signerId, at: when, commune });

/** Signs in order, failing the test on a refusal; returns the final state and the notifications of each signature. */
export function signAll(state: CommitmentState, signers: { id: string; at: Date; commune?: string }[]): { state: CommitmentState; sent: Milestone[][] } {
  const sent: Milestone[][] = [];
  let current = state;
  for (const s of signers) {
    const r = applySignature(current, { signerId: s.id, commune: s.commune }, s.at);
    if (!r.ok) throw new Error(`${s.id} refused: ${r.refusal.reason}`);
    current = r.state;
    sent.push(r.notify);
  }
  return { state: current, sent };
}
