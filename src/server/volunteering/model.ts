/**
 * @module Pure rules of volunteering missions: the lifecycle, schedules and their occurrences, places left and the
 * waiting list, when a reminder is due, and which missions a search matches. No I/O.
 */
import { isoWeekday, localDate, localInstant } from '../core/time-of-day.ts';
import type { MissionSchedule, MissionStatus, ParticipationStatus } from './tables.ts';

export const SKILLS = [
  'reception',
  'food_aid',
  'tutoring',
  'digital',
  'diy',
  'driving',
  'cooking',
  'listening',
  'activities',
  'gardening',
  'logistics',
  'languages',
  'admin',
  'sport',
] as const;
export type Skill = (typeof SKILLS)[number];

export const PUBLICS = ['everyone', 'children', 'young_people', 'seniors', 'families', 'disabled_people', 'people_in_need', 'newcomers'] as const;
export type Public = (typeof PUBLICS)[number];

/** Search radius bounds, in km (below 100 m or above 50 km is refused). */
export const MAX_RADIUS_KM = 50;
export const MIN_RADIUS_KM = 0.1;
/** Approximate areas are H3 cells of this resolution (~0.7 km², edge ~460 m), never a doorstep. */
export const AREA_RESOLUTION = 8;

// ── Lifecycle ─────────────────────────────────────────────────────────────

export type MissionAction = 'edit' | 'submit' | 'publish' | 'return' | 'cancel' | 'complete';

const ALLOWED: Record<MissionAction, readonly MissionStatus[]> = {
  edit: ['draft'],
  submit: ['draft'],
  publish: ['awaiting_validation'],
  return: ['awaiting_validation'],
  cancel: ['draft', 'awaiting_validation', 'published'],
  complete: ['published'],
};

/** The state a mission moves to, or null when the action is not allowed from `status`. */
export function transition(status: MissionStatus, action: MissionAction): MissionStatus | null {
  if (!ALLOWED[action].includes(status)) return null;
  switch (action) {
    case 'edit':
      return 'draft';
    case 'submit':
      return 'awaiting_validation';
    case 'publish':
      return 'published';
    case 'return':
      return 'draft';
    case 'cancel':
      return 'cancelled';
    case 'complete':
      return 'completed';
  }
}

/** Participation states that hold a place or a rank. */
export const LIVE_PARTICIPATION: readonly ParticipationStatus[] = ['applied', 'waiting', 'accepted'];

// ── Schedules ─────────────────────────────────────────────────────────────

export type Schedule =
  | { kind: 'once'; startsAt: Date; endsAt: Date }
  | { kind: 'weekly'; weekdays: number[]; startMinute: number; endMinute: number; firstDay: string; lastDay: string | null };

export interface ScheduleRow {
  schedule: MissionSchedule;
  starts_at: Date | null;
  ends_at: Date | null;
  weekdays: number[] | null;
  start_minute: number | null;
  end_minute: number | null;
  first_day: string | null;
  last_day: string | null;
}

export function scheduleOf(row: ScheduleRow): Schedule {
  if (row.schedule === 'once') return { kind: 'once', startsAt: row.starts_at!, endsAt: row.ends_at! };
  return {
    kind: 'weekly',
    weekdays: [...(row.weekdays ?? [])].sort((a, b) => a - b),
    startMinute: row.start_minute ?? 0,
    endMinute: row.end_minute ?? 0,
    firstDay: row.first_day!,
    lastDay: row.last_day,
  };
}

const DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The first instant the mission happens. */
export function firstStart(s: Schedule): Date {
  if (s.kind === 'once') return s.startsAt;
  const first = nextOccurrence(s, localInstant(s.firstDay, 0));
  return first ?? localInstant(s.firstDay, s.startMinute);
}

/** The instant the mission is over for good (a weekly mission without a last day never is: null). */
export function finalEnd(s: Schedule): Date | null {
  if (s.kind === 'once') return s.endsAt;
  if (s.lastDay === null) return null;
  for (let day = s.lastDay; day >= s.firstDay; day = addDays(day, -1)) {
    if (s.weekdays.includes(isoWeekday(day))) return localInstant(day, s.endMinute);
  }
  return localInstant(s.lastDay, s.endMinute);
}

/** The start of the first occurrence starting at or after `after`, or null when none is left. */
export function nextOccurrence(s: Schedule, after: Date): Date | null {
  if (s.kind === 'once') return s.startsAt >= after ? s.startsAt : null;
  let day = localDate(after) < s.firstDay ? s.firstDay : localDate(after);
  for (let i = 0; i < 400; i += 1, day = addDays(day, 1)) {
    if (s.lastDay !== null && day > s.lastDay) return null;
    if (!s.weekdays.includes(isoWeekday(day))) continue;
    const start = localInstant(day, s.startMinute);
    if (start >= after) return start;
  }
  return null;
}

/** Whether a schedule has no occurrence at all (a weekly period holding none of its weekdays). */
export function isEmptySchedule(s: Schedule): boolean {
  if (s.kind === 'once') return false;
  if (s.lastDay === null) return false;
  for (let day = s.firstDay; day <= s.lastDay; day = addDays(day, 1)) if (s.weekdays.includes(isoWeekday(day))) return false;
  return true;
}

/** The local days (YYYY-MM-DD) on which the mission happens between `from` and `to` included (at most 400 looked at). */
function daysWithin(s: Schedule, from: string, to: string): string[] {
  if (s.kind === 'once') {
    const days: string[] = [];
    for (let day = localDate(s.startsAt); day <= localDate(s.endsAt) && days.length < 400; day = addDays(day, 1)) {
      if (day >= from && day <= to) days.push(day);
    }
    return days;
  }
  const start = from > s.firstDay ? from : s.firstDay;
  const end = s.lastDay !== null && s.lastDay < to ? s.lastDay : to;
  const days: string[] = [];
  for (let day = start, n = 0; day <= end && n < 400; day = addDays(day, 1), n += 1) {
    if (s.weekdays.includes(isoWeekday(day))) days.push(day);
  }
  return days;
}

// ── Places and the waiting list ───────────────────────────────────────────

/**
 * Where a new application goes. Accepted volunteers and applications awaiting an answer each hold a place, so an
 * organisation never has more people to answer than places; beyond that, the waiting list.
 */
export function placeFor(volunteersNeeded: number, holding: number): 'applied' | 'waiting' {
  return holding < volunteersNeeded ? 'applied' : 'waiting';
}

/** How many people on the waiting list move up when places are counted again (a place freed, more places). */
export function promotions(volunteersNeeded: number, holding: number, waiting: number): number {
  return Math.max(0, Math.min(waiting, volunteersNeeded - holding));
}

// ── Reminders ─────────────────────────────────────────────────────────────

/** A reminder is due from local midnight of the day before an occurrence until it starts (sent once). */
export function reminderDue(occurrence: Date | null, now: Date): boolean {
  if (occurrence === null || occurrence <= now) return false;
  const dayBefore = addDays(localDate(occurrence), -1);
  return now >= localInstant(dayBefore, 0);
}

// ── Search ────────────────────────────────────────────────────────────────

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in km. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface SearchFilters {
  /** Distance from a point, km; online missions match any distance. */
  near?: { point: LatLng; radiusKm: number };
  /** Local days, inclusive. */
  from: string;
  to?: string;
  /** Available on these ISO weekdays (1 Monday … 7 Sunday). */
  weekdays?: readonly number[];
  mode?: 'online' | 'on_site';
}

export interface Searchable {
  schedule: Schedule;
  online: boolean;
  area: LatLng | null;
}

/** Whether a published mission matches; returns its distance in km when on site and a point was given. */
export function matchSearch(m: Searchable, f: SearchFilters, now: Date): { distanceKm: number | null } | null {
  if (f.mode === 'online' && !m.online) return null;
  if (f.mode === 'on_site' && m.online) return null;
  const end = finalEnd(m.schedule);
  if (end !== null && end <= now) return null;
  let distance: number | null = null;
  if (f.near && !m.online && m.area) {
    distance = distanceKm(f.near.point, m.area);
    if (distance > f.near.radiusKm) return null;
  }
  const to = f.to ?? addDays(f.from, 366);
  const days = daysWithin(m.schedule, f.from, to);
  if (days.length === 0) return null;
  if (f.weekdays && f.weekdays.length > 0 && !days.some((day) => f.weekdays!.includes(isoWeekday(day)))) return null;
  return { distanceKm: distance };
}
