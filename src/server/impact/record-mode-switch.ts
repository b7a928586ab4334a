/** @module A resident records a trip made by bike, on foot, by public transport, carpool or telework, measured against the trip it replaced. */
import type { Clock } from '../core/clock.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import type { EventBus } from '../core/events.ts';
import { localDate } from '../core/time-of-day.ts';
import { findProfile } from '../commute/index.ts';
import { requireResident, resolveTerritory } from '../territories/index.ts';
import { checkPlausibleTrip, resolveCounterfactual } from './counterfactual.ts';
import { currentFactors } from './factor-store.ts';
import { modeSwitchImpact } from './impact.ts';
import { othersThisWeek } from './not-alone.ts';
import { recordGesture } from './record-gesture.ts';
import type { ModeSwitchInput, RecordedModeSwitch } from './schemas.ts';

export type { ModeSwitchInput, RecordedModeSwitch } from './schemas.ts';

/** How far back a gesture may be recorded: a week covers "I forgot to log it on Monday". */
export const BACKFILL_DAYS = 7;

export async function recordModeSwitch(
  deps: { db: Database; clock: Clock; bus: EventBus; config: { privacyMinGroup: number } },
  input: { slug: string; viewer: Viewer | null; trip: ModeSwitchInput },
): Promise<RecordedModeSwitch> {
  const { db } = deps;
  const territory = await resolveTerritory(db, input.slug);
  const actor = await requireResident(db, territory, input.viewer);
  const today = localDate(deps.clock.now());
  const earliest = localDate(new Date(deps.clock.now().getTime() - BACKFILL_DAYS * 86_400_000));
  if (input.trip.date > today) throw invalid('/date', 'A trip is recorded once it is made, not in advance.');
  if (input.trip.date < earliest) throw invalid('/date', `Trips can be recorded up to ${BACKFILL_DAYS} days back.`);
  const profile = await findProfile(db, territory.id, actor.userId);
  const km = input.trip.km ?? profile?.distanceKm;
  if (km === undefined) throw invalid('/km', 'Give the distance, or describe your commute so Maille can use it.');
  checkPlausibleTrip(input.trip.mode, km, '/km', input.trip.km === undefined);
  const counterfactual = resolveCounterfactual(input.trip.insteadOf, profile);
  const { version, factors } = await currentFactors(db, territory.id);
  const impact = modeSwitchImpact(input.trip.mode, km, factors, input.trip.occupants ?? 2, counterfactual);
  const recorded = await db.transaction().execute((trx) =>
    recordGesture(trx, {
      territoryId: territory.id,
      userId: actor.userId,
      kind: 'mode_switch',
      mode: input.trip.mode,
      occurredOn: input.trip.date,
      km,
      co2eKg: impact.co2eKg,
      carKm: impact.carKm,
      euros: impact.euros,
      factorsVersion: version,
      counterfactual,
      idempotencyKey: `mode_switch:${actor.userId}:${input.trip.date}:${input.trip.leg}`,
    }),
  );
  if (recorded.created) deps.bus.publish('gesture.recorded', { territoryId: territory.id, userId: actor.userId });
  else {
    // A retry returns the first record; a different trip on the same leg and day is a mistake to point out.
    const first = await db.selectFrom('gestures').select(['mode', 'km', 'instead_of']).where('id', '=', recorded.id).executeTakeFirstOrThrow();
    if (first.mode !== input.trip.mode || Math.abs(first.km - km) > 0.001 || first.instead_of !== counterfactual.insteadOf) {
      throw new AppError('conflict', `A ${first.mode ?? ''} trip of ${first.km} km is already recorded for this leg on ${input.trip.date}.`, { field: '/leg' });
    }
  }
  const notAlone = await othersThisWeek(db, { territoryId: territory.id, userId: actor.userId, date: input.trip.date, kind: 'mode_switch', minGroup: deps.config.privacyMinGroup });
  return {
    id: recorded.id,
    created: recorded.created,
    mode: input.trip.mode,
    occurredOn: input.trip.date,
    km,
    kmSource: input.trip.km === undefined ? 'profile' : 'entered',
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
