/** @module The words of carpool notices on the notifications page: what happened to which ride, and a link naming it. */
import { dayOnly, formatDay } from '../core/dates.ts';
import type { MobilityKey } from '../i18n/mobility-fr.ts';
import { mobilityFr } from '../i18n/mobility-fr.ts';
import { textParam, type AppNotification } from '../notifications/types.ts';

type Translate = (key: MobilityKey, params?: Record<string, string | number>) => string;

/** Whether a notification is one of carpool's (`carpool.proposed`, `carpool.message`, …) with its words. */
export function isCarpoolNotice(n: AppNotification): boolean {
  return n.kind.startsWith('carpool.') && `notice.${n.kind}` in mobilityFr;
}

function day(n: AppNotification, locale: string): string {
  const when = textParam(n, 'when');
  return /^\d{4}-\d{2}-\d{2}/.test(when) ? formatDay(locale, dayOnly(when), false) : '';
}

/** "Camille vous propose un covoiturage le lundi 14 décembre, départ vers 07:40." */
export function carpoolNoticeText(n: AppNotification, m: Translate, locale: string): string {
  const text = (key: string) => textParam(n, key);
  return m(`notice.${n.kind}` as MobilityKey, { name: text('name'), day: day(n, locale), time: text('time'), message: text('message'), reason: text('reason') })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The link's words: "Voir le covoiturage du lundi 14 décembre". */
export function carpoolNoticeLink(n: AppNotification, m: Translate, locale: string): string {
  return m('notice.carpool.open', { day: day(n, locale) });
}
