/** @module The viewer's rides: proposed, accepted, done or cancelled, with the other person's display name only. */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { requireResident } from '../territories/index.ts';
import { findPartyMatch, proofClass, type MatchRow } from './match-access.ts';
import type { RideView } from './schemas.ts';

type RideRow = MatchRow & { driver_name: string | null; passenger_name: string | null };

function ridesOf(db: Executor, territoryId: string) {
  return db
    .selectFrom('carpool_matches as m')
    .innerJoin('users as d', 'd.id', 'm.driver_id')
    .innerJoin('users as p', 'p.id', 'm.passenger_id')
    .selectAll('m')
    .select(['d.display_name as driver_name', 'p.display_name as passenger_name'])
    .where('m.territory_id', '=', territoryId);
}

/** A ride as `userId`, one of its two people, sees it. */
export function toRideView(m: RideRow, userId: string): RideView {
  const side = m.driver_id === userId ? ('driver' as const) : ('passenger' as const);
  const acceptedAt = (who: string | null) => (who === m.driver_id ? m.driver_accepted_at : who === m.passenger_id ? m.passenger_accepted_at : null);
  return {
    id: m.id,
    side,
    otherPerson: (side === 'driver' ? m.passenger_name : m.driver_name) ?? '',
    otherPersonId: side === 'driver' ? m.passenger_id : m.driver_id,
    date: m.trip_date,
    startsAt: m.starts_at,
    status: m.status,
    seats: m.seats,
    acceptedByMe: (side === 'driver' ? m.driver_accepted_at : m.passenger_accepted_at) !== null,
    acceptedByOther: (side === 'driver' ? m.passenger_accepted_at : m.driver_accepted_at) !== null,
    confirmedByMe: (side === 'driver' ? m.driver_confirmed_at : m.passenger_confirmed_at) !== null,
    confirmedByOther: (side === 'driver' ? m.passenger_confirmed_at : m.driver_confirmed_at) !== null,
    proofClass: proofClass(m),
    detourKm: m.detour_km,
    detourMin: m.detour_min,
    timeGapMin: m.time_gap_min,
    sharedKm: m.shared_km,
    sharedCommunity: m.shared_community,
    reviewStatus: m.review_status,
    cancelReason: m.cancel_reason,
    // Whoever proposed a ride accepted it then: cancelled by someone who never accepted is a ride declined.
    declined: m.status === 'cancelled' && m.cancelled_by !== null && acceptedAt(m.cancelled_by) === null,
    cancelledByMe: m.status === 'cancelled' && m.cancelled_by === userId,
  };
}

/** The viewer's rides in the territory, latest first. */
export async function listMyMatches({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<RideView[]> {
  const actor = await requireResident(db, territory, viewer);
  const rows = await ridesOf(db, territory.id)
    .where((eb) => eb.or([eb('m.driver_id', '=', actor.userId), eb('m.passenger_id', '=', actor.userId)]))
    .orderBy('m.starts_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((m) => toRideView(m, actor.userId));
}

/** One of the viewer's rides (its page); anyone else's is 404. */
export async function getRide({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { matchId: string }): Promise<RideView> {
  const actor = await requireResident(db, territory, viewer);
  const { match } = await findPartyMatch(db, territory.id, input.matchId, actor.userId);
  const row = await ridesOf(db, territory.id).where('m.id', '=', match.id).executeTakeFirstOrThrow();
  return toRideView(row, actor.userId);
}
