/** @module Accepting or cancelling a proposed ride; the last seat goes to exactly one passenger. */
import type { Static } from 'typebox';
import { AppError } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { requireResident } from '../territories/index.ts';
import { isBlockedEitherWay } from '../moderation/index.ts';
import { blockedError } from './blocked.ts';
import { findPartyMatch } from './match-access.ts';
import type { Accepted } from './schemas.ts';

export async function acceptMatch(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: { matchId: string }): Promise<Static<typeof Accepted>> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  return db.transaction().execute(async (trx) => {
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
    return { status: both ? 'accepted' : 'proposed' };
  });
}

export async function cancelMatch({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { matchId: string; reason: string }): Promise<void> {
  const actor = await requireResident(db, territory, viewer);
  await db.transaction().execute(async (trx) => {
    const { match } = await findPartyMatch(trx, territory.id, input.matchId, actor.userId, true);
    if (match.status === 'done' || match.status === 'cancelled') throw new AppError('conflict', `This ride is already ${match.status}.`);
    await trx.updateTable('carpool_matches').set({ status: 'cancelled', cancelled_by: actor.userId, cancel_reason: input.reason.trim() }).where('id', '=', match.id).execute();
  });
}
