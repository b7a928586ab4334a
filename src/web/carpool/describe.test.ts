// @vitest-environment node
/** @module Trip wording helpers: common days and place names. */
import { describe, expect, it } from 'vitest';
import { firstCommonDay, metresBetween, nameOfPlace, nearestCommuneName, roundedDistance } from './describe.ts';

describe('firstCommonDay', () => {
  it('finds the first shared weekday from a given day (2026-11-21 is a Saturday)', () => {
    expect(firstCommonDay({ date: null, weekdays: [1, 2, 3, 4, 5] }, { date: null, weekdays: [1] }, '2026-11-21')).toBe('2026-11-23');
    expect(firstCommonDay({ date: null, weekdays: [2] }, { date: null, weekdays: [3] }, '2026-11-21')).toBeNull();
  });

  it('uses a one-off date when both run on it and it is not past', () => {
    expect(firstCommonDay({ date: '2026-11-25', weekdays: [] }, { date: null, weekdays: [3] }, '2026-11-21')).toBe('2026-11-25');
    expect(firstCommonDay({ date: '2026-11-25T00:00:00.000Z', weekdays: [] }, { date: null, weekdays: [1] }, '2026-11-21')).toBeNull();
    expect(firstCommonDay({ date: '2026-11-20', weekdays: [] }, { date: null, weekdays: [5] }, '2026-11-21')).toBeNull();
  });
});

describe('nameOfPlace', () => {
  const profile = { homeCell: 'h', workCell: 'w' } as Parameters<typeof nameOfPlace>[1];
  it('prefers the meeting point, then home or work, then the coordinates', () => {
    expect(nameOfPlace({ cell: 'h', lat: 1, lng: 2, label: 'Gare' }, profile)).toEqual({ kind: 'meeting', name: 'Gare' });
    expect(nameOfPlace({ cell: 'w', lat: 1, lng: 2, label: null }, profile)).toEqual({ kind: 'work' });
    expect(nameOfPlace({ cell: 'x', lat: 1, lng: 2, label: null }, null)).toEqual({ kind: 'near', lat: 1, lng: 2 });
  });
});

describe('distances and commune names on a match map', () => {
  it('measures straight-line metres: 0.01° of latitude is about 1,112 m', () => {
    expect(metresBetween({ lat: 47.32, lng: 5.04 }, { lat: 47.32, lng: 5.04 })).toBe(0);
    expect(Math.round(metresBetween({ lat: 47.32, lng: 5.04 }, { lat: 47.33, lng: 5.04 }))).toBe(1112);
  });

  it('says a walk as people do: near, metres by 50, then km', () => {
    expect(roundedDistance(20)).toEqual({ unit: 'near' });
    expect(roundedDistance(612)).toEqual({ unit: 'm', value: 600 });
    expect(roundedDistance(1234)).toEqual({ unit: 'km', value: 1.2 });
  });

  it('names the commune whose centre is nearest, or none without communes', () => {
    const communes = [
      { name: 'Talant', centre: { lat: 47.336, lng: 5.005 } },
      { name: 'Quetigny', centre: { lat: 47.314, lng: 5.107 } },
    ];
    expect(nearestCommuneName({ lat: 47.33, lng: 5.01 }, communes)).toBe('Talant');
    expect(nearestCommuneName({ lat: 47.32, lng: 5.1 }, communes)).toBe('Quetigny');
    expect(nearestCommuneName({ lat: 47.32, lng: 5.1 }, undefined)).toBeNull();
  });
});
