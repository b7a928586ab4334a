/** @module A resident records a trip made by bike, on foot, by public transport, carpool or telework, measured against the trip it replaced. */
import { AppError, invalid } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { localDate } from '../core/time-of-day.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { findProfile } from '../commute/index.ts';
import { requireResident } from '../territories/index.ts';
import { checkPlausibleTrip, resolveCounterfactual } from './counterfactual.ts';
import { currentFactors } from './factor-store.ts';
import { modeSwitchImpact } from './impact.ts';
import { othersThisWeek } from './not-alone.ts';
import { recordGesture } from './record-gesture.ts';
import type { ModeSwitchInput, RecordedModeSwitch } from './schemas.ts';

export type { ModeSwitchInput, RecordedModeSwitch } from './schemas.ts';

/** How far back a gesture may be recorded: a week covers "I forgot to log it on Monday". */
export const BACKFILL_DAYS = 7;

export async function recordModeSwitch(deps: Deps, { territory, viewer }: RequestScope, trip: ModeSwitchInput): Promise<RecordedModeSwitch> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const today = localDate(deps.clock.now());
  const earliest = localDate(new Date(deps.clock.now().getTime() - BACKFILL_DAYS * 86_400_000));
  if (trip.date > today) throw invalid('/date', 'A trip is recorded once it is made, not in advance.');
  if (trip.date < earliest) throw invalid('/date', `Trips can be recorded up to ${BACKFILL_DAYS} days back.`);
  const profile = await findProfile(db, territory.id, actor.userId);
  const km = trip.km ?? profile?.distanceKm;
  if (km === undefined) throw invalid('/km', 'Give the distance, or describe your commute so Maille can use it.');
  checkPlausibleTrip(trip.mode, km, '/km', trip.km === undefined);
  const counterfactual = resolveCounterfactual(trip.insteadOf, profile);
  const { version, factors } = await currentFactors(db, territory.id);
  const impact = modeSwitchImpact(trip.mode, km, factors, trip.occupants ?? 2, counterfactual);
  const recorded = await inUnitOfWork(deps, async (work) => {
    const gesture = await recordGesture(work.db, {
      territoryId: territory.id,
      userId: actor.userId,
      kind: 'mode_switch',
      mode: trip.mode,
      occurredOn: trip.date,
      km,
      co2eKg: impact.co2eKg,
      carKm: impact.carKm,
      euros: impact.euros,
      factorsVersion: version,
      counterfactual,
      idempotencyKey: `mode_switch:${actor.userId}:${trip.date}:${trip.leg}`,
    });
    if (gesture.created) work.publish('gesture.recorded', { territoryId: territory.id, userId: actor.userId });
    return gesture;
  });
  if (!recorded.created) {
    // A retry returns the first record; a different trip on the same leg and day is a mistake to point out.
    const first = await db.selectFrom('gestures').select(['mode', 'km', 'instead_of']).where('id', '=', recorded.id).executeTakeFirstOrThrow();
    if (first.mode !== trip.mode || Math.abs(first.km - km) > 0.001 || first.instead_of !== counterfactual.insteadOf) {
      throw new AppError('conflict', `A ${first.mode ?? ''} trip of ${first.km} km is already recorded for this leg on ${trip.date}.`, { field: '/leg' });
    }
  }
  const notAlone = await othersThisWeek(db, { territoryId: territory.id, userId: actor.userId, date: trip.date, kind: 'mode_switch', minGroup: deps.config.privacyMinGroup });
  return {
    id: recorded.id,
    created: recorded.created,
    mode: trip.mode,
    occurredOn: trip.date,
    km,
    kmSource: trip.km === undefined ? 'profile' : 'entered',
    counterfactual,
    co2eKg: impact.co2eKg,
    carKm: impact.carKm,
    euros: impact.euros,
    factorsVersion: version,
    explanation: impact.explanation,
    lines: impact.lines,
    notAlone,
  };
}
