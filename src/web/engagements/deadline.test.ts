import { describe, expect, it } from 'vitest';
import { engagementsEn } from '../i18n/engagements-en.ts';
import { engagementsFr } from '../i18n/engagements-fr.ts';
import { lastSigningDay } from './deadline.ts';

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
