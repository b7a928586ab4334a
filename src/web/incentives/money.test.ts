// @vitest-environment node
/** @module Euros typed by people → integer cents, and back; amounts and times written for the locale. */
import { describe, expect, it } from 'vitest';
import { centsToInput, formatEuros, formatTime, parseDecimal, parseEuros, parseTime, percentUsed } from './money.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('parseEuros', () => {
  it('reads French and English decimals into whole cents', () => {
    expect(parseEuros('1,50')).toBe(150);
    expect(parseEuros('1.5')).toBe(150);
    expect(parseEuros('0,05')).toBe(5);
    expect(parseEuros('12')).toBe(1200);
    expect(parseEuros(' 1 234,50 € ')).toBe(123450);
    expect(parseEuros('1\u202f234,5')).toBe(123450);
    expect(parseEuros('0')).toBe(0);
  });

  it('refuses a third decimal, signs, words and empty text', () => {
    for (const bad of ['1,505', '1.505', '-2', '+2', 'abc', '', ',50', '1,', '1,2,3', '1e3']) expect(parseEuros(bad), bad).toBeNull();
  });

  it('never goes through floating point (0,29 is 29 cents, not 28)', () => {
    expect(parseEuros('0,29')).toBe(29);
    expect(parseEuros('4,35')).toBe(435);
    expect(parseEuros('1,1')).toBe(110);
  });
});

describe('centsToInput', () => {
  it('writes cents back the way they are typed, and round-trips', () => {
    expect(centsToInput(150, 'fr')).toBe('1,50');
    expect(centsToInput(150, 'en')).toBe('1.50');
    expect(centsToInput(100, 'fr')).toBe('1');
    expect(centsToInput(5, 'fr')).toBe('0,05');
    for (const cents of [0, 1, 9, 10, 99, 101, 123450]) expect(parseEuros(centsToInput(cents, 'fr'))).toBe(cents);
  });
});

describe('formatEuros', () => {
  it('formats for fr-FR and en-GB', () => {
    expect(nbsp(formatEuros('fr', 123450))).toBe('1 234,50 €');
    expect(formatEuros('en', 123450)).toBe('€1,234.50');
    expect(nbsp(formatEuros('fr', 5))).toBe('0,05 €');
  });
});

describe('distances, times and the gauge', () => {
  it('reads a km figure with a comma or a point', () => {
    expect(parseDecimal('2,5')).toBe(2.5);
    expect(parseDecimal('30')).toBe(30);
    expect(parseDecimal('-1')).toBeNull();
    expect(parseDecimal('two')).toBeNull();
  });

  it('reads HH:MM as minutes since midnight, and back', () => {
    expect(parseTime('06:30')).toBe(390);
    expect(parseTime('24:00')).toBe(1440);
    expect(parseTime('6:75')).toBeNull();
    expect(parseTime('25:00')).toBeNull();
    expect(formatTime(390)).toBe('06:30');
  });

  it('floors the share used so 100 % means spent', () => {
    expect(percentUsed(14970, 15000)).toBe(99);
    expect(percentUsed(15000, 15000)).toBe(100);
    expect(percentUsed(0, 0)).toBe(0);
    expect(percentUsed(20000, 15000)).toBe(100);
  });
});
