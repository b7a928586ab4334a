// @vitest-environment node
/** @module Schedules and delays in words, in French and English. */
import { describe, expect, it } from 'vitest';
import { volunteeringEn } from '../i18n/volunteering-en.ts';
import { volunteeringFr, type VolunteeringKey } from '../i18n/volunteering-fr.ts';
import { fillTemplate, pluralForm, type Locale, type MessageParams } from '../i18n/translate.ts';
import { delayWords, scheduleWords } from './format.ts';

function words(locale: Locale) {
  const dictionary = locale === 'fr' ? volunteeringFr : volunteeringEn;
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const v = (key: VolunteeringKey, params?: MessageParams) => fillTemplate(locale, dictionary[key], params);
  const vp = (key: 'delay.hours' | 'delay.days', count: number) => v(`${key}.${pluralForm(locale, count)}` as VolunteeringKey, { count });
  const day = (date: string) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
  return { v, vp, tag, day };
}

describe('scheduleWords', () => {
  it('words a one-off mission in Paris time', () => {
    const s = { kind: 'once' as const, startsAt: '2026-04-11T07:30:00Z', endsAt: '2026-04-11T11:00:00Z' };
    expect(scheduleWords(s, words('fr'))).toBe('Le samedi 11 avril 2026, de 09:30 à 13:00');
    expect(scheduleWords(s, words('en'))).toBe('On Saturday, 11 April 2026, from 09:30 to 13:00');
  });
  it('words a weekly mission with its days and period', () => {
    const s = { kind: 'weekly' as const, weekdays: [2, 4], startTime: '09:00', endTime: '12:00', firstDay: '2026-03-24', lastDay: null };
    expect(scheduleWords(s, words('fr'))).toBe('Chaque mardi et jeudi, de 09:00 à 12:00, à partir du mardi 24 mars 2026');
    expect(scheduleWords({ ...s, weekdays: [1, 3, 5], lastDay: '2026-06-30' }, words('en'))).toBe('Every Monday, Wednesday and Friday, from 09:00 to 12:00, from Tuesday, 24 March 2026 to Tuesday, 30 June 2026');
  });
});

describe('delayWords', () => {
  it('says hours under two days, then days', () => {
    const fr = words('fr');
    expect(delayWords(0.4, fr.vp, fr.v)).toBe('moins d’une heure');
    expect(delayWords(1, fr.vp, fr.v)).toBe('1 heure');
    expect(delayWords(8.4, fr.vp, fr.v)).toBe('8 heures');
    expect(delayWords(70, fr.vp, fr.v)).toBe('3 jours');
    const en = words('en');
    expect(delayWords(30, en.vp, en.v)).toBe('30 hours');
  });
});

describe('Paris times in forms', () => {
  it('turns a Paris day and time into the instant, across summer time, and back', async () => {
    const { parisInstant, parisParts, missionFieldOf } = await import('./format.ts');
    expect(parisInstant('2026-03-28', '09:30').toISOString()).toBe('2026-03-28T08:30:00.000Z');
    expect(parisInstant('2026-03-30', '09:30').toISOString()).toBe('2026-03-30T07:30:00.000Z');
    expect(parisParts('2026-03-30T07:30:00.000Z')).toEqual({ date: '2026-03-30', time: '09:30' });
    expect(missionFieldOf('/volunteersNeeded')).toBe('needed');
    expect(missionFieldOf('/skills/0')).toBe('skills');
    expect(missionFieldOf('/unknown')).toBeUndefined();
  });
});
