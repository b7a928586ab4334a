/** @module Pure wording helpers for trips: when they run, the first day two trips share, where a trip's ends are. */
import { addDays, dayOnly, isoWeekday } from '../core/dates.ts';
import type { CommuteProfile } from '../commute/types.ts';
import type { Trip, TripPlace } from './types.ts';

interface Schedule {
  date: string | null;
  weekdays: readonly number[];
}

function runsOn(trip: Schedule, day: string): boolean {
  return trip.date ? dayOnly(trip.date) === day : trip.weekdays.includes(isoWeekday(day));
}

/** The first day on or after `from` when both trips run (what "Proposer ce trajet" suggests), or null. */
export function firstCommonDay(a: Schedule, b: Schedule, from: string): string | null {
  const fixed = a.date ?? b.date;
  if (fixed) {
    const day = dayOnly(fixed);
    return day >= from && runsOn(a, day) && runsOn(b, day) ? day : null;
  }
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(from, i);
    if (runsOn(a, day) && runsOn(b, day)) return day;
  }
  return null;
}

export type PlaceName = { kind: 'meeting'; name: string } | { kind: 'home' } | { kind: 'work' } | { kind: 'near'; lat: number; lng: number };

/** A trip end as the person knows it: their meeting point, their own home or work cell, or "near" a point. */
export function nameOfPlace(place: TripPlace, profile: CommuteProfile | null | undefined): PlaceName {
  if (place.label) return { kind: 'meeting', name: place.label };
  if (profile && place.cell === profile.homeCell) return { kind: 'home' };
  if (profile && place.cell === profile.workCell) return { kind: 'work' };
  return { kind: 'near', lat: place.lat, lng: place.lng };
}

export function isRecurring(trip: Pick<Trip, 'date'>): boolean {
  return trip.date === null;
}
