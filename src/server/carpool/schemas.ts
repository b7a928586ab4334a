/** @module Request and response schemas of carpooling: trips, explained matches, rides, messages, settings, reviews. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { HHMM_PATTERN } from '../core/time-of-day.ts';
import { NotAloneSchema } from '../impact/index.ts';

/** Finer reasons of carpool's problems: `blocked`, two people of a ride who blocked each other (403). */
export const CARPOOL_REASONS = ['blocked'] as const;
export type CarpoolReason = (typeof CARPOOL_REASONS)[number];

const territory = TerritoryParam.properties.territory;
export const TripParams = Type.Object({ territory, id: IdParam });
export const MatchParams = Type.Object({ territory, matchId: IdParam });

const Role = StringEnum(['driver', 'passenger'] as const);
const Day = Type.String({ format: 'date' });
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true });

export const Place = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    /** Set when the person picked a public meeting point: its name is shown, its exact spot used. */
    meetingPoint: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  },
  { additionalProperties: false },
);
export const Window = Type.Object({ start: Type.String({ pattern: HHMM_PATTERN }), end: Type.String({ pattern: HHMM_PATTERN }) }, { additionalProperties: false });

export const TripBody = Type.Object(
  {
    role: Role,
    origin: Place,
    destination: Place,
    date: Type.Optional(Day),
    weekdays: Type.Optional(Weekdays),
    window: Window,
    seats: Type.Integer({ minimum: 1, maximum: 8 }),
    maxDetourShare: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);
export const ProposeBody = Type.Object({ tripId: IdParam, date: Day }, { additionalProperties: false });
export const CancelBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 300 }) }, { additionalProperties: false });
/** Declining a proposed ride: saying why is kind, not required. */
export const DeclineBody = Type.Object({ reason: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })) }, { additionalProperties: false });
export const MessageBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export const ReviewBody = Type.Object({ decision: StringEnum(['cleared', 'rejected'] as const), reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false });
export const MatchesQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }) }, { additionalProperties: false });

export const Created = Type.Object({ id: Type.String() }, { description: 'created' });

/** One end of a trip: its H3 cell, the point kept (a meeting point, or the cell's centre), the meeting point's name. */
const TripPlace = Type.Object({ cell: Type.String(), lat: Type.Number(), lng: Type.Number(), label: Type.Union([Type.String(), Type.Null()]) });

/** A trip: one-off ones carry a date, recurring ones weekdays. */
export const TripSchema = Type.Object({
  id: Type.String(),
  role: Role,
  origin: TripPlace,
  destination: TripPlace,
  date: Type.Union([Day, Type.Null()]),
  weekdays: Type.Array(Type.Integer()),
  window: Window,
  seats: Type.Integer(),
  maxDetourShare: Type.Number(),
  status: StringEnum(['open', 'closed'] as const),
  createdAt: DateTime,
});

/** A match explained: the other trip, the other person's display name, detour, time gap, shared community, CO2e saved. */
export const ProposedMatchSchema = Type.Object({
  trip: TripSchema,
  person: Type.Object({ displayName: Type.String() }),
  detourKm: Type.Number(),
  detourMin: Type.Number(),
  timeGapMin: Type.Number(),
  sharedCommunity: Type.Boolean(),
  sharedKm: Type.Number(),
  driverKm: Type.Number(),
  co2eSavedKg: Type.Number(),
  factorsVersion: Type.Integer(),
  explanation: Type.String(),
  /**
   * Where the two would meet: a public meeting point near the passenger, proposed by the places capability. Null
   * until places proposes one (carpool/meeting-point.ts is the seam); the page shows it when present.
   */
  meetingPoint: Type.Union([Type.Object({ name: Type.String(), lat: Type.Number(), lng: Type.Number() }), Type.Null()]),
});

export const ProofClass = Type.Union([StringEnum(['B', 'C'] as const, 'French carpool proof registry: B = one party confirmed, C = both'), Type.Null()]);

/** A ride as one of its two parties sees it: the other person's display name only. */
export const RideSchema = Type.Object({
  id: Type.String(),
  side: Role,
  otherPerson: Type.String(),
  /** The other person's account number, to block them (moderation). */
  otherPersonId: Type.String(),
  date: Day,
  startsAt: DateTime,
  status: StringEnum(['proposed', 'accepted', 'done', 'cancelled'] as const),
  seats: Type.Integer(),
  acceptedByMe: Type.Boolean(),
  acceptedByOther: Type.Boolean(),
  confirmedByMe: Type.Boolean(),
  confirmedByOther: Type.Boolean(),
  proofClass: ProofClass,
  detourKm: Type.Number(),
  detourMin: Type.Number(),
  timeGapMin: Type.Number(),
  sharedKm: Type.Number(),
  sharedCommunity: Type.Boolean(),
  reviewStatus: StringEnum(['none', 'pending', 'cleared', 'rejected'] as const),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  /** Cancelled by the person it was proposed to, before they accepted it: declined rather than cancelled. */
  declined: Type.Boolean(),
  /** Whether I cancelled or declined it (false while it is not cancelled). */
  cancelledByMe: Type.Boolean(),
});
/** One of my rides (its page). */
export const RideAnswer = Type.Object(RideSchema.properties, { description: 'the ride as I see it' });

export const Accepted = Type.Object({ status: StringEnum(['proposed', 'accepted'] as const, 'accepted once both parties have') }, { description: 'the ride’s status after this acceptance' });

/** A confirmation: the proof class reached, the fraud flags found, whether the ride counts, and who else did it this week. */
export const ConfirmedSchema = Type.Object({ proofClass: ProofClass, flags: Type.Array(Type.String()), counted: Type.Boolean(), notAlone: NotAloneSchema }, { description: 'the confirmation recorded' });

export const MessageSchema = Type.Object({
  id: Type.String(),
  senderId: Type.Union([Type.String(), Type.Null()]),
  sender: Type.String(),
  body: Type.String(),
  createdAt: DateTime,
  mine: Type.Boolean(),
});

const rules = {
  timeToleranceMin: Type.Integer({ minimum: 0, maximum: 120 }),
  maxDetourShare: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  minSharedShare: Type.Number({ minimum: 0, maximum: 1 }),
  roadFactor: Type.Number({ minimum: 1, maximum: 3 }),
};
export const SettingsBody = Type.Object({ ...rules, reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false });
/** The territory's matching rules and where they come from ('default' until the territory sets its own). */
export const SettingsSchema = Type.Object({ ...rules, source: StringEnum(['default', 'territory'] as const) }, { description: 'the matching rules' });

/** A ride held by the fraud rules, pseudonymous: ids, date, distances, flags — no names. */
export const PendingReviewSchema = Type.Object({
  id: Type.String(),
  date: Day,
  startsAt: DateTime,
  sharedKm: Type.Number(),
  detourKm: Type.Number(),
  flags: Type.Array(Type.String()),
  driverId: Type.String(),
  passengerId: Type.String(),
  driverConfirmedAt: Type.Union([DateTime, Type.Null()]),
  passengerConfirmedAt: Type.Union([DateTime, Type.Null()]),
});

export const Items = <T extends Parameters<typeof Type.Array>[0]>(item: T, description: string) => Type.Object({ items: Type.Array(item) }, { description });

export type TripInput = Static<typeof TripBody>;
export type TripView = Static<typeof TripSchema>;
export type ProposedMatch = Static<typeof ProposedMatchSchema>;
export type RideView = Static<typeof RideSchema>;
export type Confirmed = Static<typeof ConfirmedSchema>;
export type MessageView = Static<typeof MessageSchema>;
export type CarpoolSettings = Static<typeof SettingsSchema>;
export type PendingReview = Static<typeof PendingReviewSchema>;
