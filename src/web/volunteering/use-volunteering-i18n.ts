/** @module The volunteering pages' messages (a dictionary loaded with those pages only), with dates, schedules and delays in words. */
import { createMessagesHook } from '../core/i18n.tsx';
import { volunteeringEn } from '../i18n/volunteering-en.ts';
import { volunteeringFr, type VolunteeringKey } from '../i18n/volunteering-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';
import { delayWords, scheduleWords } from './format.ts';
import type { ScheduleView } from './types.ts';

export const volunteeringDictionaries: Dictionaries<VolunteeringKey> = { fr: volunteeringFr, en: volunteeringEn };

export const useVolunteeringI18n = createMessagesHook(volunteeringDictionaries, ({ text: v, plural: vp }, { locale }) => {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const stamp = new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const dayFormat = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const when = (iso: string) => stamp.format(new Date(iso));
  const day = (date: string) => dayFormat.format(new Date(`${date}T12:00:00Z`));
  const words = { v, when, day, tag };
  return {
    /** A volunteering (or main) message; `vp` for its plural. */
    v,
    vp,
    /** "samedi 12 avril, 09:30" in Paris time. */
    when,
    /** "12 avril 2026" for a YYYY-MM-DD day. */
    day,
    schedule: (s: ScheduleView) => scheduleWords(s, words),
    delay: (hours: number) => delayWords(hours, vp, v),
    percent: (share: number) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share),
  };
});

export type VolunteeringI18n = ReturnType<typeof useVolunteeringI18n>;

/** Territory roles that validate organisations and missions. */
export function isOperator(roles: readonly string[]): boolean {
  return roles.includes('operator') || roles.includes('admin');
}
