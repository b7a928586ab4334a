/** @module A point clicked on a map → the place people recognise there (`GET …/places/reverse`), for a map to hand the picker's form. */
import { getApi } from '../core/api.ts';
import { placesApi, type PlaceCandidate, type ReverseAnswer } from './types.ts';

/** The place at a point; rejects with an ApiError (400 `outside_territory` outside the territory, 502/503 when the address service fails). */
export async function reversePlace(slug: string, point: { lat: number; lon: number }, signal?: AbortSignal): Promise<PlaceCandidate> {
  return (await getApi<ReverseAnswer>(placesApi.reverse(slug, point.lat, point.lon), signal)).place;
}
