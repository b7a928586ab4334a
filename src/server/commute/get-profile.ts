/** @module Reading and deleting one's commute profile. */
import type { Executor } from '../core/database/schema.ts';
import { cellCenter } from '../core/geo.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { toHHMM } from '../core/time-of-day.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { requireResident } from '../territories/index.ts';
import type { ProfileView } from './schemas.ts';

export type { ProfileView } from './schemas.ts';

/** Where a profile's distance comes from, shown with it. */
export const DISTANCE_SOURCE = 'great-circle distance between the two cells × 1.3 road factor';

/** The stored profile of a person in a territory, or undefined. */
export async function findProfile(db: Executor, territoryId: string, userId: string): Promise<ProfileView | undefined> {
  const r = await db.selectFrom('commute_profiles').selectAll().where('territory_id', '=', territoryId).where('user_id', '=', userId).executeTakeFirst();
  if (!r) return undefined;
  return {
    homeCell: r.home_cell,
    workCell: r.work_cell,
    homeCenter: cellCenter(r.home_cell),
    workCenter: cellCenter(r.work_cell),
    meetingPoints: r.meeting_points,
    weekdays: r.weekdays,
    out: { start: toHHMM(r.out_start), end: toHHMM(r.out_end) },
    back: { start: toHHMM(r.back_start), end: toHHMM(r.back_end) },
    usualMode: r.usual_mode,
    carOccupancy: r.car_occupancy,
    distanceKm: r.distance_km,
    distanceSource: DISTANCE_SOURCE,
    updatedAt: r.updated_at,
  };
}

export async function getProfile({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<ProfileView | null> {
  const actor = await requireResident(db, territory, viewer);
  return (await findProfile(db, territory.id, actor.userId)) ?? null;
}

export async function deleteProfile({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<void> {
  const actor = await requireResident(db, territory, viewer);
  await db.deleteFrom('commute_profiles').where('territory_id', '=', territory.id).where('user_id', '=', actor.userId).execute();
}
