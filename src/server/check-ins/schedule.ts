/**
 * @module Pure timing rules of daily check-ins: the deadline instant of a local day (exact on daylight-saving change
 * days), which days count (weekdays, pause, since when), when an alert is raised and when it escalates. No I/O.
 */
import { isoWeekday, localDate } from '../core/time-of-day.ts';

export const TIME_ZONE = 'Europe/Paris';
export const MIN_ESCALATION_MINUTES = 30;
export const MAX_ESCALATION_MINUTES = 240;
export const MAX_REFERENTS = 3;
export const ALL_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
/** An acknowledgement note stays short and practical; it is not a place for health details. */
export const NOTE_MAX = 200;
/** A missed day is alerted within this long after its deadline; a longer outage does not raise stale alerts. */
export const RAISE_WINDOW_MS = 24 * 3_600_000;

export interface Schedule {
  deadlineMinutes: number;
  weekdays: readonly number[];
  /** Days whose deadline is after this instant count; null until the first referent accepts. */
  countsFrom: Date | null;
  pausedFrom: Date | null;
  /** Inclusive local date; null with pausedFrom set means paused until resumed. */
  pausedUntil: string | null;
}

const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes the zone is ahead of UTC at `instant` (60 in winter, 120 in summer for Paris). */
export function offsetMinutes(instant: number): number {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant the wall clock of the territory reads `minutes` after midnight on `date`. On the spring change day a
 * time that does not exist (02:30) is read with the winter offset, i.e. one hour later on the wall (03:30); on the
 * autumn change day a time that happens twice (02:30) is its first occurrence — as Temporal's "compatible" rule does.
 */
export function deadlineOn(date: string, minutes: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const before = offsetMinutes(wall - DAY_MS);
  const after = offsetMinutes(wall + DAY_MS);
  const valid = [...new Set([before, after])].map((o) => wall - o * 60_000).filter((t) => offsetMinutes(t) * 60_000 === wall - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before * 60_000);
}

export const today = (now: Date): string => localDate(now, TIME_ZONE);

/** The local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Paused on that local day: the pause started before the day's end and (if it has an end) the day is not after it. */
export function isPausedOn(schedule: Schedule, date: string): boolean {
  if (!schedule.pausedFrom) return false;
  if (schedule.pausedUntil !== null && date > schedule.pausedUntil) return false;
  return today(schedule.pausedFrom) <= date;
}

/** Whether a check-in is expected on `date`: a chosen weekday, not paused, and its deadline after `countsFrom`. */
export function isDayExpected(schedule: Schedule, date: string): boolean {
  if (!schedule.countsFrom) return false;
  if (!schedule.weekdays.includes(isoWeekday(date))) return false;
  if (isPausedOn(schedule, date)) return false;
  return deadlineOn(date, schedule.deadlineMinutes).getTime() > schedule.countsFrom.getTime();
}

/** The days (yesterday, today) whose missed check-in should be alerted at `now`: expected, deadline passed less than a day ago. */
export function daysToAlert(schedule: Schedule, now: Date): string[] {
  const t = today(now);
  return [addDays(t, -1), t].filter((date) => {
    if (!isDayExpected(schedule, date)) return false;
    const elapsed = now.getTime() - deadlineOn(date, schedule.deadlineMinutes).getTime();
    return elapsed >= 0 && elapsed < RAISE_WINDOW_MS;
  });
}

/** When an alert raised at `raisedAt` goes to the people on duty unless a referent acknowledges first. */
export function escalationDue(raisedAt: Date, escalationMinutes: number): Date {
  return new Date(raisedAt.getTime() + escalationMinutes * 60_000);
}

export interface AlertState {
  acknowledgedAt: Date | null;
  escalatedAt: Date | null;
  resolvedAt: Date | null;
  escalateAt: Date;
}

/** Escalate now: nobody acknowledged, not resolved, not escalated yet, and the delay is over. */
export function shouldEscalate(alert: AlertState, now: Date): boolean {
  return alert.acknowledgedAt === null && alert.escalatedAt === null && alert.resolvedAt === null && now.getTime() >= alert.escalateAt.getTime();
}

/** Today's status for the resident's page: done, still to do (before the deadline), missed, or not expected today. */
export type DayStatus = 'done' | 'pending' | 'missed' | 'not_expected';

export function dayStatus(schedule: Schedule, date: string, checkedIn: boolean, now: Date): DayStatus {
  if (checkedIn) return 'done';
  if (!isDayExpected(schedule, date) && schedule.countsFrom !== null) return 'not_expected';
  if (schedule.countsFrom === null) return 'pending';
  return now.getTime() >= deadlineOn(date, schedule.deadlineMinutes).getTime() ? 'missed' : 'pending';
}
