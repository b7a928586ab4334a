/** @module The check-in pages' messages (a dictionary loaded with those pages only), and times and days in the territory's zone. */
import { useMemo } from 'preact/hooks';
import { formatDay, weekdayList } from '../core/dates.ts';
import { useI18n, type I18n } from '../core/i18n.tsx';
import { checkInsEn } from '../i18n/check-ins-en.ts';
import { checkInsFr, type CheckInKey } from '../i18n/check-ins-fr.ts';
import { fillTemplate, type Locale, type MessageParams } from '../i18n/translate.ts';

export const checkInDictionaries: Record<Locale, Record<CheckInKey, string>> = { fr: checkInsFr, en: checkInsEn };

export interface CheckInsI18n extends I18n {
  c: (key: CheckInKey, params?: MessageParams) => string;
  /** An instant as a Paris time of day: "09:12". */
  time: (iso: string) => string;
  /** A YYYY-MM-DD day in words: "mardi 1 décembre". */
  day: (date: string) => string;
  /** ISO weekdays as short names: "lun., mar. et mer.". */
  days: (weekdays: readonly number[]) => string;
}

export function useCheckInsI18n(): CheckInsI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const tag = i18n.locale === 'fr' ? 'fr-FR' : 'en-GB';
    const clock = new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dictionary = checkInDictionaries[i18n.locale];
    return {
      ...i18n,
      c: (key: CheckInKey, params?: MessageParams) => fillTemplate(i18n.locale, dictionary[key] ?? checkInsFr[key], params),
      time: (iso: string) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : clock.format(d);
      },
      day: (date: string) => formatDay(tag, date, false),
      days: (weekdays: readonly number[]) => weekdayList(tag, weekdays),
    };
  }, [i18n]);
}
