/** @module A mission as sent by an organisation, checked and turned into row values (the exact address kept apart); every refusal names its field. */
import type { Executor } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import { cellCenter, toCell } from '../core/geo.ts';
import { localDate } from '../core/time-of-day.ts';
import { communeAt } from '../territories/index.ts';
import { addDays, AREA_RESOLUTION, isEmptySchedule, scheduleOf, type Public, type Skill } from './model.ts';
import type { MissionSchedule } from './tables.ts';

export type ScheduleInput =
  | { kind: 'once'; startsAt: string; endsAt: string }
  | { kind: 'weekly'; weekdays: number[]; startTime: string; endTime: string; firstDay: string; lastDay?: string | undefined };

export type PlaceInput = { kind: 'online' } | { kind: 'on_site'; lat: number; lng: number; address: string };

export interface MissionInput {
  title: string;
  description: string;
  schedule: ScheduleInput;
  place: PlaceInput;
  volunteersNeeded: number;
  skills?: Skill[] | undefined;
  publics?: Public[] | undefined;
}

export interface MissionValues {
  title: string;
  description: string;
  schedule: MissionSchedule;
  starts_at: Date | null;
  ends_at: Date | null;
  weekdays: number[] | null;
  start_minute: number | null;
  end_minute: number | null;
  first_day: string | null;
  last_day: string | null;
  online: boolean;
  commune_code: string | null;
  cell: string | null;
  approx_lat: number | null;
  approx_lng: number | null;
  volunteers_needed: number;
  skills: string[];
  publics: string[];
}

const DAY = 86_400_000;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function pastDate(field: string): AppError {
  return new AppError('invalid', 'This date is in the past: a mission is planned ahead.', { field, reason: 'past_date' });
}

function checkSchedule(s: ScheduleInput, now: Date): Pick<MissionValues, 'schedule' | 'starts_at' | 'ends_at' | 'weekdays' | 'start_minute' | 'end_minute' | 'first_day' | 'last_day'> {
  if (s.kind === 'once') {
    const start = new Date(s.startsAt);
    const end = new Date(s.endsAt);
    if (start <= now) throw pastDate('/schedule/startsAt');
    if (start.getTime() > now.getTime() + 366 * DAY) throw invalid('/schedule/startsAt', 'Plan missions at most a year ahead.');
    if (end <= start) throw invalid('/schedule/endsAt', 'The end comes after the start.');
    if (end.getTime() - start.getTime() > 31 * DAY) throw invalid('/schedule/endsAt', 'A one-off mission lasts at most 31 days; use a weekly mission for a longer one.');
    return { schedule: 'once', starts_at: start, ends_at: end, weekdays: null, start_minute: null, end_minute: null, first_day: null, last_day: null };
  }
  const today = localDate(now);
  if (s.firstDay < today) throw pastDate('/schedule/firstDay');
  if (s.firstDay > addDays(today, 366)) throw invalid('/schedule/firstDay', 'Plan missions at most a year ahead.');
  const lastDay = s.lastDay ?? null;
  if (lastDay !== null && lastDay < s.firstDay) throw invalid('/schedule/lastDay', 'The last day comes after the first.');
  const start = minutes(s.startTime);
  const end = minutes(s.endTime);
  if (end <= start) throw invalid('/schedule/endTime', 'The end time comes after the start time.');
  const weekdays = [...new Set(s.weekdays)].sort((a, b) => a - b);
  const values = { schedule: 'weekly' as const, starts_at: null, ends_at: null, weekdays, start_minute: start, end_minute: end, first_day: s.firstDay, last_day: lastDay };
  if (isEmptySchedule(scheduleOf(values))) throw invalid('/schedule/weekdays', 'None of these weekdays falls between the first and the last day.');
  return values;
}

/** The checked values and the exact address (null online). */
export async function checkMission(db: Executor, territoryId: string, m: MissionInput, now: Date): Promise<{ values: MissionValues; address: string | null }> {
  const title = m.title.trim().replace(/\s+/g, ' ');
  if (title.length < 3) throw invalid('/title', 'Give the mission a title (at least 3 characters).');
  const description = m.description.trim();
  if (description.length < 10) throw invalid('/description', 'Describe what volunteers will do (at least 10 characters).');
  if (m.volunteersNeeded < 1) {
    throw new AppError('invalid', 'A mission needs at least one volunteer.', { field: '/volunteersNeeded', reason: 'no_places' });
  }
  const schedule = checkSchedule(m.schedule, now);
  let place: Pick<MissionValues, 'online' | 'commune_code' | 'cell' | 'approx_lat' | 'approx_lng'>;
  let address: string | null = null;
  if (m.place.kind === 'online') {
    place = { online: true, commune_code: null, cell: null, approx_lat: null, approx_lng: null };
  } else {
    address = m.place.address.trim();
    if (address.length < 3) throw invalid('/place/address', 'Give the address where volunteers meet (shown to accepted volunteers only).');
    const point = { lat: m.place.lat, lng: m.place.lng };
    const commune = await communeAt(db, territoryId, point, '/place');
    const cell = toCell(point, AREA_RESOLUTION);
    const centre = cellCenter(cell);
    place = { online: false, commune_code: commune, cell, approx_lat: centre.lat, approx_lng: centre.lng };
  }
  return {
    values: {
      title,
      description,
      ...schedule,
      ...place,
      volunteers_needed: m.volunteersNeeded,
      skills: [...new Set(m.skills ?? [])],
      publics: [...new Set(m.publics ?? [])],
    },
    address,
  };
}
