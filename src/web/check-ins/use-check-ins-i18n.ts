/** @module The check-in pages' messages (a dictionary loaded with those pages only), and times and days in the territory's zone. */
import { formatDay, weekdayList } from '../core/dates.ts';
import { createMessagesHook } from '../core/i18n.tsx';
import { checkInsEn } from '../i18n/check-ins-en.ts';
import { checkInsFr, type CheckInKey } from '../i18n/check-ins-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';

export const checkInDictionaries: Dictionaries<CheckInKey> = { fr: checkInsFr, en: checkInsEn };

export const useCheckInsI18n = createMessagesHook(checkInDictionaries, ({ text }, { locale }) => {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const clock = new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    /** A check-in (or main) message. */
    c: text,
    /** An instant as a Paris time of day: "09:12". */
    time: (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : clock.format(d);
    },
    /** A YYYY-MM-DD day in words: "mardi 1 décembre". */
    day: (date: string) => formatDay(tag, date, false),
    /** ISO weekdays as a list of names: "lundi, mardi et mercredi". */
    days: (weekdays: readonly number[]) => weekdayList(tag, weekdays),
  };
});

export type CheckInsI18n = ReturnType<typeof useCheckInsI18n>;
