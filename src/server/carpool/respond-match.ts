/**
 * @module Accepting, declining or cancelling a proposed ride; the last seat goes to exactly one passenger. Each step
 * tells the ride's other person (notices.ts) in the same unit of work.
 */
import type { Static } from 'typebox';
import { AppError } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { requireResident } from '../territories/index.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';
import { blockedError } from './blocked.ts';
import { findPartyMatch } from './match-access.ts';
import { otherParty, tellRide } from './notices.ts';
import type { Accepted } from './schemas.ts';

type NoticeDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>;

export async function acceptMatch(deps: NoticeDeps, { territory, viewer }: RequestScope, input: { matchId: string }): Promise<Static<typeof Accepted>> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  return inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const { match } = await findPartyMatch(trx, territory.id, input.matchId, actor.userId);
    if (await isBlockedEitherWay(trx, match.driver_id, match.passenger_id)) throw blockedError();
    // Lock the driver's trip: concurrent acceptances for its seats on one date queue here, one at a time.
    const driverTrip = await trx.selectFrom('carpool_trips').select(['seats', 'status']).where('id', '=', match.driver_trip_id).forUpdate().executeTakeFirstOrThrow();
    const { match: current, side } = await findPartyMatch(trx, territory.id, input.matchId, actor.userId, true);
    if (current.status !== 'proposed') {
      if (current.status === 'accepted') return { status: 'accepted' };
      throw new AppError('conflict', `This ride is ${current.status}.`);
    }
    const now = deps.clock.now();
    const driverAccepted = side === 'driver' ? now : current.driver_accepted_at;
    const passengerAccepted = side === 'passenger' ? now : current.passenger_accepted_at;
    const both = driverAccepted !== null && passengerAccepted !== null;
    if (both) {
      const taken = await trx
        .selectFrom('carpool_matches')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('seats'), eb.lit(0)).as('n'))
        .where('driver_trip_id', '=', current.driver_trip_id)
        .where('trip_date', '=', current.trip_date)
        .where('status', 'in', ['accepted', 'done'])
        .executeTakeFirstOrThrow();
      if (driverTrip.status !== 'open' || Number(taken.n) + current.seats > driverTrip.seats) {
        throw new AppError('conflict', 'No seat left in this car on that date.');
      }
    }
    await trx
      .updateTable('carpool_matches')
      .set({ driver_accepted_at: driverAccepted, passenger_accepted_at: passengerAccepted, status: both ? 'accepted' : 'proposed' })
      .where('id', '=', current.id)
      .execute();
    await tellRide(work, deps, territory, current, { notice: both ? 'accepted' : 'proposed', from: actor.userId, to: [otherParty(current, actor.userId)] });
    return { status: both ? 'accepted' : 'proposed' };
  });
}

/** Cancels a proposed or accepted ride, saying why; the other person is told, with the reason. */
export async function cancelMatch(deps: NoticeDeps, { territory, viewer }: RequestScope, input: { matchId: string; reason: string }): Promise<void> {
  const actor = await requireResident(deps.db, territory, viewer);
  await inUnitOfWork(deps, async (work) => {
    const { match } = await findPartyMatch(work.db, territory.id, input.matchId, actor.userId, true);
    if (match.status === 'done' || match.status === 'cancelled') throw new AppError('conflict', `This ride is already ${match.status}.`);
    const reason = input.reason.trim();
    await work.db.updateTable('carpool_matches').set({ status: 'cancelled', cancelled_by: actor.userId, cancel_reason: reason }).where('id', '=', match.id).execute();
    await tellRide(work, deps, territory, match, { notice: 'cancelled', from: actor.userId, to: [otherParty(match, actor.userId)], reason });
  });
}

/**
 * Declines a ride proposed to the viewer (one they have not accepted): it is cancelled, and the person who proposed
 * it is told it was declined, with the reason when one is given. 409 for a ride the viewer accepted or proposed.
 */
export async function declineMatch(deps: NoticeDeps, { territory, viewer }: RequestScope, input: { matchId: string; reason?: string | undefined }): Promise<void> {
  const actor = await requireResident(deps.db, territory, viewer);
  await inUnitOfWork(deps, async (work) => {
    const { match, side } = await findPartyMatch(work.db, territory.id, input.matchId, actor.userId, true);
    const acceptedByMe = (side === 'driver' ? match.driver_accepted_at : match.passenger_accepted_at) !== null;
    if (match.status !== 'proposed' || acceptedByMe) throw new AppError('conflict', match.status === 'proposed' ? 'You proposed this ride: cancel it instead.' : `This ride is ${match.status}.`);
    const reason = input.reason?.trim() || null;
    await work.db.updateTable('carpool_matches').set({ status: 'cancelled', cancelled_by: actor.userId, cancel_reason: reason }).where('id', '=', match.id).execute();
    await tellRide(work, deps, territory, match, { notice: 'declined', from: actor.userId, to: [otherParty(match, actor.userId)], reason });
  });
}
