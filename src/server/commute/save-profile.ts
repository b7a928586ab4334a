/** @module A resident describes their usual commute; places are stored as H3 cells, never as points. */
import { cellCenter, toCell } from '../core/geo.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { toMinutes } from '../core/time-of-day.ts';
import { crowFliesRouter } from '../core/router.ts';
import { requireResident } from '../territories/index.ts';
import { communeAt } from '../territories/index.ts';
import { checkWindow } from './model.ts';
import { findProfile } from './get-profile.ts';
import type { ProfileInput, ProfileView } from './schemas.ts';

const router = crowFliesRouter();

/** Saves the viewer's profile; `updatedAt` is the clock's now. */
export async function saveProfile(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: ProfileInput): Promise<ProfileView> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const [outStart, outEnd, backStart, backEnd] = [input.out.start, input.out.end, input.back.start, input.back.end].map(toMinutes) as [number, number, number, number];
  checkWindow(outStart, outEnd, '/out');
  checkWindow(backStart, backEnd, '/back');
  await communeAt(db, territory.id, input.home, '/home');
  await communeAt(db, territory.id, input.work, '/work');
  for (const [i, point] of (input.meetingPoints ?? []).entries()) await communeAt(db, territory.id, point, `/meetingPoints/${i}`);
  const homeCell = toCell(input.home);
  const workCell = toCell(input.work);
  const distanceKm = Math.round(router.leg(cellCenter(homeCell), cellCenter(workCell)).km * 10) / 10;
  const row = {
    territory_id: territory.id,
    user_id: actor.userId,
    home_cell: homeCell,
    work_cell: workCell,
    meeting_points: JSON.stringify(input.meetingPoints ?? []),
    weekdays: [...input.weekdays].sort(),
    out_start: outStart,
    out_end: outEnd,
    back_start: backStart,
    back_end: backEnd,
    usual_mode: input.usualMode,
    car_occupancy: input.carOccupancy ?? 1,
    distance_km: distanceKm,
    updated_at: deps.clock.now(),
  };
  await db
    .insertInto('commute_profiles')
    .values(row)
    .onConflict((oc) => oc.columns(['territory_id', 'user_id']).doUpdateSet(row))
    .execute();
  return (await findProfile(db, territory.id, actor.userId))!;
}
