// Commitment validation: a valid one passes trimmed, every bad field is named.
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import type { Commitment } from './model.ts';
import { at, buildCommitment, DAY, DEADLINE, OPEN, START } from './test-fixtures.ts';
import { MAX_WORDING, validateCommitment } from './validate.ts';

const fieldOf = (c: Commitment): string | null => {
  try {
    validateCommitment(c);
    return null;
  } catch (e) {
    if (e instanceof AppError && e.status === 400) return e.field ?? '?';
    throw e;
  }
};

describe('validateCommitment', () => {
  it('accepts a valid commitment and trims its wording', () => {
    expect(validateCommitment(buildCommitment({ wording: '  I will.  ' })).wording).toBe('I will.');
    expect(fieldOf(buildCommitment({ actionStart: DEADLINE }))).toBeNull();
  });

  it.each<[string, Partial<Commitment>, string]>([
    ['empty wording', { wording: '   ' }, '/wording'],
    ['long wording', { wording: 'x'.repeat(MAX_WORDING + 1) }, '/wording'],
    ['unknown action', { action: 'teleport' as Commitment['action'] }, '/action'],
    ['target 0', { scope: { kind: 'territory', target: { kind: 'count', count: 0 } } }, '/scope/target/count'],
    ['target above base', { scope: { kind: 'community', communityId: 'c', target: { kind: 'count', count: 31, base: 30 } } }, '/scope/target/count'],
    ['share above 100 %', { scope: { kind: 'corridor', corridorId: 'r', target: { kind: 'share', share: 1.5, base: 900 } } }, '/scope/target/share'],
    ['no communes', { scope: { kind: 'per_commune', communes: [] } }, '/scope/communes'],
    [
      'a commune twice',
      { scope: { kind: 'per_commune', communes: [{ commune: 'A', target: { kind: 'count', count: 1 } }, { commune: 'A', target: { kind: 'count', count: 1 } }] } },
      '/scope/communes/1/commune',
    ],
    ['a commune target ≤ 0', { scope: { kind: 'per_commune', communes: [{ commune: 'A', target: { kind: 'share', share: 0, base: 10 } }] } }, '/scope/communes/0/target/share'],
    ['invalid date', { actionEnd: new Date(Number.NaN) }, '/actionEnd'],
    ['deadline at opening', { signingDeadline: OPEN }, '/signingDeadline'],
    ['action before deadline', { actionStart: at(DEADLINE, -1) }, '/actionStart'],
    ['action ends before it starts', { actionEnd: START }, '/actionEnd'],
    ['action ends earlier still', { actionEnd: at(START, -DAY) }, '/actionEnd'],
  ])('refuses %s, naming %s', (_, overrides, field) => {
    expect(fieldOf(buildCommitment(overrides))).toBe(field);
  });
});
