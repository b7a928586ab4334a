// Notifications: 33 %, 66 %, success and failure each fire once; the stalled rule nudges a creator once per stall.
import { describe, expect, it } from 'vitest';
import { applySignature } from './lifecycle.ts';
import { newMilestones } from './milestones.ts';
import { isStalled, notificationsAt, shouldNudgeCreator } from './notifications.ts';
import { at, buildCommitment, DAY, DEADLINE, emptyState, OPEN, signAll } from './test-fixtures.ts';

const hundred = buildCommitment({ scope: { kind: 'territory', target: { kind: 'count', count: 100 } } });
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `s${from + i}`, at: at(OPEN, DAY + from + i) }));

describe('milestones on signing', () => {
  it('fires 33 % at the 33rd of 100, 66 % at the 66th, success at the 100th, each once', () => {
    const { state, sent } = signAll(emptyState(hundred), ids(120));
    const fired = sent.flatMap((n, i) => n.map((m) => [i + 1, m]));
    expect(fired).toEqual([[33, 'progress_33'], [66, 'progress_66'], [100, 'succeeded']]);
    expect(state.fired).toEqual(['progress_33', 'progress_66', 'succeeded']);
  });

  it('sends only the highest milestone crossed at once, and never the skipped ones later', () => {
    const one = emptyState(buildCommitment({ scope: { kind: 'territory', target: { kind: 'count', count: 1 } } }));
    const r = applySignature(one, { signerId: 'a' }, at(OPEN, DAY));
    expect(r.ok && [r.notify, r.state.fired]).toEqual([['succeeded'], ['progress_33', 'progress_66', 'succeeded']]);
    const { sent } = signAll(emptyState(), ids(3)); // target 3: 1 → 33 %, 2 → 66 %, 3 → success
    expect(sent).toEqual([['progress_33'], ['progress_66'], ['succeeded']]);
  });

  it('does not re-send what is already fired', () => {
    expect(newMilestones(['progress_33'], ['progress_33'])).toEqual({ notify: [], fired: ['progress_33'] });
  });
});

describe('notificationsAt (the deadline)', () => {
  it('fires "failed" once, only after the deadline, only when the target was missed', () => {
    const { state } = signAll(emptyState(), ids(2));
    expect(notificationsAt(state, DEADLINE).notify).toEqual([]);
    const first = notificationsAt(state, at(DEADLINE, 1));
    expect(first.notify).toEqual(['failed']);
    expect(notificationsAt(first.state, at(DEADLINE, DAY)).notify).toEqual([]);
    const { state: won } = signAll(emptyState(), ids(3));
    expect(notificationsAt(won, at(DEADLINE, 1)).notify).toEqual([]);
  });
});

describe('stalled signing', () => {
  // Window 1–15 March (14 days): "less than half left" means after 8 March 00:00 (OPEN + 7 days).
  it('stalls after 7 quiet days with less than half of the window left', () => {
    const { state } = signAll(emptyState(), ids(1)); // signed on 2 March
    expect(isStalled(state, at(OPEN, 8 * DAY - 1))).toBe(false); // a millisecond short of 7 quiet days
    expect(isStalled(state, at(OPEN, 8 * DAY))).toBe(true); // 7 quiet days, 6 days left
    expect(isStalled(emptyState(), at(OPEN, 7 * DAY + 1))).toBe(true); // nobody since opening
    expect(isStalled(emptyState(), at(OPEN, 7 * DAY))).toBe(false); // half the window left, not less
  });

  it('never stalls once succeeded or after the deadline', () => {
    const { state } = signAll(emptyState(), ids(3));
    expect(isStalled(state, at(DEADLINE, -DAY))).toBe(false);
    expect(isStalled(emptyState(), at(DEADLINE, 1))).toBe(false);
  });

  it('nudges once per stall: again only after a new signature', () => {
    const s1 = signAll(emptyState(), ids(1)).state;
    const now = at(OPEN, 9 * DAY);
    expect(shouldNudgeCreator(s1, now, null)).toBe(true);
    expect(shouldNudgeCreator(s1, at(now, DAY), now)).toBe(false);
    const s2 = signAll(emptyState(buildCommitment({ signingDeadline: at(DEADLINE, 20 * DAY), actionStart: at(DEADLINE, 21 * DAY), actionEnd: at(DEADLINE, 30 * DAY) })), [
      { id: 'a', at: at(OPEN, DAY) },
      { id: 'b', at: at(OPEN, 10 * DAY) },
    ]).state;
    expect(shouldNudgeCreator(s2, at(OPEN, 18 * DAY), at(OPEN, 9 * DAY))).toBe(true);
  });
});
