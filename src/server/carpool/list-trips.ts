/** @module One's carpool trips, and closing one. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import { toHHMM } from '../core/time-of-day.ts';
import { requireResident, resolveTerritory } from '../territories/index.ts';
import type { CarpoolIndexes, TripRow } from './trip-store.ts';
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

export async function listMyTrips(db: Database, slug: string, viewer: Viewer | null): Promise<TripView[]> {
  const territory = await resolveTerritory(db, slug);
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
export async function findOwnTrip(db: Database, territoryId: string, userId: string, tripId: string): Promise<TripRow> {
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

export async function closeTrip(
  deps: { db: Database; clock: Clock; indexes: CarpoolIndexes },
  input: { slug: string; viewer: Viewer | null; tripId: string },
): Promise<void> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireResident(deps.db, territory, input.viewer);
  const trip = await findOwnTrip(deps.db, territory.id, actor.userId, input.tripId);
  await deps.db.updateTable('carpool_trips').set({ status: 'closed', closed_at: deps.clock.now() }).where('id', '=', trip.id).execute();
  deps.indexes.tripChanged(territory.id, trip.id);
}
