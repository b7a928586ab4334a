// The kept rate after the action period.
import { describe, expect, it } from 'vitest';
import { canRecordCheck, keptRate } from './kept-rate.ts';

describe('keptRate', () => {
  it('is kept over answered, null before any answer, the last answer of a signer winning', () => {
    expect(keptRate([])).toEqual({ kept: 0, answered: 0, rate: null });
    expect(keptRate([{ signerId: 'a', kept: true }, { signerId: 'b', kept: false }, { signerId: 'c', kept: true }, { signerId: 'd', kept: true }])).toEqual({ kept: 3, answered: 4, rate: 0.75 });
    expect(keptRate([{ signerId: 'a', kept: false }, { signerId: 'a', kept: true }])).toEqual({ kept: 1, answered: 1, rate: 1 });
  });

  it('is asked only once the commitment is completed', () => {
    expect((['collecting', 'succeeded', 'active', 'failed', 'completed'] as const).filter(canRecordCheck)).toEqual(['completed']);
  });
});
