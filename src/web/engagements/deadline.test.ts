import { describe, expect, it } from 'vitest';
import { engagementsEn } from '../i18n/engagements-en.ts';
import { engagementsFr } from '../i18n/engagements-fr.ts';
import { dayOf, endOfDay, lastDayOf, lastSigningDay, startOfDay } from './deadline.ts';

describe('a signing deadline as people say it', () => {
  it('names the last day a signature counts, inclusive', () => {
    // 19 December 23:59 in Paris (UTC+1): the 19th is the last day.
    expect(lastSigningDay('2026-12-19T22:59:00Z', 'fr', 2026)).toBe('19 décembre');
    // Midnight at the start of the 20th closes the 19th: the 19th is named, not the 20th.
    expect(lastSigningDay('2026-12-19T23:00:00Z', 'fr', 2026)).toBe('19 décembre');
    expect(lastSigningDay('2026-12-19T23:00:01Z', 'fr', 2026)).toBe('20 décembre');
    expect(lastSigningDay('2026-12-19T22:59:00Z', 'en', 2026)).toBe('19 December');
  });

  it('adds the year only when it is not this one', () => {
    expect(lastSigningDay('2027-01-05T10:00:00Z', 'fr', 2026)).toBe('5 janvier 2027');
  });

  it('reads "jusqu’au 19 décembre inclus" in the dictionary', () => {
    expect(engagementsFr['engagement.deadline']).toContain('inclus');
    expect(engagementsEn['engagement.deadline']).toContain('{date}');
  });
});

describe('a chosen day as the launch form sends it', () => {
  it('keeps the whole deadline day: the chosen day is the one read back, and it closes at the next midnight in Paris', () => {
    // Before, the form sent the midnight *opening* the day chosen: the commitment closed a day early (or, in a browser
    // outside Paris, within the hour), and its creator could no longer sign it on the day they had chosen.
    expect(endOfDay('2026-12-19')).toBe('2026-12-19T23:00:00.000Z');
    expect(lastSigningDay(endOfDay('2026-12-19')!, 'fr', 2026)).toBe('19 décembre');
    // A signature at 23:59 Paris on the chosen day is before the deadline.
    expect(Date.parse('2026-12-19T22:59:59Z')).toBeLessThan(Date.parse(endOfDay('2026-12-19')!));
  });

  it('is exact on daylight-saving change days and in summer', () => {
    expect(startOfDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfDay('2026-03-29')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfDay('2026-10-25')).toBe('2026-10-25T23:00:00.000Z');
    expect(endOfDay('2026-07-14')).toBe('2026-07-14T22:00:00.000Z');
    expect(lastDayOf(endOfDay('2026-07-14')!, 'fr', 2026)).toBe('14 juillet');
    expect(dayOf(startOfDay('2026-07-14')!, 'fr', 2026)).toBe('14 juillet');
  });

  it('refuses an empty or impossible date', () => {
    expect(endOfDay('')).toBeNull();
    expect(startOfDay('2026-02-30')).toBeNull();
    expect(endOfDay('19/12/2026')).toBeNull();
  });
});
