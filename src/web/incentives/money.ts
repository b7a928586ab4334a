/** @module Euros typed by people ↔ integer cents (1 point = 1 cent), and amounts written for the locale. */

/**
 * "1,50", "1.5", "1 234,50", "12 €" → cents; null when it is not a non-negative amount with at most two
 * decimals ("1,505", "-2", "abc", ""). A comma or a point is the decimal separator; spaces group thousands.
 */
export function parseEuros(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const cents = whole * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as a value to put back in an input: 150 → "1,50" in French, "1.50" in English; 100 → "1". */
export function centsToInput(cents: number, locale: string): string {
  const whole = Math.trunc(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return String(whole);
  return `${whole}${locale === 'fr' ? ',' : '.'}${String(rest).padStart(2, '0')}`;
}

/** The BCP 47 tag for amounts and dates: French of France, British English (day before month, 24-hour clock). */
export function localeTag(locale: string): 'fr-FR' | 'en-GB' {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

const euroFormats = new Map<string, Intl.NumberFormat>();

/** 123450 → "1 234,50 €" (fr-FR) or "€1,234.50" (en-GB). */
export function formatEuros(locale: string, cents: number): string {
  const tag = localeTag(locale);
  let format = euroFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    euroFormats.set(tag, format);
  }
  return format.format(cents / 100);
}

/** A number typed with a comma or a point ("2,5" km); null when it is not a non-negative number. */
export function parseDecimal(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** 2.5 → "2,5" (fr) / "2.5" (en), to put a number back in an input. */
export function numberToInput(value: number, locale: string): string {
  const text = String(value);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** "06:30" → 390 minutes since midnight; null when not a valid HH:MM (24:00 allowed as the end of the day). */
export function parseTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 24 * 60) return null;
  return minutes;
}

/** 390 → "06:30". */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Share of a budget used, 0..100, floored so "100 %" only shows when the budget is really spent. */
export function percentUsed(usedCents: number, budgetCents: number): number {
  if (budgetCents <= 0) return usedCents > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.floor((usedCents / budgetCents) * 100)));
}
