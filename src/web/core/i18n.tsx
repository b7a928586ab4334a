/**
 * @module Language context: the current locale, a switch that persists it, translation helpers for components, and
 * `createMessagesHook`, the one way a capability gets its own messages (its dictionaries load with its pages only).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { readStoredLocale, storeLocale } from '../i18n/locale-store.ts';
import {
  formatNumber, messagesFor, translate, translatePlural,
  type Dictionaries, type Locale, type MessageKey, type MessageParams, type Messages, type PluralKey,
} from '../i18n/translate.ts';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  tp: (key: PluralKey, count: number, params?: MessageParams) => string;
  formatNumber: (value: number, maximumFractionDigits?: number) => string;
  formatDate: (iso: string) => string;
}

function makeI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  return {
    locale,
    setLocale,
    t: (key, params) => translate(locale, key, params),
    tp: (key, count, params) => translatePlural(locale, key, count, params),
    formatNumber: (value, digits) => formatNumber(locale, value, digits),
    formatDate: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('fr', () => undefined));

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = readStoredLocale();
    document.documentElement.lang = initial;
    return initial;
  });
  const value = useMemo(
    () =>
      makeI18n(locale, (next) => {
        storeLocale(next);
        document.documentElement.lang = next; // at once, so assistive tech never reads a stale lang
        setLocaleState(next);
      }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);

/**
 * Makes a capability's hook: `I18n` plus what `extend` builds from the capability's messages for the current locale
 * (usually its one-letter `text` and `plural`, and its date or money formats), rebuilt only when the locale changes.
 *
 *     export const useAidI18n = createMessagesHook(aidDictionaries, ({ text, plural }) => ({ a: text, ap: plural }));
 */
export function createMessagesHook<K extends string, E extends object>(
  dictionaries: Dictionaries<K>,
  extend: (messages: Messages<K>, i18n: I18n) => E,
): () => I18n & E {
  return function useMessages() {
    const i18n = useI18n();
    return useMemo(() => ({ ...i18n, ...extend(messagesFor(i18n.locale, dictionaries), i18n) }), [i18n]);
  };
}
