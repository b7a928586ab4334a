/** @module The one date parser: calendar days (YYYY-MM-DD) and instants (ISO 8601 with an offset), strict and bounded. */
import { invalid } from './errors.ts';

// A date people type or a client sends lies in these years; anything else is a typo or a probe, and would
// otherwise reach JavaScript or PostgreSQL arithmetic that has no year 0 and throws on month 13.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function realDay(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a real calendar day written YYYY-MM-DD, in years 1900 to 2999. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for an ISO 8601 instant with seconds and an offset (`2025-03-01T08:30:00Z`, `…+01:00`) on a real day. */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (m === null || !realDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  // No leap second: neither JavaScript nor PostgreSQL keeps one.
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  return m[7] === undefined || (Number(m[8]) <= 23 && Number(m[9]) <= 59);
}

/**
 * A calendar day from input, or a 400 naming the field.
 * @example parseCalendarDate('2025-02-29', '/startsOn') // throws invalid on /startsOn
 */
export function parseCalendarDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) throw invalid(field, `A date is a real day written YYYY-MM-DD, from ${MIN_YEAR} to ${MAX_YEAR}.`);
  return value;
}

/** An instant from input, or a 400 naming the field. */
export function parseTimestamp(value: unknown, field: string): Date {
  if (!isTimestamp(value)) throw invalid(field, `A time is an ISO 8601 instant with an offset, e.g. 2025-03-01T08:30:00+01:00, from ${MIN_YEAR} to ${MAX_YEAR}.`);
  return new Date(value);
}

/** Days from `from` to `to` (both YYYY-MM-DD), negative when `to` comes first; exact, no time zone involved. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar day `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
