/**
 * @module A corridor as everyone sees it, under the small-group rule (docs/privacy.md): the queue "with the
 * commitments" and the committed share are shown for a period only when at least PRIVACY_MIN_GROUP drivers committed
 * (fewer would tell who moves from which slot); a day of recorded shifts only when that many shifted; the week's delay
 * saved adds up the days shown. Like a community's members, the people in a group see it whole: a driver with a
 * commitment on the period sees the period, a driver who shifted that day sees the day.
 */
import { guard, guardCell, isShown, suppressed } from '../core/privacy/small-group.ts';
import type { CorridorDayView, CorridorView, PeriodView } from './get-corridor.ts';
import type { ShownCorridor, ShownPeriod } from './schemas.ts';

export type { ShownCorridor, ShownPeriod } from './schemas.ts';

const round = (x: number) => Math.round(x * 100) / 100;

/** The viewer's own part in the corridor: the periods they committed to, the days (`date/period`) they shifted. */
export interface CorridorInsider {
  periods: ReadonlySet<string>;
  days: ReadonlySet<string>;
}

const WHOLE = Number.MAX_SAFE_INTEGER;

function guardPeriod(p: PeriodView, minGroup: number, insider: boolean): ShownPeriod {
  const n = insider ? WHOLE : p.committedDrivers;
  return {
    ...p,
    slots: p.slots.map((s) => ({ ...s, queueWithCommitments: guard(s.queueWithCommitments, n, minGroup), delayWithCommitmentsMin: guard(s.delayWithCommitmentsMin, n, minGroup) })),
    vehicleHoursWithCommitments: guard(p.vehicleHoursWithCommitments, n, minGroup),
    shareCommitted: guard(p.shareCommitted, n, minGroup),
    committedDrivers: guard(p.committedDrivers, n, minGroup),
  };
}

export function guardCorridor(c: CorridorView, minGroup: number, insider: CorridorInsider): ShownCorridor {
  const people = (d: CorridorDayView) => (insider.days.has(`${d.date}/${d.period}`) ? WHOLE : d.shifts);
  const shown = c.days.filter((d) => isShown(people(d), minGroup));
  return {
    ...c,
    periods: c.periods.map((p) => guardPeriod(p, minGroup, insider.periods.has(p.period))),
    days: c.days.map((d) => guardCell(d, people(d), minGroup, ['date', 'period'])),
    vehicleHoursSavedThisWeek: shown.length > 0 ? round(shown.reduce((s, d) => s + d.othersVehicleHours, 0)) : suppressed(minGroup),
  };
}
