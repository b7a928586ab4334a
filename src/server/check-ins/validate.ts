/** @module Pure checks of check-in input: the schedule, the referents named by Maille number or e-mail, notes, pause ends. */
import { isCalendarDate } from '../core/dates.ts';
import { AppError } from '../core/errors.ts';
import { addDays, ALL_WEEKDAYS, MAX_ESCALATION_MINUTES, MAX_REFERENTS, MIN_ESCALATION_MINUTES, NOTE_MAX } from './schedule.ts';

const bad = (field: string, detail: string, reason: string) => new AppError('invalid', detail, { field, reason });

export interface ScheduleInput {
  deadline: string;
  weekdays?: number[] | undefined;
  escalationMinutes: number;
}

export interface ParsedSchedule {
  deadlineMinutes: number;
  weekdays: number[];
  escalationMinutes: number;
}

/** "HH:MM" (00:00–23:59) to minutes after midnight. */
export function parseDeadline(value: string, field = '/deadline'): number {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(value);
  if (!match) throw bad(field, 'Give the daily time as HH:MM, between 00:00 and 23:59.', 'deadline_malformed');
  return Number(match[1]) * 60 + Number(match[2]);
}

export function parseWeekdays(value: readonly number[] | undefined, field = '/weekdays'): number[] {
  if (value === undefined) return [...ALL_WEEKDAYS];
  if (value.length === 0) throw bad(field, 'Choose at least one day of the week.', 'weekdays_empty');
  value.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw bad(`${field}/${i}`, 'Days of the week go from 1 (Monday) to 7 (Sunday).', 'weekday_invalid');
  });
  return [...new Set(value)].sort((a, b) => a - b);
}

export function parseEscalation(value: number, field = '/escalationMinutes'): number {
  if (!Number.isInteger(value) || value < MIN_ESCALATION_MINUTES || value > MAX_ESCALATION_MINUTES) {
    throw bad(field, `The delay before the people on duty are told is between ${MIN_ESCALATION_MINUTES} and ${MAX_ESCALATION_MINUTES} minutes.`, 'delay_out_of_range');
  }
  return value;
}

export function parseSchedule(input: ScheduleInput): ParsedSchedule {
  return { deadlineMinutes: parseDeadline(input.deadline), weekdays: parseWeekdays(input.weekdays), escalationMinutes: parseEscalation(input.escalationMinutes) };
}

export type ReferentHandle = { kind: 'id'; id: string; index: number } | { kind: 'email'; email: string; index: number };

/** One Maille number or e-mail address. */
export function parseHandle(value: string, field: string, index = 0): ReferentHandle {
  const v = value.trim();
  if (/^[0-9]{1,18}$/.test(v)) return { kind: 'id', id: String(BigInt(v)), index };
  if (/^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(v) && v.length <= 254) return { kind: 'email', email: v.toLowerCase(), index };
  throw bad(field, 'Give a Maille number (digits only) or an e-mail address.', 'referent_malformed');
}

/** One to three distinct referents; 0 or more than 3 → 400 naming `/referents`. */
export function parseReferents(values: readonly string[], field = '/referents'): ReferentHandle[] {
  if (values.length < 1 || values.length > MAX_REFERENTS) throw bad(field, `Choose one to ${MAX_REFERENTS} referents.`, 'referent_count');
  const handles = values.map((v, i) => parseHandle(v, `${field}/${i}`, i));
  const seen = new Set<string>();
  for (const h of handles) {
    const key = h.kind === 'id' ? `id:${h.id}` : `email:${h.email}`;
    if (seen.has(key)) throw bad(`${field}/${h.index}`, 'This person is already in the list.', 'referent_duplicate');
    seen.add(key);
  }
  return handles;
}

/** A short practical note, or null; never health details (the interface says so next to the field). */
export function parseNote(value: string | undefined, field = '/note'): string | null {
  const v = value?.trim() ?? '';
  if (v === '') return null;
  if (v.length > NOTE_MAX) throw bad(field, `A note is ${NOTE_MAX} characters at most, and never health details.`, 'note_too_long');
  return v;
}

/** The last day of a pause: a YYYY-MM-DD date from today to a year ahead, or undefined for "until I resume". */
export function parsePauseEnd(value: string | undefined, today: string, field = '/until'): string | null {
  if (value === undefined) return null;
  if (!isCalendarDate(value)) {
    throw bad(field, 'Give the last day of the pause as YYYY-MM-DD.', 'date_malformed');
  }
  if (value < today || value > addDays(today, 366)) throw bad(field, 'The pause ends between today and a year from now.', 'pause_out_of_range');
  return value;
}
