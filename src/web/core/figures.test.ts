// Figures printed with the server's significant figures, never below the unit.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../i18n/translate.ts';
import { decimalsFor, formatFigure } from './figures.ts';

const fr = (value: number, digits?: number) => formatNumber('fr', value, digits);

describe('formatFigure', () => {
  it('prints CO2e to 2 significant figures, whole kg from 10 kg, in French', () => {
    expect(formatFigure(fr, 0.14225, 'co2eKg')).toBe('0,14');
    expect(formatFigure(fr, 7.8228, 'co2eKg')).toBe('7,8');
    expect(formatFigure(fr, 7884.91, 'co2eKg')).toBe('7\u202f885');
    expect(formatFigure(fr, 39369.9, 'carKm')).toBe('39\u202f370');
    expect(formatFigure(fr, 6.36, 'euros')).toBe('6,4');
    expect(formatFigure(fr, 0, 'euros')).toBe('0');
  });

  it('counts decimals from the magnitude', () => {
    expect([decimalsFor(0.0042, 2), decimalsFor(12, 2), decimalsFor(-3.5, 2), decimalsFor(Number.NaN, 2)]).toEqual([4, 0, 1, 0]);
  });
});
