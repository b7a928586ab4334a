// @vitest-environment node
/** @module Choropleth classes: rates, breaks, colours and the map expression agree with each other. */
import { describe, expect, it } from 'vitest';
import { classBreaks, colourOf, fillColorExpression, legendEntries, PALETTE, ratePerThousand } from './choropleth.ts';

describe('ratePerThousand', () => {
  it('scales residents to 1,000 inhabitants and guards a zero population', () => {
    expect(ratePerThousand(5, 2000)).toBe(2.5);
    expect(ratePerThousand(5, 0)).toBe(0);
  });
});

describe('classBreaks', () => {
  it('uses round steps up to the highest rate', () => {
    expect(classBreaks([0, 0.4, 3.7])).toEqual([1, 2, 3]);
    expect(classBreaks([7.3, 7.7, 8.6])).toEqual([7.5, 8, 8.5]);
  });

  it('has one class when every registered commune has the same rate', () => {
    expect(classBreaks([0, 12, 12])).toEqual([]);
  });

  it('has no classes when nobody is registered', () => {
    expect(classBreaks([0, 0])).toEqual([]);
    expect(classBreaks([])).toEqual([]);
  });
});

describe('colourOf and legendEntries', () => {
  it('give every rate the colour of its legend entry', () => {
    const breaks = classBreaks([0, 0.4, 3.7]);
    const entries = legendEntries(breaks);
    expect(entries).toHaveLength(5);
    expect(colourOf(0, breaks)).toBe(PALETTE[0]);
    for (const rate of [0.4, 1, 2.5, 3.7]) {
      const entry = entries.find((e) => e.from !== null && rate >= e.from && (e.to === null || rate < e.to));
      expect(entry?.colour).toBe(colourOf(rate, breaks));
    }
  });
});

describe('fillColorExpression', () => {
  it('gives MapLibre a step with at least one stop, or one colour when there is no break', () => {
    expect(fillColorExpression([])).toEqual(['case', ['<=', ['get', 'rate'], 0], PALETTE[0], PALETTE[1]]);
    expect(fillColorExpression([2, 4])).toEqual(['case', ['<=', ['get', 'rate'], 0], PALETTE[0], ['step', ['get', 'rate'], PALETTE[1], 2, PALETTE[2], 4, PALETTE[3]]]);
  });
});
