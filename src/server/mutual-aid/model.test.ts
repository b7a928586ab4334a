// The pure rules of mutual aid: time windows, radius bounds, the lifecycle's refusals, hour estimates and who may
// read an exact address.
import { describe, expect, it } from 'vitest';
import { acceptRefusal, addressAccess, AID_KINDS, cancelRefusal, checkRadius, checkWindow, doneRefusal, HOURS_ESTIMATE, hoursOf, statusAfterOffers, thanksRefusal } from './model.ts';

const now = new Date('2026-03-10T10:00:00Z');
const h = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe('time windows', () => {
  it('accepts a window starting now or later and ending after it starts', () => {
    expect(checkWindow(h(0), h(2), now)).toBeNull();
    expect(checkWindow(h(-0.1), h(2), now)).toBeNull(); // a form filled a few minutes ago
    expect(checkWindow(h(24 * 30), h(24 * 31), now)).toBeNull();
  });
  it('names /window/from for a start in the past or too far ahead, /window/to for an end before the start or too long', () => {
    expect(checkWindow(h(-1), h(2), now)?.field).toBe('/window/from');
    expect(checkWindow(h(24 * 100), h(24 * 101), now)?.field).toBe('/window/from');
    expect(checkWindow(h(2), h(2), now)?.field).toBe('/window/to');
    expect(checkWindow(h(2), h(1), now)?.field).toBe('/window/to');
    expect(checkWindow(h(1), h(1 + 24 * 32), now)?.field).toBe('/window/to');
  });
});

describe('radius', () => {
  it('accepts 0 < r ≤ 50 km only', () => {
    for (const ok of [0.1, 1, 25, 50]) expect(checkRadius(ok)).toBeNull();
    for (const bad of [0, 1e-300, 0.09, -2, 50.01, 51, Number.NaN]) expect(checkRadius(bad)?.field).toBe('/radiusKm');
  });
});

describe('lifecycle', () => {
  it('moves between open and offered with the number of active offers, and leaves the others alone', () => {
    expect(statusAfterOffers('open', 1)).toBe('offered');
    expect(statusAfterOffers('offered', 0)).toBe('open');
    expect(statusAfterOffers('offered', 3)).toBe('offered');
    expect(statusAfterOffers('matched', 0)).toBe('matched');
    expect(statusAfterOffers('done', 2)).toBe('done');
  });
  it('accepts only a helper who offered, while the request takes offers', () => {
    expect(acceptRefusal('offered', true)).toBeNull();
    expect(acceptRefusal('offered', false)?.reason).toBe('not_offered');
    expect(acceptRefusal('open', false)?.reason).toBe('not_offered');
    expect(acceptRefusal('matched', true)?.reason).toBe('not_open');
    expect(acceptRefusal('cancelled', true)?.reason).toBe('not_open');
  });
  it('marks done only a matched request, cancels anything not done, thanks once after done', () => {
    expect(doneRefusal('matched')).toBeNull();
    expect(doneRefusal('open')?.reason).toBe('not_matched');
    expect(doneRefusal('done')?.reason).toBe('already_done');
    expect(cancelRefusal('matched')).toBeNull();
    expect(cancelRefusal('done')?.reason).toBe('already_done');
    expect(thanksRefusal('done', false)).toBeNull();
    expect(thanksRefusal('done', true)?.reason).toBe('already_thanked');
    expect(thanksRefusal('matched', false)?.reason).toBe('not_done');
  });
});

describe('hours of help', () => {
  it('has an estimate for every kind and prefers the reported hours', () => {
    for (const kind of AID_KINDS) expect(HOURS_ESTIMATE[kind]).toBeGreaterThan(0);
    expect(hoursOf('visit', null)).toBe(1.5);
    expect(hoursOf('visit', 3)).toBe(3);
  });
});

describe('who reads the exact address', () => {
  const request = (status: 'open' | 'offered' | 'matched' | 'done' | 'cancelled', acceptedHelperId: string | null = null) => ({ requesterId: 'r', acceptedHelperId, status });
  it('the requester while it is under way, the accepted helper while matched, nobody once closed', () => {
    expect(addressAccess(request('open'), 'r')).toBe('requester');
    expect(addressAccess(request('matched', 'h'), 'r')).toBe('requester');
    expect(addressAccess(request('matched', 'h'), 'h')).toBe('helper');
    expect(addressAccess(request('done', 'h'), 'h')).toBe('closed');
    expect(addressAccess(request('cancelled', 'h'), 'h')).toBe('closed');
    expect(addressAccess(request('done', 'h'), 'r')).toBe('closed');
  });
  it('never anyone else, at any stage', () => {
    for (const status of ['open', 'offered', 'matched', 'done', 'cancelled'] as const) expect(addressAccess(request(status, 'h'), 'someone')).toBe('none');
    expect(addressAccess(request('offered'), 'h')).toBe('none');
  });
});
