// Dates in commitment mails as people say them: a deadline or a period's end at midnight (Paris) names the day it
// closes, never the next one.
import { describe, expect, it } from 'vitest';
import { lastDay, untilInclusive } from './dates-in-words.ts';
import { noticeMail } from './messages.ts';

describe('commitment dates in mails', () => {
  it('names the last day a deadline includes', () => {
    expect(untilInclusive(new Date('2026-12-19T23:00:00Z'), 'fr')).toBe('jusqu’au 19 décembre 2026 inclus');
    expect(untilInclusive(new Date('2026-12-19T22:59:59Z'), 'en')).toBe('until 19 December 2026 inclusive');
    expect(lastDay(new Date('2026-07-14T22:00:00Z'), 'fr')).toBe('14 juillet 2026');
  });

  it('gives a success mail the period’s first and last days, the end day included', () => {
    const mail = noticeMail('succeeded', { wording: 'Je covoiture', actionStart: new Date('2026-12-20T23:00:00Z'), actionEnd: new Date('2026-12-27T23:00:00Z') }, 'fr');
    expect(mail.text).toContain('du 21 décembre 2026 au 27 décembre 2026');
  });
});
