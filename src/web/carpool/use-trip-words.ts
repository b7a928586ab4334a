/** @module Trip and ride wording in the interface language: schedule, ends, role. */
import { dayOnly, formatDay, weekdayList } from '../core/dates.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { CommuteProfile } from '../commute/types.ts';
import { nameOfPlace } from './describe.ts';
import type { Trip, TripPlace } from './types.ts';

export function useTripWords(profile: CommuteProfile | null | undefined) {
  const { m, locale, formatNumber } = useMobilityI18n();
  const place = (p: TripPlace): string => {
    const name = nameOfPlace(p, profile);
    if (name.kind === 'meeting') return m('trip.meetingPoint', { name: name.name });
    if (name.kind === 'home') return m('trip.home');
    if (name.kind === 'work') return m('trip.work');
    return m('trip.near', { lat: formatNumber(name.lat, 3), lng: formatNumber(name.lng, 3) });
  };
  const schedule = (trip: Pick<Trip, 'date' | 'weekdays' | 'window'>): string => {
    const window = m('window.range', { start: trip.window.start, end: trip.window.end });
    return trip.date
      ? m('trip.once', { date: formatDay(locale, dayOnly(trip.date)), window })
      : m('trip.recurring', { days: weekdayList(locale, trip.weekdays), window });
  };
  const route = (trip: Pick<Trip, 'origin' | 'destination'>): string => m('trip.route', { from: place(trip.origin), to: place(trip.destination) });
  return { place, schedule, route };
}
