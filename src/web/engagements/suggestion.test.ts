import { describe, expect, it } from 'vitest';
import type { CorridorView, PeriodView } from '../corridors/types.ts';
import { suggestedShare } from './suggestion.ts';

const slot = (demand: number) => ({ start: '07:00', demand, queueToday: 0, queueWithCommitments: 0, delayTodayMin: 0, delayWithCommitmentsMin: 0 });
type Share = Omit<NonNullable<PeriodView['shareNeeded']>, 'source' | 'computedOn'>;
const corridor = (share: Share | null): CorridorView => ({
  id: 'c1', name: 'A', geometry: { type: 'LineString', coordinates: [[5, 47], [5.1, 47]] }, ends: { from: null, to: null }, capacityPerHour: 1200, freeFlowMin: 10, slotMinutes: 15, date: '2026-01-05', vehicleHoursSavedThisWeek: 0, days: [], model: 'queue', savedForOthers: 'others',
  periods: [{ period: 'am', slots: [slot(200), slot(250), slot(300), slot(320)], vehicleHoursToday: 1, vehicleHoursWithCommitments: 1, shareNeeded: share && { ...share, source: 'queue_model', computedOn: '2026-01-05' }, shareCommitted: 0, committedDrivers: 0, bestShift: null }],
});

describe('suggestedShare', () => {
  it('takes the morning share and the demand of the slots it moves drivers from', () => {
    expect(suggestedShare(corridor({ share: 0.167, minutesEarlier: 15, fromSlots: [2, 3], drivers: 104 }))).toEqual({ share: 0.167, base: 620, minutesEarlier: 15 });
  });
  it('falls back to drivers / share when no slot is named, and to nothing without a suggestion', () => {
    expect(suggestedShare(corridor({ share: 0.2, minutesEarlier: 15, fromSlots: [], drivers: 50 }))?.base).toBe(250);
    expect(suggestedShare(corridor(null))).toBeNull();
  });
});
