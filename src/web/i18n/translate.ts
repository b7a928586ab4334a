/** @module Message lookup with {placeholder} interpolation and plural choice; pure, no DOM. */
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type Locale = 'fr' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export const LOCALES: readonly Locale[] = ['fr', 'en'];
export const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** Numbers are formatted for the locale (1 234 in French, 1,234 in English). */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** Fills the {placeholders} of any template (numbers formatted for the locale); unknown ones stay visible. */
export function fillTemplate(locale: Locale, template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** French treats 0 and 1 as singular, English only 1: Intl.PluralRules knows both. */
export function pluralForm(locale: Locale, count: number): 'one' | 'other' {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fillTemplate(locale, dictionaries[locale][key] ?? fr[key], params);
}

export function translatePlural(locale: Locale, key: PluralKey, count: number, params: MessageParams = {}): string {
  return translate(locale, `${key}.${pluralForm(locale, count)}` as MessageKey, { ...params, count });
}

/** Placeholder names used by a message, e.g. "{count} membres" → ["count"]. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}
