/** @module A driver offers a ride or a passenger asks for one; places become H3 cells or chosen meeting points. */
import { invalid } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { cellCenter, toCell, type LatLng } from '../core/geo.ts';
import { localDate, toMinutes } from '../core/time-of-day.ts';
import { requireResident } from '../territories/index.ts';
import { communeAt } from '../territories/index.ts';
import { carpoolIndexes } from './trip-store.ts';
import type { TripInput } from './schemas.ts';

export type { TripInput } from './schemas.ts';
type Place = TripInput['origin'];

/** Where a trip's point is kept: the meeting point itself, or the centre of the cell around the given point. */
function placeOf(p: Place): { cell: string; point: LatLng; label: string | null } {
  const cell = toCell(p);
  return p.meetingPoint ? { cell, point: { lat: p.lat, lng: p.lng }, label: p.meetingPoint } : { cell, point: cellCenter(cell), label: null };
}

/** Offers or asks for a ride; every process's match index takes the trip in once it is committed. */
export async function createTrip(deps: Pick<Deps, 'db' | 'clock' | 'bus'>, { territory, viewer }: RequestScope, input: { trip: TripInput }): Promise<{ id: string }> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const t = input.trip;
  if ((t.date === undefined) === (t.weekdays === undefined || t.weekdays.length === 0)) {
    throw invalid('/date', 'Give either a date (one-off trip) or weekdays (recurring trip).');
  }
  if (t.date !== undefined && t.date < localDate(deps.clock.now())) throw invalid('/date', 'This date is in the past.');
  const start = toMinutes(t.window.start);
  const end = toMinutes(t.window.end);
  if (end < start) throw invalid('/window/end', 'The window ends before it starts.');
  const maxShare = (await carpoolIndexes(deps).matcher(territory.id)).rules.maxDetourShare;
  const detour = t.maxDetourShare ?? maxShare;
  if (detour > maxShare) throw invalid('/maxDetourShare', `The territory allows detours up to ${Math.round(maxShare * 100)} %.`);
  await communeAt(db, territory.id, t.origin, '/origin');
  await communeAt(db, territory.id, t.destination, '/destination');
  const origin = placeOf(t.origin);
  const destination = placeOf(t.destination);
  if (origin.cell === destination.cell) throw invalid('/destination', 'The destination is where the trip starts.');
  return inUnitOfWork(deps, async (work) => {
    const row = await work.db
      .insertInto('carpool_trips')
      .values({
        territory_id: territory.id,
        user_id: actor.userId,
        role: t.role,
        origin_cell: origin.cell,
        destination_cell: destination.cell,
        origin_lat: origin.point.lat,
        origin_lng: origin.point.lng,
        destination_lat: destination.point.lat,
        destination_lng: destination.point.lng,
        origin_label: origin.label,
        destination_label: destination.label,
        trip_date: t.date ?? null,
        weekdays: t.date ? [] : [...(t.weekdays ?? [])].sort(),
        window_start: start,
        window_end: end,
        seats: t.seats,
        max_detour_share: detour,
        closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    work.publish('carpool.trip_changed', { territoryId: territory.id, tripId: row.id });
    return row;
  });
}
