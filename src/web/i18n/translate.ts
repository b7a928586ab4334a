/**
 * @module Messages, the one mechanism: a capability's French dictionary is the reference (its keys are the key type),
 * its English one is typed against it, and `messagesFor` turns the pair into `text` and `plural` for a locale. A
 * capability's messages fall back to the main dictionary (`fr.ts`, always loaded), so a wording every page shares
 * ("Ce champ est obligatoire.", "Annuler") is written once, there. Pure, no DOM.
 */
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type Locale = 'fr' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['fr', 'en'];

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** A French reference dictionary and its English translation, with the same keys. */
export interface Dictionaries<K extends string> {
  fr: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralBase<K extends string> = K extends `${infer Base}.one` ? Base : never;

export interface Messages<K extends string> {
  /** The message of `key` (a capability's own key or a main one), its {placeholders} filled. */
  text: (key: K | MessageKey, params?: MessageParams) => string;
  /** The `.one` or `.other` form for `count` in this locale, with {count} filled. */
  plural: (key: PluralBase<K | MessageKey>, count: number, params?: MessageParams) => string;
}

/** The main dictionaries: the messages of the first page and the shared wording. */
export const mainDictionaries: Dictionaries<MessageKey> = { fr, en };

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

/** Keys of the main dictionary that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralKey = PluralBase<MessageKey>;

/** Whether `key` names a main message (e.g. a key built from a server's error code). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/**
 * Looks a key up in the locale's dictionary, then in French, then in the main dictionaries; a key no dictionary
 * has (a value the server added since) shows as itself rather than as nothing.
 */
export function messagesFor<K extends string>(locale: Locale, dictionaries: Dictionaries<K>): Messages<K> {
  // Read as plain string maps: a plural key is built from its base at run time.
  const chain: readonly Readonly<Record<string, string | undefined>>[] = [dictionaries[locale], dictionaries.fr, mainDictionaries[locale], fr];
  const lookup = (key: string): string => {
    for (const dictionary of chain) {
      const found = dictionary[key];
      if (found !== undefined) return found;
    }
    return key;
  };
  return {
    text: (key, params) => fillTemplate(locale, lookup(key), params),
    plural: (key, count, params = {}) => fillTemplate(locale, lookup(`${key}.${pluralForm(locale, count)}`), { ...params, count }),
  };
}

const mainMessages: Record<Locale, Messages<MessageKey>> = { fr: messagesFor('fr', mainDictionaries), en: messagesFor('en', mainDictionaries) };

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return mainMessages[locale].text(key, params);
}

export function translatePlural(locale: Locale, key: PluralKey, count: number, params: MessageParams = {}): string {
  return mainMessages[locale].plural(key, count, params);
}

/** Placeholder names used by a message, e.g. "{count} membres" → ["count"]. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}
