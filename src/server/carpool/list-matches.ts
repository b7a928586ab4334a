/** @module The viewer's rides: proposed, accepted, done or cancelled, with the other person's display name only. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { requireResident } from '../territories/index.ts';
import { proofClass } from './match-access.ts';
import type { RideView } from './schemas.ts';

/** The viewer's rides in the territory, latest first. */
export async function listMyMatches({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<RideView[]> {
  const actor = await requireResident(db, territory, viewer);
  const rows = await db
    .selectFrom('carpool_matches as m')
    .innerJoin('users as d', 'd.id', 'm.driver_id')
    .innerJoin('users as p', 'p.id', 'm.passenger_id')
    .selectAll('m')
    .select(['d.display_name as driver_name', 'p.display_name as passenger_name'])
    .where('m.territory_id', '=', territory.id)
    .where((eb) => eb.or([eb('m.driver_id', '=', actor.userId), eb('m.passenger_id', '=', actor.userId)]))
    .orderBy('m.starts_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((m) => {
    const side = m.driver_id === actor.userId ? ('driver' as const) : ('passenger' as const);
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
    };
  });
}
