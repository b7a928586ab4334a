// Response rate and median delay, as an organisation's page shows them: what counts, what does not, and the median.
import { describe, expect, it } from 'vitest';
import { GRACE_DAYS, median, responseStats, type ApplicationFacts } from './response-rate.ts';

const HOUR = 3_600_000;
const now = new Date('2026-03-20T12:00:00Z');
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
const answered = (appliedHoursAgo: number, delayHours: number): ApplicationFacts => ({ awaitingSince: ago(appliedHoursAgo), answeredAt: ago(appliedHoursAgo - delayHours), withdrawn: false });
const pending = (appliedHoursAgo: number, withdrawn = false): ApplicationFacts => ({ awaitingSince: ago(appliedHoursAgo), answeredAt: null, withdrawn });

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 10, 20])).toBe(6);
  });
});

describe('responseStats', () => {
  it('has no figures before any application', () => {
    expect(responseStats([], now)).toMatchObject({ counted: 0, answered: 0, rate: null, medianHours: null, graceDays: GRACE_DAYS });
  });

  it('counts answered applications and old unanswered ones; the median is over the answered', () => {
    const stats = responseStats([answered(100, 2), answered(100, 10), answered(300, 30), pending(24 * 10)], now);
    expect(stats).toMatchObject({ counted: 4, answered: 3, rate: 0.75, medianHours: 10 });
  });

  it('gives a fresh unanswered application the grace period before it counts against the organisation', () => {
    expect(responseStats([answered(50, 4), pending(24 * GRACE_DAYS - 1)], now)).toMatchObject({ counted: 1, rate: 1 });
    expect(responseStats([answered(50, 4), pending(24 * GRACE_DAYS + 1)], now)).toMatchObject({ counted: 2, rate: 0.5 });
  });

  it('leaves out applications the volunteer withdrew before an answer, but keeps answered ones later cancelled', () => {
    const withdrawnAfterAnswer: ApplicationFacts = { ...answered(200, 6), withdrawn: true };
    expect(responseStats([pending(24 * 30, true), withdrawnAfterAnswer], now)).toMatchObject({ counted: 1, answered: 1, rate: 1, medianHours: 6 });
  });

  it('ignores places on the waiting list that were never answerable', () => {
    expect(responseStats([{ awaitingSince: null, answeredAt: null, withdrawn: false }, answered(30, 1.25)], now)).toMatchObject({ counted: 1, medianHours: 1.3 });
  });

  it('measures the delay from the moment the application could be answered (promotion from the waiting list)', () => {
    const promoted: ApplicationFacts = { awaitingSince: ago(5), answeredAt: ago(2), withdrawn: false };
    expect(responseStats([promoted], now).medianHours).toBe(3);
  });
});
