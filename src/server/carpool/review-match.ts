/** @module Operators review carpools held by the fraud rules: cleared ones count, rejected ones never do. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { PendingReview } from './schemas.ts';
import { AppError, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { countGesturesOf } from '../impact/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';

/** The review queue: pseudonymous (ids, date, distance, flags) — no names are needed to apply the rules. */
export async function listPendingReviews({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<PendingReview[]> {
  await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  return db
    .selectFrom('carpool_matches')
    .select(['id', 'trip_date as date', 'starts_at as startsAt', 'shared_km as sharedKm', 'detour_km as detourKm', 'fraud_flags as flags', 'driver_id as driverId', 'passenger_id as passengerId', 'driver_confirmed_at as driverConfirmedAt', 'passenger_confirmed_at as passengerConfirmedAt'])
    .where('territory_id', '=', territory.id)
    .where('review_status', '=', 'pending')
    .orderBy('starts_at')
    .limit(500)
    .execute();
}

export interface ReviewInput {
  matchId: string;
  decision: 'cleared' | 'rejected';
  reason: string;
}

/** Clears or rejects a held ride (audited); its gestures count or stay uncounted. Publishes nothing. */
export async function reviewMatch({ db }: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, input: ReviewInput): Promise<void> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  await db.transaction().execute(async (trx) => {
    const match = await trx.selectFrom('carpool_matches').select(['id', 'review_status']).where('territory_id', '=', territory.id).where('id', '=', input.matchId).forUpdate().executeTakeFirst();
    if (!match) throw notFound('Match');
    if (match.review_status !== 'pending') throw new AppError('conflict', 'This ride is not waiting for review.');
    await trx.updateTable('carpool_matches').set({ review_status: input.decision }).where('id', '=', match.id).execute();
    await countGesturesOf(trx, { territoryId: territory.id, sourceType: 'carpool_match', sourceId: match.id }, input.decision === 'cleared');
    await recordAudit(trx, { territoryId: territory.id, actorId: actor.userId, action: 'carpool.reviewed', subjectType: 'carpool_match', subjectId: match.id, reason: input.reason, details: { decision: input.decision }, requestId });
  });
}
