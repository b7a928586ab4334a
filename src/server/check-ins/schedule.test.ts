// Timing rules of daily check-ins: deadlines per local day (daylight-saving change days included), weekdays, pause,
// the day counting starts, the alert window and escalation.
import { describe, expect, it } from 'vitest';
import { addDays, dayStatus, daysToAlert, deadlineOn, escalationDue, isDayExpected, isPausedOn, offsetMinutes, shouldEscalate, type Schedule } from './schedule.ts';

const at = (iso: string) => new Date(iso);
const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  deadlineMinutes: 10 * 60,
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  countsFrom: at('2026-01-01T00:00:00Z'),
  pausedFrom: null,
  pausedUntil: null,
  ...over,
});

describe('deadline of a local day (Europe/Paris)', () => {
  it('is 10:00 in Paris in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(deadlineOn('2026-11-23', 600).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(deadlineOn('2026-07-06', 600).toISOString()).toBe('2026-07-06T08:00:00.000Z');
  });

  it('follows the spring change day (29 March 2026): before, inside and after the missing hour', () => {
    expect(deadlineOn('2026-03-29', 60).toISOString()).toBe('2026-03-29T00:00:00.000Z'); // 01:00 CET
    // 02:30 does not exist: read with the winter offset, it is 03:30 on the wall.
    expect(deadlineOn('2026-03-29', 150).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(deadlineOn('2026-03-29', 600).toISOString()).toBe('2026-03-29T08:00:00.000Z'); // 10:00 CEST
  });

  it('follows the autumn change day (25 October 2026): the repeated hour takes its first occurrence', () => {
    expect(deadlineOn('2026-10-25', 60).toISOString()).toBe('2026-10-24T23:00:00.000Z'); // 01:00 CEST
    expect(deadlineOn('2026-10-25', 150).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (CEST)
    expect(deadlineOn('2026-10-25', 600).toISOString()).toBe('2026-10-25T09:00:00.000Z'); // 10:00 CET
    expect(deadlineOn('2026-10-25', 23 * 60 + 59).toISOString()).toBe('2026-10-25T22:59:00.000Z');
  });

  it('knows the offset at an instant and adds local days across a change', () => {
    expect(offsetMinutes(Date.parse('2026-01-10T12:00:00Z'))).toBe(60);
    expect(offsetMinutes(Date.parse('2026-06-10T12:00:00Z'))).toBe(120);
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('which days count', () => {
  it('only chosen weekdays (2026-11-23 is a Monday)', () => {
    const weekdaysOnly = schedule({ weekdays: [1, 2, 3, 4, 5] });
    expect(isDayExpected(weekdaysOnly, '2026-11-23')).toBe(true);
    expect(isDayExpected(weekdaysOnly, '2026-11-22')).toBe(false);
  });

  it('nothing before the first referent accepts, and only days whose deadline is after that', () => {
    expect(isDayExpected(schedule({ countsFrom: null }), '2026-11-23')).toBe(false);
    expect(isDayExpected(schedule({ countsFrom: at('2026-11-23T09:30:00Z') }), '2026-11-23')).toBe(false);
    expect(isDayExpected(schedule({ countsFrom: at('2026-11-23T08:30:00Z') }), '2026-11-23')).toBe(true);
    expect(isDayExpected(schedule({ countsFrom: at('2026-11-23T09:30:00Z') }), '2026-11-24')).toBe(true);
  });

  it('not while paused: from the pause day, until the end date inclusive or until resumed', () => {
    const holidays = schedule({ pausedFrom: at('2026-08-01T07:00:00Z'), pausedUntil: '2026-08-15' });
    expect(isPausedOn(holidays, '2026-07-31')).toBe(false);
    expect(isPausedOn(holidays, '2026-08-01')).toBe(true);
    expect(isPausedOn(holidays, '2026-08-15')).toBe(true);
    expect(isDayExpected(holidays, '2026-08-15')).toBe(false);
    expect(isDayExpected(holidays, '2026-08-16')).toBe(true);
    const open = schedule({ pausedFrom: at('2026-08-01T07:00:00Z') });
    expect(isDayExpected(open, '2027-01-01')).toBe(false);
  });
});

describe('alerts and escalation', () => {
  it('raises today at the deadline, not a minute before, and yesterday within a day of its deadline', () => {
    const s = schedule();
    expect(daysToAlert(s, at('2026-11-23T08:59:00Z'))).toEqual(['2026-11-22']);
    expect(daysToAlert(s, at('2026-11-23T09:00:00Z'))).toEqual(['2026-11-23']);
    expect(daysToAlert(s, at('2026-11-24T08:00:00Z'))).toEqual(['2026-11-23']);
  });

  it('raises on the deadline of a DST change day at the right instant', () => {
    const s = schedule();
    expect(daysToAlert(s, at('2026-03-29T07:59:00Z'))).toEqual(['2026-03-28']);
    // The spring day has 23 hours: yesterday's deadline is still less than 24 hours ago.
    expect(daysToAlert(s, at('2026-03-29T08:00:00Z'))).toEqual(['2026-03-28', '2026-03-29']);
    expect(daysToAlert(s, at('2026-03-29T09:00:00Z'))).toEqual(['2026-03-29']);
    // The autumn day has 25 hours: yesterday's deadline is more than a day ago, today's not reached.
    expect(daysToAlert(s, at('2026-10-25T08:59:00Z'))).toEqual([]);
    expect(daysToAlert(s, at('2026-10-25T09:00:00Z'))).toEqual(['2026-10-25']);
  });

  it('escalates once the delay is over, unless acknowledged, resolved or already escalated', () => {
    const raised = at('2026-11-23T09:00:00Z');
    const escalateAt = escalationDue(raised, 30);
    expect(escalateAt.toISOString()).toBe('2026-11-23T09:30:00.000Z');
    const open = { acknowledgedAt: null, escalatedAt: null, resolvedAt: null, escalateAt };
    expect(shouldEscalate(open, at('2026-11-23T09:29:59Z'))).toBe(false);
    expect(shouldEscalate(open, at('2026-11-23T09:30:00Z'))).toBe(true);
    expect(shouldEscalate({ ...open, acknowledgedAt: raised }, at('2026-11-23T10:00:00Z'))).toBe(false);
    expect(shouldEscalate({ ...open, resolvedAt: raised }, at('2026-11-23T10:00:00Z'))).toBe(false);
    expect(shouldEscalate({ ...open, escalatedAt: escalateAt }, at('2026-11-23T10:00:00Z'))).toBe(false);
  });

  it('words today for the resident', () => {
    const s = schedule({ weekdays: [1] });
    expect(dayStatus(s, '2026-11-23', true, at('2026-11-23T10:00:00Z'))).toBe('done');
    expect(dayStatus(s, '2026-11-23', false, at('2026-11-23T08:00:00Z'))).toBe('pending');
    expect(dayStatus(s, '2026-11-23', false, at('2026-11-23T09:00:00Z'))).toBe('missed');
    expect(dayStatus(s, '2026-11-24', false, at('2026-11-24T10:00:00Z'))).toBe('not_expected');
    expect(dayStatus(schedule({ countsFrom: null }), '2026-11-23', false, at('2026-11-23T10:00:00Z'))).toBe('pending');
  });
});
