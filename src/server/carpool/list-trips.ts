/** @module One's carpool trips, and closing one. */
import type { Executor } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { toHHMM } from '../core/time-of-day.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { requireResident } from '../territories/index.ts';
import type { TripRow } from './trip-store.ts';
import type { TripView } from './schemas.ts';

export type { TripView } from './schemas.ts';

export function toTripView(r: TripRow): TripView {
  return {
    id: r.id,
    role: r.role,
    origin: { cell: r.origin_cell, lat: r.origin_lat, lng: r.origin_lng, label: r.origin_label },
    destination: { cell: r.destination_cell, lat: r.destination_lat, lng: r.destination_lng, label: r.destination_label },
    date: r.trip_date,
    weekdays: r.weekdays,
    window: { start: toHHMM(r.window_start), end: toHHMM(r.window_end) },
    seats: r.seats,
    maxDetourShare: r.max_detour_share,
    status: r.status,
    createdAt: r.created_at,
  };
}

export async function listMyTrips({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<TripView[]> {
  const actor = await requireResident(db, territory, viewer);
  const rows = await db
    .selectFrom('carpool_trips')
    .selectAll()
    .where('territory_id', '=', territory.id)
    .where('user_id', '=', actor.userId)
    .orderBy('status', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(toTripView);
}

/** The viewer's own trip in this territory, or 404 (someone else's trip is not theirs to see). */
export async function findOwnTrip(db: Executor, territoryId: string, userId: string, tripId: string): Promise<TripRow> {
  const row = await db
    .selectFrom('carpool_trips')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('user_id', '=', userId)
    .where('id', '=', tripId)
    .executeTakeFirst();
  if (!row) throw notFound('Trip');
  return row;
}

/** Closes one of the viewer's trips: it leaves every process's match index once committed. */
export async function closeTrip(deps: Pick<Deps, 'db' | 'clock' | 'bus'>, { territory, viewer }: RequestScope, input: { tripId: string }): Promise<void> {
  const actor = await requireResident(deps.db, territory, viewer);
  await inUnitOfWork(deps, async (work) => {
    const trip = await findOwnTrip(work.db, territory.id, actor.userId, input.tripId);
    await work.db.updateTable('carpool_trips').set({ status: 'closed', closed_at: deps.clock.now() }).where('id', '=', trip.id).execute();
    work.publish('carpool.trip_changed', { territoryId: territory.id, tripId: trip.id });
  });
}
