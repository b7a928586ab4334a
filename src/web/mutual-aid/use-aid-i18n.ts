/** @module The mutual-aid pages' messages (a dictionary loaded with those pages only), with day and time formatting. */
import { useMemo } from 'preact/hooks';
import { useI18n, type I18n } from '../core/i18n.tsx';
import { mutualAidEn } from '../i18n/mutual-aid-en.ts';
import { mutualAidFr, type AidKey } from '../i18n/mutual-aid-fr.ts';
import { fillTemplate, pluralForm, type Locale, type MessageParams } from '../i18n/translate.ts';

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type AidPluralKey = AidKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export const aidDictionaries: Record<Locale, Record<AidKey, string>> = { fr: mutualAidFr, en: mutualAidEn };

export interface AidI18n extends I18n {
  a: (key: AidKey, params?: MessageParams) => string;
  ap: (key: AidPluralKey, count: number, params?: MessageParams) => string;
  /** A short date and time: "mar. 10 mars, 14:00". */
  when: (iso: string) => string;
}

export function useAidI18n(): AidI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const dictionary = aidDictionaries[i18n.locale];
    const format = new Intl.DateTimeFormat(i18n.locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    const a = (key: AidKey, params?: MessageParams) => fillTemplate(i18n.locale, dictionary[key] ?? mutualAidFr[key], params);
    const ap = (key: AidPluralKey, count: number, params: MessageParams = {}) => a(`${key}.${pluralForm(i18n.locale, count)}` as AidKey, { ...params, count });
    const when = (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
    return { ...i18n, a, ap, when };
  }, [i18n]);
}
