/**
 * @module The meeting point a match proposes: the territory's active public meeting point (park-and-ride, tram stop,
 * car park…, kept by the places capability) nearest the passenger's start, when one is within walking distance.
 * Otherwise none: the two people agree on a place in their messages. The passenger's exact start is never stored.
 */
import type { Executor } from '../core/database/schema.ts';
import type { LatLng } from '../core/geo.ts';
import { nearestMeetingPoints } from '../places/index.ts';

export interface ProposedMeetingPoint {
  name: string;
  lat: number;
  lng: number;
}

/** How far a passenger is asked to walk to a proposed meeting point, straight line. */
export const MEETING_POINT_WALK_M = 1_500;

/** The meeting point proposed for a ride picking up a passenger near `passengerStart`, or null when none is near. */
export async function proposeMeetingPoint(db: Executor, territoryId: string, passengerStart: LatLng): Promise<ProposedMeetingPoint | null> {
  const [nearest] = await nearestMeetingPoints(db, territoryId, { lat: passengerStart.lat, lon: passengerStart.lng }, 1);
  if (!nearest || nearest.distanceM > MEETING_POINT_WALK_M) return null;
  return { name: nearest.name, lat: nearest.lat, lng: nearest.lon };
}
