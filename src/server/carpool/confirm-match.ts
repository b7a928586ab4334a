/** @module Each party confirms the ride happened: proof class B, then C; fraud rules may hold it for review. */
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { countGesturesOf } from '../impact/index.ts';
import { currentFactors } from '../impact/index.ts';
import { othersThisWeek, type NotAlone } from '../impact/index.ts';
import { recordGesture } from '../impact/index.ts';
import { requireResident } from '../territories/index.ts';
import { fraudFlags, type TripRecord } from './fraud.ts';
import { findPartyMatch, proofClass, type MatchRow } from './match-access.ts';
import { otherParty, tellRide } from './notices.ts';
import { rideImpact } from './ride-impact.ts';

const SPEED_KM_PER_MIN = 0.5; // 30 km/h, the router's urban speed: a ride's end for the overlap rule

function asRecord(m: Pick<MatchRow, 'id' | 'starts_at' | 'driver_km' | 'detour_km' | 'shared_km'>, userId: string): TripRecord {
  const minutes = (m.driver_km + m.detour_km) / SPEED_KM_PER_MIN;
  return { id: m.id, userId, start: m.starts_at, end: new Date(m.starts_at.getTime() + minutes * 60_000), km: m.shared_km };
}

/** The person's other confirmed rides around that day, for the registry's frequency and overlap rules. */
async function otherRides(trx: Executor, userId: string, m: MatchRow): Promise<TripRecord[]> {
  const rows = await trx
    .selectFrom('carpool_matches')
    .select(['id', 'starts_at', 'driver_km', 'detour_km', 'shared_km'])
    .where((eb) => eb.or([eb('driver_id', '=', userId), eb('passenger_id', '=', userId)]))
    .where('id', '<>', m.id)
    .where('status', '=', 'done')
    .where('starts_at', '>', new Date(m.starts_at.getTime() - 86_400_000))
    .where('starts_at', '<', new Date(m.starts_at.getTime() + 86_400_000))
    .execute();
  return rows.map((r) => asRecord(r, userId));
}

export async function confirmMatch(
  deps: Pick<Deps, 'db' | 'clock' | 'bus' | 'config'>,
  { territory, viewer }: RequestScope,
  input: { matchId: string },
): Promise<{ proofClass: 'B' | 'C' | null; flags: string[]; counted: boolean; notAlone: NotAlone }> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const factors = await currentFactors(db, territory.id);
  const result = await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const { match, side } = await findPartyMatch(trx, territory.id, input.matchId, actor.userId, true);
    if (match.status !== 'accepted' && match.status !== 'done') throw new AppError('conflict', `A ${match.status} ride cannot be confirmed.`);
    if (match.starts_at > deps.clock.now()) throw new AppError('conflict', 'A ride is confirmed once it has happened.');
    if ((side === 'driver' ? match.driver_confirmed_at : match.passenger_confirmed_at) !== null) {
      throw new AppError('conflict', 'You already confirmed this ride.');
    }
    const flags = [...new Set([...match.fraud_flags, ...fraudFlags(asRecord(match, actor.userId), await otherRides(trx, actor.userId, match))])];
    const review = flags.length > 0 && match.review_status === 'none' ? 'pending' : match.review_status;
    const now = deps.clock.now();
    const updated = await trx
      .updateTable('carpool_matches')
      .set({
        status: 'done',
        driver_confirmed_at: side === 'driver' ? now : match.driver_confirmed_at,
        passenger_confirmed_at: side === 'passenger' ? now : match.passenger_confirmed_at,
        fraud_flags: flags,
        review_status: review,
      })
      .where('id', '=', match.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const counted = review === 'none' || review === 'cleared';
    const impact = rideImpact(match.shared_km, match.detour_km, factors.factors);
    await recordGesture(trx, {
      territoryId: territory.id,
      userId: actor.userId,
      kind: 'carpool',
      mode: side,
      occurredOn: match.trip_date,
      km: match.shared_km,
      co2eKg: impact.perPerson.co2eKg,
      carKm: impact.perPerson.carKm,
      euros: impact.perPerson.euros,
      factorsVersion: factors.version,
      sourceType: 'carpool_match',
      sourceId: match.id,
      counted,
      idempotencyKey: `carpool:${match.id}:${actor.userId}`,
    });
    // A flag found now also holds the other party's gesture, already recorded, until review.
    if (!counted) await countGesturesOf(trx, { territoryId: territory.id, sourceType: 'carpool_match', sourceId: match.id }, false);
    work.publish('gesture.recorded', { territoryId: territory.id, userId: actor.userId });
    // The other person is asked to confirm too, or, when they already have, told the ride now counts for both.
    const otherConfirmed = (side === 'driver' ? match.passenger_confirmed_at : match.driver_confirmed_at) !== null;
    await tellRide(work, deps, territory, match, { notice: otherConfirmed ? 'confirmed_both' : 'confirmed', from: actor.userId, to: [otherParty(match, actor.userId)] });
    return { proofClass: proofClass(updated), flags, counted, date: match.trip_date };
  });
  const notAlone = await othersThisWeek(db, { territoryId: territory.id, userId: actor.userId, date: result.date, kind: 'carpool', minGroup: deps.config.privacyMinGroup });
  return { proofClass: result.proofClass, flags: result.flags, counted: result.counted, notAlone };
}
