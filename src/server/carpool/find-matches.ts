/** @module The ranked, explained matches for one of the viewer's trips. */
import { AppError } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { currentFactors } from '../impact/index.ts';
import { requireResident } from '../territories/index.ts';
import { blockedAmong } from '../moderation/index.ts';
import { proposeMeetingPoint } from './meeting-point.ts';
import { rideImpact } from './ride-impact.ts';
import { findOwnTrip, toTripView } from './list-trips.ts';
import { carpoolIndexes, loadIndexedTrips } from './trip-store.ts';
import type { ProposedMatch } from './schemas.ts';

export type { ProposedMatch } from './schemas.ts';

export async function findMatches(deps: Pick<Deps, 'db' | 'bus'>, { territory, viewer }: RequestScope, input: { tripId: string; limit: number }): Promise<ProposedMatch[]> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const row = await findOwnTrip(db, territory.id, actor.userId, input.tripId);
  if (row.status !== 'open') throw new AppError('conflict', 'This trip is closed.');
  const [trip] = await loadIndexedTrips(db, [row]);
  const { index } = await carpoolIndexes(deps).matcher(territory.id);
  // Ask for more than shown: each driver's own accepted detour may be stricter than the territory's.
  const candidates = index.topMatches(trip!, input.limit * 3);
  if (candidates.length === 0) return [];
  const otherIds = candidates.map((m) => (row.role === 'driver' ? m.passengerTripId : m.driverTripId));
  const others = await db
    .selectFrom('carpool_trips as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('t')
    .select('u.display_name')
    .where('t.id', 'in', otherIds)
    .where('t.status', '=', 'open')
    .execute();
  // People who blocked the viewer, or whom the viewer blocked, are never offered as a match.
  const blocked = await blockedAmong(db, actor.userId, others.map((o) => o.user_id));
  const byId = new Map(others.filter((o) => !blocked.has(o.user_id)).map((o) => [o.id, o]));
  const factors = await currentFactors(db, territory.id);
  const out: ProposedMatch[] = [];
  for (const m of candidates) {
    const other = byId.get(row.role === 'driver' ? m.passengerTripId : m.driverTripId);
    if (!other) continue;
    const driverShare = row.role === 'driver' ? row.max_detour_share : other.max_detour_share;
    if (m.detourKm > driverShare * m.driverKm + 1e-9) continue;
    const impact = rideImpact(m.sharedKm, m.detourKm, factors.factors);
    const passengerStart = row.role === 'passenger' ? { lat: row.origin_lat, lng: row.origin_lng } : { lat: other.origin_lat, lng: other.origin_lng };
    out.push({
      trip: toTripView(other),
      person: { displayName: other.display_name ?? '' },
      detourKm: m.detourKm,
      detourMin: m.detourMin,
      timeGapMin: m.timeGapMin,
      sharedCommunity: m.sharedCommunity,
      sharedKm: m.sharedKm,
      driverKm: m.driverKm,
      co2eSavedKg: impact.rideCo2eKg,
      factorsVersion: factors.version,
      meetingPoint: await proposeMeetingPoint(db, territory.id, passengerStart),
      explanation: `${m.sharedCommunity ? 'Shared community · ' : ''}detour ${m.detourKm} km / ${m.detourMin} min · time gap ${m.timeGapMin} min · ${impact.rideCo2eKg} kg CO2e saved (factors v${factors.version})`,
    });
    if (out.length >= input.limit) break;
  }
  return out;
}
