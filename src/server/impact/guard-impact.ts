/** @module Impact as shown outside its group: weeks built from too few people suppressed, totals over the weeks shown only. */
import { guardCell, isShown, suppressed, type Guarded } from '../core/privacy/small-group.ts';
import type { ImpactTotals, ImpactView, Participation, ShownParticipation, WeekImpact } from './schemas.ts';

export type { ImpactTotals, ShownParticipation } from './schemas.ts';
/** A week as shown: whole, or its date and the suppressed shape. */
export type ShownWeek = ImpactView['weeks'][number];

const round = (x: number) => Math.round(x * 100) / 100;

export function totalsOf(weeks: readonly WeekImpact[]): ImpactTotals {
  const sum = (k: keyof ImpactTotals) => weeks.reduce((s, w) => s + w[k], 0);
  return {
    gestures: sum('gestures'),
    carpools: sum('carpools'),
    shifts: sum('shifts'),
    modeSwitches: sum('modeSwitches'),
    modeSwitchesAgainstCar: sum('modeSwitchesAgainstCar'),
    co2eKg: round(sum('co2eKg')),
    carKm: round(sum('carKm')),
    euros: round(sum('euros')),
    delaySavedVehicleHours: round(sum('delaySavedVehicleHours')),
  };
}

/**
 * Each week is its own cell, shown when at least `minGroup` people built it. The totals add up the weeks
 * shown and nothing else: a total over every week, less the weeks shown, would give back a suppressed one
 * (and so would asking for 8 weeks, then 7). No week shown, no totals.
 */
export function guardWeeks(weeks: readonly WeekImpact[], minGroup: number): { weeks: ShownWeek[]; totals: Guarded<ImpactTotals> } {
  const shown = weeks.filter((w) => isShown(w.people, minGroup));
  return {
    weeks: weeks.map((w) => guardCell(w, w.people, minGroup, ['weekOf'])),
    totals: shown.length > 0 ? totalsOf(shown) : suppressed(minGroup),
  };
}

/**
 * A participation rate says what the active members did and what the others did not: both groups must be
 * at least `minGroup` (100 % of a group tells what each of its members did).
 */
export function guardParticipation(p: Participation, minGroup: number): ShownParticipation {
  const smaller = Math.min(p.active, p.members - p.active);
  return guardCell(p, smaller, minGroup, ['communityId', 'name', 'members']);
}
