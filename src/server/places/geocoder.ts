/**
 * @module The geocoding port: typed text → places people recognise, and a point → the place it is in. Two adapters:
 * the Base Adresse Nationale address API when GEOCODER_URL is set (ban-geocoder.ts), and the offline default
 * (offline-geocoder.ts: the territory's communes and meeting points, a click on the map). Answers are used to pick an
 * H3 cell and a public point; no capability stores the address itself (docs/places.md).
 */
import type { LatLon, PlaceKind } from './model.ts';

export interface PlaceCandidate {
  /** What people read: « 8 Boulevard du Port 80000 Amiens », « Parking relais Valmy », « Chenôve ». */
  label: string;
  lat: number;
  lon: number;
  /** The commune's INSEE code; null when the geocoder does not know it. */
  communeCode: string | null;
  kind: PlaceKind;
  /** Set when the candidate is one of the territory's meeting points. */
  meetingPointId?: string;
  /** How well it answers the text, 0 to 1 (search only). */
  score?: number;
}

export interface Geocoder {
  /** Where the answers come from, for the client to say so (« Base Adresse Nationale »). */
  readonly source: 'ban' | 'offline';
  /** Candidates for typed text, best first; `near` favours those around a point. */
  search(text: string, options: { near?: LatLon | undefined; limit: number }): Promise<PlaceCandidate[]>;
  /** The place a point is in or at, or null when the geocoder knows none there. */
  reverse(point: LatLon): Promise<PlaceCandidate | null>;
}
