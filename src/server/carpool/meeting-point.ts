/**
 * @module The seam where a match gets a proposed meeting point. The places capability keeps the territory's public
 * meeting points (park-and-ride, tram stops, car parks); a match should propose the one nearest the passenger's
 * start that the driver passes with little detour. Until places offers that through its public entry, no point is
 * proposed (null) and the match page shows none; plugging it in is a change of this one function.
 */
import type { Executor } from '../core/database/schema.ts';
import type { LatLng } from '../core/geo.ts';

export interface ProposedMeetingPoint {
  name: string;
  lat: number;
  lng: number;
}

/** The meeting point proposed for a ride picking up a passenger near `passengerStart`; none yet (see above). */
export async function proposeMeetingPoint(_db: Executor, _territoryId: string, _passengerStart: LatLng): Promise<ProposedMeetingPoint | null> {
  return null;
}
