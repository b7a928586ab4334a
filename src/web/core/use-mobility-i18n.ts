/** @module The mobility pages' messages: a dictionary loaded with those pages only, so the first page stays light. */
import { useMemo } from 'preact/hooks';
import { mobilityEn } from '../i18n/mobility-en.ts';
import { mobilityFr, type MobilityKey } from '../i18n/mobility-fr.ts';
import { fillTemplate, pluralForm, type Locale, type MessageParams } from '../i18n/translate.ts';
import { useI18n, type I18n } from './i18n.tsx';

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type MobilityPluralKey = MobilityKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export const mobilityDictionaries: Record<Locale, Record<MobilityKey, string>> = { fr: mobilityFr, en: mobilityEn };

export interface MobilityI18n extends I18n {
  m: (key: MobilityKey, params?: MessageParams) => string;
  mp: (key: MobilityPluralKey, count: number, params?: MessageParams) => string;
}

export function useMobilityI18n(): MobilityI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const dictionary = mobilityDictionaries[i18n.locale];
    const m = (key: MobilityKey, params?: MessageParams) => fillTemplate(i18n.locale, dictionary[key] ?? mobilityFr[key], params);
    const mp = (key: MobilityPluralKey, count: number, params: MessageParams = {}) =>
      m(`${key}.${pluralForm(i18n.locale, count)}` as MobilityKey, { ...params, count });
    return { ...i18n, m, mp };
  }, [i18n]);
}
