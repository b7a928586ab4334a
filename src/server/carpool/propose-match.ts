/** @module Proposing a ride to a matched person: the proposer's acceptance is recorded with the proposal. */
import { AppError, invalid, notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { isoWeekday, localDate, localInstant } from '../core/time-of-day.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { requireResident } from '../territories/index.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';
import { blockedError } from './blocked.ts';
import { findOwnTrip } from './list-trips.ts';
import { evaluateMatch } from './matching.ts';
import { tellRide } from './notices.ts';
import { carpoolIndexes, loadIndexedTrips, type TripRow } from './trip-store.ts';

function runsOn(trip: TripRow, date: string): boolean {
  return trip.trip_date ? trip.trip_date === date : trip.weekdays.includes(isoWeekday(date));
}

export interface ProposeInput {
  /** The viewer's own trip. */
  tripId: string;
  /** The matched trip of the other person. */
  otherTripId: string;
  date: string;
}

/** Proposes a ride on a date both trips run; the other person is told in the same unit of work. */
export async function proposeMatch(deps: Pick<Deps, 'db' | 'clock' | 'bus' | 'config'>, { territory, viewer }: RequestScope, input: ProposeInput): Promise<{ id: string }> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const mine = await findOwnTrip(db, territory.id, actor.userId, input.tripId);
  const other = await db.selectFrom('carpool_trips').selectAll().where('territory_id', '=', territory.id).where('id', '=', input.otherTripId).executeTakeFirst();
  if (!other || other.status !== 'open') throw notFound('Trip');
  if (mine.status !== 'open') throw new AppError('conflict', 'Your trip is closed.');
  if (other.role === mine.role) throw invalid('/tripId', 'A ride pairs a driver with a passenger.');
  if (await isBlockedEitherWay(db, actor.userId, other.user_id)) throw blockedError();
  if (input.date < localDate(deps.clock.now())) throw invalid('/date', 'This date is in the past.');
  if (!runsOn(mine, input.date) || !runsOn(other, input.date)) throw invalid('/date', 'Both trips must run on this date.');
  const [driver, passenger] = mine.role === 'driver' ? [mine, other] : [other, mine];
  const [d, p] = await loadIndexedTrips(db, [driver, passenger]);
  const { rules, router } = await carpoolIndexes(deps).matcher(territory.id);
  const m = evaluateMatch(d!, p!, rules, router);
  if (!m || m.detourKm > driver.max_detour_share * m.driverKm + 1e-9) throw new AppError('conflict', 'These trips do not match (time, detour or shared distance).');
  const startsAt = localInstant(input.date, Math.max(driver.window_start, passenger.window_start));
  const now = deps.clock.now();
  try {
    return await inUnitOfWork(deps, async (work) => {
      const ride = await work.db
        .insertInto('carpool_matches')
        .values({
          territory_id: territory.id,
          driver_trip_id: driver.id,
          passenger_trip_id: passenger.id,
          driver_id: driver.user_id,
          passenger_id: passenger.user_id,
          trip_date: input.date,
          starts_at: startsAt,
          seats: passenger.seats,
          driver_accepted_at: mine.role === 'driver' ? now : null,
          passenger_accepted_at: mine.role === 'passenger' ? now : null,
          detour_km: m.detourKm,
          detour_min: m.detourMin,
          time_gap_min: m.timeGapMin,
          shared_community: m.sharedCommunity,
          shared_km: m.sharedKm,
          driver_km: m.driverKm,
          driver_confirmed_at: null,
          passenger_confirmed_at: null,
          cancelled_by: null,
          cancel_reason: null,
        })
        .returning(['id', 'trip_date', 'starts_at'])
        .executeTakeFirstOrThrow();
      await tellRide(work, deps, territory, ride, { notice: 'proposed', from: actor.userId, to: [other.user_id] });
      return { id: ride.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'This ride is already proposed for that date.');
    throw error;
  }
}
