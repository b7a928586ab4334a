/** @module The mutual-aid pages' messages (a dictionary loaded with those pages only), with day and time formatting. */
import { createMessagesHook } from '../core/i18n.tsx';
import { mutualAidEn } from '../i18n/mutual-aid-en.ts';
import { mutualAidFr, type AidKey } from '../i18n/mutual-aid-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';

export const aidDictionaries: Dictionaries<AidKey> = { fr: mutualAidFr, en: mutualAidEn };

export const useAidI18n = createMessagesHook(aidDictionaries, ({ text, plural }, { locale }) => {
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return {
    /** A mutual-aid (or main) message; `ap` for its plural. */
    a: text,
    ap: plural,
    /** A short date and time: "mar. 10 mars, 14:00". */
    when: (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    },
  };
});

export type AidI18n = ReturnType<typeof useAidI18n>;
