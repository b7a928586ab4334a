// Invariants of the lifecycle for any signatures: status moves forward only, success needs the target,
// the signing state machine agrees with statusAt, and each milestone is sent at most once.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { applySignature, progressAt, statusAt } from './lifecycle.ts';
import type { CommitmentState, Milestone, Scope, Signature, Status } from './model.ts';
import { at, buildCommitment, DAY, emptyState, END, OPEN, sig } from './test-fixtures.ts';

/** Each status and the ones that may follow it later in time (transitive). */
const LATER: Record<Status, readonly Status[]> = {
  collecting: ['collecting', 'succeeded', 'active', 'completed', 'failed'],
  succeeded: ['succeeded', 'active', 'completed'],
  active: ['active', 'completed'],
  completed: ['completed'],
  failed: ['failed'],
};

const span = END.getTime() - OPEN.getTime() + 2 * DAY;
const instant = fc.integer({ min: 0, max: span }).map((ms) => at(OPEN, ms - DAY));
const communes = ['A', 'B'] as const;
const signatureArb = fc.tuple(fc.integer({ min: 0, max: 12 }), instant, fc.constantFrom(...communes)).map(([id, when, commune]) => sig(`s${id}`, when, commune));
const signaturesArb = fc.array(signatureArb, { maxLength: 30 });
const scopeArb: fc.Arbitrary<Scope> = fc.oneof(
  fc.integer({ min: 1, max: 10 }).map((count): Scope => ({ kind: 'territory', target: { kind: 'count', count } })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([a, b]): Scope => ({
    kind: 'per_commune',
    communes: [{ commune: 'A', target: { kind: 'count', count: a } }, { commune: 'B', target: { kind: 'share', share: b / 10, base: 10 } }],
  })),
);

/** Replays signatures in time order through applySignature, keeping refusals out. */
function replay(scope: Scope, signatures: Signature[]): { state: CommitmentState; sent: Milestone[] } {
  let state = emptyState(buildCommitment({ scope }));
  const sent: Milestone[] = [];
  for (const s of [...signatures].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const r = applySignature(state, { signerId: s.signerId, commune: s.commune }, s.at);
    if (r.ok) {
      state = r.state;
      sent.push(...r.notify);
    }
  }
  return { state, sent };
}

describe('commitment lifecycle properties', () => {
  it('status is monotonic in time for a fixed signature list', () => {
    fc.assert(
      fc.property(scopeArb, signaturesArb, instant, instant, (scope, signatures, t1, t2) => {
        const c = buildCommitment({ scope });
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        return LATER[statusAt(c, signatures, early)].includes(statusAt(c, signatures, late));
      }),
    );
  });

  it('never succeeds without reaching the target by the deadline, and fails only when it was not reached', () => {
    fc.assert(
      fc.property(scopeArb, signaturesArb, instant, (scope, signatures, now) => {
        const c = buildCommitment({ scope });
        const status = statusAt(c, signatures, now);
        const reachedNow = progressAt(c, signatures, now).reached;
        if (status === 'succeeded' || status === 'active' || status === 'completed') return reachedNow;
        if (status === 'failed') return !progressAt(c, signatures, c.signingDeadline).reached;
        return !reachedNow; // collecting
      }),
    );
  });

  it('signing one by one gives the same status as statusAt over the raw list, and sends each milestone at most once', () => {
    fc.assert(
      fc.property(scopeArb, signaturesArb, instant, (scope, signatures, now) => {
        const c = buildCommitment({ scope });
        const { state, sent } = replay(scope, signatures);
        const once = new Set(sent).size === sent.length;
        const successSent = sent.includes('succeeded') === progressAt(c, signatures, c.signingDeadline).reached;
        return once && successSent && statusAt(c, state.signatures, now) === statusAt(c, signatures, now);
      }),
    );
  });

  it('in per-commune scope, succeeds exactly when every commune reaches its own target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), signaturesArb, (a, b, signatures) => {
        const scope: Scope = { kind: 'per_commune', communes: [{ commune: 'A', target: { kind: 'count', count: a } }, { commune: 'B', target: { kind: 'count', count: b } }] };
        const c = buildCommitment({ scope });
        const { state } = replay(scope, signatures);
        const inA = state.signatures.filter((s) => s.commune === 'A').length;
        const inB = state.signatures.filter((s) => s.commune === 'B').length;
        return (statusAt(c, state.signatures, END) === 'completed') === (inA >= a && inB >= b);
      }),
    );
  });
});
