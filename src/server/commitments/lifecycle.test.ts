// The commitment state machine: every transition, the deadline edges, refusals and the frozen wording.
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { applySignature, canEditWording, countedSignatures, refusalError, statusAt, successAt } from './lifecycle.ts';
import { notificationsAt } from './notifications.ts';
import { at, buildCommitment, DAY, DEADLINE, emptyState, END, OPEN, sig, signAll, START } from './test-fixtures.ts';

const c = buildCommitment();
const three = [sig('a', at(OPEN, DAY)), sig('b', at(OPEN, 2 * DAY)), sig('c', at(OPEN, 3 * DAY))];

describe('statusAt', () => {
  it('is collecting from opening until the target is reached', () => {
    expect(statusAt(c, [], OPEN)).toBe('collecting');
    expect(statusAt(c, three.slice(0, 2), at(OPEN, 5 * DAY))).toBe('collecting');
  });

  it('collecting → succeeded at the very millisecond of the signature that reaches the target', () => {
    const reached = three[2]!.at;
    expect(statusAt(c, three, at(reached, -1))).toBe('collecting');
    expect(statusAt(c, three, reached)).toBe('succeeded');
    expect(successAt(c, three)).toEqual(reached);
  });

  it('stays succeeded after the deadline until the action period, then active, then completed', () => {
    expect(statusAt(c, three, DEADLINE)).toBe('succeeded');
    expect(statusAt(c, three, at(DEADLINE, 1))).toBe('succeeded');
    expect(statusAt(c, three, at(START, -1))).toBe('succeeded');
    expect(statusAt(c, three, START)).toBe('active');
    expect(statusAt(c, three, at(END, -1))).toBe('active');
    expect(statusAt(c, three, END)).toBe('completed');
  });

  it('collecting → failed one millisecond after the deadline when the target is not reached', () => {
    expect(statusAt(c, three.slice(0, 2), DEADLINE)).toBe('collecting');
    expect(statusAt(c, three.slice(0, 2), at(DEADLINE, 1))).toBe('failed');
    expect(statusAt(c, three.slice(0, 2), at(END, DAY))).toBe('failed');
    expect(successAt(c, three.slice(0, 2))).toBeNull();
  });

  it('succeeds when the target is reached in the last second (and the last millisecond) before the deadline', () => {
    const late = [...three.slice(0, 2), sig('c', at(DEADLINE, -1000))];
    expect(statusAt(c, late, at(DEADLINE, 1))).toBe('succeeded');
    const lastMs = [...three.slice(0, 2), sig('c', at(DEADLINE, -1))];
    expect(statusAt(c, lastMs, at(START, 1))).toBe('active');
  });

  it('counts a signature stamped exactly at the deadline (inclusive), not one a millisecond later', () => {
    expect(statusAt(c, [...three.slice(0, 2), sig('c', DEADLINE)], at(DEADLINE, 1))).toBe('succeeded');
    expect(statusAt(c, [...three.slice(0, 2), sig('c', at(DEADLINE, 1))], at(DEADLINE, 2))).toBe('failed');
  });

  it('goes active just after the deadline when the period starts at the deadline', () => {
    const tight = buildCommitment({ actionStart: DEADLINE });
    expect(statusAt(tight, three, DEADLINE)).toBe('succeeded');
    expect(statusAt(tight, three, at(DEADLINE, 1))).toBe('active');
  });

  it('counts one signature per signer and ignores signatures before opening', () => {
    const dup = [sig('a', at(OPEN, DAY)), sig('a', at(OPEN, 2 * DAY)), sig('b', at(OPEN, 3 * DAY)), sig('z', at(OPEN, -1))];
    expect(countedSignatures(c, dup, END).map((s) => s.signerId)).toEqual(['a', 'b']);
    expect(statusAt(c, dup, END)).toBe('failed');
  });
});

describe('applySignature', () => {
  it('records a signature stamped now and reaches success on the third', () => {
    const { state, sent } = signAll(emptyState(), [
      { id: 'a', at: at(OPEN, DAY) },
      { id: 'b', at: at(OPEN, 2 * DAY) },
      { id: 'c', at: at(OPEN, 3 * DAY) },
    ]);
    expect(state.signatures.map((s) => [s.signerId, s.at])).toEqual([['a', at(OPEN, DAY)], ['b', at(OPEN, 2 * DAY)], ['c', at(OPEN, 3 * DAY)]]);
    expect(sent.at(-1)).toEqual(['succeeded']);
    expect(statusAt(c, state.signatures, at(OPEN, 3 * DAY))).toBe('succeeded');
  });

  it('keeps signing open after success until the deadline', () => {
    const { state } = signAll(emptyState(), three.map((s) => ({ id: s.signerId, at: s.at })));
    const r = applySignature(state, { signerId: 'd' }, DEADLINE);
    expect(r.ok && r.state.signatures.length).toBe(4);
    expect(r.ok && r.notify).toEqual([]);
    expect(applySignature(state, { signerId: 'e' }, at(DEADLINE, 1))).toEqual({ ok: false, refusal: { reason: 'deadline_passed' } });
  });

  it('refuses signing twice, and leaves the state untouched', () => {
    const { state } = signAll(emptyState(), [{ id: 'a', at: at(OPEN, DAY) }]);
    expect(applySignature(state, { signerId: 'a' }, at(OPEN, 2 * DAY))).toEqual({ ok: false, refusal: { reason: 'already_signed' } });
    expect(state.signatures).toHaveLength(1);
  });

  it('refuses one signature after failure with the reason "failed", even one that would have reached the target', () => {
    const { state } = signAll(emptyState(), [{ id: 'a', at: at(OPEN, DAY) }, { id: 'b', at: at(OPEN, 2 * DAY) }]);
    expect(applySignature(state, { signerId: 'c' }, at(DEADLINE, 1))).toEqual({ ok: false, refusal: { reason: 'failed' } });
    expect(notificationsAt(state, at(DEADLINE, 1)).notify).toEqual(['failed']);
  });

  it('refuses signing before the commitment opens', () => {
    expect(applySignature(emptyState(), { signerId: 'a' }, at(OPEN, -1))).toEqual({ ok: false, refusal: { reason: 'not_open' } });
  });

  it('in per-commune scope, needs a listed commune and counts each signature for its own commune', () => {
    const perCommune = buildCommitment({
      scope: { kind: 'per_commune', communes: [{ commune: '21231', target: { kind: 'count', count: 2 } }, { commune: '21166', target: { kind: 'count', count: 1 } }] },
    });
    const s0 = emptyState(perCommune);
    expect(applySignature(s0, { signerId: 'a' }, at(OPEN, DAY))).toEqual({ ok: false, refusal: { reason: 'unknown_commune', commune: null } });
    expect(applySignature(s0, { signerId: 'a', commune: '75056' }, at(OPEN, DAY))).toEqual({ ok: false, refusal: { reason: 'unknown_commune', commune: '75056' } });
    const { state, sent } = signAll(s0, [
      { id: 'a', at: at(OPEN, DAY), commune: '21166' },
      { id: 'b', at: at(OPEN, 2 * DAY), commune: '21231' },
      { id: 'c', at: at(OPEN, 3 * DAY), commune: '21231' },
    ]);
    // One commune full is not success: 21231 is at 50 % after b (33 % sent), success only with c.
    expect(sent).toEqual([[], ['progress_33'], ['succeeded']]);
    expect(statusAt(perCommune, state.signatures, at(OPEN, 2 * DAY))).toBe('collecting');
    expect(statusAt(perCommune, state.signatures, at(OPEN, 3 * DAY))).toBe('succeeded');
  });

  it('ignores a commune outside per-commune scope', () => {
    const r = applySignature(emptyState(), { signerId: 'a', commune: '21231' }, at(OPEN, DAY));
    expect(r.ok && r.state.signatures[0]?.commune).toBeNull();
  });
});

describe('refusalError', () => {
  it('maps refusals to 409, and an unknown commune to a 400 naming /commune', () => {
    for (const reason of ['not_open', 'already_signed', 'deadline_passed', 'failed'] as const) {
      const e = refusalError({ reason });
      expect(e).toBeInstanceOf(AppError);
      expect(e.status).toBe(409);
    }
    const e = refusalError({ reason: 'unknown_commune', commune: 'x' });
    expect([e.status, e.field]).toEqual([400, '/commune']);
  });
});

describe('canEditWording', () => {
  it('allows edits until the first signature, never after', () => {
    expect(canEditWording([])).toBe(true);
    expect(canEditWording([sig('a', at(OPEN, 1))])).toBe(false);
  });
});
