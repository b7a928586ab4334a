// Which helpers hear about a request: skills, radius over cell centres, community first, nearest next, at most N,
// never the requester or a blocked person.
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { availableDuring, cellDistanceKm, parisWeekdayHour, rankHelpers, roundedKm, type HelperCandidate } from './matching.ts';

const cell = (lat: number, lng: number) => latLngToCell(lat, lng, 8);
const here = cell(47.32, 5.04);
const candidate = (userId: string, lng: number, over: Partial<HelperCandidate> = {}): HelperCandidate => ({ userId, skills: ['groceries'], radiusKm: 5, homeCell: cell(47.32, lng), sharesCommunity: false, ...over });
const request = { kind: 'groceries' as const, cell: here, requesterId: 'requester' };

describe('cell distance', () => {
  it('is zero within a cell and about 7.5 km per 0.1° of longitude at 47° N', () => {
    expect(cellDistanceKm(here, here)).toBe(0);
    expect(cellDistanceKm(here, cell(47.32, 5.14))).toBeGreaterThan(6.8);
    expect(cellDistanceKm(here, cell(47.32, 5.14))).toBeLessThan(8.2);
  });
  it('is shown rounded: half-km under 2 km, whole km above', () => {
    expect(roundedKm(0.3)).toBe(0.5);
    expect(roundedKm(1.74)).toBe(1.5);
    expect(roundedKm(7.6)).toBe(8);
  });
});

describe('rankHelpers', () => {
  it('keeps helpers with the skill whose radius covers the request', () => {
    const ranked = rankHelpers(request, [candidate('near', 5.05), candidate('far', 5.2), candidate('wide', 5.2, { radiusKm: 20 }), candidate('other-skill', 5.05, { skills: ['homework'] })], { limit: 20, blocked: new Set() });
    expect(ranked.map((r) => r.userId)).toEqual(['near', 'wide']);
  });
  it('puts community members first, then the nearest, and stops at the limit', () => {
    const ranked = rankHelpers(request, [candidate('a', 5.07), candidate('b', 5.041), candidate('member', 5.08, { sharesCommunity: true }), candidate('c', 5.06)], { limit: 3, blocked: new Set() });
    expect(ranked.map((r) => r.userId)).toEqual(['member', 'b', 'c']);
  });
  it('never the requester, never someone blocked either way', () => {
    const ranked = rankHelpers(request, [candidate('requester', 5.04), candidate('blocked', 5.04), candidate('ok', 5.04)], { limit: 20, blocked: new Set(['blocked']) });
    expect(ranked.map((r) => r.userId)).toEqual(['ok']);
  });
});

describe('availability', () => {
  // Monday 9 March 2026, 09:00 in Paris is 08:00 UTC (winter time).
  const monday9 = new Date('2026-03-09T08:00:00Z');
  const plus = (hours: number) => new Date(monday9.getTime() + hours * 3_600_000);
  it('reads the weekday and hour in Paris', () => {
    expect(parisWeekdayHour(monday9)).toEqual({ weekday: 1, hour: 9 });
    expect(parisWeekdayHour(new Date('2026-03-08T23:30:00Z'))).toEqual({ weekday: 1, hour: 0 });
  });
  it('needs one hour of the window on one of the helper’s weekdays, in one of their times of day', () => {
    expect(availableDuring([1], ['morning'], monday9, plus(2))).toBe(true);
    expect(availableDuring([1], ['evening'], monday9, plus(2))).toBe(false);
    expect(availableDuring([2], ['morning'], monday9, plus(2))).toBe(false);
    expect(availableDuring([2], ['morning'], monday9, plus(24))).toBe(true);
    expect(availableDuring([1], ['evening'], monday9, plus(9))).toBe(false); // until 18:00, not into the evening
    expect(availableDuring([1], ['evening'], monday9, plus(10))).toBe(true);
    expect(availableDuring([7], ['afternoon'], monday9, plus(24 * 30))).toBe(true);
  });
  it('leaves unavailable helpers out of the ranking', () => {
    const window = { from: monday9, to: plus(2) };
    const ranked = rankHelpers({ ...request, window }, [candidate('free', 5.05, { weekdays: [1], times: ['morning'] }), candidate('busy', 5.05, { weekdays: [3], times: ['morning'] })], { limit: 20, blocked: new Set() });
    expect(ranked.map((r) => r.userId)).toEqual(['free']);
  });
});
