/**
 * @module The reminder to confirm a ride: once a ride's time has passed, each of its people who has not yet said it
 * happened is asked once ("a-t-il eu lieu ?"), with a link to the ride. `confirm_reminded_at` (migration 0018) makes
 * it once, across runs and processes: a ride is claimed under its row lock in the unit of work that tells them.
 */
import type { Deps } from '../core/unit-of-work.ts';
import { inUnitOfWork } from '../core/unit-of-work.ts';
import { tellRide } from './notices.ts';

/** How often the job looks for rides to remind. */
export const CONFIRM_REMINDER_EVERY_MS = 15 * 60_000;
/** A ride is taken as over this long after its start (most rides in a metropolis last well under an hour). */
export const REMIND_AFTER_MS = 2 * 3_600_000;
/** Older rides are not reminded: a first run on an old database asks nobody about last month. */
export const REMIND_WITHIN_MS = 7 * 86_400_000;
/** Rides reminded per run at most; the next run takes the rest. */
const BATCH = 500;

export interface ReminderReport {
  rides: number;
  people: number;
  mailed: number;
}

/** Reminds the people of every ride over and not yet reminded; each ride is reminded once. */
export async function remindToConfirm(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>): Promise<ReminderReport> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('carpool_matches')
    .select('id')
    .where('confirm_reminded_at', 'is', null)
    .where('status', 'in', ['accepted', 'done'])
    .where('starts_at', '<=', new Date(now.getTime() - REMIND_AFTER_MS))
    .where('starts_at', '>', new Date(now.getTime() - REMIND_WITHIN_MS))
    .orderBy('starts_at')
    .limit(BATCH)
    .execute();
  const report: ReminderReport = { rides: 0, people: 0, mailed: 0 };
  for (const { id } of due) {
    const told = await inUnitOfWork(deps, async (work) => {
      const ride = await work.db
        .selectFrom('carpool_matches as m')
        .innerJoin('territories as t', 't.id', 'm.territory_id')
        .select(['m.id', 'm.trip_date', 'm.starts_at', 'm.status', 'm.driver_id', 'm.passenger_id', 'm.driver_confirmed_at', 'm.passenger_confirmed_at', 'm.confirm_reminded_at', 't.id as territory_id', 't.slug', 't.name'])
        .where('m.id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!ride || ride.confirm_reminded_at !== null || (ride.status !== 'accepted' && ride.status !== 'done')) return null;
      await work.db.updateTable('carpool_matches').set({ confirm_reminded_at: now }).where('id', '=', ride.id).execute();
      const to = [ride.driver_confirmed_at === null ? ride.driver_id : null, ride.passenger_confirmed_at === null ? ride.passenger_id : null].filter((u): u is string => u !== null);
      if (to.length === 0) return { notified: 0, mailed: 0 };
      return tellRide(work, deps, { id: ride.territory_id, slug: ride.slug, name: ride.name }, ride, { notice: 'confirm_reminder', from: null, to });
    });
    if (!told) continue;
    report.rides += 1;
    report.people += told.notified;
    report.mailed += told.mailed;
  }
  return report;
}
