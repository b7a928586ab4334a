/** @module The incentive pages' messages (a dictionary loaded with those pages only), euros and day formatting. */
import { formatDay } from '../core/dates.ts';
import { createMessagesHook } from '../core/i18n.tsx';
import { incentivesEn } from '../i18n/incentives-en.ts';
import { incentivesFr, type IncentiveKey } from '../i18n/incentives-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';
import { formatEuros, localeTag } from './money.ts';

export const incentiveDictionaries: Dictionaries<IncentiveKey> = { fr: incentivesFr, en: incentivesEn };

export const useIncentivesI18n = createMessagesHook(incentiveDictionaries, ({ text, plural }, { locale }) => {
  const tag = localeTag(locale);
  const stamp = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short' });
  return {
    /** An incentive (or main) message; `cp` for its plural. */
    c: text,
    cp: plural,
    /** Cents as euros: "1 234,50 €" / "€1,234.50". */
    euros: (cents: number) => formatEuros(locale, cents),
    /** A YYYY-MM-DD day in words: "lundi 10 mars 2025". */
    day: (date: string) => formatDay(tag, date),
    // Timestamps in British English for English (12 March 2025, 17:30), as amounts are.
    formatDate: (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : stamp.format(date);
    },
  };
});

export type IncentivesI18n = ReturnType<typeof useIncentivesI18n>;

/** Territory roles that manage campaigns and merchants. */
export function isOperator(roles: readonly string[]): boolean {
  return roles.includes('operator') || roles.includes('admin');
}
