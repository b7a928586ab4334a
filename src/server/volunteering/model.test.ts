// The pure rules of missions: lifecycle, schedules and occurrences, places and the waiting list, reminders, search.
import { describe, expect, it } from 'vitest';
import { localInstant } from '../core/time-of-day.ts';
import {
  distanceKm, finalEnd, firstStart, isEmptySchedule, matchSearch, nextOccurrence, placeFor, promotions, reminderDue, transition, type Schedule, type Searchable,
} from './model.ts';

// Friday 20 March 2026, 10:00 in Paris (UTC+1).
const now = new Date('2026-03-20T09:00:00Z');
const once = (day: string, from = 9 * 60, to = 12 * 60): Schedule => ({ kind: 'once', startsAt: localInstant(day, from), endsAt: localInstant(day, to) });
const weekly = (weekdays: number[], firstDay: string, lastDay: string | null = null): Schedule => ({ kind: 'weekly', weekdays, startMinute: 14 * 60, endMinute: 16 * 60, firstDay, lastDay });

describe('mission lifecycle', () => {
  it('goes draft → awaiting validation → published → completed', () => {
    expect(transition('draft', 'submit')).toBe('awaiting_validation');
    expect(transition('awaiting_validation', 'publish')).toBe('published');
    expect(transition('published', 'complete')).toBe('completed');
  });
  it('sends back to draft, and cancels from any state before the end', () => {
    expect(transition('awaiting_validation', 'return')).toBe('draft');
    for (const s of ['draft', 'awaiting_validation', 'published'] as const) expect(transition(s, 'cancel')).toBe('cancelled');
  });
  it('refuses the other moves', () => {
    expect(transition('draft', 'publish')).toBeNull();
    expect(transition('published', 'edit')).toBeNull();
    expect(transition('published', 'submit')).toBeNull();
    expect(transition('completed', 'cancel')).toBeNull();
    expect(transition('cancelled', 'complete')).toBeNull();
    expect(transition('awaiting_validation', 'complete')).toBeNull();
  });
});

describe('schedules', () => {
  it('gives a one-off mission one occurrence', () => {
    const s = once('2026-03-25');
    expect(nextOccurrence(s, now)).toEqual(localInstant('2026-03-25', 540));
    expect(nextOccurrence(s, localInstant('2026-03-25', 600))).toBeNull();
    expect(firstStart(s)).toEqual(localInstant('2026-03-25', 540));
    expect(finalEnd(s)).toEqual(localInstant('2026-03-25', 720));
  });
  it('finds the next weekly occurrence on a chosen weekday, today included when still ahead', () => {
    const s = weekly([2, 5], '2026-03-01');
    expect(nextOccurrence(s, now)).toEqual(localInstant('2026-03-20', 840)); // Friday, 14:00 still ahead
    expect(nextOccurrence(s, localInstant('2026-03-20', 900))).toEqual(localInstant('2026-03-24', 840)); // then Tuesday
  });
  it('ends a weekly mission on its last day, or never without one', () => {
    expect(finalEnd(weekly([3], '2026-03-01', '2026-03-30'))).toEqual(localInstant('2026-03-25', 960)); // last Wednesday
    expect(finalEnd(weekly([3], '2026-03-01'))).toBeNull();
    expect(nextOccurrence(weekly([3], '2026-03-01', '2026-03-15'), now)).toBeNull();
  });
  it('spots a weekly period holding none of its weekdays', () => {
    expect(isEmptySchedule(weekly([1], '2026-03-24', '2026-03-27'))).toBe(true);
    expect(isEmptySchedule(weekly([5], '2026-03-24', '2026-03-27'))).toBe(false);
  });
  it('follows summer time (local hours stay put)', () => {
    const s = weekly([6], '2026-03-21');
    expect(nextOccurrence(s, localInstant('2026-03-22', 0))!.toISOString()).toBe('2026-03-28T13:00:00.000Z');
    expect(nextOccurrence(s, localInstant('2026-03-29', 0))!.toISOString()).toBe('2026-04-04T12:00:00.000Z');
  });
});

describe('places and the waiting list', () => {
  it('awaits an answer while places remain, else waits', () => {
    expect(placeFor(2, 0)).toBe('applied');
    expect(placeFor(2, 1)).toBe('applied');
    expect(placeFor(2, 2)).toBe('waiting');
  });
  it('moves up as many as there are free places, never more than wait', () => {
    expect(promotions(3, 3, 5)).toBe(0);
    expect(promotions(3, 2, 5)).toBe(1);
    expect(promotions(5, 1, 2)).toBe(2);
    expect(promotions(2, 4, 2)).toBe(0);
  });
});

describe('reminders', () => {
  const occurrence = localInstant('2026-03-25', 540);
  it('are due from midnight the day before until the start', () => {
    expect(reminderDue(occurrence, localInstant('2026-03-23', 23 * 60 + 59))).toBe(false);
    expect(reminderDue(occurrence, localInstant('2026-03-24', 0))).toBe(true);
    expect(reminderDue(occurrence, localInstant('2026-03-25', 530))).toBe(true);
    expect(reminderDue(occurrence, localInstant('2026-03-25', 540))).toBe(false);
    expect(reminderDue(null, now)).toBe(false);
  });
});

describe('search', () => {
  const dijon = { lat: 47.322, lng: 5.041 };
  const talant = { lat: 47.336, lng: 5.005 };
  const onSite = (schedule: Schedule, area = talant): Searchable => ({ schedule, online: false, area });
  const online = (schedule: Schedule): Searchable => ({ schedule, online: true, area: null });

  it('measures great-circle distances', () => {
    expect(distanceKm(dijon, talant)).toBeGreaterThan(2.9);
    expect(distanceKm(dijon, talant)).toBeLessThan(3.2);
  });
  it('keeps missions within the radius; online ones match any distance', () => {
    const f = { from: '2026-03-20', near: { point: dijon, radiusKm: 5 } };
    expect(matchSearch(onSite(once('2026-03-25')), f, now)!.distanceKm).toBeCloseTo(distanceKm(dijon, talant), 5);
    expect(matchSearch(onSite(once('2026-03-25')), { ...f, near: { point: dijon, radiusKm: 2 } }, now)).toBeNull();
    expect(matchSearch(online(once('2026-03-25')), { ...f, near: { point: dijon, radiusKm: 1 } }, now)).toEqual({ distanceKm: null });
  });
  it('filters by day range and weekday availability', () => {
    const wednesday = onSite(once('2026-03-25'));
    expect(matchSearch(wednesday, { from: '2026-03-26' }, now)).toBeNull();
    expect(matchSearch(wednesday, { from: '2026-03-20', to: '2026-03-24' }, now)).toBeNull();
    expect(matchSearch(wednesday, { from: '2026-03-20', weekdays: [3] }, now)).not.toBeNull();
    expect(matchSearch(wednesday, { from: '2026-03-20', weekdays: [6, 7] }, now)).toBeNull();
    const tuesdays = onSite(weekly([2], '2026-03-01'));
    expect(matchSearch(tuesdays, { from: '2026-03-25', to: '2026-03-30' }, now)).toBeNull();
    expect(matchSearch(tuesdays, { from: '2026-03-25', to: '2026-03-31', weekdays: [2] }, now)).not.toBeNull();
  });
  it('filters online or on site, and never shows a mission that is over', () => {
    expect(matchSearch(online(once('2026-03-25')), { from: '2026-03-20', mode: 'on_site' }, now)).toBeNull();
    expect(matchSearch(onSite(once('2026-03-25')), { from: '2026-03-20', mode: 'online' }, now)).toBeNull();
    expect(matchSearch(onSite(once('2026-03-19')), { from: '2026-03-01' }, now)).toBeNull();
  });
});
