/** @module Figures as the pages print them: the significant figures the server rounds to (docs/impact-factors.md, "Precision"), never below the unit. */

/** Significant figures per kind of figure, as on the server (src/server/core/figures.ts). */
export const FIGURE_DIGITS = { co2eKg: 2, euros: 2, carKm: 3, vehicleHours: 2 } as const;
export type FigureKind = keyof typeof FIGURE_DIGITS;

/** Decimals that show `digits` significant figures of `value` and no more: 0.14 → 2, 7.8 → 1, 7 885 → 0. */
export function decimalsFor(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  return Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(value))));
}

/**
 * Prints a figure with its kind's significant figures through the locale's number format: a factor known
 * to tens of percent never shows as 0,1 kg when it is 0,14, nor as 7 884,9 kg when it is about 7 885.
 * @example formatFigure((v, d) => v.toFixed(d), 0.14225, 'co2eKg') // "0.14"
 */
export function formatFigure(format: (value: number, maximumFractionDigits?: number) => string, value: number, kind: FigureKind): string {
  return format(value, decimalsFor(value, FIGURE_DIGITS[kind]));
}
