/** @module Shares (0..1) written as percentages that never show "0 %" for a small non-zero share; sums that never pass off a part as the whole. */
import { isSuppressed, type Suppressed } from '../core/small-group.tsx';

/** The percentage text without its sign: 0.1234 → "12.3" in the locale; 0.0003 → "0.03"; tiny → "< 0.01". */
export function percentText(share: number, formatNumber: (value: number, digits?: number) => string): string {
  const percent = share * 100;
  if (percent > 0 && percent < 0.01) return `< ${formatNumber(0.01, 2)}`;
  return formatNumber(percent, percent > 0 && percent < 1 ? 2 : 1);
}

/**
 * The sum of figures some of which may be suppressed: suppressed as soon as one is (a sum of the shown ones only
 * would read as the whole), with the strictest threshold in force.
 * @example guardedSum([3, { suppressed: true, reason: 'small_group', minGroup: 5 }]) // the suppressed shape
 */
export function guardedSum(values: readonly (number | Suppressed)[]): number | Suppressed {
  let total = 0;
  let hidden: Suppressed | null = null;
  for (const v of values) {
    if (isSuppressed(v)) hidden = hidden && hidden.minGroup >= v.minGroup ? hidden : v;
    else total += v;
  }
  return hidden ?? total;
}
