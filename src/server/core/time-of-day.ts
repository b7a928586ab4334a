/** @module Times of day travel as "HH:MM" and are stored as minutes since midnight. */

export const HHMM_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function toHHMM(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** ISO weekday of a YYYY-MM-DD date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday (YYYY-MM-DD) of the ISO week holding `date`. */
export function weekStart(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (isoWeekday(date) - 1));
  return d.toISOString().slice(0, 10);
}

/** Today's date in the territory's time zone (Europe/Paris for French territories). */
export function localDate(now: Date, timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The instant of `minutes` after local midnight on `date` in `timeZone` (whole-hour offsets, as in France). */
export function localInstant(date: string, minutes: number, timeZone = 'Europe/Paris'): Date {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offsetHours = Number(name.replace('GMT', '') || 0);
  return new Date(Date.parse(`${date}T00:00:00Z`) + (minutes - offsetHours * 60) * 60_000);
}
