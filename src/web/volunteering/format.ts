/** @module Schedules and delays in words, pure so they are unit-tested in both languages. */
import type { VolunteeringKey } from '../i18n/volunteering-fr.ts';
import type { MessageParams } from '../i18n/translate.ts';
import type { ScheduleView } from './types.ts';

type V = (key: VolunteeringKey, params?: MessageParams) => string;

export interface Words {
  v: V;
  tag: string;
  day: (date: string) => string;
}

const time = (iso: string, tag: string) => new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const parisDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(iso));

/** "Le samedi 12 avril 2026, de 09:30 à 13:00" / "Chaque mardi et jeudi, de 09:00 à 12:00, à partir du …". */
export function scheduleWords(s: ScheduleView, { v, tag, day }: Words): string {
  if (s.kind === 'once' && s.startsAt && s.endsAt) {
    const start = parisDay(s.startsAt);
    const end = parisDay(s.endsAt);
    if (start === end) return v('schedule.once', { date: day(start), from: time(s.startsAt, tag), to: time(s.endsAt, tag) });
    return v('schedule.onceSpan', { start: `${day(start)} ${time(s.startsAt, tag)}`, end: `${day(end)} ${time(s.endsAt, tag)}` });
  }
  const names = (s.weekdays ?? []).map((d) => v(`weekday.${d}` as VolunteeringKey));
  const days = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }).format(names);
  const base = v('schedule.weekly', { days, from: s.startTime ?? '', to: s.endTime ?? '' });
  const period = s.lastDay ? v('schedule.weeklyBetween', { first: day(s.firstDay ?? ''), last: day(s.lastDay) }) : v('schedule.weeklyFrom', { first: day(s.firstDay ?? '') });
  return `${base}, ${period}`;
}

/** A response delay in hours, in words: "moins d’une heure", "5 heures", "2 jours". */
export function delayWords(hours: number, vp: (key: 'delay.hours' | 'delay.days', count: number) => string, v: V): string {
  if (hours < 1) return v('delay.lessThanHour');
  if (hours < 48) return vp('delay.hours', Math.round(hours));
  return vp('delay.days', Math.round(hours / 24));
}

/** The UTC instant of a local time in Paris on a day (whole-hour offsets, as in France). */
export function parisInstant(date: string, hhmm: string): Date {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' }).formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offsetHours = Number(name.replace('GMT', '') || 0);
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.parse(`${date}T00:00:00Z`) + ((h ?? 0) * 60 + (m ?? 0) - offsetHours * 60) * 60_000);
}

/** A stored instant as the Paris day and time a form shows. */
export function parisParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return { date, time };
}

/** Which field of the mission form a server error's JSON pointer names. */
export function missionFieldOf(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  const map: Record<string, string> = {
    '/title': 'title',
    '/description': 'description',
    '/volunteersNeeded': 'needed',
    '/schedule/startsAt': 'date',
    '/schedule/endsAt': 'endTime',
    '/schedule/endTime': 'endTime',
    '/schedule/startTime': 'startTime',
    '/schedule/firstDay': 'firstDay',
    '/schedule/lastDay': 'lastDay',
    '/schedule/weekdays': 'weekdays',
    '/schedule': 'date',
    '/place': 'commune',
    '/place/address': 'address',
  };
  return map[pointer] ?? (pointer.startsWith('/skills') ? 'skills' : pointer.startsWith('/publics') ? 'publics' : undefined);
}
