/** @module Shares (0..1) written as percentages that never show "0 %" for a small non-zero share. */

/** The percentage text without its sign: 0.1234 → "12.3" in the locale; 0.0003 → "0.03"; tiny → "< 0.01". */
export function percentText(share: number, formatNumber: (value: number, digits?: number) => string): string {
  const percent = share * 100;
  if (percent > 0 && percent < 0.01) return `< ${formatNumber(0.01, 2)}`;
  return formatNumber(percent, percent > 0 && percent < 1 ? 2 : 1);
}
