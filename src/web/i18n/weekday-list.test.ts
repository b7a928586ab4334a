// @vitest-environment node
/** @module Lists of weekdays in sentences: whole names joined by the language's list rule, never a doubled period. */
import { describe, expect, it } from 'vitest';
import { weekdayList } from '../core/dates.ts';
import { checkInsEn } from './check-ins-en.ts';
import { checkInsFr } from './check-ins-fr.ts';
import { impactEn } from './impact-en.ts';
import { impactFr } from './impact-fr.ts';
import { messagesFor } from './translate.ts';

const LISTS: readonly (readonly number[])[] = [[6, 7], [1], [1, 2, 3, 4, 5], [7, 1, 3], [1, 2, 3, 4, 5, 6, 7]];

describe('a list of weekdays', () => {
  it('reads as words joined the French and English way', () => {
    expect(weekdayList('fr', [7, 6])).toBe('samedi et dimanche');
    expect(weekdayList('fr', [1, 2, 3])).toBe('lundi, mardi et mercredi');
    expect(weekdayList('en', [3, 1])).toBe('Monday and Wednesday');
    expect(weekdayList('en', [1, 2, 3])).toBe('Monday, Tuesday, and Wednesday');
  });

  it('never ends a sentence with two periods, whatever the days', () => {
    for (const [locale, dictionaries] of [['fr', { fr: checkInsFr, en: checkInsEn }], ['en', { fr: checkInsFr, en: checkInsEn }]] as const) {
      for (const days of LISTS) expect(messagesFor(locale, dictionaries).text('bonjour.deadlineOn', { days: weekdayList(locale, days) })).not.toMatch(/\.\./);
    }
    for (const days of LISTS) {
      expect(messagesFor('fr', { fr: impactFr, en: impactEn }).text('commitment.days', { days: weekdayList('fr', days) })).not.toMatch(/\.\./);
      expect(weekdayList('fr', days)).not.toMatch(/\./);
    }
  });
});
