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

interface Point {
  lat: number;
  lng: number;
}

/** Straight-line distance in metres (haversine on a 6,371 km sphere: within a few metres at a territory's scale). */
export function metresBetween(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The name of the commune whose centre is nearest `point` (to say "near Talant" instead of coordinates), or null. */
export function nearestCommuneName(point: Point, communes: readonly { name: string; centre: Point }[] | undefined): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const commune of communes ?? []) {
    const distance = metresBetween(point, commune.centre);
    if (distance < bestDistance) [best, bestDistance] = [commune.name, distance];
  }
  return best;
}

/** A walking distance as people say it: under 50 m, metres rounded to 50 below 1 km, else km to one decimal. */
export function roundedDistance(metres: number): { unit: 'near' } | { unit: 'm'; value: number } | { unit: 'km'; value: number } {
  if (metres < 50) return { unit: 'near' };
  if (metres < 950) return { unit: 'm', value: Math.round(metres / 50) * 50 };
  return { unit: 'km', value: Math.round(metres / 100) / 10 };
}
