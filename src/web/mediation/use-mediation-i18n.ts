/** @module The mediation and audit pages' messages (a dictionary loaded with those pages only) and time formatting. */
import { useMemo } from 'preact/hooks';
import { useI18n, type I18n } from '../core/i18n.tsx';
import { mediationEn } from '../i18n/mediation-en.ts';
import { mediationFr, type MediationKey } from '../i18n/mediation-fr.ts';
import { fillTemplate, type Locale, type MessageParams } from '../i18n/translate.ts';

export const mediationDictionaries: Record<Locale, Record<MediationKey, string>> = { fr: mediationFr, en: mediationEn };

export interface MediationI18n extends I18n {
  d: (key: MediationKey, params?: MessageParams) => string;
  /** An instant as a time of day in Paris: "14:35". */
  time: (iso: string) => string;
}

export function useMediationI18n(): MediationI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const dictionary = mediationDictionaries[i18n.locale];
    const clock = new Intl.DateTimeFormat(i18n.locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
    return {
      ...i18n,
      d: (key: MediationKey, params?: MessageParams) => fillTemplate(i18n.locale, dictionary[key] ?? mediationFr[key], params),
      time: (iso: string) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : clock.format(date);
      },
    };
  }, [i18n]);
}
