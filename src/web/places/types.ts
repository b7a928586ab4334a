/** @module Places answers as the web app reads them: the server's response schemas (dates as ISO strings) and its refusal reasons. */
import type { Wire } from '../core/wire.ts';
import type {
  ImportReport,
  MeetingPoint as ServerMeetingPoint,
  MeetingPointBody,
  MeetingPointList as ServerMeetingPointList,
  MeetingPointPatch,
  NearestAnswer as ServerNearestAnswer,
  PlaceCandidate,
  PlacesReason,
  ReverseAnswer,
  SearchAnswer,
} from '../../server/places/schemas.ts';
import type { MeetingPointKind, PlaceKind } from '../../server/places/schemas.ts';

export type { ImportReport, MeetingPointBody, MeetingPointKind, MeetingPointPatch, PlaceCandidate, PlaceKind, PlacesReason, ReverseAnswer, SearchAnswer };
export type MeetingPoint = Wire<ServerMeetingPoint>;
export type MeetingPointList = Wire<ServerMeetingPointList>;
export type NearestAnswer = Wire<ServerNearestAnswer>;

/** The kinds in the order forms offer them (the server's MEETING_POINT_KINDS). */
export const MEETING_POINT_KINDS: readonly MeetingPointKind[] = ['park_and_ride', 'tram_stop', 'bus_stop', 'car_park', 'station', 'other'];

const seg = encodeURIComponent;
export const placesApi = {
  search: (t: string, q: string, near?: { lat: number; lon: number }) =>
    `/territories/${seg(t)}/places/search?q=${seg(q)}${near ? `&lat=${near.lat}&lon=${near.lon}` : ''}`,
  reverse: (t: string, lat: number, lon: number) => `/territories/${seg(t)}/places/reverse?lat=${lat}&lon=${lon}`,
  meetingPoints: (t: string, includeInactive = false) => `/territories/${seg(t)}/places/meeting-points${includeInactive ? '?includeInactive=true' : ''}`,
  meetingPoint: (t: string, id: string) => `/territories/${seg(t)}/places/meeting-points/${seg(id)}`,
  import: (t: string) => `/territories/${seg(t)}/places/meeting-points/import`,
};
