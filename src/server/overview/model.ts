/** @module The home page's pure rules: a week of mobility in plain terms, which commitments are close to binding, the method shown under the figures. */
import type { MobilityWeek } from './schemas.ts';

export const OVERVIEW_METHOD = [
  'This week: Monday to today, Paris time. Mobility gestures are the counted gestures of impact (flagged carpools left out until cleared); help given is mutual-aid requests marked done; missions are volunteers marked present at missions that ended this week.',
  'People are counted within each block (a person who carpooled and helped a neighbour counts in both); a block, a week or a commune built from fewer than PRIVACY_MIN_GROUP people shows "fewer than N", never a number (docs/privacy.md).',
  'Hours of jam spared to others: the queue delay the week’s departure shifts spared the other drivers, by each corridor’s queue model, the shifters’ own gain left out; negative when shifts made others wait longer.',
  'Per commune: people who acted this week, by the commune they gave when they joined, per 1,000 inhabitants (INSEE population).',
];

/** At most this many commitments on the home page. */
export const CLOSE_LIMIT = 3;

/** A commitment is close to binding when it still collects and at most this share of its target, or this many signatures, is missing. */
export const CLOSE_SHARE = 0.34;
export const CLOSE_SIGNATURES = 12;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The figures of impact's week, named for the home page. */
export function mobilityWeek(w: { people: number; carpools: number; shifts: number; modeSwitches: number; modeSwitchesAgainstCar: number; co2eKg: number; carKm: number; euros: number; delaySavedVehicleHours: number }): MobilityWeek {
  return {
    people: w.people,
    carpools: w.carpools,
    shifts: w.shifts,
    tripsWithoutCar: w.modeSwitches,
    tripsReplacingCar: w.modeSwitchesAgainstCar,
    co2eKg: w.co2eKg,
    carKm: w.carKm,
    euros: w.euros,
    jamHoursSparedToOthers: w.delaySavedVehicleHours,
  };
}

interface Collecting {
  id: string;
  wording: string;
  status: string;
  progress: { remaining: number; fraction: number; reached: boolean } | { suppressed: true };
  signingDeadline: Date | string;
}

/**
 * Commitments still collecting whose remaining signatures are few (≤ CLOSE_SIGNATURES, or ≤ CLOSE_SHARE of the way),
 * closest first, at most CLOSE_LIMIT. A suppressed progress is never shown as close: its count would be read.
 */
export function closeToThreshold<C extends Collecting>(items: readonly C[]): (C & { remaining: number; signingDeadline: string })[] {
  const close: (C & { remaining: number; signingDeadline: string })[] = [];
  for (const c of items) {
    if (c.status !== 'collecting' || 'suppressed' in c.progress) continue;
    const { remaining, fraction, reached } = c.progress;
    if (reached || remaining <= 0) continue;
    if (remaining > CLOSE_SIGNATURES && 1 - fraction > CLOSE_SHARE) continue;
    const deadline = c.signingDeadline instanceof Date ? c.signingDeadline.toISOString() : c.signingDeadline;
    close.push({ ...c, remaining, signingDeadline: deadline });
  }
  return close.sort((a, b) => a.remaining - b.remaining).slice(0, CLOSE_LIMIT);
}
