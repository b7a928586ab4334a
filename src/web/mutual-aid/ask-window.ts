/** @module The ask form's time window (pure): defaults per urgency, typed local date and time → instant, checks. */
import type { AidKey } from '../i18n/mutual-aid-fr.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { AidUrgency } from './types.ts';

export interface WindowDraft {
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const timeText = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** From the next round hour; until tonight 21:00 (today), in three days (this week) or in a fortnight (flexible). */
export function defaultWindow(urgency: AidUrgency, now: Date): WindowDraft {
  const from = new Date(now);
  from.setMinutes(0, 0, 0);
  from.setHours(from.getHours() + 1);
  const to = new Date(from);
  if (urgency === 'today') {
    to.setHours(21, 0, 0, 0);
    if (to.getTime() <= from.getTime()) to.setTime(from.getTime() + 3 * 3_600_000);
  } else {
    to.setDate(to.getDate() + (urgency === 'this_week' ? 3 : 14));
    to.setHours(20, 0, 0, 0);
  }
  return { fromDate: dateText(from), fromTime: timeText(from), toDate: dateText(to), toTime: timeText(to) };
}

/** "2026-03-10" + "14:30" in the browser's time zone → a Date, or null when either is not a real date or time. */
export function localDateTime(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const d = new Date(`${date}T${time}:00`);
  return Number.isNaN(d.getTime()) || dateText(d) !== date ? null : d;
}

const GRACE_MS = 10 * 60_000;
const MAX_SPAN_MS = 31 * 86_400_000;

/** Field errors (message keys) of a window, or the two instants. */
export function checkAskWindow(draft: WindowDraft, now: Date): { errors: Record<string, AidKey | MessageKey>; from?: Date; to?: Date } {
  const from = localDateTime(draft.fromDate, draft.fromTime);
  const to = localDateTime(draft.toDate, draft.toTime);
  const errors: Record<string, AidKey | MessageKey> = {};
  if (!from) errors.fromDate = draft.fromDate && draft.fromTime ? 'ask.dateInvalid' : 'form.required';
  if (!to) errors.toDate = draft.toDate && draft.toTime ? 'ask.dateInvalid' : 'form.required';
  if (from && from.getTime() < now.getTime() - GRACE_MS) errors.fromDate = 'ask.past';
  if (from && to && to.getTime() <= from.getTime()) errors.toDate = 'ask.toBeforeFrom';
  else if (from && to && to.getTime() - from.getTime() > MAX_SPAN_MS) errors.toDate = 'ask.tooLong';
  return Object.keys(errors).length > 0 || !from || !to ? { errors } : { errors, from, to };
}
