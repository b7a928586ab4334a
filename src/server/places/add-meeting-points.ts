/** @module Meeting points added in bulk without a request (the demo seed): each placed in its commune; those outside the territory are left out. */
import type { Executor } from '../core/database/schema.ts';
import type { MeetingPointKind } from './model.ts';
import { communeOfPoint } from './offline-geocoder.ts';

export interface NewMeetingPoint {
  name: string;
  kind: MeetingPointKind;
  lat: number;
  lon: number;
  notes: string | null;
}

/** Adds the points whose name the territory does not have yet; returns how many were added. */
export async function addMeetingPoints(db: Executor, territoryId: string, points: readonly NewMeetingPoint[]): Promise<number> {
  const known = new Set((await db.selectFrom('meeting_points').select('name').where('territory_id', '=', territoryId).execute()).map((r) => r.name));
  let added = 0;
  for (const point of points) {
    if (known.has(point.name)) continue;
    const commune = await communeOfPoint(db, territoryId, point);
    if (!commune) continue;
    await db
      .insertInto('meeting_points')
      .values({ territory_id: territoryId, name: point.name, kind: point.kind, lat: point.lat, lon: point.lon, commune_code: commune.code, notes: point.notes, gtfs_stop_id: null })
      .execute();
    known.add(point.name);
    added += 1;
  }
  return added;
}
