/** @module The mediation and audit pages' messages (a dictionary loaded with those pages only) and time formatting. */
import { createMessagesHook } from '../core/i18n.tsx';
import { mediationEn } from '../i18n/mediation-en.ts';
import { mediationFr, type MediationKey } from '../i18n/mediation-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';

export const mediationDictionaries: Dictionaries<MediationKey> = { fr: mediationFr, en: mediationEn };

export const useMediationI18n = createMessagesHook(mediationDictionaries, ({ text }, { locale }) => {
  const clock = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
  return {
    /** A mediation (or main) message. */
    d: text,
    /** An instant as a time of day in Paris: "14:35". */
    time: (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : clock.format(date);
    },
  };
});

export type MediationI18n = ReturnType<typeof useMediationI18n>;
