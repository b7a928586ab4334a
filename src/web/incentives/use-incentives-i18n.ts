/** @module The incentive pages' messages (a dictionary loaded with those pages only), euros and day formatting. */
import { useMemo } from 'preact/hooks';
import { formatDay } from '../core/dates.ts';
import { useI18n, type I18n } from '../core/i18n.tsx';
import { incentivesEn } from '../i18n/incentives-en.ts';
import { incentivesFr, type IncentiveKey } from '../i18n/incentives-fr.ts';
import { fillTemplate, pluralForm, type Locale, type MessageParams } from '../i18n/translate.ts';
import { formatEuros, localeTag } from './money.ts';

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type IncentivePluralKey = IncentiveKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export const incentiveDictionaries: Record<Locale, Record<IncentiveKey, string>> = { fr: incentivesFr, en: incentivesEn };

export interface IncentivesI18n extends I18n {
  c: (key: IncentiveKey, params?: MessageParams) => string;
  cp: (key: IncentivePluralKey, count: number, params?: MessageParams) => string;
  /** Cents as euros: "1 234,50 €" / "€1,234.50". */
  euros: (cents: number) => string;
  /** A YYYY-MM-DD day in words: "lundi 10 mars 2025". */
  day: (date: string) => string;
}

export function useIncentivesI18n(): IncentivesI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const tag = localeTag(i18n.locale);
    const stamp = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short' });
    const dictionary = incentiveDictionaries[i18n.locale];
    const c = (key: IncentiveKey, params?: MessageParams) => fillTemplate(i18n.locale, dictionary[key] ?? incentivesFr[key], params);
    const cp = (key: IncentivePluralKey, count: number, params: MessageParams = {}) =>
      c(`${key}.${pluralForm(i18n.locale, count)}` as IncentiveKey, { ...params, count });
    return {
      ...i18n,
      c,
      cp,
      euros: (cents: number) => formatEuros(i18n.locale, cents),
      day: (date: string) => formatDay(tag, date),
      // Timestamps in British English for English (12 March 2025, 17:30), as amounts are.
      formatDate: (iso: string) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : stamp.format(date);
      },
    };
  }, [i18n]);
}

/** Territory roles that manage campaigns and merchants. */
export function isOperator(roles: readonly string[]): boolean {
  return roles.includes('operator') || roles.includes('admin');
}
