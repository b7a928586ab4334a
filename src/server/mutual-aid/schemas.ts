/** @module Response schemas of mutual-aid routes, the types its use-cases return, and the reasons its refusals carry. */
import { Type, type Static, type TNumber } from 'typebox';
import { CalendarDate, DateTime, Nullable, StringEnum, VIEWER_HOOK_REASONS } from '../core/http/schemas.ts';
import { GuardedSchema, SuppressedSchema } from '../core/privacy/small-group.ts';
import { AID_KINDS, AID_STATUSES, AID_TIMES, AID_URGENCIES } from './model.ts';
import type { AidKind } from './tables.ts';

export type { AidKind, AidStatus, AidTime, AidUrgency } from './tables.ts';

/**
 * Every `reason` a mutual-aid refusal carries, and those of a session on behalf (mediation/acting-for.ts) a mediator's
 * request may meet here (a help request filed for a resident).
 */
export const MUTUAL_AID_REASONS = [
  'already_cancelled',
  'already_done',
  'already_thanked',
  'blocked',
  'closed',
  'no_helper_profile',
  'not_author',
  'not_done',
  'not_entitled',
  'not_involved',
  'not_matched',
  'not_offered',
  'not_open',
  'not_requester',
  'own_request',
  // Acting for a resident (mediation/access.ts, mediation/acting-for.ts).
  // The refusals of a session on behalf, before any route runs (core/http/schemas.ts).
  ...VIEWER_HOOK_REASONS,
  'session_required',
] as const;
export type MutualAidReason = (typeof MUTUAL_AID_REASONS)[number];

const Kind = StringEnum(AID_KINDS);
const Status = StringEnum(AID_STATUSES);
const Time = StringEnum(AID_TIMES);
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { description: 'ISO weekdays, 1 Monday … 7 Sunday' });
const LatLng = Type.Object({ lat: Type.Number(), lng: Type.Number() });

const summaryFields = {
  id: Type.String(),
  kind: Kind,
  urgency: StringEnum(AID_URGENCIES),
  window: Type.Object({ from: DateTime, to: DateTime }),
  description: Nullable(Type.String()),
  status: Status,
  communeCode: Type.String(),
  communeName: Type.String(),
  cell: Type.String({ description: 'H3 cell, resolution 8: the coarse place, never the address' }),
  createdAt: DateTime,
  offers: Type.Integer({ description: 'active offers of help' }),
};

/** What anyone entitled to see a request sees: its coarse place only. */
export const RequestSummary = Type.Object(summaryFields);
export type RequestSummary = Static<typeof RequestSummary>;

/** One request as its reader may see it, with how they stand towards it. */
export const RequestView = Type.Object({ ...summaryFields, mine: Type.Boolean(), acceptedMe: Type.Boolean(), myOffer: Type.Boolean() });
export type RequestView = Static<typeof RequestView>;

export const NearbyRequest = Type.Object({
  ...summaryFields,
  approxDistanceKm: Type.Number({ description: 'between the centres of the helper’s home cell and the request’s cell, rounded' }),
  skillMatch: Type.Boolean(),
  myOffer: Type.Boolean(),
});
export type NearbyRequest = Static<typeof NearbyRequest>;

export const NearbyRequests = Type.Object({ hasProfile: Type.Boolean(), radiusKm: Nullable(Type.Number()), items: Type.Array(NearbyRequest) });
export type NearbyRequests = Static<typeof NearbyRequests>;

export const HelpingRequest = Type.Object({
  ...summaryFields,
  myOffer: StringEnum(['active', 'withdrawn'] as const),
  acceptedMe: Type.Boolean(),
  requesterName: Nullable(Type.String({ description: 'only once accepted; the address is read apart' })),
  hours: Nullable(Type.Number()),
  thanks: Nullable(Type.Object({ message: Nullable(Type.String()), at: DateTime })),
});
export type HelpingRequest = Static<typeof HelpingRequest>;

export const OwnRequest = Type.Object({
  ...summaryFields,
  hidden: Type.Boolean(),
  offersReceived: Type.Array(Type.Object({ helperId: Type.String(), name: Nullable(Type.String()), message: Nullable(Type.String()), at: DateTime })),
  acceptedHelper: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  hours: Nullable(Type.Number()),
  hoursEstimated: Type.Boolean(),
  thanked: Type.Boolean(),
  doneAt: Nullable(DateTime),
});
export type OwnRequest = Static<typeof OwnRequest>;

export const OwnRequests = Type.Object({ items: Type.Array(OwnRequest) });
export const HelpingRequests = Type.Object({ items: Type.Array(HelpingRequest) });

export const CreatedRequest = Type.Object({
  id: Type.String(),
  status: Status,
  cell: Type.String(),
  communeCode: Type.String(),
  notified: Type.Integer({ description: 'how many helpers were told (0 on a replayed retry)' }),
});
export type CreatedRequest = Static<typeof CreatedRequest>;

export const PrivateAddress = Type.Object({
  requestId: Type.String(),
  address: Type.String(),
  contact: Nullable(Type.String()),
  requesterName: Nullable(Type.String({ description: 'the requester’s display name, for the helper at the door' })),
});
export type PrivateAddress = Static<typeof PrivateAddress>;

export const OfferOutcome = Type.Object({ status: Status, offered: Type.Boolean() });
export type OfferOutcome = Static<typeof OfferOutcome>;
export const Accepted = Type.Object({ status: Status, helperId: Type.String() });
export const RequestStatus = Type.Object({ status: Status });
export const Thanked = Type.Object({ thanked: Type.Literal(true) });

export const HelperProfile = Type.Object({
  skills: Type.Array(Kind),
  weekdays: Weekdays,
  times: Type.Array(Time),
  radiusKm: Type.Number(),
  homeCell: Type.String(),
  homeCellCenter: Type.Object(LatLng.properties, { description: 'the cell’s centre, to draw the area; never the point typed in' }),
  communeCode: Type.String(),
  communeName: Type.String(),
  updatedAt: DateTime,
});
export type HelperProfile = Static<typeof HelperProfile>;

/** My helper profile, null when I have none. */
export const HelperProfileAnswer = Type.Object({ profile: Nullable(HelperProfile) });
export const SavedHelperProfile = Type.Object({ profile: HelperProfile });

export const OfferView = Type.Object({
  id: Type.String(),
  kind: Kind,
  text: Type.String(),
  weekdays: Weekdays,
  times: Type.Array(Time),
  communeCode: Type.String(),
  communeName: Type.String(),
  cell: Type.String(),
  helperName: Nullable(Type.String()),
  createdAt: DateTime,
  mine: Type.Boolean(),
  approxDistanceKm: Nullable(Type.Number()),
});
export type OfferView = Static<typeof OfferView>;
export const OfferList = Type.Object({ items: Type.Array(OfferView) });

export const PublishedOffer = Type.Object({ id: Type.String(), cell: Type.String(), communeCode: Type.String() });
export type PublishedOffer = Static<typeof PublishedOffer>;

const figuresOfHelp = {
  requestsDone: Type.Integer({ minimum: 0, description: 'requests marked done' }),
  hours: Type.Number({ minimum: 0, description: 'hours of help: reported plus estimated' }),
  hoursReported: Type.Number({ minimum: 0, description: 'of `hours`, those the helper or the requester reported when marking it done' }),
  hoursEstimated: Type.Number({ minimum: 0, description: 'of `hours`, the per-kind estimates for requests nobody reported the time of' }),
  peopleHelped: Type.Integer({ minimum: 0, description: 'distinct requesters' }),
  helpers: Type.Integer({ minimum: 0, description: 'distinct accepted helpers' }),
};

const WeekOf = Type.String({ ...CalendarDate, description: 'the Monday of the ISO week (Europe/Paris), YYYY-MM-DD' });

/** One ISO week (Europe/Paris) of help, whole. */
export const WeekOfHelp = Type.Object({ weekOf: WeekOf, ...figuresOfHelp }, { additionalProperties: false });
export type WeekOfHelp = Static<typeof WeekOfHelp>;

/** A week as shown: whole, or its date and the suppressed shape (docs/privacy.md). */
export const ShownWeekOfHelp = Type.Union([WeekOfHelp, Type.Object({ weekOf: WeekOf, ...SuppressedSchema.properties }, { additionalProperties: false })]);
export type ShownWeekOfHelp = Static<typeof ShownWeekOfHelp>;

/** Totals over the weeks shown; the distinct counts cover those weeks, not the sum of each week's. */
export const TotalsOfHelp = Type.Object(figuresOfHelp, { additionalProperties: false });
export type TotalsOfHelp = Static<typeof TotalsOfHelp>;

/** "N others helped this week": in the territory (under the small-group rule) and in each of my communities. */
export const OthersHelped = Type.Object(
  {
    weekOf: Type.String({ ...CalendarDate, description: 'the Monday of this ISO week' }),
    territory: GuardedSchema(Type.Integer({ minimum: 0, description: 'others who helped in the territory this week' })),
    communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), others: Type.Integer({ minimum: 0, description: 'other active members who helped this week' }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type OthersHelped = Static<typeof OthersHelped>;

const hoursEstimates = Object.fromEntries(AID_KINDS.map((kind) => [kind, Type.Number({ exclusiveMinimum: 0 })])) as Record<AidKind, TNumber>;

/** The collective value of mutual aid for the territory, a community or me: each week and the totals whole, or suppressed by the small-group rule. */
export const HelpImpact = Type.Object(
  {
    scope: StringEnum(['territory', 'community', 'person'] as const),
    name: Type.String({ description: 'the territory’s or the community’s name (mine: the territory’s)' }),
    weeks: Type.Array(ShownWeekOfHelp, { description: 'oldest first, empty weeks included' }),
    totals: GuardedSchema(TotalsOfHelp),
    estimates: Type.Object(hoursEstimates, { additionalProperties: false, description: 'hours counted for a done request nobody reported the time of, per kind' }),
    method: Type.Array(Type.String(), { description: 'how the figures are counted, in plain words' }),
    notAlone: Type.Optional(OthersHelped),
    received: Type.Optional(Type.Object({ requestsDone: Type.Integer({ minimum: 0, description: 'my requests marked done over the same weeks' }) }, { additionalProperties: false, description: 'mine only: help I received' })),
  },
  { additionalProperties: false },
);
export type HelpImpact = Static<typeof HelpImpact>;
