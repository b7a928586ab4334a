/** @module Request and response schemas of commute profiles. */
import { Type, type Static } from 'typebox';
import { DateTime, StringEnum } from '../core/http/schemas.ts';
import { HHMM_PATTERN } from '../core/time-of-day.ts';
import { COMMUTE_MODES } from './model.ts';

export const Point = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
export const MeetingPoint = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 80 }), lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
export const Window = Type.Object(
  { start: Type.String({ pattern: HHMM_PATTERN }), end: Type.String({ pattern: HHMM_PATTERN }) },
  { additionalProperties: false },
);
export const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true });
export const Mode = StringEnum(COMMUTE_MODES);

export const ProfileBody = Type.Object(
  {
    home: Point,
    work: Point,
    meetingPoints: Type.Optional(Type.Array(MeetingPoint, { maxItems: 5 })),
    weekdays: Weekdays,
    out: Window,
    back: Window,
    usualMode: Mode,
    carOccupancy: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
  },
  { additionalProperties: false },
);

/** A saved profile: places as the centres of their H3 cells, never the points that were entered. */
export const Profile = Type.Object({
  homeCell: Type.String(),
  workCell: Type.String(),
  homeCenter: Point,
  workCenter: Point,
  meetingPoints: Type.Array(MeetingPoint),
  weekdays: Type.Array(Type.Integer()),
  out: Window,
  back: Window,
  usualMode: Mode,
  carOccupancy: Type.Integer(),
  distanceKm: Type.Number(),
  distanceSource: Type.String(),
  updatedAt: DateTime,
});

export const ProfileAnswer = Type.Object({ profile: Type.Union([Profile, Type.Null()]) }, { description: 'my commute profile, or null' });
export const SavedProfile = Type.Object({ profile: Profile }, { description: 'the profile as saved' });

export type ProfileInput = Static<typeof ProfileBody>;
export type ProfileView = Static<typeof Profile>;
