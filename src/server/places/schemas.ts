/** @module Request and response schemas of places routes, the types its use-cases return, and the reasons its refusals carry. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable, PROBLEM_MEDIA_TYPE, problemResponsesFor, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { STOP_REJECTIONS } from './gtfs.ts';
import { MEETING_POINT_KINDS, PLACE_KINDS } from './model.ts';

/** Every `reason` a places refusal carries, for clients to branch on. */
export const PLACES_REASONS = ['geocoder_unavailable', 'geocoder_bad_answer', 'outside_territory', 'malformed_file', 'lat_and_lon'] as const;
export type PlacesReason = (typeof PLACES_REASONS)[number];

const problems = problemResponsesFor(PLACES_REASONS);
const problemSchema = problems[500].content[PROBLEM_MEDIA_TYPE].schema;
/** The problems of every places route, and the two a remote geocoder may add (GEOCODER_URL). */
export const placesProblems = problems;
export const geocoderProblems = {
  ...problems,
  502: { description: 'The address service (GEOCODER_URL) answered with an error or something that is not its format (reason `geocoder_bad_answer`)', content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } } },
  503: { description: 'The address service (GEOCODER_URL) did not answer within GEOCODER_TIMEOUT_MS, cannot be reached or is busy (reason `geocoder_unavailable`)', content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } } },
};

const Lat = Type.Number({ minimum: -90, maximum: 90, description: 'latitude, WGS 84 decimal degrees' });
const Lon = Type.Number({ minimum: -180, maximum: 180, description: 'longitude, WGS 84 decimal degrees' });

export const MeetingPointKind = StringEnum(MEETING_POINT_KINDS, 'park_and_ride, tram_stop, bus_stop, car_park, station or other');
export const PlaceKind = StringEnum(PLACE_KINDS, 'housenumber, street, locality, municipality (an address and its precision), meeting_point, or point (a click on the map)');
export type MeetingPointKind = Static<typeof MeetingPointKind>;
export type PlaceKind = Static<typeof PlaceKind>;

export const PlaceCandidate = Type.Object(
  {
    label: Type.String({ description: 'what people read: an address, a meeting point’s name, a commune' }),
    lat: Type.Number(),
    lon: Type.Number(),
    communeCode: Nullable(Type.String({ description: 'INSEE code of the commune' })),
    kind: PlaceKind,
    meetingPointId: Type.Optional(Type.String({ description: 'set when the place is one of the territory’s meeting points' })),
    score: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { description: 'A place people recognise. Use it to pick an H3 cell and a public point; never store the label of an address.' },
);
export type PlaceCandidate = Static<typeof PlaceCandidate>;

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'what the person typed' }),
    lat: Type.Optional(Lat),
    lon: Type.Optional(Lon),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;
export const SearchAnswer = Type.Object({
  source: StringEnum(['ban', 'offline'] as const, 'ban: the Base Adresse Nationale (GEOCODER_URL) and the meeting points; offline: the communes and meeting points'),
  items: Type.Array(PlaceCandidate),
});
export type SearchAnswer = Static<typeof SearchAnswer>;

export const PointQuery = Type.Object({ lat: Lat, lon: Lon }, { additionalProperties: false });
export type PointQuery = Static<typeof PointQuery>;
export const ReverseAnswer = Type.Object({ source: SearchAnswer.properties.source, place: PlaceCandidate });
export type ReverseAnswer = Static<typeof ReverseAnswer>;

export const MeetingPoint = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: MeetingPointKind,
  lat: Type.Number(),
  lon: Type.Number(),
  communeCode: Type.String(),
  communeName: Type.String(),
  notes: Nullable(Type.String()),
  active: Type.Boolean({ description: 'false once an operator deactivated it: no longer offered, still readable' }),
  gtfsStopId: Nullable(Type.String({ description: 'the GTFS stop_id it was imported from' })),
  updatedAt: DateTime,
});
export type MeetingPoint = Static<typeof MeetingPoint>;
export const MeetingPointList = Type.Object({ items: Type.Array(MeetingPoint) });
export type MeetingPointList = Static<typeof MeetingPointList>;

export const ListQuery = Type.Object(
  { includeInactive: Type.Optional(Type.Boolean({ description: 'operators and admins: the deactivated ones too' })) },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

export const NearestQuery = Type.Object(
  { lat: Lat, lon: Lon, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) },
  { additionalProperties: false },
);
export type NearestQuery = Static<typeof NearestQuery>;
export const NearMeetingPoint = Type.Intersect([MeetingPoint, Type.Object({ distanceM: Type.Number({ description: 'straight-line distance, rounded to 10 m' }) })]);
export type NearMeetingPoint = Static<typeof NearMeetingPoint>;
export const NearestAnswer = Type.Object({ items: Type.Array(NearMeetingPoint) });
export type NearestAnswer = Static<typeof NearestAnswer>;

export const MeetingPointParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });

const Name = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' });
const Notes = Nullable(Type.String({ minLength: 1, maxLength: 500, description: 'how to find it, opening hours…; never a person' }));
export const MeetingPointBody = Type.Object(
  { name: Name, kind: MeetingPointKind, lat: Lat, lon: Lon, notes: Type.Optional(Notes) },
  { additionalProperties: false },
);
export type MeetingPointBody = Static<typeof MeetingPointBody>;
export const MeetingPointPatch = Type.Object(
  {
    name: Type.Optional(Name),
    kind: Type.Optional(MeetingPointKind),
    lat: Type.Optional(Lat),
    lon: Type.Optional(Lon),
    notes: Type.Optional(Notes),
    active: Type.Optional(Type.Boolean({ description: 'false deactivates it, true offers it again' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MeetingPointPatch = Static<typeof MeetingPointPatch>;

/** The largest stops.txt the import route takes, in characters. */
export const MAX_STOPS_FILE = 1_000_000;
export const ImportBody = Type.Object(
  {
    file: Type.String({ maxLength: MAX_STOPS_FILE, description: 'the text of a GTFS stops.txt (UTF-8 CSV)' }),
    kind: Type.Optional(StringEnum(MEETING_POINT_KINDS, 'the kind of the imported stops (stations are imported as station); bus_stop unless told')),
  },
  { additionalProperties: false },
);
export type ImportBody = Static<typeof ImportBody>;
export const ImportReport = Type.Object({
  imported: Type.Integer({ minimum: 0, description: 'new meeting points' }),
  updated: Type.Integer({ minimum: 0, description: 'meeting points with the same stop_id whose name or place changed' }),
  unchanged: Type.Integer({ minimum: 0, description: 'meeting points with the same stop_id, already as the file says' }),
  rejected: Type.Array(
    Type.Object({
      line: Type.Integer({ minimum: 2 }),
      stopId: Nullable(Type.String()),
      reason: StringEnum(STOP_REJECTIONS),
      detail: Type.String(),
    }),
    { description: 'rows not imported, with their line in the file and why' },
  ),
});
export type ImportReport = Static<typeof ImportReport>;
