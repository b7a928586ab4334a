/** @module The volunteering pages' messages (a dictionary loaded with those pages only), with dates, schedules and delays in words. */
import { useMemo } from 'preact/hooks';
import { useI18n, type I18n } from '../core/i18n.tsx';
import { volunteeringEn } from '../i18n/volunteering-en.ts';
import { volunteeringFr, type VolunteeringKey } from '../i18n/volunteering-fr.ts';
import { fillTemplate, pluralForm, type Locale, type MessageParams } from '../i18n/translate.ts';
import { delayWords, scheduleWords } from './format.ts';
import type { ScheduleView } from './types.ts';

export type VolunteeringPluralKey = VolunteeringKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export const volunteeringDictionaries: Record<Locale, Record<VolunteeringKey, string>> = { fr: volunteeringFr, en: volunteeringEn };

export interface VolunteeringI18n extends I18n {
  v: (key: VolunteeringKey, params?: MessageParams) => string;
  vp: (key: VolunteeringPluralKey, count: number, params?: MessageParams) => string;
  /** "samedi 12 avril, 09:30" in Paris time. */
  when: (iso: string) => string;
  /** "12 avril 2026" for a YYYY-MM-DD day. */
  day: (date: string) => string;
  schedule: (s: ScheduleView) => string;
  delay: (hours: number) => string;
  percent: (share: number) => string;
}

export function useVolunteeringI18n(): VolunteeringI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const tag = i18n.locale === 'fr' ? 'fr-FR' : 'en-GB';
    const dictionary = volunteeringDictionaries[i18n.locale];
    const v = (key: VolunteeringKey, params?: MessageParams) => fillTemplate(i18n.locale, dictionary[key] ?? volunteeringFr[key], params);
    const vp = (key: VolunteeringPluralKey, count: number, params: MessageParams = {}) => v(`${key}.${pluralForm(i18n.locale, count)}` as VolunteeringKey, { ...params, count });
    const stamp = new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    const dayFormat = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const when = (iso: string) => stamp.format(new Date(iso));
    const day = (date: string) => dayFormat.format(new Date(`${date}T12:00:00Z`));
    const words = { v, when, day, tag };
    return {
      ...i18n,
      v,
      vp,
      when,
      day,
      schedule: (s: ScheduleView) => scheduleWords(s, words),
      delay: (hours: number) => delayWords(hours, vp, v),
      percent: (share: number) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share),
    };
  }, [i18n]);
}

/** Territory roles that validate organisations and missions. */
export function isOperator(roles: readonly string[]): boolean {
  return roles.includes('operator') || roles.includes('admin');
}
